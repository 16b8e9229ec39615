"""A correction never changes a frozen report; the next report lists it as a correction."""
import datetime as dt

from plt_tracker.core.db import transaction
from plt_tracker.corrections import register as corrections
from plt_tracker.extensions import db
from plt_tracker.rakor.exports import render
from plt_tracker.rakor.models import RakorReport
from plt_tracker.vacancies.models import ActingAssignment
from tests.rakor.conftest import FEB_RAKOR
from tests.rakor.test_report import MARCH_RAKOR


def test_correction_after_a_frozen_report_is_listed_by_the_next_one(register, make_report,
                                                                     factory):
    february = make_report(FEB_RAKOR)
    frozen = dict(february.snapshot)
    acting = db.session.scalar(db.select(ActingAssignment).filter_by(
        vacancy_id=register["plt"].id))
    # The Pendidikan letter really ran to 30 April: the February report said it had run out.
    with transaction():
        corrections.correct_acting(acting, official=acting.official, kind="plt",
                                   letter_number=acting.letter_number,
                                   letter_date=acting.letter_date, start_date=acting.start_date,
                                   end_date=dt.date(2026, 4, 30), ended_on=None, end_note=None,
                                   why="Akhir surat salah ketik (31/01 seharusnya 30/04)",
                                   version=acting.version, today=dt.date(2026, 2, 10))
    with transaction():  # an unrelated correction that changes nothing the report said
        corrections.correct_vacancy(register["active"], start_date=dt.date(2025, 10, 1),
                                    reason="mutasi", reason_note="SK mutasi", why="Keterangan",
                                    version=1, today=dt.date(2026, 2, 10))

    db.session.expire_all()
    assert db.session.get(RakorReport, february.id).snapshot == frozen
    march = make_report(MARCH_RAKOR).snapshot
    listed = {c["post"]: c for c in march["changes"]["corrections"]}
    assert set(listed) == {"Kepala Dinas Pendidikan", "Kepala Dinas PUPR"}
    pendidikan = listed["Kepala Dinas Pendidikan"]
    assert pendidikan["changes_previous_report"] is True
    assert pendidikan["reason"] == "Akhir surat salah ketik (31/01 seharusnya 30/04)"
    assert pendidikan["what"].startswith("Surat perintah Plt Budi Santoso dikoreksi")
    assert listed["Kepala Dinas PUPR"]["changes_previous_report"] is False
    assert march["summary"]["corrections"] == 2
    page = render(march, "html").decode()
    assert "Koreksi dan pembatalan catatan" in page and "salah ketik" in page
