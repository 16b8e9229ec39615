"""Remind the people responsible of their open decisions a few days before the next Rakor.

The job runs in the scheduler's tick beside the report job: when a meeting is
`decision_reminder_days` ahead (at the report time), it queues one reminder per
responsible address (a unique key queues each once, even with two schedulers),
then sends the queued ones through the report's SMTP set-up, recording every
attempt and retrying failures like the report's deliveries.
"""
import datetime as dt
from email.message import EmailMessage

from flask import current_app
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError, OperationalError

from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import transaction
from plt_tracker.core.i18n import long_date
from plt_tracker.decisions.models import DecisionReminder
from plt_tracker.decisions.queries import decisions_of
from plt_tracker.decisions.rules import STATUS_LABELS
from plt_tracker.extensions import db
from plt_tracker.rakor import calendar
from plt_tracker.rakor.mail import MAX_ATTEMPTS, STALE_CLAIM, send_recorded
from plt_tracker.rakor.queries import meetings_between
from plt_tracker.registry.models import Instansi
from plt_tracker.settings.logic import get_settings


def reminder_due_meetings(instansi_id, now):
    """Return the meetings whose reminders are due at local time `now` and still ahead."""
    settings = get_settings(instansi_id)
    days = int(settings["decision_reminder_days"])
    at = calendar.parse_time(settings["report_time"], "07:00")
    upcoming = meetings_between(instansi_id, now.date(), now.date() + dt.timedelta(days=days + 1))
    return [m for m in upcoming
            if dt.datetime.combine(m.date - dt.timedelta(days=days), at) <= now < m.starts_at]


def queue_reminders(instansi_id, meeting_date, as_of):
    """Queue one reminder per responsible address with open decisions before a meeting.

    Returns how many were queued now (an address already queued for this meeting is left).
    """
    by_address = {}
    for decision in decisions_of({instansi_id}, as_of, status="pending"):
        if decision.responsible_email and decision.meeting_date < meeting_date:
            by_address.setdefault(decision.responsible_email.lower(), []).append(decision.id)
    queued = set(db.session.scalars(db.select(DecisionReminder.recipient).filter_by(
        instansi_id=instansi_id, meeting_date=meeting_date)))
    for address, ids in sorted(by_address.items()):
        if address not in queued:
            db.session.add(DecisionReminder(
                instansi_id=instansi_id, meeting_date=meeting_date, recipient=address,
                decision_ids=sorted(ids), status="pending", attempts=0, created_at=utcnow()))
    db.session.flush()
    return len(set(by_address) - queued)


def run_reminders(now_local, now_utc=None):
    """Queue the reminders that are due (every active pemda), then send what is pending.

    Returns (sent, failed). A pemda that fails is logged and left for the next tick.
    """
    ids = db.session.scalars(db.select(Instansi.id).filter_by(is_active=True)).all()
    for instansi_id in ids:
        for meeting in reminder_due_meetings(instansi_id, now_local):
            try:
                with transaction():
                    queue_reminders(instansi_id, meeting.date, now_local.date())
            except (IntegrityError, OperationalError):
                pass  # another scheduler queued them first
            except Exception:  # noqa: BLE001 — rolled back; the next tick retries
                current_app.logger.exception("Pengingat keputusan Rakor %s gagal disiapkan",
                                             meeting.date)
    return deliver_reminders(now_utc or utcnow(), now_local.date())


def deliver_reminders(now, as_of):
    """Try every pending or failed reminder with attempts left; return (sent, failed)."""
    query = db.select(DecisionReminder.id).filter(
        DecisionReminder.attempts < MAX_ATTEMPTS,
        DecisionReminder.status.in_(("pending", "failed"))
        | ((DecisionReminder.status == "sending")
           & (DecisionReminder.last_attempt_at < now - STALE_CLAIM)))
    sent = failed = 0
    for reminder_id in db.session.scalars(query.order_by(DecisionReminder.id)).all():
        outcome = deliver_one(reminder_id, now, as_of)
        sent += outcome == "sent"
        failed += outcome == "failed"
    return sent, failed


def deliver_one(reminder_id, now, as_of):
    """Claim, send and record one reminder; return its new status (None: not claimed)."""
    with transaction():
        reminder = db.session.get(DecisionReminder, reminder_id, populate_existing=True)
        claimed = db.session.execute(
            db.update(DecisionReminder)
            .where(DecisionReminder.id == reminder_id,
                   DecisionReminder.attempts == reminder.attempts,
                   DecisionReminder.status == reminder.status)
            .values(status="sending", attempts=reminder.attempts + 1, last_attempt_at=now)
        ).rowcount
    if not claimed:
        return None
    reminder = db.session.get(DecisionReminder, reminder_id, populate_existing=True)
    return send_recorded(reminder, lambda: build_message(reminder, as_of), "Pengingat keputusan")


def build_message(reminder, as_of):
    """Return the reminder email: the recipient's decisions, as they stand on `as_of`."""
    with force_locale("id"):
        return _message(reminder, as_of)


def _message(reminder, as_of):
    pemda = db.session.get(Instansi, reminder.instansi_id).name
    decisions = [d for d in decisions_of({reminder.instansi_id}, as_of)
                 if d.id in set(reminder.decision_ids)]
    lines = []
    for number, d in enumerate(decisions, start=1):
        what = f"{d.post.title} ({d.post.opd.name})" if d.post else "Seluruh pemda"
        status = STATUS_LABELS[d.standing]
        if d.standing == "overdue":
            status += f", {d.overdue_days} hari"
        lines.append(f"{number}. Rakor {long_date(d.meeting_date)} — {what}\n"
                     f"   {d.instruction}\n"
                     f"   Penanggung jawab: {d.responsible_label}; tenggat "
                     f"{long_date(d.due_date)}; status: {status}")
    message = EmailMessage()
    message["Subject"] = (f"Pengingat keputusan Rakor {pemda} — Rakor "
                          f"{reminder.meeting_date:%d/%m/%Y}")
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = reminder.recipient
    message.set_content(
        f"Yth. Bapak/Ibu,\n\nBerikut keputusan Rakor {pemda} yang menjadi tanggung jawab "
        f"Bapak/Ibu dan belum dinyatakan selesai, menjelang Rakor "
        f"{long_date(reminder.meeting_date)}:\n\n" + "\n\n".join(lines or ["(tidak ada)"])
        + "\n\nTindak lanjutnya akan dibahas pada Rakor tersebut. Mohon sampaikan "
          "penyelesaiannya kepada BKPSDM.\n\nPesan ini dikirim otomatis oleh plt_tracker.\n")
    return message
