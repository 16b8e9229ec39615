"""Where a new user stumbled (issue 10): each fix, kept fixed through the real pages."""
import datetime as dt
import re

from flask_babel import force_locale, refresh

from plt_tracker.core.i18n import days_and_duration
from plt_tracker.registry.operations import set_holder
from plt_tracker.core.db import transaction
from tests.factories import make_nip
from tests.selection.helpers import stage, start

D = dt.date


def _get(client, url):
    refresh()  # a new request chooses its language afresh (see tests/test_i18n.py)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def test_days_are_not_repeated_as_words(app):
    with app.test_request_context():
        assert days_and_duration(27, D(2026, 1, 1), D(2026, 1, 28)) == "27 hari"
        assert days_and_duration(59, D(2026, 1, 1), D(2026, 3, 1)) == "59 hari, 2 bulan"
        with force_locale("id"):
            assert days_and_duration(400, D(2025, 1, 1), D(2026, 2, 5)) == \
                "400 hari, 1 tahun 1 bulan 4 hari"


def test_post_page_says_days_once(client, login_as, factory):
    login_as("viewer")
    vacancy = factory.vacancy(start=D(2026, 1, 1))
    page = _get(client, f"/jabatan/{vacancy.post_id}?as_of=2026-01-28")
    assert "27 hari" in page and "27 hari, 27 hari" not in page


def test_new_user_form_starts_with_the_least_role(client, login_as):
    login_as("admin")
    page = _get(client, "/pengguna/baru")
    selected = re.search(r'<select[^>]*name="role".*?</select>', page, re.S).group(0)
    assert re.search(r'<option selected value="viewer"|<option value="viewer" selected', selected)
    assert 'value="admin" selected' not in selected and 'selected value="admin"' not in selected


def test_every_page_has_a_local_favicon(client, login_as):
    login_as("viewer")
    page = _get(client, "/kekosongan")
    href = re.search(r'<link rel="icon"[^>]*href="([^"]+)"', page).group(1)
    assert href.startswith("/static/")
    icon = client.get(href)
    body = icon.data
    icon.close()
    assert icon.status_code == 200 and b"<svg" in body


def test_cancelling_a_rakor_looks_dangerous_and_choices_follow_the_language(client, login_as):
    login_as("admin")
    page = _get(client, "/rakor")
    assert re.search(r'class="btn btn-danger">Batalkan Rakor</button>', page)
    # Three forms on one page: no two fields share an id (each label finds its own field).
    ids = [i for i in re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', page)
           if i != "csrf_token"]
    assert len(ids) == len(set(ids))
    english = _get(client, "/rakor?lang=en")
    weekday = re.search(r'<select[^>]*name="weekday".*?</select>', english, re.S).group(0)
    week = re.search(r'<select[^>]*name="week_of_month".*?</select>', english, re.S).group(0)
    assert "Monday" in weekday and "Senin" not in weekday
    assert "First" in week and "Pertama" not in week


def test_routes_page_names_post_kinds_not_codes(client, login_as):
    login_as("admin")
    page = _get(client, "/jalur")
    assert "seleksi_terbuka" not in page and "jpt_pratama" not in page
    assert "JPT Pratama" in page


def test_upcoming_page_spaces_the_nip(client, login_as, factory, instansi):
    login_as("viewer")
    post = factory.post()
    nip = make_nip(birth=D(1966, 12, 10), tmt=(1995, 6))
    holder = factory.official(nip=nip)
    with transaction():
        set_holder(post, holder, start_date=D(2020, 1, 1))
    page = _get(client, "/akan-kosong?as_of=2026-06-01")
    assert f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" in page


def test_stage_durations_have_a_unit_and_finished_stages_a_correction_link(
        client, login_as, factory):
    login_as("operator")
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 6, 2))
    record = stage(attempt, 1, D(2025, 6, 2), D(2025, 6, 20))
    page = _get(client, f"/kekosongan/{vacancy.id}/proses?as_of=2025-07-01")
    table = re.search(r'<table class="table table-sm small mb-1 stage-table">.*?</table>',
                      page, re.S).group(0)
    assert re.search(r'<td class="text-end nowrap">30 hari</td>', table)
    assert f"/koreksi/tahap/{record.id}" in table


def test_extension_form_proposes_the_new_end(client, login_as, factory, app):
    login_as("operator")
    acting = factory.acting(start=D(2026, 1, 1), end=D(2026, 3, 31))
    page = _get(client, f"/pelaksana/{acting.id}/perpanjang")
    assert re.search(r'id="end_date"[^>]*value="2026-06-30"', page)


def test_official_search_finds_by_name_or_nip_with_own_post_and_level(client, login_as, factory):
    login_as("operator")
    post = factory.post(title="Kepala Dinas Sosial")
    official = factory.official(name="Ratna Pencarian")
    with transaction():
        set_holder(post, official, start_date=D(2020, 1, 1))
    for text in ("pencari", official.nip[:10], f"{official.nip[:8]} {official.nip[8:12]}"):
        refresh()
        found = client.get(f"/pejabat/cari?q={text}").get_json()
        assert [m["name"] for m in found] == ["Ratna Pencarian"], text
        assert found[0]["post"] == "Kepala Dinas Sosial"
        assert found[0]["level"].startswith("JPT Pratama")
        assert found[0]["nip"].count(" ") == 3
    assert client.get("/pejabat/cari?q=").get_json() == []


def test_official_search_is_for_operators(client, login_as):
    login_as("viewer")
    assert client.get("/pejabat/cari?q=a").status_code == 403


def test_changing_the_rakor_calendar_makes_the_stored_flags_stale(client, login_as, instansi):
    """"Ends before the next Rakor" depends on the calendar: a change recomputes the flags."""
    from plt_tracker.core.dates import today
    from plt_tracker.extensions import db
    from plt_tracker.registry.models import Instansi

    login_as("admin")
    month = (today().replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    changes = [("/rakor/pindah", {"rule_month": month.isoformat(),
                                  "meeting_date": (month + dt.timedelta(days=20)).isoformat()}),
               ("/rakor/batal", {"meeting": f"month:{month.isoformat()}", "note": "Reses"}),
               ("/rakor/tambah", {"meeting_date": (month + dt.timedelta(days=24)).isoformat()})]
    for url, data in changes:
        _get(client, "/kekosongan")  # the list computes the stored states for today
        pemda = db.session.get(Instansi, instansi.id, populate_existing=True)
        assert pemda.flags_valid_for == today()
        response = client.post(url, data=dict(data, csrf_token=client.csrf))
        assert response.status_code == 302, url
        pemda = db.session.get(Instansi, instansi.id, populate_existing=True)
        assert pemda.flags_valid_for is None, url


def test_every_constant_refusal_is_in_the_catalogue_list():
    """A refused rule's constant message is a msgid (core/refusals.py lists them for Babel)."""
    import ast
    from pathlib import Path

    from plt_tracker.core.refusals import REFUSALS

    package = Path(__file__).resolve().parent.parent / "plt_tracker"
    raised = set()
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RuleViolation"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                raised.add(node.args[0].value)
    assert len(raised) > 50
    assert raised - REFUSALS == set()


def test_a_refusal_is_shown_in_the_readers_language(app):
    from plt_tracker.core.db import RuleViolation

    with app.test_request_context():
        with force_locale("en"):
            assert RuleViolation("Nama wajib diisi", "name").shown() == "Name is required"
        with force_locale("id"):
            assert RuleViolation("Nama wajib diisi", "name").shown() == "Nama wajib diisi"


def test_the_header_names_the_role_once(client, instansi):
    from plt_tracker.auth.operations import create_user

    with transaction():
        create_user(instansi.id, "opsatu", "rahasia123", "operator", "Operator BKPSDM")
    page = client.get("/masuk").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    client.post("/masuk", data={"username": "opsatu", "password": "rahasia123",
                                "csrf_token": token})
    header = _get(client, "/kekosongan").split("<main", 1)[0]
    assert header.count("Operator BKPSDM") == 1


def test_a_refusal_with_figures_keeps_its_message_for_the_readers_language(app, factory):
    from plt_tracker.core.db import RuleViolation
    from plt_tracker.core.messages import say
    from plt_tracker.vacancies import operations as ops

    vacancy = factory.vacancy(start=D(2026, 1, 1))
    try:
        with transaction():
            ops.open_vacancy(vacancy.post, D(2026, 2, 1), "pensiun", today=D(2026, 3, 1))
    except RuleViolation as refused:
        assert refused.message == f"Jabatan {vacancy.post.title} sudah tercatat kosong"
        assert refused.text["msgid"] == "Jabatan %(post)s sudah tercatat kosong"
        english = say(refused.text, lambda m: m.replace("Jabatan", "Post").replace(
            "sudah tercatat kosong", "is already recorded vacant"))
        assert english == f"Post {vacancy.post.title} is already recorded vacant"
        with app.test_request_context(), force_locale("id"):
            assert refused.shown() == refused.message
    else:
        raise AssertionError("a second open vacancy was accepted")
