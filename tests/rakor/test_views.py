"""The Rakor pages through real HTTP: calendar, admin changes, archive, downloads, roles."""
import datetime as dt
import io
import json

import openpyxl
import pytest

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.rakor.models import RakorMeeting, RakorReport
from plt_tracker.registry.models import Instansi
from tests.factories import Factory
from tests.rakor.conftest import FEB_RAKOR


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Pages read today from the clock; pin it to 15 January 2026."""
    from plt_tracker.rakor import report_views, views

    for module in (views, report_views):
        monkeypatch.setattr(module, "today", lambda: dt.date(2026, 1, 15))


def test_meetings_page_lists_coming_meetings_and_holiday_shifts(client, login_as):
    login_as("viewer")
    page = client.get("/rakor").get_data(as_text=True)
    assert "2 Februari 2026" in page and "5 Januari 2026" not in page
    # Monday 1 June 2026 is Hari Lahir Pancasila: the meeting moves to Tuesday.
    assert "2 Juni 2026" in page and "Hari Lahir Pancasila" in page
    assert "Simpan aturan" not in page  # viewers see no admin forms


def test_admin_moves_cancels_and_adds_meetings(client, login_as):
    login_as("admin")
    page = client.get("/rakor").get_data(as_text=True)
    assert "Simpan aturan" in page
    response = client.post("/rakor/pindah", data={
        "rule_month": "2026-02-01", "meeting_date": "2026-02-10", "note": "Bupati dinas luar",
        "csrf_token": client.csrf})
    assert response.status_code == 302
    client.post("/rakor/batal", data={"meeting": "month:2026-03-01", "note": "Reses",
                                      "csrf_token": client.csrf})
    client.post("/rakor/tambah", data={"meeting_date": "2026-03-16", "note": "Rakor khusus",
                                       "csrf_token": client.csrf})
    page = client.get("/rakor").get_data(as_text=True)
    assert "10 Februari 2026" in page and "Bupati dinas luar" in page
    assert "Dibatalkan" in page and "16 Maret 2026" in page
    rows = db.session.scalars(db.select(RakorMeeting)).all()
    assert len(rows) == 3


def test_refused_meeting_change_saves_nothing(client, login_as):
    login_as("admin")
    response = client.post("/rakor/tambah", data={"meeting_date": "2025-12-01",
                                                  "csrf_token": client.csrf})
    assert response.status_code == 422
    assert "tidak boleh sebelum hari ini" in response.get_data(as_text=True)
    assert db.session.scalars(db.select(RakorMeeting)).all() == []


def test_admin_changes_the_rule(client, login_as, instansi):
    login_as("admin")
    response = client.post("/rakor/aturan", data={
        "weekday": "0", "week_of_month": "3", "time": "08:30", "lead_days": "2",
        "report_time": "06:00", "recipients": "sekda@lebongkab.go.id\nbkpsdm@lebongkab.go.id",
        "csrf_token": client.csrf})
    assert response.status_code == 302
    page = client.get("/rakor").get_data(as_text=True)
    assert "16 Februari 2026" in page and "08:30" in page
    bad = client.post("/rakor/aturan", data={
        "weekday": "0", "week_of_month": "1", "time": "08:30", "lead_days": "2",
        "report_time": "06:00", "recipients": "bukan-email", "csrf_token": client.csrf})
    assert bad.status_code == 422 and "Alamat email tidak sah" in bad.get_data(as_text=True)


def test_generate_now_then_archive_page_and_downloads(client, login_as, register):
    login_as("admin")
    response = client.post("/rakor/laporan/buat", data={"meeting_date": FEB_RAKOR.isoformat(),
                                                        "csrf_token": client.csrf})
    assert response.status_code == 302
    report = db.session.scalars(db.select(RakorReport)).one()
    assert report.trigger == "manual"
    archive = client.get("/rakor/laporan").get_data(as_text=True)
    assert "2 Februari 2026" in archive and "versi 1" in archive
    page = client.get(f"/rakor/laporan/{report.id}").get_data(as_text=True)
    assert "Kepala Dinas Pendidikan" in page and "8 bulan 1 hari" in page
    xlsx = client.get(f"/rakor/laporan/{report.id}/unduh/xlsx")
    assert xlsx.status_code == 200
    assert "laporan-rakor-2026-02-02-v1.xlsx" in xlsx.headers["Content-Disposition"]
    assert openpyxl.load_workbook(io.BytesIO(xlsx.data)).sheetnames == ["Ringkasan", "Rincian"]
    data = client.get(f"/rakor/laporan/{report.id}/unduh/json").get_json()
    assert data["summary"]["vacant"] == 4
    assert client.get(f"/rakor/laporan/{report.id}/unduh/csv").status_code == 200
    assert client.get(f"/rakor/laporan/{report.id}/unduh/docx").status_code == 404


def test_viewer_reads_reports_but_cannot_generate(client, login_as, make_report, register):
    report = make_report()
    login_as("viewer")
    assert client.get(f"/rakor/laporan/{report.id}").status_code == 200
    assert client.get(f"/rakor/laporan/{report.id}/unduh/pdf").data.startswith(b"%PDF")
    assert client.post("/rakor/laporan/buat", data={"meeting_date": FEB_RAKOR.isoformat(),
                                                    "csrf_token": client.csrf}).status_code == 403
    assert client.post("/rakor/pindah", data={"csrf_token": client.csrf}).status_code == 403
    assert len(db.session.scalars(db.select(RakorReport)).all()) == 1


def test_reports_of_another_pemda_are_not_found(client, login_as, make_report):
    with transaction():
        other = Instansi(name="Pemerintah Kabupaten Contoh")
        db.session.add(other)
    Factory(other).vacancy(start=dt.date(2025, 1, 1))
    from plt_tracker.rakor.operations import generate_report
    from plt_tracker.rakor.calendar import Meeting

    with transaction():
        foreign = generate_report(other.id, Meeting(FEB_RAKOR, dt.time(9), "rule"),
                                  trigger="manual", actor="x")
    login_as("admin")
    assert client.get(f"/rakor/laporan/{foreign.id}").status_code == 404
    assert client.get(f"/rakor/laporan/{foreign.id}/unduh/json").status_code == 404
    assert "Kabupaten Contoh" not in client.get("/rakor/laporan").get_data(as_text=True)
    assert json.dumps(foreign.snapshot)


def test_admin_retries_failed_emails(client, login_as, register, settings_of, make_report, app):
    from plt_tracker.rakor.mail import deliver_pending
    from tests.rakor.smtp import start_server

    settings_of(report_recipients="sekda@lebongkab.go.id")
    report = make_report()
    app.config.update(MAIL_SERVER="")
    deliver_pending()
    login_as("admin")
    page = client.get(f"/rakor/laporan/{report.id}").get_data(as_text=True)
    assert "Gagal" in page and "MAIL_SERVER belum diatur" in page and "Kirim ulang" in page
    controller, inbox, port = start_server()
    try:
        app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
        response = client.post(f"/rakor/laporan/{report.id}/kirim",
                               data={"csrf_token": client.csrf})
    finally:
        controller.stop()
    assert response.status_code == 302
    assert [rcpt for rcpt, _ in inbox.messages] == [["sekda@lebongkab.go.id"]]
    db.session.expire_all()
    (delivery,) = report.deliveries
    assert (delivery.status, delivery.attempts) == ("sent", 1)


def test_meetings_page_links_the_report_of_a_coming_meeting(client, login_as, make_report,
                                                            instansi):
    from plt_tracker.core.dates import today
    from plt_tracker.rakor.queries import next_meeting

    coming = next_meeting(instansi.id, today())
    report = make_report(coming.date)
    login_as("viewer")
    page = client.get("/rakor").get_data(as_text=True)
    assert f'/rakor/laporan/{report.id}"' in page and "versi 1" in page
