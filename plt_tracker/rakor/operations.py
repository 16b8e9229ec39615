"""Writes of the Rakor area: calendar changes, the rule, and making a report.

Each function runs inside the caller's transaction and raises RuleViolation
(with an Indonesian message) on a refused change, so nothing is saved.
"""
import datetime as dt
import re

from plt_tracker.audit.operations import record
from plt_tracker.core.db import RuleViolation, lock_pemda
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.core.dates import utcnow
from plt_tracker.extensions import db
from plt_tracker.rakor import calendar, queries
from plt_tracker.rakor.models import RakorMeeting, RakorReport, ReportDelivery, ReportRun
from plt_tracker.flags.history import escalating_posts
from plt_tracker.rakor.report import build_snapshot
from plt_tracker.registry.models import Instansi
from plt_tracker.settings.logic import get_settings, set_settings

_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")


def add_meeting(instansi_id, day, note, *, today):
    """Add a meeting on top of the rule."""
    _not_past(day, today)
    lock_pemda(instansi_id)  # "ends before the next Rakor" flags change with the calendar
    if queries.meeting_on(instansi_id, day):
        raise RuleViolation(message(N_("Sudah ada Rakor pada %(day)s"), day=dmy(day)),
                            "meeting_date")
    row = RakorMeeting(instansi_id=instansi_id, meeting_date=day, cancelled=False,
                       note=note or None, created_at=utcnow())
    db.session.add(row)
    db.session.flush()
    record("create", "rakor_meeting", row.id, f"Rakor tambahan {day:%d/%m/%Y}",
           instansi_id=instansi_id, after={"meeting_date": day.isoformat(), "note": note})
    return row


def move_meeting(instansi_id, rule_month, new_day, note, *, today):
    """Move the rule meeting of a month (given by its first day) to another date."""
    _not_past(new_day, today)
    lock_pemda(instansi_id)  # the stored flags are computed again with the new date
    rule_month = rule_month.replace(day=1)
    row = _month_override(instansi_id, rule_month)
    before = {"meeting_date": row.meeting_date.isoformat() if row.meeting_date else None,
              "cancelled": row.cancelled}
    row.meeting_date, row.cancelled, row.note = new_day, False, note or None
    db.session.flush()
    record("update", "rakor_meeting", row.id,
           f"Rakor bulan {rule_month:%m/%Y} dipindah ke {new_day:%d/%m/%Y}",
           instansi_id=instansi_id, before=before,
           after={"meeting_date": new_day.isoformat(), "note": note})
    return row


def cancel_meeting(instansi_id, *, rule_month=None, meeting_id=None, note=None):
    """Cancel a month's rule meeting, or an added/moved meeting by its id."""
    lock_pemda(instansi_id)  # the stored flags are computed again without it
    if meeting_id is not None:
        row = db.session.get(RakorMeeting, meeting_id)
        if row is None or row.instansi_id != instansi_id:
            raise RuleViolation("Rakor tidak ditemukan")
    elif rule_month is not None:
        row = _month_override(instansi_id, rule_month.replace(day=1))
    else:
        raise RuleViolation("Pilih Rakor yang dibatalkan")
    row.cancelled = True
    row.note = note or row.note
    db.session.flush()
    record("update", "rakor_meeting", row.id, "Rakor dibatalkan", instansi_id=instansi_id,
           after={"meeting_date": row.meeting_date.isoformat() if row.meeting_date else None,
                  "rule_month": row.rule_month.isoformat() if row.rule_month else None,
                  "cancelled": True, "note": row.note})
    return row


def update_rule(instansi_id, *, weekday, week_of_month, time, lead_days, report_time, recipients):
    """Change the recurrence rule, the report lead time and the recipients."""
    if weekday not in range(7):
        raise RuleViolation("Hari tidak dikenal", "weekday")
    if week_of_month not in calendar.WEEKS:
        raise RuleViolation("Minggu ke- tidak dikenal", "week_of_month")
    if not 0 <= lead_days <= 30:
        raise RuleViolation("Laporan dibuat 0 sampai 30 hari sebelum Rakor", "lead_days")
    for field, text in (("time", time), ("report_time", report_time)):
        try:
            calendar.parse_time(text)
        except ValueError:
            raise RuleViolation(message(N_("Jam '%(time)s' tidak sah (contoh 09:00)"), time=text),
                                field) from None
    addresses = parse_recipients(recipients)
    lock_pemda(instansi_id)  # the next Rakor may move: the stored flags are computed again
    set_settings(instansi_id, {
        "rakor_weekday": weekday, "rakor_week_of_month": week_of_month, "rakor_time": time,
        "report_lead_days": lead_days, "report_time": report_time,
        "report_recipients": ", ".join(addresses)})


def parse_recipients(text):
    """Split the recipients setting into addresses, refusing malformed ones."""
    addresses = [a.strip() for a in re.split(r"[,;\s]+", text or "") if a.strip()]
    wrong = [a for a in addresses if not _EMAIL.match(a)]
    if wrong:
        raise RuleViolation(message(N_("Alamat email tidak sah: %(addresses)s"),
                                    addresses=", ".join(wrong)), "recipients")
    return list(dict.fromkeys(addresses))


def generate_report(instansi_id, meeting, *, trigger, actor, claim=None):
    """Compute and store a new version of a meeting's report, queueing its emails.

    `claim` ("scheduled") first inserts the run row whose unique key lets only
    one scheduler make the report; a second caller gets an IntegrityError from
    the flush and its transaction is rolled back with nothing written.
    """
    instansi = db.session.get(Instansi, instansi_id)
    run = None
    if claim:
        run = ReportRun(instansi_id=instansi_id, meeting_date=meeting.date, kind=claim,
                        created_at=utcnow())
        db.session.add(run)
        db.session.flush()
    version = queries.next_version(instansi_id, meeting.date)
    previous = queries.latest_reports_before(instansi_id, meeting.date, 1)
    following = queries.next_meeting(instansi_id, meeting.date + dt.timedelta(days=1))
    snapshot = build_snapshot(instansi, meeting, next_rakor=following.date if following else None,
                              generated_at=utcnow(), version=version,
                              previous=previous[0].snapshot if previous else None)
    report = RakorReport(instansi_id=instansi_id, meeting_date=meeting.date, version=version,
                         trigger=trigger, created_by=actor, created_at=utcnow(), snapshot=snapshot,
                         escalating_post_ids=escalating_posts(snapshot))
    db.session.add(report)
    db.session.flush()
    if run is not None:
        run.report_id = report.id
    queue_deliveries(report, get_settings(instansi_id)["report_recipients"])
    record("create", "rakor_report", report.id,
           f"Laporan Rakor {meeting.date:%d/%m/%Y} versi {version} dibuat ({trigger})",
           instansi_id=instansi_id, after={"meeting_date": meeting.date.isoformat(),
                                           "version": version, "trigger": trigger})
    return report


def queue_deliveries(report, recipients):
    """Add one pending email per recipient of a report (malformed addresses are skipped)."""
    if isinstance(recipients, (list, tuple)):
        recipients = ",".join(recipients)
    addresses = [a.strip() for a in re.split(r"[,;\s]+", recipients or "") if a.strip()]
    for address in dict.fromkeys(a for a in addresses if _EMAIL.match(a)):
        db.session.add(ReportDelivery(report_id=report.id, recipient=address, status="pending",
                                      attempts=0))
    db.session.flush()


def retry_failed_deliveries(report):
    """Put a report's failed emails back in the queue with fresh attempts."""
    retried = [d for d in report.deliveries if d.status == "failed"]
    for delivery in retried:
        delivery.status, delivery.attempts = "pending", 0
    if retried:
        record("update", "report_delivery", report.id,
               f"Pengiriman ulang laporan Rakor {report.meeting_date:%d/%m/%Y} "
               f"ke {len(retried)} penerima", instansi_id=report.instansi_id,
               after={"recipients": [d.recipient for d in retried]})
    return retried


def _month_override(instansi_id, rule_month):
    row = db.session.scalar(db.select(RakorMeeting).filter_by(instansi_id=instansi_id,
                                                              rule_month=rule_month))
    if row is None:
        row = RakorMeeting(instansi_id=instansi_id, rule_month=rule_month, cancelled=False,
                           created_at=utcnow())
        db.session.add(row)
    return row


def _not_past(day, today):
    if day is None:
        raise RuleViolation("Tanggal Rakor wajib diisi", "meeting_date")
    if day < today:
        raise RuleViolation("Tanggal Rakor tidak boleh sebelum hari ini", "meeting_date")
