"""The report archive, one report's page, its downloads, and making one now."""
import datetime as dt

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import current_pemda_id
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.auth.scope import get_owned
from plt_tracker.rakor import bp, exports, queries
from plt_tracker.rakor.forms import GenerateForm, choices
from plt_tracker.rakor.mail import deliver_pending
from plt_tracker.rakor.models import RakorReport
from plt_tracker.rakor.operations import generate_report, retry_failed_deliveries

DELIVERY_LABELS = {"pending": "Menunggu", "sending": "Sedang dikirim", "sent": "Terkirim",
                   "failed": "Gagal"}


def _generate_choices(instansi_id):
    """Offer the meetings of the last three and next two months."""
    day = today()
    start = (day.replace(day=1) - dt.timedelta(days=85)).replace(day=1)
    meetings = queries.meetings_between(instansi_id, start, day + dt.timedelta(days=62))
    return choices((m.date.isoformat(), f"{m.date:%d/%m/%Y}") for m in reversed(meetings))


def _archive_page(form=None, status=200):
    instansi_id = current_pemda_id()
    form = form or GenerateForm(formdata=None)
    form.meeting_date.choices = _generate_choices(instansi_id)
    next_meeting = queries.next_meeting(instansi_id, today())
    if form.meeting_date.data is None and next_meeting:
        form.meeting_date.data = next_meeting.date.isoformat()
    grouped = {}
    for report in queries.reports_of(instansi_id):
        grouped.setdefault(report.meeting_date, []).append(report)
    return render_template("rakor/reports.html", grouped=grouped, form=form,
                           formats=exports.FORMATS), status


@bp.route("/rakor/laporan")
@role_required("viewer")
def reports():
    """List every report by meeting and version, with its downloads."""
    return _archive_page()


@bp.route("/rakor/laporan/buat", methods=["POST"])
@role_required("admin")
def generate():
    """Make a new version of a meeting's report now, as the scheduler would."""
    instansi_id = current_user.instansi_id
    form = GenerateForm()
    form.meeting_date.choices = _generate_choices(instansi_id)
    if not form.validate_on_submit():
        return _archive_page(form, 422)
    meeting = queries.meeting_on(instansi_id, dt.date.fromisoformat(form.meeting_date.data))
    if meeting is None:
        form.meeting_date.errors = [_("Tidak ada Rakor pada tanggal ini")]
        return _archive_page(form, 422)
    try:
        with transaction():
            report = generate_report(instansi_id, meeting, trigger="manual",
                                     actor=current_user.username)
    except RuleViolation as exc:
        flash(exc.shown(), "danger")
        return _archive_page(form, 422)
    if report.deliveries:
        sent, failed = deliver_pending(instansi_id)
        if failed:
            flash(_("%(n)d email gagal dikirim; akan dicoba lagi oleh penjadwal.", n=failed),
                  "warning")
    day = meeting.date.strftime("%d/%m/%Y")
    flash(_("Laporan Rakor %(day)s versi %(v)d dibuat.", day=day, v=report.version), "success")
    return redirect(url_for("rakor.report", report_id=report.id))


def _owned(report_id):
    return get_owned(RakorReport, report_id, lambda r: r.instansi_id)


@bp.route("/rakor/laporan/<int:report_id>")
@role_required("viewer")
def report(report_id):
    """Show one report, rendered from its frozen snapshot."""
    found = _owned(report_id)
    return render_template("rakor/report.html", report=found,
                           delivery_labels=DELIVERY_LABELS,
                           **exports.report_context(found.snapshot))


@bp.route("/rakor/laporan/<int:report_id>/unduh/<fmt>")
@role_required("viewer")
def download(report_id, fmt):
    """Download a report as PDF, Excel, CSV, JSON or printable HTML."""
    if fmt not in exports.FORMATS:
        abort(404)
    found = _owned(report_id)
    data = exports.render(found.snapshot, fmt)
    name = exports.filename(found.snapshot, fmt)
    return Response(data, mimetype=exports.FORMATS[fmt][0],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/rakor/laporan/<int:report_id>/kirim", methods=["POST"])
@role_required("admin")
def resend(report_id):
    """Retry the report's failed emails now (their attempt count starts again)."""
    found = _owned(report_id)
    with transaction():
        retry_failed_deliveries(found)
    sent, failed = deliver_pending(current_user.instansi_id)
    flash(_("Email terkirim: %(sent)d, gagal: %(failed)d.", sent=sent, failed=failed),
          "success" if not failed else "warning")
    return redirect(url_for("rakor.report", report_id=report_id))

