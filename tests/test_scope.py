"""Every route shows exactly what the user's scope covers (auth.scope).

Three pemda: Lebong and Rejang Lebong in the province of Bengkulu, and Kaur's twin
"Kabupaten Seberang" in another province. A user of Lebong reaches nothing of
Seberang's; the province of Bengkulu's user reads Lebong's pages but changes
nothing there; a national user reads everything. Each route is tried with the
records of each pemda.
"""
import pytest

from plt_tracker.auth.operations import create_user
from plt_tracker.core.db import transaction
from plt_tracker.pemda.operations import create_pemda
from tests.conftest import csrf_from
from tests.factories import Factory
from tests.routes import row_counts, sample_records, token_endpoints, urls

# Pages that are not about a pemda's records (or that log out).
NOT_RECORDS = {"static", "auth.logout", "auth.login", "errors.health"}
SECRET = "Rahasia Seberang"


@pytest.fixture
def world(app, instansi):
    """Lebong (the default pemda) in Bengkulu; Seberang in another province; users of each."""
    with transaction():
        bengkulu = create_pemda("Pemerintah Provinsi Bengkulu", "provinsi")
        other = create_pemda("Pemerintah Provinsi Seberang", "provinsi")
        instansi.parent_id = bengkulu.id
        seberang = create_pemda("Pemerintah Kabupaten Seberang", "kabupaten", other.id)
        users = {
            "lebong": create_user(instansi.id, "lebong", "Kata-Sandi-Uji-1", "admin", "Admin Lebong"),
            "province": create_user(bengkulu.id, "bengkulu", "Kata-Sandi-Uji-2", "admin",
                                    "Admin Provinsi", scope="province"),
            "national": create_user(instansi.id, "pusat", "Kata-Sandi-Uji-3", "admin",
                                    "Admin Pusat", scope="national"),
            "seberang": create_user(seberang.id, "seberang", "Kata-Sandi-Uji-4", "admin",
                                    "Admin Seberang"),
        }
    lebong_ids = sample_records(Factory(instansi), instansi, users["lebong"])
    seberang_ids = sample_records(Factory(seberang), seberang, users["seberang"])
    theirs = Factory(seberang)
    post = theirs.post(f"Kepala Dinas {SECRET}", opd=theirs.opd(f"Dinas {SECRET}"))
    theirs.acting(theirs.vacancy(post), official=theirs.official(f"Bambang {SECRET}"))
    ours = Factory(instansi)
    ours.acting(ours.vacancy(ours.post("Kepala Dinas Terbuka Lebong",
                                       opd=ours.opd("Dinas Terbuka Lebong"))))
    return {"users": users, "lebong": lebong_ids, "seberang": seberang_ids,
            "seberang_id": seberang.id, "lebong_id": instansi.id, "bengkulu_id": bengkulu.id}


def _login(client, user, password):
    token = csrf_from(client.get("/masuk").data)
    response = client.post("/masuk", data={"username": user.username, "password": password,
                                           "csrf_token": token})
    assert response.status_code == 302
    client.csrf = token


PASSWORDS = {"lebong": "Kata-Sandi-Uji-1", "province": "Kata-Sandi-Uji-2",
             "national": "Kata-Sandi-Uji-3", "seberang": "Kata-Sandi-Uji-4"}


# URL arguments that choose a format or a kind, not a record.
CHOICE_ARGS = {"fmt", "segment", "kind", "file_type", "filename", "notulen_fmt"}


def _takes_records(app, endpoint):
    return any(rule.arguments - CHOICE_ARGS for rule in app.url_map.iter_rules(endpoint))


def _record_urls(app, ids, method="GET"):
    # The read API's scope is checked with tokens in tests/api/test_scope.py.
    skip = NOT_RECORDS | token_endpoints(app) | {e for e in app.view_functions
                                                 if not _takes_records(app, e)}
    return list(urls(app, ids, method, skip=skip))


def _plain_urls(app):
    skip = NOT_RECORDS | token_endpoints(app) | {e for e in app.view_functions
                                                 if _takes_records(app, e)}
    return list(urls(app, {}, "GET", skip=skip))


def test_a_pemda_user_reaches_nothing_of_another_pemda(app, client, world):
    _login(client, world["users"]["lebong"], PASSWORDS["lebong"])
    checked = 0
    for endpoint, url in _record_urls(app, world["seberang"]):
        response = client.get(url)
        assert response.status_code == 404, (endpoint, url, response.status_code)
        checked += 1
    assert checked > 30
    for endpoint, url in _plain_urls(app):
        response = client.get(url)
        national_only = getattr(app.view_functions[endpoint], "required_scope", None)
        expected = (403,) if national_only else (200, 302)
        assert response.status_code in expected, (endpoint, url, response.status_code)
        assert SECRET.encode() not in response.data, (endpoint, url)
    # Picking the other pemda is not possible either.
    assert client.get(f"/kekosongan?pemda={world['seberang_id']}").status_code == 404
    assert b"Dinas Terbuka Lebong" in client.get("/kekosongan").data
    # Neither the search nor the dashboard reach it.
    assert SECRET.encode() not in client.get("/cari?q=Bambang").data
    assert b"0 hasil" in client.get("/cari", query_string={"q": SECRET}).data
    assert b"Dinas Terbuka Lebong" in client.get("/cari?q=Terbuka").data
    assert client.get(f"/?pemda={world['seberang_id']}").status_code == 404


def test_nothing_of_another_pemda_can_be_changed(app, client, world):
    _login(client, world["users"]["lebong"], PASSWORDS["lebong"])
    before = row_counts()
    for endpoint, url in _record_urls(app, world["seberang"], "POST"):
        response = client.post(url, data={"csrf_token": client.csrf})
        assert response.status_code == 404, (endpoint, url, response.status_code)
    assert row_counts() == before


def test_a_province_user_reads_its_kabupaten_and_changes_nothing_there(app, client, world):
    _login(client, world["users"]["province"], PASSWORDS["province"])
    reads = 0
    for endpoint, url in _record_urls(app, world["lebong"]):
        response = client.get(url)
        required = app.view_functions[endpoint].required_role
        if required == "viewer":
            assert response.status_code in (200, 302), (endpoint, url, response.status_code)
            reads += 1
        else:  # a form that writes: only in one's own pemda
            assert response.status_code == 404, (endpoint, url, response.status_code)
    assert reads > 8
    for endpoint, url in _record_urls(app, world["seberang"]):
        assert client.get(url).status_code == 404, (endpoint, url)
    before = row_counts()
    for endpoint, url in _record_urls(app, world["lebong"], "POST"):
        response = client.post(url, data={"csrf_token": client.csrf})
        assert response.status_code == 404, (endpoint, url, response.status_code)
    assert row_counts() == before

    page = client.get("/kekosongan").data
    assert b"Dinas Terbuka Lebong" in page and SECRET.encode() not in page
    assert b"0 hasil" in client.get("/cari", query_string={"q": SECRET}).data
    ranking = client.get("/wilayah").data.decode()
    assert "Pemerintah Kabupaten Lebong" in ranking and "Seberang" not in ranking
    assert SECRET not in _workbook_text(client.get("/wilayah/laporan.xlsx"))
    assert client.get(f"/kekosongan?pemda={world['seberang_id']}").status_code == 404
    picked = client.get(f"/kekosongan?pemda={world['lebong_id']}").data
    assert b"Dinas Terbuka Lebong" in picked


def test_a_national_user_reads_every_pemda(app, client, world):
    _login(client, world["users"]["national"], PASSWORDS["national"])
    for endpoint, url in _record_urls(app, world["seberang"]):
        required = app.view_functions[endpoint].required_role
        if required == "viewer":
            response = client.get(url)
            assert response.status_code in (200, 302), (endpoint, url, response.status_code)
    page = client.get("/kekosongan").data
    assert b"Dinas Terbuka Lebong" in page and SECRET.encode() in page
    ranking = client.get("/wilayah").data.decode()
    assert "Pemerintah Kabupaten Seberang" in ranking and "Pemerintah Kabupaten Lebong" in ranking
    found = client.get("/cari", query_string={"q": "Bambang"}).data
    assert SECRET.encode() in found
    report = _workbook_text(client.get("/wilayah/laporan.xlsx"))
    assert f"Kepala Dinas {SECRET}" in report and "Pemerintah Kabupaten Lebong" in report
    # The pick narrows every list to one pemda, and is kept for the next pages.
    only = client.get(f"/kekosongan?pemda={world['seberang_id']}").data
    assert SECRET.encode() in only and b"Dinas Terbuka Lebong" not in only
    assert SECRET.encode() in client.get("/kekosongan").data
    assert b"Dinas Terbuka Lebong" not in client.get("/kekosongan").data
    assert b"Dinas Terbuka Lebong" in client.get("/kekosongan?pemda=").data


def _workbook_text(response):
    """Return every cell of a downloaded workbook as one text."""
    import io

    import openpyxl

    assert response.status_code == 200, response.status_code
    book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    return " ".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True)
                    for v in row if v is not None)
