"""Out-of-range ids, numbers and dates, control characters and over-long text: 400 or 404, never 500."""
import datetime as dt
import html

import pytest

from plt_tracker.core.dates import parse_date
from plt_tracker.extensions import db
from plt_tracker.registry.models import Official, Opd
from tests.factories import make_nip
from tests.routes import row_counts

HUGE = "99999999999999999999"


def _text(response):
    return html.unescape(response.get_data(as_text=True))


@pytest.mark.parametrize("url", [f"/jabatan/{HUGE}", f"/pejabat/{HUGE}", "/jabatan/2147483648",
                                 f"/rakor/laporan/{HUGE}/unduh/pdf", f"/opd/{HUGE}/ubah"])
def test_ids_beyond_a_database_integer_are_not_found(app, client, login_as, url):
    login_as("admin")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", [f"/kekosongan?opd={HUGE}", "/kekosongan?opd=1e20", "/kekosongan?opd=abc", f"/jabatan?opd={HUGE}",
                                 f"/akan-kosong?bulan={HUGE}"])
def test_numbers_out_of_range_in_the_query_are_refused(app, client, login_as, url):
    login_as("viewer")
    response = client.get(url)
    assert response.status_code == 400
    assert "Tidak ada data yang diubah" in _text(response)


@pytest.mark.parametrize("url", ["/kekosongan?page=1e20", f"/pejabat?page={HUGE}", "/pejabat?page=-5",
                                 "/akan-kosong?bulan=-3"])
def test_page_numbers_are_bounded(app, client, login_as, url):
    login_as("viewer")
    assert client.get(url).status_code == 200


def test_dates_out_of_range_are_explained(app, client, login_as, factory):
    post = factory.post()
    login_as("viewer")
    for url in ("/kekosongan", f"/jabatan/{post.id}", "/akan-kosong", "/jabatan", "/pejabat"):
        response = client.get(f"{url}?as_of=9999-12-31")
        assert response.status_code == 200, url
        assert "Tahun 9999 di luar rentang 1900–2200" in _text(response), url
    with pytest.raises(ValueError, match="di luar rentang"):
        parse_date(dt.date(1899, 12, 31))
    assert parse_date("31/12/2200") == dt.date(2200, 12, 31)


@pytest.mark.parametrize("value", ["a\x00b", "\u202eabc", "x\x1by", "\x7f", "\x85"])
def test_control_characters_in_the_query_are_refused(app, client, login_as, value):
    login_as("viewer")
    assert client.get("/pejabat", query_string={"q": value}).status_code == 400
    assert client.get("/", query_string={value: "1"}).status_code == 400


@pytest.mark.parametrize("name", ["Budi\x00Santoso", "Budi \u202eotnasnaS", "Budi\u2066", "Budi\tS"])
def test_control_characters_in_a_form_are_refused_with_a_message(app, client, login_as, name):
    login_as("operator")
    before = row_counts()
    response = client.post("/pejabat/baru", data={
        "nip": make_nip(), "nip_kind": "pns", "name": name, "csrf_token": client.csrf})
    assert response.status_code == 400
    assert "karakter kendali atau pengatur arah teks" in _text(response)
    assert row_counts() == before


def test_text_areas_keep_line_breaks_and_tabs_but_not_nul(app, client, login_as, factory):
    from plt_tracker.flags.models import ElectionWindow

    login_as("admin")
    data = {"name": "Pilkada", "start_date": "2029-01-01", "end_date": "2029-06-30",
            "is_active": "y", "csrf_token": client.csrf}
    bad = client.post("/rentang/masa-pilkada/baru", data=dict(data, note="a\x00b"))
    assert bad.status_code in (400, 422) and "karakter kendali" in _text(bad)
    good = client.post("/rentang/masa-pilkada/baru", data=dict(data, note="baris 1\r\n\tbaris 2"))
    assert good.status_code == 302
    assert db.session.scalars(db.select(ElectionWindow)).one().note == "baris 1\r\n\tbaris 2"


def test_over_long_text_gets_the_form_message(app, client, login_as):
    login_as("admin")
    response = client.post("/opd/baru", data={"name": "D" * 201, "kind": "dinas",
                                              "csrf_token": client.csrf})
    assert response.status_code == 400
    assert "Paling banyak 200 karakter" in _text(response)
    assert db.session.scalar(db.select(db.func.count(Opd.id))) == 0
    rakor = client.post("/rakor/tambah", data={"meeting_date": "2027-01-04", "note": "n" * 301,
                                               "csrf_token": client.csrf})
    assert rakor.status_code == 422 and "Paling banyak 300 karakter" in _text(rakor)


def test_dates_and_numbers_beyond_range_in_forms_are_refused(app, client, login_as):
    login_as("admin")
    rakor = client.post("/rakor/tambah", data={"meeting_date": "9999-12-31",
                                               "csrf_token": client.csrf})
    assert rakor.status_code == 422 and "Tahun harus antara 1900 dan 2200" in _text(rakor)
    page = client.get("/pengaturan/")
    assert page.status_code == 200
    response = client.post("/pengaturan/", data={"acting_default_months": HUGE,
                                                  "csrf_token": client.csrf})
    assert response.status_code == 400 and "Paling besar 9999" in _text(response)


def test_nothing_with_a_control_character_reaches_the_database(app, client, login_as):
    login_as("operator")
    client.post("/pejabat/baru", data={"nip": make_nip(), "nip_kind": "pns",
                                       "name": "Nama\u202e", "csrf_token": client.csrf})
    assert db.session.scalars(db.select(Official)).all() == []
