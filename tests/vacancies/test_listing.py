"""The paged vacancy list: filters, sorting, pages and downloads, through the real stack."""
import csv
import datetime as dt
import io

import openpyxl

from plt_tracker.core.dates import today
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi
from plt_tracker.registry.operations import create_post
from tests.selection.helpers import stage, start


def _days_ago(n):
    return today() - dt.timedelta(days=n)


def _register(factory):
    """Five vacant head posts of different ages and one vacant non-head post."""
    made = {}
    for name, days, kind in (("Alpha", 30, "dinas"), ("Bravo", 120, "badan"),
                             ("Charlie", 250, "dinas"), ("Delta", 500, "kecamatan"),
                             ("Echo", 10, "dinas")):
        post = factory.post(f"Kepala {name}", opd=factory.opd(f"OPD {name}", kind))
        made[name] = factory.vacancy(post, start=_days_ago(days))
    factory.acting(made["Bravo"], start=_days_ago(100), end=_days_ago(-60))
    factory.acting(made["Delta"], start=_days_ago(40), end=_days_ago(-50), kind="plt")
    with transaction():
        deputy = create_post(made["Alpha"].post.opd, "Sekretaris OPD Alpha", "administrator",
                             "III.a", is_head=False)
    made["Sekretaris"] = factory.vacancy(deputy, start=_days_ago(70))
    return made


def _titles(client, query=""):
    html = client.get(f"/kekosongan{query}").get_data(as_text=True)
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    return [line.split(">")[1].split("<")[0] for line in table.split('<a href="/jabatan/')[1:]]


def test_heads_by_default_every_post_on_request(app, client, login_as, factory):
    _register(factory)
    login_as("viewer")
    assert "Sekretaris OPD Alpha" not in _titles(client)
    assert "Sekretaris OPD Alpha" in _titles(client, "?semua=1")
    page = client.get("/kekosongan").get_data(as_text=True)
    assert "5 jabatan kosong" in page


def test_filters_in_sql(app, client, login_as, factory):
    made = _register(factory)
    attempt = start(made["Charlie"])
    stage(attempt, 1, _days_ago(200), _days_ago(150))
    stage(attempt, 2, _days_ago(149))
    login_as("viewer")
    assert set(_titles(client, "?lama=6-12")) == {"Kepala Charlie"}
    assert set(_titles(client, "?lama=12%2B")) == {"Kepala Delta"}
    assert set(_titles(client, "?lama=0-3")) == {"Kepala Alpha", "Kepala Echo"}
    assert set(_titles(client, "?jenis_opd=kecamatan")) == {"Kepala Delta"}
    assert set(_titles(client, "?pelaksana=plt")) == {"Kepala Bravo", "Kepala Delta"}
    assert set(_titles(client, "?tanpa_pelaksana=1")) == {"Kepala Alpha", "Kepala Charlie",
                                                         "Kepala Echo"}
    second = [s for s in attempt.route.stages if s.position == 2][0]
    assert _titles(client, f"?tahap={second.id}") == ["Kepala Charlie"]
    first = [s for s in attempt.route.stages if s.position == 1][0]
    assert _titles(client, f"?tahap={first.id}") == []
    assert "cocok dengan saringan" in client.get(f"/kekosongan?tahap={first.id}").get_data(
        as_text=True)
    # Unknown choices are ignored; a number that is not one is refused, saying which.
    assert client.get("/kekosongan?lama=99&jenis_opd=x&urut=y&pelaksana=z").status_code == 200
    assert client.get("/kekosongan?tahap=abc").status_code == 400


def test_sorting_by_column_both_ways(app, client, login_as, factory):
    _register(factory)
    login_as("viewer")
    by_days = _titles(client, "?urut=days")
    assert by_days == ["Kepala Delta", "Kepala Charlie", "Kepala Bravo", "Kepala Alpha",
                       "Kepala Echo"]
    assert _titles(client, "?urut=days&arah=turun") == by_days[::-1]
    assert _titles(client, "?urut=opd") == sorted(by_days)
    assert _titles(client, "?urut=opd&arah=turun") == sorted(by_days, reverse=True)
    html = client.get("/kekosongan?urut=opd").get_data(as_text=True)
    assert 'aria-sort="ascending"' in html and "arah=turun" in html


def test_pages_hold_every_row_once(app, client, login_as, factory):
    _register(factory)
    app.config["LIST_PAGE_SIZE"] = 2
    login_as("viewer")
    pages = [_titles(client, f"?urut=days&halaman={n}") for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert len(set(sum(pages, []))) == 5
    html = client.get("/kekosongan?halaman=2").get_data(as_text=True)
    assert "Halaman 2 dari 3" in html and "halaman=3" in html and "halaman=1" in html
    # Past the end: the last page.
    assert _titles(client, "?urut=days&halaman=99") == pages[2]


def test_downloads_hold_the_whole_filtered_list(app, client, login_as, factory):
    made = _register(factory)
    with transaction():
        made["Echo"].post.opd.name = "=HYPERLINK(\"http://x\")"
    app.config["LIST_PAGE_SIZE"] = 2
    login_as("viewer")
    response = client.get("/kekosongan.csv?urut=days")
    assert response.mimetype == "text/csv" and response.is_streamed
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert [r[2] for r in rows[1:]] == ["Kepala Delta", "Kepala Charlie", "Kepala Bravo",
                                       "Kepala Alpha", "Kepala Echo"]
    assert rows[-1][1].startswith("'=")  # a formula stays text
    filtered = client.get("/kekosongan.csv?tanpa_pelaksana=1").get_data(as_text=True)
    assert "Kepala Bravo" not in filtered and "Kepala Alpha" in filtered

    response = client.get("/kekosongan.xlsx?semua=1")
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    values = list(sheet.iter_rows(values_only=True))
    assert len(values) == 7 and "Sekretaris OPD Alpha" in [v[2] for v in values]
    delta = next(v for v in values if v[2] == "Kepala Delta")
    assert delta[4].date() == _days_ago(500) and delta[5] == 500


def test_a_write_shows_at_once(app, client, login_as, factory):
    made = _register(factory)
    login_as("viewer")
    assert "Kepala Echo" in _titles(client)
    factory.fill(made["Echo"], start=today())
    pemda = db.session.get(Instansi, made["Echo"].post.opd.instansi_id)
    assert pemda.flags_valid_for is None  # the write made the stored states stale
    assert "Kepala Echo" not in _titles(client)
    db.session.refresh(pemda)
    assert pemda.flags_valid_for == today()
