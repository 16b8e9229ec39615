"""The admin's pages for the pemda's filling routes and their stages (audited)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import submit_change
from plt_tracker.selection import bp
from plt_tracker.selection import route_operations as ops
from plt_tracker.selection.forms import MoveForm, NewStageForm, RouteForm, StageEditForm
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.selection.models import Route, RouteStage
from plt_tracker.auth.scope import get_owned
from plt_tracker.selection.queries import routes_of


@bp.route("/jalur")
@role_required("admin")
def routes():
    """List the filling routes with their ordered stages."""
    return render_template("selection/routes.html", routes=routes_of(current_user.instansi_id),
                           move_form=MoveForm(),
                           post_kinds=dict(POST_KINDS, sekda=_("Sekretaris Daerah")))


@bp.route("/jalur/<int:route_id>/ubah", methods=["GET", "POST"])
@role_required("admin")
def edit_route(route_id):
    """Edit a route's name, description, post kinds and whether it is active."""
    route = _get(Route, route_id)
    form = RouteForm(obj=route)
    if not form.is_submitted():
        form.post_kinds.data = route.kinds

    def change():
        ops.update_route(route, instansi_id=current_user.instansi_id, name=form.name.data,
                         description=form.description.data, post_kinds=form.post_kinds.data,
                         is_active=form.is_active.data)
        return _("Jalur %(name)s disimpan.", name=route.name)

    return _handle(form, _("Ubah jalur %(name)s", name=route.name), change)


@bp.route("/jalur/tahap/<int:stage_id>/ubah", methods=["GET", "POST"])
@role_required("admin")
def edit_stage(stage_id):
    """Edit a stage's name, expected duration and rule markers."""
    stage = _get(RouteStage, stage_id)
    form = StageEditForm(obj=stage)

    def change():
        ops.update_stage(stage, instansi_id=current_user.instansi_id, name=form.name.data,
                         expected_days=form.expected_days.data,
                         needs_minister_approval_check=form.needs_minister_approval_check.data,
                         is_appointment_stage=form.is_appointment_stage.data,
                         ends_vacancy=form.ends_vacancy.data)
        return _("Tahap %(name)s disimpan.", name=stage.name)

    title = _("Ubah tahap %(n)d (%(route)s)", n=stage.position, route=stage.route.name)
    return _handle(form, title, change)


@bp.route("/jalur/<int:route_id>/tahap-baru", methods=["GET", "POST"])
@role_required("admin")
def add_stage(route_id):
    """Add a stage to a route."""
    route = _get(Route, route_id)
    form = NewStageForm()

    def change():
        stage = ops.add_stage(route, instansi_id=current_user.instansi_id, name=form.name.data,
                              expected_days=form.expected_days.data)
        return _("Tahap %(name)s ditambahkan.", name=stage.name)

    return _handle(form, _("Tambah tahap ke %(name)s", name=route.name), change)


@bp.route("/jalur/tahap/<int:stage_id>/pindah", methods=["POST"])
@role_required("admin")
def move_stage(stage_id):
    """Move a stage one place up or down."""
    stage = _get(RouteStage, stage_id)
    form = MoveForm()
    if not form.validate_on_submit() or form.direction.data not in ("-1", "1"):
        abort(400)
    try:
        with transaction():
            ops.move_stage(stage, int(form.direction.data), instansi_id=current_user.instansi_id)
    except RuleViolation as exc:
        flash(exc.shown(), "danger")
    else:
        flash(_("Urutan tahap disimpan."), "success")
    return redirect(url_for("selection.routes", _anchor=f"jalur-{stage.route_id}"))


def _handle(form, title, change):
    """Run the form's change and go back to the routes page, or re-show the form."""
    return submit_change(form, change, done_url=url_for("selection.routes"),
                         render=lambda: render_template("selection/route_form.html", form=form,
                                                        title=title))


def _get(model, object_id):
    """Load a route or stage of the admin's own pemda (each pemda edits only its copy)."""
    if model is Route:
        return get_owned(Route, object_id, lambda r: r.instansi_id)
    return get_owned(RouteStage, object_id, lambda s: s.route.instansi_id)
