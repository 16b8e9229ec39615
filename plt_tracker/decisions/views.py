"""The decisions pages: the list, recording one, its page, changing and closing it."""
import datetime as dt

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.audit.models import AuditEntry
from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import get_owned, list_pemda_ids
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.forms import submit_change
from plt_tracker.core.requests import arg_int, as_of_from_request
from plt_tracker.decisions import bp, operations as ops, queries
from plt_tracker.decisions.forms import (BKPSDM, CloseForm, DecisionForm, DropForm,
                                         EditDecisionForm, choices)
from plt_tracker.decisions.models import Decision
from plt_tracker.decisions.rules import STATUS_LABELS
from plt_tracker.extensions import db
from plt_tracker.flags.codes import FLAG_LABELS
from plt_tracker.rakor.queries import meetings_between
from plt_tracker.registry.models import Opd, Post
from plt_tracker.registry.queries import opds_of
from plt_tracker.vacancies.models import Vacancy

STATUS_FILTERS = ("pending", "open", "overdue", "done", "dropped")
# Rakor offered when recording a decision: the last four months' meetings up to today.
MEETING_WINDOW = dt.timedelta(days=124)


@bp.route("/keputusan")
@role_required("viewer")
def index():
    """List the Rakor decisions with their status on the as-of date."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    status = request.args.get("status")
    status = status if status in STATUS_FILTERS else None
    found = queries.decisions_of(list_pemda_ids(), as_of, status=status)
    return render_template("decisions/index.html", decisions=found, as_of=as_of, status=status,
                           status_labels=STATUS_LABELS, filters=STATUS_FILTERS)


@bp.route("/keputusan/baru", methods=["GET", "POST"])
@role_required("operator")
def new():
    """Record a decision of a Rakor (prefilled from a post page: ?jabatan=ID&flag=CODE)."""
    instansi_id = current_user.instansi_id
    form = DecisionForm()
    _decision_choices(form, instansi_id)
    if not form.is_submitted():
        post = ops.own_post(instansi_id, arg_int("jabatan"))
        form.post_id.data = str(post.id) if post else ""
        flag = request.args.get("flag")
        form.flag_code.data = flag if flag in FLAG_LABELS else ""
        form.responsible.data = f"opd:{post.opd_id}" if post else BKPSDM

    def change():
        post = ops.own_post(instansi_id, _int(form.post_id.data))
        decision = ops.record_decision(
            instansi_id, meeting_date=dt.date.fromisoformat(form.meeting_date.data),
            instruction=form.instruction.data, today=today(), post=post,
            flag_code=form.flag_code.data or None, due_date=form.due_date.data,
            responsible_opd=_responsible(instansi_id, form.responsible.data),
            responsible_email=form.responsible_email.data)
        change.decision = decision
        return _("Keputusan dicatat; tenggat %(day)s.",
                 day=decision.due_date.strftime("%d/%m/%Y"))

    return submit_change(
        form, change, done_url=lambda: _back_to(change.decision),
        render=lambda: render_template("decisions/form.html", form=form, decision=None,
                                       title=_("Catat keputusan Rakor")))


@bp.route("/keputusan/<int:decision_id>")
@role_required("viewer")
def detail(decision_id):
    """Show a decision, its status and its history."""
    decision = _owned(decision_id)
    queries.annotate(decision, today())
    entries = db.session.scalars(
        db.select(AuditEntry).filter_by(entity="decision", entity_id=decision.id)
        .order_by(AuditEntry.at, AuditEntry.id)).all()
    return render_template("decisions/detail.html", decision=decision, entries=entries,
                           status_labels=STATUS_LABELS, flag_label=queries.flag_label,
                           close_form=_close_form(CloseForm, decision),
                           drop_form=_close_form(DropForm, decision))


@bp.route("/keputusan/<int:decision_id>/ubah", methods=["GET", "POST"])
@role_required("operator")
def edit(decision_id):
    """Change an open decision's instruction, responsible unit or due date."""
    decision = _owned(decision_id)
    form = EditDecisionForm(obj=decision if request.method == "GET" else None)
    form.responsible.choices = _responsible_choices(decision.instansi_id)
    if not form.is_submitted():
        form.responsible.data = (f"opd:{decision.responsible_opd_id}"
                                 if decision.responsible_opd_id else BKPSDM)

    def change():
        ops.update_decision(decision, instruction=form.instruction.data,
                            due_date=form.due_date.data,
                            responsible_opd=_responsible(decision.instansi_id,
                                                         form.responsible.data),
                            responsible_email=form.responsible_email.data,
                            version=form.version.data or None)
        return _("Keputusan diubah.")

    return submit_change(
        form, change, done_url=url_for("decisions.detail", decision_id=decision.id),
        render=lambda: render_template("decisions/form.html", form=form, decision=decision,
                                       title=_("Ubah keputusan")))


@bp.route("/keputusan/<int:decision_id>/selesai", methods=["GET", "POST"])
@role_required("operator")
def close(decision_id):
    """Mark a decision done: when, and what was done."""
    return _closing(decision_id, CloseForm, ops.close_decision, _("Keputusan ditandai selesai."),
                    _("Tandai keputusan selesai"))


@bp.route("/keputusan/<int:decision_id>/hentikan", methods=["GET", "POST"])
@role_required("operator")
def drop(decision_id):
    """Drop a decision, with the reason."""
    return _closing(decision_id, DropForm, ops.drop_decision, _("Keputusan dihentikan."),
                    _("Hentikan keputusan"))


def _closing(decision_id, form_class, operation, message, title):
    decision = _owned(decision_id)
    form = form_class()
    if not form.is_submitted():
        form.closed_on.data, form.version.data = today(), str(decision.version)

    def change():
        operation(decision, form.closed_on.data, form.note.data, today=today(),
                  version=form.version.data or None)
        return message

    return submit_change(
        form, change, done_url=_safe_next() or url_for("decisions.detail", decision_id=decision.id),
        render=lambda: render_template("decisions/form.html", form=form, decision=decision,
                                       title=title))


def _close_form(form_class, decision):
    form = form_class(formdata=None)
    form.closed_on.data, form.version.data = today(), str(decision.version)
    return form


def _owned(decision_id):
    return get_owned(Decision, decision_id, lambda d: d.instansi_id)


def _back_to(decision):
    if decision.post_id:
        return url_for("registry.post_detail", post_id=decision.post_id) + "#keputusan"
    return url_for("decisions.detail", decision_id=decision.id)


def _safe_next():
    """Return ?next= when it is a path of this site (the page an offer was shown on)."""
    target = request.args.get("next") or ""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


def _decision_choices(form, instansi_id):
    day = today()
    meetings = meetings_between(instansi_id, day - MEETING_WINDOW, day + dt.timedelta(days=1))
    form.meeting_date.choices = choices((m.date.isoformat(), f"{m.date:%d/%m/%Y}")
                                        for m in reversed(meetings))
    if not form.is_submitted() and meetings:
        form.meeting_date.data = meetings[-1].date.isoformat()
    vacant = db.session.execute(
        db.select(Vacancy.post_id).join(Vacancy.post).join(Opd)
        .filter(Opd.instansi_id == instansi_id, Vacancy.end_date.is_(None))).scalars().all()
    posts = {p.id: p for p in _posts(vacant)}
    form.post_id.choices = choices([("", _("— seluruh pemda —"))] + [
        (str(p.id), f"{p.title} ({p.opd.name})")
        for p in sorted(posts.values(), key=lambda p: (p.opd.name, p.title))])
    form.flag_code.choices = choices([("", _("— tanpa penanda —"))] + [
        (code, f"{label} ({code})") for code, label in FLAG_LABELS.items()])
    form.responsible.choices = _responsible_choices(instansi_id)


def _posts(ids):
    if not ids:
        return []
    return db.session.scalars(db.select(Post).filter(Post.id.in_(set(ids)))).all()


def _responsible_choices(instansi_id):
    return choices([(BKPSDM, "BKPSDM")] + [(f"opd:{o.id}", o.name)
                                            for o in opds_of(instansi_id) if o.is_active])


def _responsible(instansi_id, value):
    """Return the OPD a choice names (None: BKPSDM); an unknown OPD is refused."""
    if value == BKPSDM:
        return None
    opd = ops.own_opd(instansi_id, _int((value or "").partition(":")[2]))
    if opd is None:
        raise RuleViolation(_("Pilih penanggung jawab"), "responsible")
    return opd


def _int(text):
    text = (text or "").strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


@bp.app_context_processor
def _decision_helpers():
    """Let the post page and the base layout show decisions without their views knowing."""
    from plt_tracker.decisions.offers import pending_offers

    def post_decisions(post_id, as_of):
        return queries.decisions_of(None, as_of, post_id=post_id)

    return {"post_decisions": post_decisions, "decision_offers": pending_offers,
            "post_flag_codes": queries.stored_flag_codes, "flag_label": queries.flag_label,
            "decision_status_labels": STATUS_LABELS}
