"""Officials: the searchable list, the form with NIP checks, and the "rangkap" page."""
import datetime as dt
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.registry.models import Official
from plt_tracker.registry.operations import create_official, set_holder
from tests.factories import make_nip
from tests.registry.helpers import audit_entries, other_instansi, text_of


def _count():
    return db.session.scalar(db.select(db.func.count(Official.id)))


@contextmanager
def counted_queries():
    """Count the SQL statements run inside the block."""
    statements = []

    def count(conn, cursor, statement, *args):  # noqa: ARG001
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def test_operator_records_an_official_typed_with_spaces(app, client, login_as):
    login_as("operator")
    response = client.post("/pejabat/baru", data={
        "nip": "19700512 199803 1 004", "nip_kind": "pns", "name": "Dr. Budi Santoso, S.H., M.H.",
        "rank": "Pembina Utama Muda (IV/c)", "position_title": "Sekretaris Dinas Pendidikan",
        "csrf_token": client.csrf})
    assert response.status_code == 302
    official = db.session.scalar(db.select(Official))
    assert official.nip == "197005121998031004"
    assert (official.birth_date, official.gender) == (dt.date(1970, 5, 12), "1")
    assert official.name == "Dr. Budi Santoso, S.H., M.H."
    entry = audit_entries("official", "create")[-1]
    assert entry.entity_id == official.id and entry.after["nip"] == "197005121998031004"
    assert entry.after["birth_date"] == "1970-05-12"

    page = text_of(client.get(response.headers["Location"]))
    assert "19700512 199803 1 004" in page
    assert "12 Mei 1970" in page and "Maret 1998" in page
    assert "Pembina Utama Muda (IV/c)" in page and "Sekretaris Dinas Pendidikan" in page


def test_pppk_number_is_accepted_without_a_birth_date(app, client, login_as):
    login_as("operator")
    response = client.post("/pejabat/baru", data={
        "nip": "202109990000300112", "nip_kind": "other", "name": "Rina Wati, S.Kom.",
        "csrf_token": client.csrf})
    assert response.status_code == 302
    official = db.session.scalar(db.select(Official))
    assert (official.nip_kind, official.birth_date, official.gender) == ("other", None, None)


@pytest.mark.parametrize("nip, message", [
    ("19700512 199803 3 004", "jenis kelamin) harus 1 atau 2"),
    ("1970051219980310", "NIP harus 18 angka"),
    ("197002301998031004", "bukan tanggal lahir yang sah"),
])
def test_invalid_nip_is_refused_on_its_field(app, client, login_as, nip, message):
    login_as("operator")
    response = client.post("/pejabat/baru", data={"nip": nip, "nip_kind": "pns",
                                                  "name": "Pejabat Uji", "csrf_token": client.csrf})
    assert response.status_code == 400
    assert message in text_of(response)
    assert "is-invalid" in text_of(response)
    assert _count() == 0 and audit_entries("official") == []


def test_duplicate_nip_is_refused_and_nothing_changes(app, client, login_as, factory):
    factory.official("Pejabat Lama", nip="197005121998031004")
    login_as("operator")
    before = len(audit_entries("official"))
    response = client.post("/pejabat/baru", data={
        "nip": "19700512 199803 1 004", "nip_kind": "pns", "name": "Pejabat Baru",
        "csrf_token": client.csrf})
    assert response.status_code == 400
    assert "NIP 197005121998031004 sudah terdaftar" in text_of(response)
    assert _count() == 1 and len(audit_entries("official")) == before


def test_operator_corrects_an_official_with_before_and_after(app, client, login_as, factory):
    official = factory.official("Budi Santoso", nip="197005121998031004", rank="Pembina (IV/a)")
    login_as("operator")
    form = text_of(client.get(f"/pejabat/{official.id}/ubah"))
    assert 'value="19700512 199803 1 004"' in form
    assert 'name="version" type="hidden" value="1"' in form
    response = client.post(f"/pejabat/{official.id}/ubah", data={
        "nip": "19700512 199803 1 004", "nip_kind": "pns", "name": "Drs. Budi Santoso, M.Si.",
        "rank": "Pembina Tingkat I (IV/b)", "version": "1", "why": "Naik pangkat",
        "csrf_token": client.csrf})
    assert response.status_code == 302
    db.session.expire_all()
    official = db.session.get(Official, official.id)
    assert (official.name, official.rank) == (
        "Drs. Budi Santoso, M.Si.", "Pembina Tingkat I (IV/b)")
    entry = audit_entries("official", "update")[-1]
    assert entry.before["rank"] == "Pembina (IV/a)"
    assert entry.after["rank"] == "Pembina Tingkat I (IV/b)"
    assert entry.reason == "Naik pangkat" and official.is_active and official.version == 2


def test_changing_to_another_officials_nip_is_refused(app, client, login_as, factory):
    factory.official("A", nip="197005121998031004")
    other = factory.official("B", nip="197106131999032005")
    login_as("operator")
    response = client.post(f"/pejabat/{other.id}/ubah", data={
        "nip": "197005121998031004", "nip_kind": "pns", "name": "B", "version": "1",
        "why": "Salah ketik", "csrf_token": client.csrf})
    assert response.status_code == 400
    assert "sudah terdaftar" in text_of(response)
    db.session.expire_all()
    assert db.session.get(Official, other.id).nip == "197106131999032005"


def test_list_searches_by_name_and_by_nip_typed_with_spaces(app, client, login_as, factory):
    factory.official("Drs. Ahmad Fauzi, M.Si.", nip="197005121998031004")
    factory.official("Siti Rahmawati, S.E.", nip="198203042006042001")
    login_as("viewer")
    page = text_of(client.get("/pejabat?q=fauzi"))
    assert "Ahmad Fauzi" in page and "Siti Rahmawati" not in page
    page = text_of(client.get("/pejabat?q=19820304 200604"))
    assert "Siti Rahmawati" in page and "Ahmad Fauzi" not in page
    page = text_of(client.get("/pejabat"))
    assert "Ahmad Fauzi" in page and "Siti Rahmawati" in page


def test_list_is_paginated(app, client, login_as, factory):
    for number in range(26):
        factory.official(f"Pejabat {number:02d}")
    login_as("viewer")
    first = text_of(client.get("/pejabat"))
    assert "Pejabat 24" in first and "Pejabat 25" not in first
    assert "26 pejabat" in first and "page=2" in first
    second = text_of(client.get("/pejabat?page=2"))
    assert "Pejabat 25" in second and "Pejabat 00" not in second


def test_list_and_page_keep_to_the_users_pemda(app, client, login_as, factory):
    other = other_instansi()
    with transaction():
        foreign = create_official(other.id, make_nip(), "Pejabat Tetangga")
    login_as("operator")
    assert "Pejabat Tetangga" not in text_of(client.get("/pejabat"))
    assert client.get(f"/pejabat/{foreign.id}").status_code == 404
    assert client.get(f"/pejabat/{foreign.id}/ubah").status_code == 404


def _rangkap_official(factory):
    """An official who holds one post, held another before, and acts in two vacant posts."""
    official = factory.official("Ir. Hendra Gunawan, M.T.")
    held = factory.post("Kepala Dinas PUPR")
    past = factory.post("Camat Uji", kind="administrator", eselon="III.a")
    with transaction():
        set_holder(past, official, start_date=dt.date(2015, 3, 2), sk_number="821/3/SK/2015")
    factory.vacancy(post=past, start=dt.date(2019, 1, 7), reason="promosi")
    with transaction():
        set_holder(held, official,
                   start_date=dt.date(2019, 1, 7), sk_number="821/12/SK/2019")
    first = factory.acting(factory.vacancy(factory.post("Kepala Dinas Perhubungan"),
                                           start=dt.date(2025, 6, 1)),
                           official=official, start=dt.date(2025, 6, 1), end=dt.date(2025, 8, 31))
    second = factory.acting(factory.vacancy(factory.post("Kepala Badan Keuangan Daerah"),
                                            start=dt.date(2025, 6, 1)),
                            official=official, start=dt.date(2025, 6, 15), end=dt.date(2025, 9, 14))
    factory.extend(second, dt.date(2025, 12, 14), letter_date=dt.date(2025, 9, 10))
    return official, first, second


def test_page_shows_rangkap_and_warns_when_acting_in_two_posts(app, client, login_as, factory):
    official, first, second = _rangkap_official(factory)
    login_as("viewer")
    page = text_of(client.get(f"/pejabat/{official.id}?as_of=2025-07-01"))
    assert "Kepala Dinas PUPR" in page and "821/12/SK/2019" in page and "7 Januari 2019" in page
    assert "Camat Uji" in page and "821/3/SK/2015" in page and "Selesai" in page
    assert "Kepala Dinas Perhubungan" in page and "Kepala Badan Keuangan Daerah" in page
    assert first.letter_number in page and second.letter_number in page
    assert "menjadi pelaksana di 2 jabatan sekaligus" in page
    # The extension signed on 10 September did not exist yet on 1 July.
    assert "14 September 2025" in page and "14 Desember 2025" not in page
    assert "diperpanjang" not in page


def test_page_marks_an_expired_letter_and_counts_extensions(app, client, login_as, factory):
    official, first, second = _rangkap_official(factory)
    login_as("viewer")
    page = text_of(client.get(f"/pejabat/{official.id}?as_of=2025-10-01"))
    assert "Surat telah berakhir" in page
    assert "14 Desember 2025" in page and "diperpanjang 1 kali" in page
    assert "sekaligus" not in page


def test_list_flags_officials_acting_in_two_posts(app, client, login_as, factory):
    official, _, _ = _rangkap_official(factory)
    factory.official("Pejabat Biasa")
    login_as("viewer")
    page = text_of(client.get("/pejabat?as_of=2025-07-01"))
    assert "Rangkap 2 jabatan pelaksana" in page
    assert "Kepala Dinas PUPR" in page
    assert "Rangkap" not in text_of(client.get("/pejabat?as_of=2025-10-01"))


def test_list_runs_a_fixed_number_of_queries(app, client, login_as, factory):
    login_as("viewer")

    def queries_for_list():
        client.get("/pejabat?as_of=2025-07-01")  # warm up the session and caches
        with counted_queries() as statements:
            assert client.get("/pejabat?as_of=2025-07-01").status_code == 200
        return len(statements)

    _rangkap_official(factory)
    few = queries_for_list()
    for _ in range(4):
        factory.acting(official=factory.official(), start=dt.date(2025, 6, 1))
    assert queries_for_list() == few


def test_viewer_reads_but_cannot_write(app, client, login_as, factory):
    official = factory.official("Budi")
    login_as("viewer")
    assert client.get("/pejabat").status_code == 200
    assert client.get(f"/pejabat/{official.id}").status_code == 200
    assert client.get("/pejabat/baru").status_code == 403
    assert client.get(f"/pejabat/{official.id}/ubah").status_code == 403
    response = client.post("/pejabat/baru", data={"nip": make_nip(), "nip_kind": "pns",
                                                  "name": "X", "csrf_token": client.csrf})
    assert response.status_code == 403
    response = client.post(f"/pejabat/{official.id}/ubah", data={
        "nip": official.nip, "nip_kind": "pns", "name": "Ganti", "csrf_token": client.csrf})
    assert response.status_code == 403
    db.session.expire_all()
    assert _count() == 1 and db.session.get(Official, official.id).name == "Budi"


def test_post_without_csrf_token_changes_nothing(app, client, login_as, factory):
    official = factory.official("Budi")
    login_as("operator")
    response = client.post("/pejabat/baru", data={"nip": make_nip(), "nip_kind": "pns",
                                                  "name": "X"})
    assert response.status_code == 400
    response = client.post(f"/pejabat/{official.id}/ubah", data={
        "nip": official.nip, "nip_kind": "pns", "name": "Ganti"})
    assert response.status_code == 400
    db.session.expire_all()
    assert _count() == 1 and db.session.get(Official, official.id).name == "Budi"


def test_anonymous_is_sent_to_login(app, client, factory):
    official = factory.official()
    for url in ("/pejabat", f"/pejabat/{official.id}", "/pejabat/baru"):
        response = client.get(url)
        assert response.status_code == 302 and "/masuk" in response.headers["Location"]
