"""The operator's actions over HTTP: forms, refusals, roles, CSRF, audit on the post page."""
import datetime as dt
import re

import pytest

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.registry.operations import current_appointment
from plt_tracker.settings.logic import set_settings
from plt_tracker.vacancies import operations as ops
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy
from tests.conftest import csrf_from
from tests.vacancies.helpers import stored

D = dt.date


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Pin the views' clock to 15 January 2026 so future-date rules are reproducible."""
    monkeypatch.setattr("plt_tracker.vacancies.action_views.today", lambda: D(2026, 1, 15))
    monkeypatch.setattr("plt_tracker.registry.views.today", lambda: D(2026, 1, 15))


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def _post(client, url, **data):
    return client.post(url, data=dict(data, csrf_token=client.csrf))


def test_open_vacancy_through_the_form(app, client, login_as, factory):
    post = factory.post()
    login_as("operator")
    page = client.get(f"/jabatan/{post.id}/kosong")
    assert page.status_code == 200 and "Kosong sejak" in _text(page)
    assert csrf_from(page.data)

    response = _post(client, f"/jabatan/{post.id}/kosong", start_date="2025-09-15",
                     reason="pensiun", reason_note="BUP")

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/jabatan/{post.id}")
    vacancy = ops.open_vacancy_of(post.id)
    assert (vacancy.start_date, vacancy.reason, vacancy.reason_note) == (D(2025, 9, 15),
                                                                         "pensiun", "BUP")
    page = client.get(response.headers["Location"])
    assert "Kekosongan %s dicatat." % post.title in _text(page)


def test_refused_rule_is_shown_on_the_form_and_nothing_saved(app, client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    login_as("operator")
    before = stored()

    response = _post(client, f"/jabatan/{vacancy.post_id}/kosong", start_date="2025-07-01",
                     reason="mutasi")

    assert response.status_code == 400
    assert "sudah tercatat kosong" in _text(response)
    assert stored() == before
    too_far = _post(client, f"/jabatan/{factory.post().id}/kosong", start_date="2099-01-16",
                    reason="mutasi")
    assert too_far.status_code == 400
    assert "Tanggal mulai kosong paling jauh 12 bulan ke depan" in _text(too_far)


def test_bad_date_is_refused_in_indonesian(app, client, login_as, factory):
    post = factory.post()
    login_as("operator")
    response = _post(client, f"/jabatan/{post.id}/kosong", start_date="31/02/2025",
                     reason="pensiun")
    assert response.status_code == 400
    assert "bukan tanggal yang ada di kalender" in _text(response)
    assert ops.open_vacancy_of(post.id) is None


def test_name_plt_with_default_planned_end_and_rangkap_confirmation(app, client, login_as,
                                                                    factory, instansi):
    with transaction():
        set_settings(instansi.id, {"acting_default_months": 4})
    official = factory.official("Ir. Rangkap Jabatan")
    elsewhere = factory.vacancy(start=D(2025, 6, 1))
    factory.acting(elsewhere, official=official, start=D(2025, 6, 1), end=D(2026, 6, 1))
    vacancy = factory.vacancy(start=D(2025, 9, 1))
    login_as("operator")
    page = client.get(f"/jabatan/{vacancy.post_id}/pelaksana")
    assert "Ir. Rangkap Jabatan" in _text(page) and "+ 4 bulan" in _text(page)

    assert "Ya, pejabat ini memang merangkap" not in _text(page)
    fields = dict(kind="plt", official_id=official.id, letter_number="800/12/BKPSDM",
                  letter_date="2025-09-01", start_date="2025-09-02", end_date="")
    before = stored()
    asked = _post(client, f"/jabatan/{vacancy.post_id}/pelaksana", **fields)

    # Acting in another vacant post on the same days: an explicit yes, with the posts named.
    assert asked.status_code == 400 and stored() == before
    text = _text(asked)
    assert "Ir. Rangkap Jabatan juga menjadi pelaksana di: %s" % elsewhere.post.title in text
    assert "Ya, pejabat ini memang merangkap" in text
    assert f'value="{elsewhere.post_id}"' in asked.get_data(as_text=True)
    response = _post(client, f"/jabatan/{vacancy.post_id}/pelaksana", confirm="y",
                     confirmed_posts=str(elsewhere.post_id), **fields)

    assert response.status_code == 302
    acting = db.session.scalar(db.select(ActingAssignment).filter_by(post_id=vacancy.post_id))
    assert (acting.kind, acting.vacancy_id, acting.end_date) == ("plt", vacancy.id,
                                                                D(2026, 1, 1))
    assert "800/12/BKPSDM" in _text(client.get(response.headers["Location"]))


def test_second_plt_refused_over_http(app, client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 12, 31))
    other = factory.official()
    login_as("operator")
    before = stored()
    response = _post(client, f"/jabatan/{vacancy.post_id}/pelaksana", kind="plt",
                     official_id=other.id, start_date="2025-10-01", end_date="2025-12-31")
    assert response.status_code == 400
    assert "Jabatan ini sudah memiliki Plt" in _text(response)
    assert stored() == before


def test_plh_on_a_filled_post(app, client, login_as, factory):
    post = factory.post()
    with transaction():
        ops.record_holder(post, factory.official(), D(2021, 1, 4), today=D(2026, 1, 15))
    plh = factory.official()
    login_as("operator")
    page = client.get(f"/jabatan/{post.id}")
    assert "Tunjuk Plh (pejabat berhalangan sementara)" in _text(page)

    refused = _post(client, f"/jabatan/{post.id}/pelaksana", kind="plt", official_id=plh.id,
                    start_date="2025-10-01", end_date="2025-10-20")
    assert refused.status_code == 400 and "Plt hanya dapat ditunjuk" in _text(refused)
    response = _post(client, f"/jabatan/{post.id}/pelaksana", kind="plh", official_id=plh.id,
                     start_date="2025-10-01", end_date="2025-10-20")
    assert response.status_code == 302
    acting = db.session.scalar(db.select(ActingAssignment).filter_by(post_id=post.id))
    assert acting.kind == "plh" and acting.vacancy_id is None


def test_extend_and_end_acting(app, client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 8, 31))
    login_as("operator")
    for end, number in (("2025-11-30", "800/2/EXT"), ("2026-02-28", "800/3/EXT")):
        response = _post(client, f"/pelaksana/{acting.id}/perpanjang", end_date=end,
                         letter_number=number, letter_date="2025-08-25", note="Belum ada SK")
        assert response.status_code == 302
    same = _post(client, f"/pelaksana/{acting.id}/perpanjang", end_date="2026-02-28",
                 letter_date="2025-08-25")
    assert same.status_code == 400 and "harus sesudah akhir tugas saat ini" in _text(same)
    ends = db.session.scalars(db.select(ActingExtension.end_date).order_by(ActingExtension.id))
    assert list(ends) == [D(2025, 11, 30), D(2026, 2, 28)]

    response = _post(client, f"/pelaksana/{acting.id}/akhiri", ended_on="2025-12-31",
                     note="Ditugaskan di tempat lain")
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(ActingAssignment, acting.id).ended_on == D(2025, 12, 31)


def test_fill_vacancy_ends_vacancy_and_acting(app, client, login_as, factory):
    from tests.selection.helpers import stage, start

    vacancy = factory.vacancy(start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 12, 31))
    attempt = start(vacancy, on=D(2025, 6, 10))
    stage(attempt, 1, D(2025, 6, 10), D(2025, 6, 12))
    stage(attempt, 2, D(2025, 6, 12), D(2025, 7, 1))
    stage(attempt, 3, D(2025, 7, 2))
    new = factory.official("Dr. Definitif Baru")
    login_as("operator")
    assert "berjalan" in _text(client.get(f"/jabatan/{vacancy.post_id}"))
    early = _post(client, f"/jabatan/{vacancy.post_id}/pelantikan", official_id=new.id,
                  sk_number="821/7", sk_date="2025-05-20", start_date="2025-05-25")
    assert early.status_code == 400
    assert "Tanggal pelantikan tidak boleh sebelum jabatan kosong (01/06/2025)" in _text(early)

    response = _post(client, f"/jabatan/{vacancy.post_id}/pelantikan", official_id=new.id,
                     sk_number="821/7", sk_date="2025-11-20", start_date="2025-11-24")

    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).end_date == D(2025, 11, 24)
    assert db.session.get(ActingAssignment, acting.id).ended_on == D(2025, 11, 23)
    assert current_appointment(vacancy.post_id).official_id == new.id
    gone = client.get(f"/jabatan/{vacancy.post_id}/pelantikan")
    assert gone.status_code == 302
    # "Catat pelantikan" ended the selection too: one way a vacancy ends.
    page = _text(client.get(f"/jabatan/{vacancy.post_id}"))
    assert "berjalan" not in page and "tahap 3 dari" not in page
    assert "Selesai" in page.split("Proses pengisian definitif", 1)[1]


def test_record_holder_of_a_new_post(app, client, login_as, factory):
    post = factory.post()
    official = factory.official()
    login_as("operator")
    assert "Catat pejabat definitif" in _text(client.get(f"/jabatan/{post.id}"))
    response = _post(client, f"/jabatan/{post.id}/pejabat-definitif", official_id=official.id,
                     sk_number="821/3/2022", sk_date="", start_date="2022-03-01")
    assert response.status_code == 302
    assert current_appointment(post.id).official_id == official.id
    missing = _post(client, f"/jabatan/{factory.post().id}/pejabat-definitif", official_id=0)
    assert missing.status_code == 400 and "Pilih pejabat" in _text(missing)


def test_official_of_another_pemda_cannot_be_chosen(app, client, login_as, factory):
    from plt_tracker.registry.models import Instansi
    from plt_tracker.registry.operations import create_official
    from tests.factories import make_nip

    vacancy = factory.vacancy(start=D(2025, 6, 1))
    with transaction():
        other = Instansi(name="Pemerintah Kabupaten Tetangga")
        db.session.add(other)
        db.session.flush()
        stranger = create_official(other.id, make_nip(), "Orang Luar")
    login_as("operator")
    response = _post(client, f"/jabatan/{vacancy.post_id}/pelaksana", kind="plt",
                     official_id=stranger.id, start_date="2025-06-01")
    assert response.status_code == 400
    assert db.session.scalar(db.select(ActingAssignment).filter_by(post_id=vacancy.post_id)) is None


ACTIONS = [
    ("/jabatan/{post}/kosong", {"start_date": "2025-09-15", "reason": "pensiun"}),
    ("/jabatan/{post}/pelaksana", {"kind": "plt", "official_id": "{official}",
                                   "start_date": "2025-06-01"}),
    ("/pelaksana/{acting}/perpanjang", {"end_date": "2026-06-01"}),
    ("/pelaksana/{acting}/akhiri", {"ended_on": "2025-07-01"}),
    ("/jabatan/{vacant}/pelantikan", {"official_id": "{official}", "start_date": "2025-12-01"}),
    ("/jabatan/{post}/pejabat-definitif", {"official_id": "{official}"}),
]


@pytest.fixture
def targets(factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1))
    return {"post": factory.post().id, "vacant": vacancy.post_id, "acting": acting.id,
            "official": factory.official().id}


@pytest.mark.parametrize("url, data", ACTIONS)
def test_viewer_is_refused(app, client, login_as, targets, url, data):
    login_as("viewer")
    before = stored()
    url = url.format(**targets)
    assert client.get(url).status_code == 403
    fields = {k: v.format(**targets) for k, v in data.items()}
    assert _post(client, url, **fields).status_code == 403
    assert stored() == before
    page = client.get(f"/jabatan/{targets['vacant']}")
    assert 'id="tindakan"' not in page.get_data(as_text=True)


@pytest.mark.parametrize("url, data", ACTIONS)
def test_missing_csrf_is_refused_and_nothing_changes(app, client, login_as, targets, url, data):
    login_as("operator")
    before = stored()
    fields = {k: v.format(**targets) for k, v in data.items()}
    response = client.post(url.format(**targets), data=fields)
    assert response.status_code == 400
    assert stored() == before


def test_audit_entries_with_before_and_after_on_the_post_page(app, client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 8, 31))
    user = login_as("operator")
    _post(client, f"/pelaksana/{acting.id}/perpanjang", end_date="2025-11-30",
          letter_number="800/9/EXT", letter_date="2025-08-20")
    _post(client, f"/pelaksana/{acting.id}/perpanjang", end_date="2026-01-15",
          letter_number="800/10/EXT", letter_date="2025-11-20")
    _post(client, f"/pelaksana/{acting.id}/akhiri", ended_on="2025-12-31", note="Pindah tugas")

    html = client.get(f"/jabatan/{vacancy.post_id}").get_data(as_text=True)
    log = html.split('id="riwayat-perubahan"', 1)[1]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", log))
    assert user.full_name in text
    assert "diperpanjang sampai 30/11/2025" in text
    # Labelled fields and formatted values: dates, labels of codes, yes/no; no raw keys.
    assert "Akhir tugas yang baru: 31/08/2025 → 30/11/2025" in text
    # The second extension's "before" is the first extension's end, not the first letter's.
    assert "Akhir tugas yang baru: 30/11/2025 → 15/01/2026" in text
    assert "Nomor surat perpanjangan: — → 800/9/EXT" in text
    assert "Hari terakhir bertugas: — → 31/12/2025" in text
    assert "Catatan akhir: — → Pindah tugas" in text
    assert "Jenis jabatan: — → JPT Pratama" in text and "Kepala OPD: — → Ya" in text
    for raw in ("end_date", "jpt_pratama", "True", "2025-11-30"):
        assert raw not in text
