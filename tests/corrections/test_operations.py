"""Corrections and voids of every record, through the real operations, on every database.

Each correction is checked by the same rules as a new record, names its reason,
is audited before → after, and is refused on a stale version; a void keeps the
record on file but out of lists, flags and reports.
"""
import datetime as dt

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.db import transaction
from plt_tracker.core.records import INCLUDE_VOIDED
from plt_tracker.core.versions import StaleRecord
from plt_tracker.corrections import register, selection as corrections
from plt_tracker.extensions import db
from plt_tracker.flags.queries import flagged_vacancies
from plt_tracker.registry.operations import current_appointment
from plt_tracker.selection import operations as selection_ops
from plt_tracker.selection.queries import progress_by_vacancy
from plt_tracker.vacancies import operations as ops
from plt_tracker.vacancies.models import ActingAssignment, Vacancy
from plt_tracker.vacancies.queries import vacancy_rows
from tests.conftest import TODAY
from tests.selection.helpers import stage, start
from tests.vacancies.helpers import refused

D = dt.date
TOMORROW = TODAY + dt.timedelta(days=1)


def _audit(entity, action):
    return db.session.scalars(db.select(AuditEntry).filter_by(entity=entity, action=action)
                              .order_by(AuditEntry.id)).all()


def test_a_letter_that_starts_tomorrow_can_be_extended_corrected_and_voided(app, factory):
    vacancy = factory.vacancy(start=D(2026, 1, 1))
    ahead = factory.acting(vacancy, start=TOMORROW, end=D(2026, 4, 15))
    factory.extend(ahead, D(2026, 7, 15), letter_date=TODAY)
    with transaction():
        register.correct_acting(ahead, official=ahead.official, kind="plt",
                                letter_number="800/99/BKPSDM", letter_date=TODAY,
                                start_date=TOMORROW, end_date=D(2026, 4, 15), ended_on=None,
                                end_note=None, why="Salah ketik nomor surat", version=1,
                                today=TODAY)
    assert ahead.letter_number == "800/99/BKPSDM" and ahead.version == 2
    # While it exists no other Plt fits on those days; once voided, one does.
    other = factory.official()
    with refused("sudah memiliki Plt"):
        ops.name_acting(vacancy.post, other, "plt", TOMORROW, D(2026, 3, 31), today=TODAY,
                        vacancy=vacancy)
    with transaction():
        register.void_acting(ahead, why="Surat ditarik sebelum berlaku", version=2, today=TODAY)
    replacement = factory.acting(vacancy, official=other, start=TOMORROW, end=D(2026, 3, 31))
    assert replacement.id != ahead.id
    voided = db.session.scalars(db.select(ActingAssignment).filter_by(post_id=vacancy.post_id)
                                .execution_options(**INCLUDE_VOIDED)).all()
    assert {a.id: a.is_voided for a in voided} == {ahead.id: True, replacement.id: False}
    entry = _audit("acting", "void")[-1]
    assert entry.reason == "Surat ditarik sebelum berlaku"
    assert entry.summary.startswith("Surat perintah Plt")


def test_correction_keeps_the_rules_and_names_its_reason(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1), end=D(2025, 8, 31))
    fields = dict(official=acting.official, kind="plt", letter_number="800/1", letter_date=None,
                  end_date=D(2025, 8, 31), ended_on=None, end_note=None, today=TODAY)
    with refused(r"Mulai tugas tidak boleh sebelum jabatan kosong \(01/06/2025\)"):
        register.correct_acting(acting, start_date=D(2025, 5, 1), why="x", version=1, **fields)
    with refused("Alasan koreksi wajib diisi"):
        register.correct_acting(acting, start_date=D(2025, 6, 2), why=" ", version=1, **fields)
    with transaction():
        register.correct_acting(acting, start_date=D(2025, 6, 2), why="Tanggal dari surat asli",
                                version=1, **fields)
    entry = _audit("acting", "correct")[-1]
    assert (entry.before["start_date"], entry.after["start_date"]) == ("2025-06-01",
                                                                       "2025-06-02")
    assert entry.reason == "Tanggal dari surat asli" and entry.entity_version == 2


def test_a_stale_version_is_refused_with_what_changed(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    with transaction():
        register.correct_vacancy(vacancy, start_date=D(2025, 6, 2), reason="pensiun",
                                 reason_note="BUP", why="Tanggal SK pensiun", version=1,
                                 today=TODAY)
    with pytest.raises(StaleRecord) as refusal:
        with transaction():
            register.correct_vacancy(vacancy, start_date=D(2025, 6, 1), reason="mutasi",
                                     reason_note=None, why="Alasan lain", version=1, today=TODAY)
    assert refusal.value.current_version == 2
    assert [e.after["start_date"] for e in refusal.value.entries] == ["2025-06-02"]
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).reason == "pensiun"


def test_correcting_a_vacancy_start_moves_the_end_of_the_holding_it_ended(app, factory):
    post = factory.post()
    with transaction():
        ops.record_holder(post, factory.official(), D(2020, 1, 6), today=TODAY)
    holder = current_appointment(post.id)
    vacancy = factory.vacancy(post, start=D(2025, 6, 1))
    with refused(r"tidak boleh sebelum pejabat definitif dilantik \(06/01/2020\)"):
        register.correct_vacancy(vacancy, start_date=D(2019, 1, 1), reason="pensiun",
                                 reason_note=None, why="x", version=1, today=TODAY)
    with transaction():
        register.correct_vacancy(vacancy, start_date=D(2025, 7, 1), reason="pensiun",
                                 reason_note=None, why="Tanggal pensiun yang benar", version=1,
                                 today=TODAY)
    db.session.refresh(holder)
    assert holder.end_date == D(2025, 7, 1)


def test_a_voided_vacancy_leaves_lists_and_flags_and_gives_the_holder_back(app, factory):
    post = factory.post()
    with transaction():
        ops.record_holder(post, factory.official(), D(2020, 1, 6), today=TODAY)
    vacancy = factory.vacancy(post, start=D(2025, 6, 1))
    acting = factory.acting(vacancy, start=D(2025, 6, 1))
    attempt = start(vacancy)
    stage(attempt, 1, D(2025, 6, 1))
    instansi_id = post.opd.instansi_id
    assert [r.vacancy_id for r in vacancy_rows(instansi_id, TODAY)] == [vacancy.id]
    with transaction():
        register.void_vacancy(vacancy, why="Tercatat pada jabatan yang salah", version=1,
                              today=TODAY)
    assert vacancy_rows(instansi_id, TODAY) == []
    assert flagged_vacancies(instansi_id, TODAY) == []
    assert current_appointment(post.id).start_date == D(2020, 1, 6)
    db.session.expire_all()
    kept = db.session.get(Vacancy, vacancy.id, execution_options=INCLUDE_VOIDED)
    assert kept.is_voided and kept.void_reason == "Tercatat pada jabatan yang salah"
    assert db.session.get(ActingAssignment, acting.id, execution_options=INCLUDE_VOIDED).is_voided
    assert progress_by_vacancy([vacancy.id], TODAY)[vacancy.id].current is None
    # The post can fall vacant again.
    assert factory.vacancy(post, start=D(2025, 9, 1)).start_date == D(2025, 9, 1)


def test_correcting_the_appointment_moves_the_vacancy_end_and_the_selection(app, factory):
    vacancy = factory.vacancy(start=D(2025, 3, 1))
    plt = factory.acting(vacancy, start=D(2025, 3, 1), end=D(2025, 12, 31))
    attempt = start(vacancy, on=D(2025, 3, 5))
    stage(attempt, 1, D(2025, 3, 5), D(2025, 3, 20))
    appointment = factory.fill(vacancy, start=D(2025, 9, 1))
    db.session.refresh(attempt)
    assert (attempt.status, attempt.ended_on) == ("completed", D(2025, 9, 1))
    with transaction():
        register.correct_appointment(appointment, official=appointment.official,
                                     sk_number="821/7", sk_date=D(2025, 8, 25),
                                     start_date=D(2025, 9, 8), why="Tanggal pelantikan di BA",
                                     version=1, today=TODAY)
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).end_date == D(2025, 9, 8)
    assert db.session.get(ActingAssignment, plt.id).ended_on == D(2025, 9, 7)
    attempt = db.session.get(type(attempt), attempt.id)
    assert attempt.ended_on == D(2025, 9, 8)
    assert max(attempt.records, key=lambda r: r.stage.position).finished_on == D(2025, 9, 8)


def test_voiding_the_appointment_reopens_the_vacancy_its_letters_and_selection(app, factory):
    vacancy = factory.vacancy(start=D(2025, 3, 1))
    plt = factory.acting(vacancy, start=D(2025, 3, 1), end=D(2026, 6, 30))
    attempt = start(vacancy, on=D(2025, 3, 5))
    appointment = factory.fill(vacancy, start=D(2025, 9, 1))
    with transaction():
        register.void_appointment(appointment, why="Pelantikan ditunda", version=1, today=TODAY)
    db.session.expire_all()
    assert db.session.get(Vacancy, vacancy.id).end_date is None
    assert db.session.get(ActingAssignment, plt.id).ended_on is None
    assert db.session.get(type(attempt), attempt.id).status == "in_progress"
    assert [r.vacancy_id for r in vacancy_rows(vacancy.post.opd.instansi_id, TODAY)] == [
        vacancy.id]


def test_extension_corrections_and_voids_keep_the_letter_rules(app, factory):
    acting = factory.acting(factory.vacancy(start=D(2025, 6, 1)), start=D(2025, 6, 1),
                            end=D(2025, 8, 31))
    first = factory.extend(acting, D(2025, 11, 30), letter_date=D(2025, 8, 20))
    with refused(r"Akhir perpanjangan harus sesudah akhir surat pertama \(31/08/2025\)"):
        register.correct_extension(first, letter_number="800/2", letter_date=D(2025, 8, 20),
                                   end_date=D(2025, 8, 1), note=None, why="x", version=1,
                                   today=TODAY)
    with transaction():
        register.void_extension(first, why="Tidak pernah ditandatangani", version=1,
                                today=TODAY)
    db.session.expire_all()
    assert ops.letter_end(db.session.get(ActingAssignment, acting.id), TODAY) == D(2025, 8, 31)


def test_attempt_and_stage_corrections(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 6, 10))
    first = stage(attempt, 1, D(2025, 6, 10), D(2025, 6, 20))
    second = stage(attempt, 2, D(2025, 6, 21))
    with refused(r"tidak boleh sebelum tahap sebelumnya selesai \(20/06/2025\)"):
        corrections.correct_stage_record(second, started_on=D(2025, 6, 15), finished_on=None,
                                         document_number=None, note=None, why="x", version=1,
                                         today=TODAY)
    with refused("Hanya catatan tahap terakhir"):
        corrections.void_stage_record(first, why="x", version=1, today=TODAY)
    with transaction():
        corrections.correct_stage_record(first, started_on=D(2025, 6, 11),
                                         finished_on=D(2025, 6, 19), document_number="800/5",
                                         note=None, why="Tanggal dari surat", version=1,
                                         today=TODAY)
        corrections.void_stage_record(second, why="Tahap belum dimulai", version=1,
                                      today=TODAY)
    item = progress_by_vacancy([vacancy.id], TODAY)[vacancy.id]
    assert (item.stage_index, item.position.since) == (2, D(2025, 6, 19))
    with transaction():
        corrections.correct_attempt(attempt, started_on=D(2025, 6, 9), note="Mulai lebih awal",
                                    minister_approval_number=None, minister_approval_date=None,
                                    ended_on=None, end_reason=None, why="Tanggal nota dinas",
                                    version=1, today=TODAY)
        corrections.void_attempt(attempt, why="Proses dicatat pada kekosongan lain",
                                 version=2, today=TODAY)
    assert progress_by_vacancy([vacancy.id], TODAY)[vacancy.id].current is None
    assert selection_ops.running_attempt(vacancy.id) is None


def test_one_official_holds_one_definitive_post_at_a_time(app, factory):
    official = factory.official("Drs. Satu Jabatan")
    held = factory.post("Kepala Dinas Sosial")
    with transaction():
        ops.record_holder(held, official, D(2021, 1, 4), today=TODAY)
    other = factory.vacancy(start=D(2025, 6, 1))
    with refused(r"Drs. Satu Jabatan sudah tercatat sebagai pejabat definitif Kepala Dinas "
                 r"Sosial \(.*\) sejak 04/01/2021"):
        selection_ops.fill_vacancy(other, official, D(2025, 9, 1), today=TODAY)


def test_a_third_acting_post_at_once_is_refused_unless_the_setting_allows(app, factory,
                                                                          instansi):
    from plt_tracker.settings.logic import set_settings

    official = factory.official("Ir. Tiga Rangkap")
    for _ in range(2):
        factory.acting(factory.vacancy(start=D(2025, 6, 1)), official=official,
                       start=D(2025, 6, 1), end=D(2025, 8, 31))
    third = factory.vacancy(start=D(2025, 6, 1))
    with refused("akan menjadi pelaksana di 3 jabatan sekaligus pada 15/06/2025"):
        ops.name_acting(third.post, official, "plt", D(2025, 6, 15), D(2025, 8, 31),
                        today=TODAY, vacancy=third)
    with transaction():
        set_settings(instansi.id, {"max_acting_posts": 3})
    assert factory.acting(third, official=official, start=D(2025, 6, 15),
                          end=D(2025, 8, 31)).vacancy_id == third.id


def test_recording_the_appointment_ends_the_running_selection(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 6, 10))
    stage(attempt, 1, D(2025, 6, 10), D(2025, 6, 12))
    stage(attempt, 2, D(2025, 6, 12))
    factory.fill(vacancy, start=D(2025, 10, 1))
    item = progress_by_vacancy([vacancy.id], TODAY)[vacancy.id]
    assert (item.current.status, item.percent) == ("completed", 27)  # 3 of 11 stages
    assert item.current.stages[-1].finished_on == D(2025, 10, 1)
    assert selection_ops.running_attempt(vacancy.id) is None
