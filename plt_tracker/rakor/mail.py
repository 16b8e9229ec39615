"""Deliver reports by email (PDF and Excel attached) and record every attempt.

A delivery is claimed with a conditional UPDATE before sending, so two
scheduler processes never send the same email twice; a failure is recorded
on the row and retried later, and never touches the report itself.
"""
import datetime as dt
import smtplib
from email.message import EmailMessage

from flask import current_app

from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.rakor import exports
from plt_tracker.rakor.models import ReportDelivery

MAX_ATTEMPTS = 5
# A claim older than this belongs to a process that died while sending.
STALE_CLAIM = dt.timedelta(minutes=30)


def build_message(report, recipient, attachments):
    """Return the email of a report to one recipient."""
    snap = report.snapshot
    s = snap["summary"]
    message = EmailMessage()
    day = exports.to_date(snap["meeting_date"])
    message["Subject"] = f"Laporan Rakor {snap['pemda']} {day:%d/%m/%Y} (versi {snap['version']})"
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = recipient
    message.set_content(
        f"Yth. Bapak/Ibu,\n\nTerlampir laporan kekosongan jabatan yang ditandai untuk Rakor "
        f"{snap['pemda']} tanggal {snap['meeting_date']}.\n\n"
        f"Jabatan kosong: {s['vacant']} (Plt {s['plt']}, Plh {s['plh']}, tanpa pelaksana "
        f"{s['no_acting']}).\nDitandai kritis: {s['flagged_critical']}, peringatan: "
        f"{s['flagged_warning']}.\n{_followup_line(s)}\nPesan ini dikirim otomatis oleh "
        f"plt_tracker.\n")
    for fmt, data in attachments.items():
        maintype, subtype = exports.FORMATS[fmt][0].split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype,
                               filename=exports.filename(snap, fmt))
    return message


def _followup_line(s):
    """Say how the earlier Rakor decisions stand (reports frozen before them: nothing)."""
    if "decisions_followed" not in s:
        return ""
    return (f"Keputusan Rakor sebelumnya: {s['decisions_overdue']} lewat tenggat (eskalasi "
            f"{s['decisions_escalated']}), {s['decisions_open']} belum jatuh tempo, "
            f"{s['decisions_done']} selesai sejak Rakor sebelumnya.\n")


def check_config():
    """Refuse to send (before rendering attachments) when no SMTP server is configured."""
    if not current_app.config.get("MAIL_SERVER"):
        raise RuntimeError("MAIL_SERVER belum diatur")


def send(message):
    """Send one message through the configured SMTP server."""
    config = current_app.config
    check_config()
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=30) as smtp:
        if config.get("MAIL_USE_TLS"):
            smtp.starttls()
        if config.get("MAIL_USERNAME"):
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(message)


def deliver_pending(instansi_id=None, now=None):
    """Try every pending or failed delivery that has attempts left; return (sent, failed)."""
    now = now or utcnow()
    query = db.select(ReportDelivery.id).filter(
        ReportDelivery.attempts < MAX_ATTEMPTS,
        ReportDelivery.status.in_(("pending", "failed"))
        | ((ReportDelivery.status == "sending")
           & (ReportDelivery.last_attempt_at < now - STALE_CLAIM)))
    if instansi_id is not None:
        from plt_tracker.rakor.models import RakorReport

        query = query.join(ReportDelivery.report).filter(RakorReport.instansi_id == instansi_id)
    sent = failed = 0
    rendered = {}
    for delivery_id in db.session.scalars(query.order_by(ReportDelivery.id)).all():
        outcome = deliver_one(delivery_id, now, rendered)
        sent += outcome == "sent"
        failed += outcome == "failed"
    return sent, failed


def deliver_one(delivery_id, now, rendered=None):
    """Claim, send and record one delivery; return its new status (None: not claimed)."""
    rendered = {} if rendered is None else rendered
    with transaction():
        delivery = db.session.get(ReportDelivery, delivery_id, populate_existing=True)
        claimed = db.session.execute(
            db.update(ReportDelivery)
            .where(ReportDelivery.id == delivery_id, ReportDelivery.attempts == delivery.attempts,
                   ReportDelivery.status == delivery.status)
            .values(status="sending", attempts=delivery.attempts + 1, last_attempt_at=now)
        ).rowcount
    if not claimed:
        return None
    delivery = db.session.get(ReportDelivery, delivery_id, populate_existing=True)
    report = delivery.report

    def message():
        if report.id not in rendered:
            rendered[report.id] = {"pdf": exports.render_pdf(report.snapshot),
                                   "xlsx": exports.render_xlsx(report.snapshot)}
        return build_message(report, delivery.recipient, rendered[report.id])

    return send_recorded(delivery, message, "Pengiriman laporan")


def send_recorded(record, message, what):
    """Send `message()` and record on `record` (a claimed delivery or reminder) how it went;
    return "sent" or "failed". Any failure is recorded, logged and retried later."""
    try:
        check_config()
        send(message())
    except Exception as exc:  # noqa: BLE001 — any failure is recorded and retried
        with transaction():
            record.status, record.last_error = "failed", f"{type(exc).__name__}: {exc}"[:2000]
        current_app.logger.warning("%s ke %s gagal: %s", what, record.recipient, exc)
        return "failed"
    with transaction():
        record.status, record.sent_at, record.last_error = "sent", utcnow(), None
    return "sent"
