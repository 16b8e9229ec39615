"""Corrections and voids of vacancies, acting letters, extensions and appointments.

Records tied to the changed one follow it: the holding a vacancy ended, the
letters and the selection an appointment ended, the letters and attempts of a
voided vacancy. See corrections.change for what every change shares.
"""
from plt_tracker.core.db import RuleViolation
from plt_tracker.corrections.change import Change
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment
from plt_tracker.registry.operations import APPOINTMENT_FIELDS, check_holding
from plt_tracker.selection.models import FillingAttempt
from plt_tracker.selection.operations import reopen_attempt
from plt_tracker.settings.logic import get_settings
from plt_tracker.vacancies import integrity
from plt_tracker.vacancies.models import Vacancy
from plt_tracker.vacancies.operations import (ACTING_FIELDS, EXTENSION_FIELDS, VACANCY_FIELDS,
                                              close_vacancy, reopen_vacancy)


def correct_vacancy(vacancy, *, start_date, reason, reason_note, why, version, today):
    """Correct a vacancy's start and reason; the holding it ended ends on the new start."""
    change = Change(vacancy, "vacancy", VACANCY_FIELDS, vacancy.post, version=version, why=why,
                    today=today)
    if start_date is None:
        raise RuleViolation("Tanggal mulai kosong wajib diisi", "start_date")
    for holder in _holders_ended_by(vacancy):
        # A start before the holder took office is left for the check to refuse.
        if holder.start_date is None or holder.start_date < start_date:
            holder.end_date = start_date
    vacancy.start_date, vacancy.reason = start_date, reason
    vacancy.reason_note = reason_note or None
    change.finish("correct", "vacancy.correct", {"post": vacancy.post.title})
    return vacancy


def void_vacancy(vacancy, *, why, version, today):
    """Void a vacancy entered by mistake, with its letters and attempts; the holder stays."""
    change = Change(vacancy, "vacancy", VACANCY_FIELDS, vacancy.post, version=version, why=why,
                    today=today)
    if vacancy.end_date is not None:
        raise RuleViolation("Kekosongan ini sudah terisi; batalkan dulu pelantikan yang "
                            "mengisinya", "why")
    for holder in _holders_ended_by(vacancy):
        holder.end_date = None
    for acting in vacancy.actings:
        _void_letter(change, acting)
    for attempt in db.session.scalars(db.select(FillingAttempt).filter_by(vacancy_id=vacancy.id)):
        for row in attempt.records:
            change.void(row)
        change.void(attempt)
    change.void()
    change.finish("void", "vacancy.void", {"post": vacancy.post.title,
                                           "date": vacancy.start_date})


def _holders_ended_by(vacancy):
    return db.session.scalars(db.select(Appointment).filter_by(post_id=vacancy.post_id,
                                                               end_date=vacancy.start_date))


def correct_acting(acting, *, official, kind, letter_number, letter_date, start_date, end_date,
                   ended_on, end_note, why, version, today, governor_approval_number=None,
                   governor_approval_date=None):
    """Correct an acting letter: person, kind, number, dates, early end."""
    change = Change(acting, "acting", ACTING_FIELDS, acting.post, version=version, why=why,
                    today=today)
    if start_date is None or end_date is None:
        raise RuleViolation("Tanggal mulai dan akhir tugas wajib diisi", "start_date")
    acting.official_id, acting.kind = official.id, kind
    acting.letter_number, acting.letter_date = letter_number or None, letter_date
    acting.start_date, acting.end_date = start_date, end_date
    acting.ended_on, acting.end_note = ended_on, (end_note or None) if ended_on else None
    acting.governor_approval_number = governor_approval_number or None
    acting.governor_approval_date = governor_approval_date
    db.session.flush()
    db.session.refresh(acting)
    change.finish("correct", "acting.correct", {"kind": acting.kind_label,
                                                "name": acting.official.name})
    integrity.check_acting_load(
        acting, max_posts=int(get_settings(acting.post.opd.instansi_id)["max_acting_posts"]))
    return acting


def void_acting(acting, *, why, version, today):
    """Void an acting letter entered by mistake, with its extensions."""
    change = Change(acting, "acting", ACTING_FIELDS, acting.post, version=version, why=why,
                    today=today)
    _void_letter(change, acting)
    change.finish("void", "acting.void", {"kind": acting.kind_label,
                                          "name": acting.official.name})


def _void_letter(change, acting):
    for extension in acting.extensions:
        change.void(extension)
    change.void(acting)


def correct_extension(extension, *, letter_number, letter_date, end_date, note, why, version,
                      today):
    """Correct an extension letter's number, date or new end."""
    acting = extension.assignment
    change = Change(extension, "acting_extension", EXTENSION_FIELDS, acting.post,
                    version=version, why=why, today=today)
    if end_date is None or letter_date is None:
        raise RuleViolation("Tanggal surat dan akhir tugas wajib diisi", "end_date")
    extension.letter_number, extension.letter_date = letter_number or None, letter_date
    extension.end_date, extension.note = end_date, note or None
    change.finish("correct", "extension.correct", {"kind": acting.kind_label,
                                                   "name": acting.official.name},
                  focus=extension)
    return extension


def void_extension(extension, *, why, version, today):
    """Void an extension letter entered by mistake."""
    acting = extension.assignment
    change = Change(extension, "acting_extension", EXTENSION_FIELDS, acting.post,
                    version=version, why=why, today=today)
    change.void()
    change.finish("void", "extension.void", {"kind": acting.kind_label,
                                             "name": acting.official.name,
                                             "end": extension.end_date})


def correct_appointment(appointment, *, official, sk_number, sk_date, start_date, why, version,
                        today, minister_approval_number=None, minister_approval_date=None):
    """Correct a definitive appointment; the vacancy it filled and its selection follow."""
    change = Change(appointment, "appointment", APPOINTMENT_FIELDS, appointment.post,
                    version=version, why=why, today=today)
    filled = _vacancy_filled_by(appointment)
    if filled is not None and start_date is None:
        raise RuleViolation("Tanggal pelantikan wajib diisi", "start_date")
    appointment.official_id, appointment.sk_number = official.id, sk_number or None
    appointment.sk_date, appointment.start_date = sk_date, start_date
    appointment.minister_approval_number = minister_approval_number or None
    appointment.minister_approval_date = minister_approval_date
    if filled is not None:
        old_day = filled.end_date
        completed = _completed_by(filled, old_day)
        reopen_vacancy(filled)
        db.session.flush()
        close_vacancy(filled, appointment)
        if completed is not None:
            completed.ended_on = start_date
            last = _last_record(completed)
            if last is not None and last.finished_on == old_day:
                last.finished_on = start_date
    db.session.flush()
    db.session.refresh(appointment)
    change.finish("correct", "appointment.correct", {"name": appointment.official.name,
                                                     "post": appointment.post.title})
    check_holding(appointment)
    return appointment


def void_appointment(appointment, *, why, version, today):
    """Void an appointment entered by mistake; the vacancy it filled is open again."""
    change = Change(appointment, "appointment", APPOINTMENT_FIELDS, appointment.post,
                    version=version, why=why, today=today)
    filled = _vacancy_filled_by(appointment)
    if filled is not None:
        completed = _completed_by(filled, filled.end_date)
        if completed is not None:
            reopen_attempt(completed, filled.end_date)
        reopen_vacancy(filled)
    change.void()
    change.finish("void", "appointment.void", {"name": appointment.official.name,
                                               "post": appointment.post.title})


def _vacancy_filled_by(appointment):
    return db.session.scalar(db.select(Vacancy).filter_by(filled_by_id=appointment.id))


def _completed_by(vacancy, day):
    """Return the attempt the appointment completed (completed on its day), or None."""
    return db.session.scalar(db.select(FillingAttempt).filter_by(
        vacancy_id=vacancy.id, status="completed", ended_on=day))


def _last_record(attempt):
    records = sorted(attempt.records, key=lambda r: r.stage.position)
    return records[-1] if records else None


