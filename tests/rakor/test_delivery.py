"""Email delivery of reports through a real SMTP server on 127.0.0.1."""
import datetime as dt
import io

import openpyxl
import pytest
from pypdf import PdfReader

from plt_tracker.extensions import db
from plt_tracker.rakor import scheduler
from plt_tracker.rakor.mail import MAX_ATTEMPTS, deliver_pending
from plt_tracker.rakor.models import ReportDelivery
from tests.rakor.smtp import free_port, start_server

RECIPIENTS = "sekda@lebongkab.go.id, bkpsdm@lebongkab.go.id"


@pytest.fixture
def smtp(app):
    """Point the app at a real SMTP server and yield its inbox."""
    controller, inbox, port = start_server()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield inbox
    controller.stop()


def test_report_arrives_with_pdf_and_excel(register, settings_of, make_report, smtp):
    settings_of(report_recipients=RECIPIENTS)
    report = make_report()
    assert deliver_pending() == (2, 0)
    assert sorted(rcpt[0] for rcpt, _ in smtp.messages) == ["bkpsdm@lebongkab.go.id",
                                                              "sekda@lebongkab.go.id"]
    _, message = smtp.messages[0]
    assert message["Subject"] == "Laporan Rakor Pemerintah Kabupaten Lebong 02/02/2026 (versi 1)"
    parts = {p.get_filename(): p for p in message.iter_attachments()}
    assert set(parts) == {"laporan-rakor-2026-02-02-v1.pdf", "laporan-rakor-2026-02-02-v1.xlsx"}
    pdf = PdfReader(io.BytesIO(parts["laporan-rakor-2026-02-02-v1.pdf"].get_content()))
    assert "Kepala Dinas Pendidikan" in pdf.pages[0].extract_text()
    book = openpyxl.load_workbook(io.BytesIO(parts["laporan-rakor-2026-02-02-v1.xlsx"].get_content()))
    assert book.sheetnames == ["Ringkasan", "Rincian"]
    db.session.expire_all()
    assert {(d.status, d.attempts) for d in report.deliveries} == {("sent", 1)}
    # Nothing left to send: a second round sends nothing twice.
    assert deliver_pending() == (0, 0)
    assert len(smtp.messages) == 2


def test_failed_delivery_is_recorded_and_retried_without_blocking(app, register, settings_of, smtp):
    settings_of(report_recipients="sekda@lebongkab.go.id")
    working_port = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()  # nobody listens there
    (outcome,) = scheduler.tick(dt.datetime(2026, 1, 30, 7, 0))
    assert outcome.status == "made"  # the report stands even though the email failed
    (delivery,) = db.session.scalars(db.select(ReportDelivery)).all()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert "Connection" in delivery.last_error or "refused" in delivery.last_error.lower()
    assert smtp.messages == []

    app.config["MAIL_PORT"] = working_port
    scheduler.tick(dt.datetime(2026, 1, 30, 7, 5))  # the next round retries
    db.session.expire_all()
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("sent", 2, None)
    assert [rcpt for rcpt, _ in smtp.messages] == [["sekda@lebongkab.go.id"]]


def test_gives_up_after_the_maximum_attempts(app, register, settings_of, make_report):
    settings_of(report_recipients="sekda@lebongkab.go.id")
    app.config.update(MAIL_SERVER="")
    make_report()
    for _ in range(MAX_ATTEMPTS + 1):
        deliver_pending()
    (delivery,) = db.session.scalars(db.select(ReportDelivery)).all()
    assert delivery.attempts == MAX_ATTEMPTS and delivery.status == "failed"
    assert "MAIL_SERVER" in delivery.last_error
