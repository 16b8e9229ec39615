"""The people responsible get their open decisions a few days before the next Rakor (SMTP)."""
import datetime as dt

import pytest

from plt_tracker.decisions.models import DecisionReminder
from plt_tracker.extensions import db
from plt_tracker.rakor import scheduler
from tests.decisions.helpers import close, decide
from tests.rakor.smtp import free_port, start_server


@pytest.fixture
def smtp(app):
    """Point the app at a real SMTP server on 127.0.0.1 and yield its inbox."""
    controller, inbox, port = start_server()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield inbox
    controller.stop()


def _decisions(instansi, factory):
    post = factory.vacancy(factory.post("Kepala Dinas Sosial")).post
    decide(instansi, post=post, text="Tunjuk Plt Kepala Dinas Sosial", email="bkpsdm@lebongkab.go.id")
    decide(instansi, text="Susun jadwal seleksi", email="BKPSDM@lebongkab.go.id",
           due=dt.date(2026, 2, 20))
    decide(instansi, text="Laporkan ke Gubernur", email="sekda@lebongkab.go.id")
    done = decide(instansi, text="Sudah beres", email="sekda@lebongkab.go.id")
    close(done, dt.date(2026, 2, 10))
    decide(instansi, text="Tanpa alamat")


def test_reminders_arrive_before_the_rakor_once_per_person(app, instansi, factory, smtp):
    _decisions(instansi, factory)
    scheduler.tick(dt.datetime(2026, 2, 26, 7, 0))  # four days before the 2 March Rakor
    assert smtp.messages == []
    scheduler.tick(dt.datetime(2026, 2, 27, 7, 0))  # three days before: due
    by_rcpt = {rcpt[0]: message for rcpt, message in smtp.messages}
    assert set(by_rcpt) == {"bkpsdm@lebongkab.go.id", "sekda@lebongkab.go.id"}
    bkpsdm = by_rcpt["bkpsdm@lebongkab.go.id"]
    assert bkpsdm["Subject"] == ("Pengingat keputusan Rakor Pemerintah Kabupaten Lebong — "
                                 "Rakor 02/03/2026")
    body = bkpsdm.get_content()
    assert "Tunjuk Plt Kepala Dinas Sosial" in body and "Susun jadwal seleksi" in body
    assert "Lewat tenggat, 7 hari" in body and "2 Maret 2026" in body
    sekda = by_rcpt["sekda@lebongkab.go.id"].get_content()
    assert "Laporkan ke Gubernur" in sekda and "Sudah beres" not in sekda
    assert "Tanpa alamat" not in body + sekda

    scheduler.tick(dt.datetime(2026, 2, 28, 7, 0))  # later ticks send nothing twice
    assert len(smtp.messages) == 2
    rows = db.session.scalars(db.select(DecisionReminder)).all()
    assert {(r.recipient, r.status, r.attempts) for r in rows} == {
        ("bkpsdm@lebongkab.go.id", "sent", 1), ("sekda@lebongkab.go.id", "sent", 1)}


def test_a_failed_reminder_is_recorded_and_retried(app, instansi, factory, smtp):
    _decisions(instansi, factory)
    working = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()  # nobody listens there
    (outcome,) = scheduler.tick(dt.datetime(2026, 2, 27, 7, 0))
    assert outcome.status == "made"  # the report job is not held up by the reminders
    rows = db.session.scalars(db.select(DecisionReminder)).all()
    assert {(r.status, r.attempts) for r in rows} == {("failed", 1)}
    assert all(r.last_error for r in rows) and smtp.messages == []

    app.config["MAIL_PORT"] = working
    scheduler.tick(dt.datetime(2026, 2, 27, 7, 5))
    db.session.expire_all()
    assert {(r.status, r.attempts, r.last_error) for r in rows} == {("sent", 2, None)}
    assert len(smtp.messages) == 2


def test_the_lead_time_is_a_setting(app, instansi, factory, smtp):
    from plt_tracker.core.db import transaction
    from plt_tracker.settings.logic import set_settings

    _decisions(instansi, factory)
    with transaction():
        set_settings(instansi.id, {"decision_reminder_days": 5})
    scheduler.tick(dt.datetime(2026, 2, 25, 7, 0))
    assert len(smtp.messages) == 2


def test_the_report_email_counts_the_follow_up(app, instansi, factory, smtp):
    from plt_tracker.core.db import transaction
    from plt_tracker.settings.logic import set_settings

    _decisions(instansi, factory)
    with transaction():
        set_settings(instansi.id, {"report_recipients": "bupati@lebongkab.go.id"})
    scheduler.tick(dt.datetime(2026, 2, 27, 7, 0))
    (report_mail,) = [m for rcpt, m in smtp.messages if rcpt == ["bupati@lebongkab.go.id"]]
    body = next(p for p in report_mail.walk() if p.get_content_type() == "text/plain")
    assert ("Keputusan Rakor sebelumnya: 1 lewat tenggat (eskalasi 0), 3 belum jatuh tempo, "
            "1 selesai sejak Rakor sebelumnya.") in body.get_content()
