"""The Rakor calendar page and the admin's changes to it."""
import datetime as dt

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import current_pemda_id
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.requests import MAX_ID
from plt_tracker.rakor import bp, calendar, operations, queries
from plt_tracker.rakor.forms import (AddMeetingForm, CancelMeetingForm, MoveMeetingForm, RuleForm,
                                     choices)
from plt_tracker.settings.logic import get_settings

MONTHS_SHOWN = 12


def _meetings_page(status=200, **forms):
    """Render the calendar page with the given (possibly failed) forms."""
    instansi_id = current_pemda_id()
    day = today()
    meetings = queries.planned_meetings(instansi_id, day.replace(day=1), MONTHS_SHOWN)
    meetings = [m for m in meetings if m.date >= day]
    settings = get_settings(instansi_id)
    reports = {r.meeting_date: r
               for r in reversed(queries.reports_of(instansi_id, with_snapshot=False))}
    rule_form = forms.get("rule_form") or RuleForm(
        formdata=None, weekday=int(settings["rakor_weekday"]),
        week_of_month=int(settings["rakor_week_of_month"]), time=settings["rakor_time"],
        lead_days=int(settings["report_lead_days"]), report_time=settings["report_time"],
        recipients=settings["report_recipients"])
    move_form = forms.get("move_form") or MoveMeetingForm(formdata=None)
    cancel_form = forms.get("cancel_form") or CancelMeetingForm(formdata=None)
    _choices(move_form, cancel_form, meetings)
    lead = int(settings["report_lead_days"])
    report_time = calendar.parse_time(settings["report_time"], "07:00")
    return render_template(
        "rakor/meetings.html", meetings=meetings, reports=reports,
        rule=calendar.rule_from_settings(settings), weekdays=calendar.WEEKDAYS,
        weeks=calendar.WEEKS,
        due={m.date: calendar.report_due_at(m, lead, report_time) for m in meetings},
        rule_form=rule_form, add_form=forms.get("add_form") or AddMeetingForm(formdata=None),
        move_form=move_form, cancel_form=cancel_form), status


def _choices(move_form, cancel_form, meetings):
    months = sorted({(m.month, m.date) for m in meetings if m.month and not m.cancelled})
    move_form.rule_month.choices = choices(
        (month.isoformat(), f"{month:%m/%Y} (Rakor {day:%d/%m/%Y})") for month, day in months)
    options = []
    for m in meetings:
        if m.cancelled:
            continue
        value = f"id:{m.override_id}" if m.origin == "added" else f"month:{m.month:%Y-%m-%d}"
        options.append((value, f"{m.date:%d/%m/%Y}"))
    cancel_form.meeting.choices = choices(options)


@bp.route("/rakor")
@role_required("viewer")
def meetings():
    """List the coming Rakor meetings with where each date came from."""
    return _meetings_page()


@bp.route("/rakor/aturan", methods=["POST"])
@role_required("admin")
def update_rule():
    """Change the recurrence rule, lead time and recipients."""
    form = RuleForm()
    if not form.validate_on_submit():
        return _meetings_page(422, rule_form=form)
    try:
        with transaction():
            operations.update_rule(
                current_user.instansi_id, weekday=form.weekday.data,
                week_of_month=form.week_of_month.data, time=form.time.data.strip(),
                lead_days=form.lead_days.data, report_time=form.report_time.data.strip(),
                recipients=form.recipients.data)
    except RuleViolation as exc:
        _field_error(form, exc)
        return _meetings_page(422, rule_form=form)
    flash(_("Aturan jadwal Rakor disimpan."), "success")
    return redirect(url_for("rakor.meetings"))


@bp.route("/rakor/tambah", methods=["POST"])
@role_required("admin")
def add_meeting():
    """Add a meeting on top of the rule."""
    form = AddMeetingForm()
    if not form.validate_on_submit():
        return _meetings_page(422, add_form=form)
    try:
        with transaction():
            operations.add_meeting(current_user.instansi_id, form.meeting_date.data,
                                   form.note.data, today=today())
    except RuleViolation as exc:
        _field_error(form, exc)
        return _meetings_page(422, add_form=form)
    flash(_("Rakor tambahan dicatat."), "success")
    return redirect(url_for("rakor.meetings"))


@bp.route("/rakor/pindah", methods=["POST"])
@role_required("admin")
def move_meeting():
    """Move one month's meeting to another date."""
    form = MoveMeetingForm()
    form.rule_month.choices = choices([(form.rule_month.data, form.rule_month.data)])
    if not form.validate_on_submit():
        return _meetings_page(422, move_form=form)
    try:
        month = dt.date.fromisoformat(form.rule_month.data)
        with transaction():
            operations.move_meeting(current_user.instansi_id, month, form.meeting_date.data,
                                    form.note.data, today=today())
    except (RuleViolation, ValueError) as exc:
        _field_error(form, exc)
        return _meetings_page(422, move_form=form)
    flash(_("Rakor dipindahkan."), "success")
    return redirect(url_for("rakor.meetings"))


@bp.route("/rakor/batal", methods=["POST"])
@role_required("admin")
def cancel_meeting():
    """Cancel a planned meeting."""
    form = CancelMeetingForm()
    form.meeting.choices = choices([(form.meeting.data, form.meeting.data)])
    if not form.validate_on_submit():
        return _meetings_page(422, cancel_form=form)
    kind, _sep, value = (form.meeting.data or "").partition(":")
    try:
        with transaction():
            if kind == "id":
                operations.cancel_meeting(current_user.instansi_id,
                                          meeting_id=_meeting_id(value), note=form.note.data)
            else:
                operations.cancel_meeting(current_user.instansi_id,
                                          rule_month=dt.date.fromisoformat(value),
                                          note=form.note.data)
    except (RuleViolation, ValueError) as exc:
        _field_error(form, exc)
        return _meetings_page(422, cancel_form=form)
    flash(_("Rakor dibatalkan."), "success")
    return redirect(url_for("rakor.meetings"))


def _meeting_id(value):
    """Return a meeting id from the form; one no database integer holds is a bad value."""
    meeting_id = int(value)
    if not 0 < meeting_id <= MAX_ID:
        raise ValueError(value)
    return meeting_id


def _field_error(form, exc):
    """Attach a refused rule's message to its field (or the first field)."""
    message = exc.shown() if isinstance(exc, RuleViolation) else _("Nilai tidak sah")
    field = form._fields.get(getattr(exc, "field", None) or "")
    field = field or next(f for f in form if f.type != "CSRFTokenField")
    field.errors = list(field.errors) + [message]


from plt_tracker.rakor import report_views  # noqa: E402,F401
