"""The rules as the law writes them, through the real operations, pages and database."""
import datetime as dt
import re

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.rakor.report import reporting_delays
from plt_tracker.registry import operations as registry
from plt_tracker.vacancies import operations as ops
from plt_tracker.vacancies.models import ActingAssignment
from plt_tracker.vacancies.queries import vacancy_rows
from tests.conftest import TODAY
from tests.vacancies.helpers import refused

D = dt.date


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def test_a_pj_sekda_acts_only_in_the_sekdas_post(app, factory):
    setda = factory.opd("Sekretariat Daerah", kind="sekretariat")
    sekda = factory.vacancy(factory.post("Sekretaris Daerah", opd=setda), start=D(2025, 9, 1))
    other = factory.vacancy(factory.post("Kepala Dinas Sosial"), start=D(2025, 9, 1))
    asisten = factory.official("Drs. Asisten Satu", post_kind="jpt_pratama")
    with refused("Pj Sekda hanya untuk jabatan Sekretaris Daerah"):
        ops.name_acting(other.post, asisten, "pj", D(2025, 9, 2), None, today=TODAY,
                        vacancy=other)
    with transaction():
        pj = ops.name_acting(sekda.post, asisten, "pj", D(2025, 9, 2), None, today=TODAY,
                             vacancy=sekda, governor_approval_number="100.2.2/77/GUB",
                             governor_approval_date=D(2025, 8, 30))
    assert (pj.kind_label, pj.end_date) == ("Pj Sekda", D(2025, 12, 1))
    assert pj.governor_approval_number == "100.2.2/77/GUB"
    # An admin may mark a head post titled otherwise as the Sekda's.
    marked = factory.post("Sekda Kabupaten", opd=setda)
    assert not marked.is_sekda_post
    with transaction():
        registry.mark_sekda(marked, True)
    assert marked.is_sekda_post


def test_a_frozen_post_leaves_the_list_from_its_closing_day(app, factory, instansi):
    vacancy = factory.vacancy(factory.post("Kepala Dinas Lama"), start=D(2025, 6, 1))
    with transaction():
        registry.close_post(vacancy.post, closed_on=D(2025, 10, 1), kind="abolished",
                            note="Perda SOTK 2025")
    assert [r.post for r in vacancy_rows(instansi.id, D(2025, 9, 30))] == ["Kepala Dinas Lama"]
    assert vacancy_rows(instansi.id, D(2025, 10, 1)) == []
    with transaction():
        registry.close_post(vacancy.post, closed_on=None, kind=None, note=None)
    assert len(vacancy_rows(instansi.id, D(2025, 10, 1))) == 1


def test_naming_an_official_of_a_level_the_rule_does_not_allow_asks_first(app, client, login_as,
                                                                         factory):
    vacancy = factory.vacancy(factory.post("Kepala Dinas Perhubungan"), start=D(2025, 9, 1))
    kasi = factory.official("Kasi Angkutan", post_kind="pengawas")
    login_as("operator")
    page = client.get(f"/jabatan/{vacancy.post_id}/pelaksana").get_data(as_text=True)
    assert "Kasi Angkutan — " in page and "· Pengawas" in page
    assert "Pj Sekda" not in page  # not the Sekda's post
    fields = {"kind": "plt", "official_id": kasi.id, "start_date": "2025-09-02",
              "csrf_token": client.csrf}
    asked = client.post(f"/jabatan/{vacancy.post_id}/pelaksana", data=fields)
    assert asked.status_code == 400
    assert "tidak setingkat atau satu tingkat di bawah jabatan JPT Pratama" in _text(asked)
    assert db.session.scalar(db.select(db.func.count(ActingAssignment.id))) == 0
    done = client.post(f"/jabatan/{vacancy.post_id}/pelaksana",
                       data=dict(fields, confirm_level="y"))
    assert done.status_code == 302


def test_the_reporting_delay_of_letters_on_the_page_and_in_the_report(app, client, login_as,
                                                                       factory, instansi):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 8, 31))
    factory.extend(acting, D(2025, 11, 30), letter_date=D(2025, 8, 20))
    with transaction():  # entered 9 and 3 days after their letters
        acting.created_at = dt.datetime(2025, 6, 10, 2, 0)
        acting.extensions[0].created_at = dt.datetime(2025, 8, 23, 2, 0)
    delays = reporting_delays(instansi.id, D(2025, 8, 31), {"meeting_date": "2025-05-31"})
    assert delays == {"reporting_delay_count": 2, "reporting_delay_median": 6,
                      "reporting_delay_max": 9}
    login_as("viewer")
    text = _text(client.get(f"/jabatan/{vacancy.post_id}"))
    assert "dicatat 10 Jun 2025 · 9 hari sesudah surat" in text
    assert "3 hari sesudah surat" in text
