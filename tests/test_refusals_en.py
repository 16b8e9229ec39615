"""Refused rules with figures reach the reader in English through the real HTTP stack.

The refusal is raised as a language-free message (core.messages) and rendered for the
reader's language when the form shows it; the Indonesian sentence is never shown to an
English reader.
"""
import datetime as dt

from flask_babel import refresh

from plt_tracker.extensions import db
from plt_tracker.selection.models import FillingAttempt
from tests.selection.helpers import route

D = dt.date


def _post(client, url, data):
    refresh()  # the app context stays open over the test: choose the language afresh
    return client.post(url, data={**data, "csrf_token": client.csrf})


def test_a_stage_out_of_order_is_refused_in_english(client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    login_as("operator")
    refresh()
    assert '<html lang="en">' in client.get("/kekosongan?lang=en").get_data(as_text=True)
    assert _post(client, f"/kekosongan/{vacancy.id}/proses/baru",
                 {"route_id": route("seleksi_terbuka").id,
                  "started_on": "2025-06-10"}).status_code == 302
    attempt = db.session.scalar(db.select(FillingAttempt))
    first, second = attempt.route.stages[:2]

    skipped = _post(client, f"/proses/{attempt.id}/tahap/{second.id}", {"started_on": "2025-06-12"})
    assert skipped.status_code == 400
    page = skipped.get_data(as_text=True)
    assert f"Finish stage 1. {first.name} first" in page
    assert "Selesaikan dulu tahap" not in page

    assert _post(client, f"/proses/{attempt.id}/tahap/{first.id}",
                 {"started_on": "2025-06-10", "finished_on": "2025-06-20"}).status_code == 302
    early = _post(client, f"/proses/{attempt.id}/tahap/{second.id}", {"started_on": "2025-06-19"})
    assert early.status_code == 400
    page = early.get_data(as_text=True)
    assert ("The start of the stage cannot be before the previous stage finished (20/06/2025)"
            in page)
    assert "tidak boleh sebelum" not in page


def test_an_import_row_refused_by_a_rule_is_shown_in_english(client, login_as, tmp_path):
    from tests.conftest import csrf_from
    from tests.importer.helpers import good_rows, write_csv
    from tests.importer.test_views import _upload

    login_as("admin")
    html = _upload(client, write_csv(tmp_path / "daftar.csv", good_rows()),
                   client.csrf).get_data(as_text=True)
    token = html.split('name="token" type="hidden" value="')[1].split('"')[0]
    assert client.post("/impor/terapkan", data={"token": token,
                                                "csrf_token": csrf_from(html)}).status_code == 302
    rows = good_rows()
    rows[1][5] = "01/04/2025"  # the post is recorded vacant since 01/03/2025
    refresh()
    assert '<html lang="en">' in client.get("/impor?lang=en").get_data(as_text=True)
    refresh()
    response = _upload(client, write_csv(tmp_path / "lagi.csv", rows), client.csrf)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "In the database Kepala Dinas Sosial is already vacant since 01/03/2025" in page
    assert "Di basis data" not in page
