"""The operator's recording of filling attempts and stages for a vacancy."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.dates import today
from plt_tracker.core.forms import submit_change
from plt_tracker.core.requests import as_of_from_request
from plt_tracker.auth.scope import get_owned
from plt_tracker.extensions import db
from plt_tracker.registry.models import Official
from plt_tracker.registry.post_queries import official_choices
from plt_tracker.selection import bp
from plt_tracker.selection import operations as ops
from plt_tracker.selection.forms import (ApprovalForm, EndAttemptForm, InaugurationForm,
                                         StageForm, StartAttemptForm, choices)
from plt_tracker.selection.models import FillingAttempt, Route, RouteStage
from plt_tracker.selection.queries import progress_by_vacancy, routes_for
from plt_tracker.vacancies.models import Vacancy


@bp.app_context_processor
def _progress_helpers():
    """Let the post page include its vacancies' progress without its view knowing about it."""
    return {"vacancies_progress": progress_by_vacancy}


@bp.route("/kekosongan/<int:vacancy_id>/proses")
@role_required("viewer")
def vacancy_progress(vacancy_id):
    """Show a vacancy's filling progress and the timeline of every attempt."""
    vacancy = _own_vacancy(vacancy_id)
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    return render_template("selection/progress.html", vacancy=vacancy, as_of=as_of,
                           item=progress_by_vacancy([vacancy.id], as_of)[vacancy.id])


@bp.route("/kekosongan/<int:vacancy_id>/proses/baru", methods=["GET", "POST"])
@role_required("operator")
def start_attempt(vacancy_id):
    """Start filling a vacancy along a route."""
    vacancy = _own_vacancy(vacancy_id)
    form = StartAttemptForm()
    form.route_id.choices = choices([(0, _("— pilih jalur —"))] + [
        (r.id, r.name) for r in routes_for(vacancy.post)])

    def change():
        route = db.session.get(Route, form.route_id.data)
        ops.start_attempt(vacancy, route, form.started_on.data, today=today(), note=form.note.data)
        return _("Proses %(route)s dimulai.", route=route.name)

    return _handle(form, vacancy, _("Mulai proses pengisian"), change)


@bp.route("/proses/<int:attempt_id>/tahap/<int:stage_id>", methods=["GET", "POST"])
@role_required("operator")
def record_stage(attempt_id, stage_id):
    """Record a stage's dates, letter number and note."""
    attempt = _own_attempt(attempt_id)
    stage = db.session.get(RouteStage, stage_id)
    if stage is None or stage.route_id != attempt.route_id:
        return redirect(url_for("selection.vacancy_progress", vacancy_id=attempt.vacancy_id))
    existing = next((r for r in attempt.records if r.stage_id == stage.id), None)
    form_class = InaugurationForm if stage.ends_vacancy else StageForm
    form = form_class(obj=existing)
    registration = stage.code == "registration"
    if not registration:
        del form.applicants, form.extensions
    if stage.ends_vacancy:
        form.appointee.choices = choices([(0, _("— pilih pejabat —"))] + official_choices(
            current_user.instansi_id))

    def change():
        extra = {}
        if stage.ends_vacancy:
            extra = {"appointee": _own_official(form.appointee.data) if form.appointee.data else None,
                     "sk_number": form.sk_number.data, "sk_date": form.sk_date.data}
        if registration:
            extra.update(applicants=form.applicants.data, extensions=form.extensions.data)
        ops.record_stage(attempt, stage, form.started_on.data, today=today(),
                         finished_on=form.finished_on.data,
                         document_number=form.document_number.data, note=form.note.data, **extra)
        return _("Tahap %(stage)s dicatat.", stage=stage.name)

    title = _("Tahap %(n)d. %(stage)s", n=stage.position, stage=stage.name)
    return _handle(form, attempt.vacancy, title, change, attempt=attempt)


@bp.route("/proses/<int:attempt_id>/akhiri", methods=["GET", "POST"])
@role_required("operator")
def end_attempt(attempt_id):
    """Mark an attempt failed or cancelled, with its reason."""
    attempt = _own_attempt(attempt_id)
    form = EndAttemptForm()

    def change():
        ops.end_attempt(attempt, form.status.data, form.ended_on.data, form.reason.data,
                        today=today())
        return _("Proses %(route)s ditandai %(status)s.", route=attempt.route.name,
                 status=attempt.status_label.lower())

    return _handle(form, attempt.vacancy, _("Tandai proses gagal/dibatalkan"), change,
                   attempt=attempt)


@bp.route("/proses/<int:attempt_id>/persetujuan-mendagri", methods=["GET", "POST"])
@role_required("operator")
def minister_approval(attempt_id):
    """Record the Minister's written approval for the attempt's appointment."""
    attempt = _own_attempt(attempt_id)
    form = ApprovalForm()

    def change():
        ops.record_minister_approval(attempt, form.number.data, form.approved_on.data,
                                     today=today())
        return _("Persetujuan Mendagri dicatat.")

    return _handle(form, attempt.vacancy, _("Persetujuan tertulis Mendagri"), change,
                   attempt=attempt)


def _handle(form, vacancy, title, change, *, attempt=None):
    """Run the form's change and go back to the vacancy's progress, or re-show the form."""
    return submit_change(
        form, change, done_url=url_for("selection.vacancy_progress", vacancy_id=vacancy.id),
        render=lambda: render_template("selection/form.html", form=form, vacancy=vacancy,
                                       title=title, attempt=attempt))


def _own_vacancy(vacancy_id):
    return get_owned(Vacancy, vacancy_id, lambda v: v.post.opd.instansi_id)


def _own_attempt(attempt_id):
    return get_owned(FillingAttempt, attempt_id, lambda a: a.vacancy.post.opd.instansi_id)


def _own_official(official_id):
    return get_owned(Official, official_id, lambda o: o.instansi_id)
