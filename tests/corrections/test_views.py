"""Correcting and voiding through the pages, and stale forms, over HTTP on every database."""
import datetime as dt
import re

from plt_tracker.extensions import db
from plt_tracker.registry.models import Official
from tests.conftest import csrf_from
from tests.vacancies.helpers import stored

D = dt.date


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


class _Browser:
    """A second browser: its own client, each request in its own app context.

    The test's app context is shared by the main client's requests (and so is
    Flask-Login's cached user in `g`); a second user needs contexts of their own.
    """

    def __init__(self, app):
        self.app, self.client, self.csrf = app, app.test_client(), None

    def get(self, url):
        with self.app.app_context():
            return self.client.get(url)

    def post(self, url, data):
        with self.app.app_context():
            return self.client.post(url, data=data)


def _second_operator(app, make_user):
    """Log a second operator in on their own browser."""
    user = make_user("operator", username="operator_dua")
    other = _Browser(app)
    other.csrf = csrf_from(other.get("/masuk").data)
    other.post("/masuk", data={"username": user.username, "password": "rahasia123",
                               "csrf_token": other.csrf})
    return other


def test_operator_corrects_a_letter_number_and_the_history_says_why(app, client, login_as,
                                                                    factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 8, 31))
    old_number, name = acting.letter_number, acting.official.name
    login_as("operator")
    post_page = client.get(f"/jabatan/{vacancy.post_id}").get_data(as_text=True)
    assert f"/koreksi/pelaksana/{acting.id}" in post_page
    form = client.get(f"/koreksi/pelaksana/{acting.id}")
    assert form.status_code == 200
    assert f'value="{acting.letter_number}"' in form.get_data(as_text=True)
    fields = {"official_id": acting.official_id, "kind": "plt", "letter_number": "800/77/BKPSDM",
              "letter_date": "2025-06-01", "start_date": "2025-06-01", "end_date": "2025-08-31",
              "ended_on": "", "end_note": "", "version": "1", "csrf_token": client.csrf}
    missing_reason = client.post(f"/koreksi/pelaksana/{acting.id}", data=fields)
    assert missing_reason.status_code == 400 and "Alasan koreksi wajib diisi" in _text(
        missing_reason)

    response = client.post(f"/koreksi/pelaksana/{acting.id}",
                           data=dict(fields, why="Salah ketik nomor surat"))
    assert response.status_code == 302
    log = _text(client.get(response.headers["Location"])).split("Riwayat perubahan", 1)[1]
    assert "Surat perintah Plt %s dikoreksi" % name in log
    assert "Alasan: Salah ketik nomor surat" in log
    assert "Nomor surat: %s → 800/77/BKPSDM" % old_number in log


def test_voided_vacancy_stays_in_the_history_and_leaves_the_list(app, client, login_as,
                                                                 factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    login_as("operator")
    assert vacancy.post.title in _text(client.get("/kekosongan"))
    response = client.post(f"/koreksi/kekosongan/{vacancy.id}/batal", data={
        "why": "Dicatat pada jabatan yang salah", "version": "1", "csrf_token": client.csrf})
    assert response.status_code == 302
    page = client.get(f"/jabatan/{vacancy.post_id}").get_data(as_text=True)
    card = page.split(f'id="kekosongan-{vacancy.id}"', 1)[0].rsplit("<div", 1)[1]
    assert "voided" in card
    assert "Dicatat pada jabatan yang salah" in page
    assert vacancy.post.title not in _text(client.get("/kekosongan")).split("Daftar kekosongan", 1)[1]
    # A voided record can be neither corrected nor voided again.
    assert client.get(f"/koreksi/kekosongan/{vacancy.id}").status_code == 404


def test_second_save_from_a_stale_form_is_refused_showing_what_changed(app, client, login_as,
                                                                       make_user, factory):
    official = factory.official("Budi Santoso", rank="Pembina (IV/a)")
    login_as("operator")
    other = _second_operator(app, make_user)
    assert 'value="1"' in client.get(f"/pejabat/{official.id}/ubah").get_data(as_text=True)
    assert 'value="1"' in other.get(f"/pejabat/{official.id}/ubah").get_data(as_text=True)
    base = {"nip": official.nip, "nip_kind": "pns", "version": "1"}

    first = client.post(f"/pejabat/{official.id}/ubah", data=dict(
        base, name="Budi Santoso", rank="Pembina Tingkat I (IV/b)", why="Naik pangkat",
        csrf_token=client.csrf))
    assert first.status_code == 302
    before = stored()
    stale = other.post(f"/pejabat/{official.id}/ubah", data=dict(
        base, name="Drs. Budi Santoso", rank="Pembina (IV/a)", why="Gelar", csrf_token=other.csrf))

    assert stale.status_code == 400 and stored() == before
    text = _text(stale)
    assert "telah diubah orang lain sejak formulir Anda dibuka" in text
    assert "Pangkat/golongan: Pembina (IV/a) → Pembina Tingkat I (IV/b)" in text
    html = stale.get_data(as_text=True)
    assert 'value="Drs. Budi Santoso"' in html          # the user's input is kept
    assert re.search(r'name="version" type="hidden" value="2"', html)
    db.session.expire_all()
    assert db.session.get(Official, official.id).rank == "Pembina Tingkat I (IV/b)"

    # Saving again after seeing the change is deliberate, and goes through.
    again = other.post(f"/pejabat/{official.id}/ubah", data=dict(
        base, version="2", name="Drs. Budi Santoso", rank="Pembina Tingkat I (IV/b)",
        why="Gelar", csrf_token=other.csrf))
    assert again.status_code == 302, again.headers.get("Location")
    assert again.headers["Location"].endswith(f"/pejabat/{official.id}")
    db.session.rollback()  # a new read transaction: see what the other browser committed
    assert db.session.get(Official, official.id).name == "Drs. Budi Santoso"


def test_corrections_of_another_pemda_are_not_found(app, client, login_as, factory):
    from plt_tracker.core.db import transaction
    from plt_tracker.registry import operations as registry
    from plt_tracker.registry.models import Instansi
    from plt_tracker.vacancies import operations as ops

    with transaction():
        other = Instansi(name="Pemerintah Kabupaten Lain")
        db.session.add(other)
        db.session.flush()
        post = registry.create_post(registry.create_opd(other.id, "Dinas Lain", "dinas"),
                                    "Kepala Dinas Lain", "jpt_pratama")
        vacancy = ops.open_vacancy(post, D(2025, 6, 1), "pensiun", today=D(2026, 1, 15))
    login_as("operator")
    assert client.get(f"/koreksi/kekosongan/{vacancy.id}").status_code == 404
    response = client.post(f"/koreksi/kekosongan/{vacancy.id}/batal", data={
        "why": "x", "version": "1", "csrf_token": client.csrf})
    assert response.status_code == 404
