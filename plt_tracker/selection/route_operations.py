"""Admin edits of a pemda's filling routes and their stages (audited), and the copy of the
national template a new pemda gets."""
from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, message
from plt_tracker.extensions import db
from plt_tracker.selection.models import ROUTE_TARGETS, Route, RouteStage

ROUTE_FIELDS = ("code", "name", "description", "post_kinds", "is_active")
STAGE_FIELDS = ("route_id", "position", "name", "expected_days", "needs_minister_approval_check",
                "is_appointment_stage", "ends_vacancy")


def update_route(route, *, instansi_id, name, description, post_kinds, is_active):
    """Rename a route, change what posts it applies to, or (de)activate it."""
    name = (name or "").strip()
    if not name:
        raise RuleViolation("Nama jalur wajib diisi", "name")
    unknown = [k for k in post_kinds if k not in ROUTE_TARGETS]
    if unknown:
        raise RuleViolation(message(N_("Jenis jabatan tidak dikenal: %(kinds)s"),
                                    kinds=", ".join(unknown)), "post_kinds")
    if not post_kinds:
        raise RuleViolation("Pilih minimal satu jenis jabatan", "post_kinds")
    before = snapshot(route, ROUTE_FIELDS)
    route.name, route.description = name[:200], (description or "").strip() or None
    route.post_kinds, route.is_active = ",".join(post_kinds), bool(is_active)
    # Routes are shared by every pemda; the entry goes to the log of the admin's pemda.
    record("update", "route", route.id, f"Jalur {route.name} diubah", instansi_id=instansi_id,
           before=before, after=snapshot(route, ROUTE_FIELDS))
    return route


def update_stage(stage, *, instansi_id, name, expected_days, needs_minister_approval_check,
                 is_appointment_stage, ends_vacancy):
    """Rename a stage, change its expected duration or its rule markers."""
    name = (name or "").strip()
    if not name:
        raise RuleViolation("Nama tahap wajib diisi", "name")
    if expected_days is not None and expected_days < 0:
        raise RuleViolation("Lama tahap tidak boleh negatif", "expected_days")
    if ends_vacancy and stage.position != max(s.position for s in stage.route.stages):
        raise RuleViolation("Hanya tahap terakhir yang dapat mengakhiri kekosongan",
                            "ends_vacancy")
    before = snapshot(stage, STAGE_FIELDS)
    stage.name, stage.expected_days = name[:200], expected_days
    stage.needs_minister_approval_check = bool(needs_minister_approval_check)
    stage.is_appointment_stage = bool(is_appointment_stage)
    stage.ends_vacancy = bool(ends_vacancy)
    record("update", "route_stage", stage.id, f"Tahap {stage.name} ({stage.route.name}) diubah",
           instansi_id=instansi_id, before=before, after=snapshot(stage, STAGE_FIELDS))
    return stage


def add_stage(route, *, instansi_id, name, expected_days):
    """Add a stage at the end of a route (before the stage that ends the vacancy)."""
    name = (name or "").strip()
    if not name:
        raise RuleViolation("Nama tahap wajib diisi", "name")
    ordered = sorted(route.stages, key=lambda s: s.position)
    position = (ordered[-1].position + 1) if ordered else 1
    if ordered and ordered[-1].ends_vacancy:
        # The inauguration stays last: the new stage goes just before it.
        position = ordered[-1].position
        ordered[-1].position += 1
    stage = RouteStage(route_id=route.id, position=position, name=name[:200],
                       expected_days=expected_days, needs_minister_approval_check=False,
                       is_appointment_stage=False, ends_vacancy=False)
    db.session.add(stage)
    route.stages.append(stage)
    db.session.flush()
    record("create", "route_stage", stage.id, f"Tahap {name} ditambahkan ke {route.name}",
           instansi_id=instansi_id, after=snapshot(stage, STAGE_FIELDS))
    return stage


def move_stage(stage, direction, *, instansi_id):
    """Swap a stage with its neighbour (direction -1 up, +1 down)."""
    ordered = sorted(stage.route.stages, key=lambda s: s.position)
    index = ordered.index(stage)
    target = index + direction
    if direction not in (-1, 1) or not 0 <= target < len(ordered):
        raise RuleViolation("Tahap tidak dapat dipindahkan ke arah itu", "position")
    other = ordered[target]
    if stage.ends_vacancy or other.ends_vacancy:
        raise RuleViolation("Tahap yang mengakhiri kekosongan harus tetap terakhir", "position")
    stage.position, other.position = other.position, stage.position
    record("update", "route_stage", stage.id,
           f"Urutan tahap {stage.name} ({stage.route.name}) menjadi {stage.position}",
           instansi_id=instansi_id, before={"position": other.position},
           after={"position": stage.position})
    return stage


STAGE_COPY = ("position", "name", "expected_days", "needs_minister_approval_check",
              "is_appointment_stage", "ends_vacancy", "code", "is_active")


def copy_template_routes(instansi_id):
    """Give a pemda its own copy of every route of the national template (no pemda)."""
    templates = db.session.scalars(db.select(Route).filter(Route.instansi_id.is_(None))
                                   .order_by(Route.id)).all()
    for template in templates:
        route = Route(instansi_id=instansi_id, code=template.code, name=template.name,
                      description=template.description, post_kinds=template.post_kinds,
                      is_active=template.is_active)
        db.session.add(route)
        stages = db.session.scalars(db.select(RouteStage).filter_by(route_id=template.id)
                                    .order_by(RouteStage.id))
        for stage in stages:
            route.all_stages.append(RouteStage(**{f: getattr(stage, f) for f in STAGE_COPY}))
    db.session.flush()
