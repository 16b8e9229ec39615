"""Every rule of the register, through the real operations and database.

Each refusal carries its Indonesian message and leaves the database as it was.
"""
import datetime as dt

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.registry.operations import current_appointment
from plt_tracker.selection.operations import fill_vacancy
from plt_tracker.vacancies import operations as ops
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension
from tests.conftest import TODAY
from tests.vacancies.helpers import refused

D = dt.date


@pytest.fixture
def held(factory):
    """A post with a definitive holder since 2020."""
    post = factory.post()
    with transaction():
        ops.record_holder(post, factory.official(), D(2020, 1, 6), today=TODAY,
                          sk_number="821/1/2020")
    return post


def test_second_open_vacancy_refused(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    with refused("Jabatan .* sudah tercatat kosong"):
        ops.open_vacancy(vacancy.post, D(2025, 7, 1), "mutasi", today=TODAY)


def test_vacancy_cannot_start_before_the_previous_one_ended(app, factory):
    vacancy = factory.vacancy(start=D(2025, 3, 1))
    factory.fill(vacancy, start=D(2025, 9, 1))
    with refused(r"tidak boleh sebelum kekosongan sebelumnya berakhir \(01/09/2025\)"):
        ops.open_vacancy(vacancy.post, D(2025, 8, 1), "pensiun", today=TODAY)
    with transaction():
        again = ops.open_vacancy(vacancy.post, D(2025, 12, 1), "promosi", today=TODAY)
    assert again.start_date == D(2025, 12, 1)


def test_open_vacancy_ends_the_holder_and_is_audited(app, held):
    holder = current_appointment(held.id)
    with transaction():
        vacancy = ops.open_vacancy(held, D(2025, 9, 15), "pensiun", today=TODAY,
                                   reason_note="BUP 60")
    assert holder.end_date == D(2025, 9, 15)
    assert current_appointment(held.id) is None
    entry = db.session.scalar(db.select(AuditEntry).filter_by(entity="vacancy", post_id=held.id))
    assert entry.after["start_date"] == "2025-09-15" and entry.after["reason_note"] == "BUP 60"
    assert vacancy.reason_label == "Pensiun"


def test_vacancy_not_before_the_holder_took_office(app, held):
    with refused(r"tidak boleh sebelum pejabat definitif dilantik \(06/01/2020\)"):
        ops.open_vacancy(held, D(2019, 12, 1), "pensiun", today=TODAY)


def test_vacancy_may_be_entered_up_to_twelve_months_ahead(app, factory):
    post = factory.post()
    with refused(r"Tanggal mulai kosong paling jauh 12 bulan ke depan \(15/01/2027\)"):
        ops.open_vacancy(post, D(2027, 1, 16), "pensiun", today=TODAY)
    with transaction():
        ahead = ops.open_vacancy(post, D(2027, 1, 15), "pensiun", today=TODAY)
    assert ahead.start_date == D(2027, 1, 15)


def test_unknown_reason_refused(app, factory):
    post = factory.post()
    with refused("Alasan kosong 'bosan' tidak dikenal"):
        ops.open_vacancy(post, D(2025, 1, 1), "bosan", today=TODAY)


def test_acting_must_lie_inside_the_vacancy(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    official = factory.official()
    with refused(r"Mulai tugas tidak boleh sebelum jabatan kosong \(01/06/2025\)"):
        ops.name_acting(vacancy.post, official, "plt", D(2025, 5, 31), D(2025, 8, 31),
                        today=TODAY, vacancy=vacancy)
    factory.fill(vacancy, start=D(2025, 12, 1))
    with refused("Mulai tugas harus sebelum jabatan terisi definitif"):
        ops.name_acting(vacancy.post, official, "plt", D(2025, 12, 1), D(2026, 2, 28),
                        today=TODAY, vacancy=vacancy)


def test_acting_recorded_late_for_a_filled_vacancy_stops_at_the_appointment(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    factory.fill(vacancy, start=D(2025, 8, 1))
    with transaction():
        acting = ops.name_acting(vacancy.post, factory.official(), "plt", D(2025, 6, 2),
                                 D(2025, 9, 1), today=TODAY, vacancy=vacancy)
    assert acting.end_date == D(2025, 9, 1)  # the letter stays as signed
    assert acting.ended_on == D(2025, 7, 31)


def test_acting_end_not_before_start(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    official = factory.official()
    with refused("Akhir tugas tidak boleh sebelum mulai tugas"):
        ops.name_acting(vacancy.post, official, "plt", D(2025, 6, 10), D(2025, 6, 9),
                        today=TODAY, vacancy=vacancy)
    acting = factory.acting(vacancy, start=D(2025, 6, 10), end=D(2025, 9, 9))
    with refused("Tanggal berakhir tidak boleh sebelum mulai tugas"):
        ops.end_acting(acting, D(2025, 6, 9), today=TODAY)


def test_two_overlapping_plt_on_one_post_refused(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    first = factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 8, 31))
    official = factory.official()
    with refused(r"sudah memiliki Plt \(.*\) pada 01/06/2025–31/08/2025; akhiri dulu"):
        ops.name_acting(vacancy.post, official, "plt", D(2025, 8, 31), D(2025, 11, 30),
                        today=TODAY, vacancy=vacancy)
    # A Plh beside the Plt is not refused (e.g. while the Plt is on leave).
    factory.acting(vacancy, kind="plh", start=D(2025, 7, 1), end=D(2025, 7, 10))
    # Once the first Plt is ended, a new one may start the next day.
    with transaction():
        ops.end_acting(first, D(2025, 7, 15), today=TODAY, note="Dipindahkan")
    second = factory.acting(vacancy, start=D(2025, 7, 16), end=D(2025, 10, 15))
    assert second.kind == "plt"


def test_extension_that_would_overlap_another_plt_refused(app, factory):
    vacancy = factory.vacancy(start=D(2025, 1, 1))
    first = factory.acting(vacancy, start=D(2025, 1, 1), end=D(2025, 3, 31))
    factory.acting(vacancy, start=D(2025, 5, 1), end=D(2025, 7, 31))  # after the first expired
    with refused("sudah memiliki Plt"):
        ops.extend_acting(first, D(2025, 6, 30), today=TODAY, letter_date=D(2025, 4, 1))


def test_one_official_may_act_in_several_posts(app, factory):
    official = factory.official()
    a = factory.acting(factory.vacancy(start=D(2025, 6, 1)), official=official)
    b = factory.acting(factory.vacancy(start=D(2025, 6, 1)), official=official)
    assert a.official_id == b.official_id and a.post_id != b.post_id


def test_plh_on_a_filled_post_allowed_plt_refused(app, factory, held):
    official = factory.official()
    with refused("Plt hanya dapat ditunjuk untuk jabatan yang kosong"):
        ops.name_acting(held, official, "plt", D(2025, 9, 1), D(2025, 9, 20),
                        today=TODAY)
    plh = factory.acting(None, kind="plh", post=held, start=D(2025, 9, 1), end=D(2025, 9, 20))
    assert plh.vacancy_id is None and plh.kind_label == "Plh"


def test_plh_without_holder_or_vacancy_refused(app, factory):
    post, official = factory.post(), factory.official()
    with refused("tidak memiliki pejabat definitif pada 01/09/2025; catat dulu kekosongannya"):
        ops.name_acting(post, official, "plh", D(2025, 9, 1), D(2025, 9, 20),
                        today=TODAY)


def test_future_planned_end_allowed_future_letter_date_refused(app, factory):
    vacancy = factory.vacancy(start=D(2025, 12, 1))
    official = factory.official()
    with refused("Tanggal surat tidak boleh di masa depan"):
        ops.name_acting(vacancy.post, official, "plt", D(2025, 12, 1), D(2026, 3, 1),
                        today=TODAY, letter_date=TODAY + dt.timedelta(days=1), vacancy=vacancy)
    with transaction():
        acting = ops.name_acting(vacancy.post, factory.official(), "plt", D(2025, 12, 1),
                                 D(2026, 3, 1), today=TODAY, letter_date=D(2025, 12, 1),
                                 vacancy=vacancy)
    assert acting.end_date > TODAY


def test_each_extension_is_kept_as_its_own_record(app, factory):
    acting = factory.acting(factory.vacancy(start=D(2025, 1, 1)), start=D(2025, 1, 1),
                            end=D(2025, 3, 31))
    with transaction():
        ops.extend_acting(acting, D(2025, 6, 30), today=TODAY, letter_number="800/2/EXT",
                          letter_date=D(2025, 3, 28))
    with transaction():
        ops.extend_acting(acting, D(2025, 9, 30), today=TODAY, letter_number="800/3/EXT",
                          letter_date=D(2025, 7, 2), note="Perpanjangan kedua")
    with refused(r"harus sesudah akhir tugas saat ini \(30/09/2025\)"):
        ops.extend_acting(acting, D(2025, 9, 30), today=TODAY, letter_date=D(2025, 9, 1))
    db.session.expire_all()
    rows = db.session.scalars(db.select(ActingExtension).order_by(ActingExtension.end_date)).all()
    assert [(e.letter_number, e.end_date) for e in rows] == [
        ("800/2/EXT", D(2025, 6, 30)), ("800/3/EXT", D(2025, 9, 30))]
    assert db.session.get(ActingAssignment, acting.id).end_date == D(2025, 3, 31)
    assert ops.letter_end(acting, D(2025, 7, 1)) == D(2025, 6, 30)
    audit = db.session.scalars(db.select(AuditEntry).filter_by(entity="acting_extension")).all()
    assert [e.before["end_date"] for e in audit] == ["2025-03-31", "2025-06-30"]


def test_ended_acting_cannot_be_extended_or_ended_again(app, factory):
    acting = factory.acting(factory.vacancy(start=D(2025, 1, 1)), start=D(2025, 1, 1))
    with transaction():
        ops.end_acting(acting, D(2025, 2, 1), today=TODAY)
    with refused("sudah diakhiri tidak dapat diperpanjang"):
        ops.extend_acting(acting, D(2025, 12, 1), today=TODAY)
    with refused("Penugasan ini sudah diakhiri"):
        ops.end_acting(acting, D(2025, 2, 2), today=TODAY)


def test_future_end_of_acting_refused(app, factory):
    acting = factory.acting(factory.vacancy(start=D(2025, 12, 1)), start=D(2025, 12, 1))
    with refused("Tanggal berakhir tidak boleh di masa depan"):
        ops.end_acting(acting, TODAY + dt.timedelta(days=1), today=TODAY)


def test_appointment_not_before_vacancy_start_and_not_in_future(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    official = factory.official()
    with refused(r"Tanggal pelantikan tidak boleh sebelum jabatan kosong \(01/06/2025\)"):
        fill_vacancy(vacancy, official, D(2025, 5, 31), today=TODAY)
    with refused("Tanggal pelantikan tidak boleh di masa depan"):
        fill_vacancy(vacancy, official, TODAY + dt.timedelta(days=1), today=TODAY)
    with refused("Tanggal SK tidak boleh di masa depan"):
        fill_vacancy(vacancy, official, TODAY, today=TODAY,
                         sk_date=TODAY + dt.timedelta(days=1))


def test_appointment_not_before_an_acting_official_started(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    factory.acting(vacancy, start=D(2025, 7, 1))
    official = factory.official()
    with refused(r"harus sesudah mulai tugas Plt .* \(01/07/2025\)"):
        fill_vacancy(vacancy, official, D(2025, 7, 1), today=TODAY)


def test_appointment_ends_the_vacancy_and_its_acting(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    plt = factory.acting(vacancy, start=D(2025, 6, 2), end=D(2025, 9, 1))
    factory.extend(plt, D(2025, 12, 1), letter_date=D(2025, 8, 25))
    expired = factory.acting(vacancy, kind="plh", start=D(2025, 6, 1), end=D(2025, 6, 10))
    new = factory.official()
    with transaction():
        appointment = fill_vacancy(vacancy, new, D(2025, 11, 3), today=TODAY,
                                       sk_number="821.2/45/BKPSDM", sk_date=D(2025, 10, 30))
    assert vacancy.end_date == D(2025, 11, 3) and vacancy.filled_by_id == appointment.id
    assert plt.ended_on == D(2025, 11, 2) and plt.end_note == "Jabatan terisi definitif"
    assert expired.ended_on == D(2025, 6, 10)  # its letter had already run out
    assert current_appointment(vacancy.post_id).official_id == new.id
    assert ops.open_vacancy_of(vacancy.post_id) is None
    with refused("Kekosongan ini sudah terisi"):
        fill_vacancy(vacancy, new, D(2025, 11, 4), today=TODAY)


def test_record_holder_of_a_new_post(app, factory):
    post = factory.post()
    official = factory.official()
    with refused("Tanggal pelantikan tidak boleh di masa depan"):
        ops.record_holder(post, official, TODAY + dt.timedelta(days=1), today=TODAY)
    with transaction():
        ops.record_holder(post, official, D(2023, 4, 3), today=TODAY, sk_number="821/9")
    other = factory.official()
    with refused("sudah memiliki pejabat definitif"):
        ops.record_holder(post, other, D(2024, 1, 1), today=TODAY)
    vacant = factory.vacancy(start=D(2025, 6, 1))
    with refused("Jabatan ini sedang kosong"):
        ops.record_holder(vacant.post, official, D(2025, 7, 1), today=TODAY)
