"""Writes on vacancies and acting assignments, with the rules they must keep.

Each function runs inside the caller's transaction and refuses a change that
breaks a rule by raising RuleViolation with an Indonesian message, so the
caller's rollback leaves nothing saved.
"""
import datetime as dt

from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.db import RuleViolation
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Post
from plt_tracker.registry.operations import current_appointment, set_holder
from plt_tracker.settings.logic import get_setting
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.models import (ACTING_KINDS, VACANCY_REASONS, ActingAssignment,
                                          ActingExtension, Vacancy)

VACANCY_FIELDS = ("post_id", "start_date", "reason", "reason_note", "end_date", "filled_by_id")
ACTING_FIELDS = ("post_id", "vacancy_id", "official_id", "kind", "letter_number", "letter_date",
                 "start_date", "end_date", "ended_on", "end_note")


def lock_post(post_id):
    """Lock a post's row so two users cannot change its vacancies at once."""
    post = db.session.get(Post, post_id, with_for_update=True, populate_existing=True)
    if post is None:
        raise RuleViolation("Jabatan tidak ditemukan")
    return post


def open_vacancy(post, start_date, reason, *, today, reason_note=None):
    """Record that a post became vacant; the definitive holder's appointment ends."""
    lock_post(post.id)
    _not_future(start_date, today, "Tanggal mulai kosong", "start_date")
    if reason not in VACANCY_REASONS:
        raise RuleViolation(f"Alasan kosong '{reason}' tidak dikenal", "reason")
    if open_vacancy_of(post.id) is not None:
        raise RuleViolation(f"Jabatan {post.title} sudah tercatat kosong", "start_date")
    last = db.session.scalars(
        db.select(Vacancy).filter_by(post_id=post.id).order_by(Vacancy.end_date.desc())).first()
    if last is not None and start_date < last.end_date:
        raise RuleViolation(
            f"Tanggal mulai kosong tidak boleh sebelum kekosongan sebelumnya berakhir "
            f"({last.end_date:%d/%m/%Y})", "start_date")
    holder = current_appointment(post.id)
    if holder is not None:
        if holder.start_date and start_date < holder.start_date:
            raise RuleViolation(
                f"Tanggal mulai kosong tidak boleh sebelum pejabat definitif dilantik "
                f"({holder.start_date:%d/%m/%Y})", "start_date")
        holder.end_date = start_date
    vacancy = Vacancy(post_id=post.id, start_date=start_date, reason=reason,
                      reason_note=reason_note or None)
    db.session.add(vacancy)
    db.session.flush()
    record("create", "vacancy", vacancy.id, f"{post.title} kosong sejak {start_date:%d/%m/%Y}",
           instansi_id=post.opd.instansi_id, post_id=post.id,
           after=snapshot(vacancy, VACANCY_FIELDS))
    return vacancy


def open_vacancy_of(post_id):
    """Return the post's open vacancy, if any."""
    return db.session.scalar(
        db.select(Vacancy).filter_by(post_id=post_id).filter(Vacancy.end_date.is_(None)))


def name_acting(post, official, kind, start_date, end_date, *, today, letter_number=None,
                letter_date=None, vacancy=None):
    """Name a Plt or Plh for a post (a Plt only for a vacancy).

    Without `end_date` the letter runs the pemda's default term from its start
    (setting `acting_default_months`, 3 months unless changed).
    """
    lock_post(post.id)
    if kind not in ACTING_KINDS:
        raise RuleViolation(f"Jenis pelaksana '{kind}' tidak dikenal", "kind")
    if end_date is None and start_date is not None:
        months = int(get_setting(post.opd.instansi_id, "acting_default_months"))
        end_date = rules.default_planned_end(start_date, months)
    if start_date is None or end_date is None:
        raise RuleViolation("Tanggal mulai dan akhir tugas wajib diisi", "start_date")
    if end_date < start_date:
        raise RuleViolation("Akhir tugas tidak boleh sebelum mulai tugas", "end_date")
    if letter_date is not None:
        _not_future(letter_date, today, "Tanggal surat", "letter_date")
    if kind == "plt" and vacancy is None:
        raise RuleViolation("Plt hanya dapat ditunjuk untuk jabatan yang kosong", "kind")
    if vacancy is not None:
        if vacancy.post_id != post.id:
            raise RuleViolation("Kekosongan itu bukan milik jabatan ini", "kind")
        _inside_vacancy(vacancy, start_date)
    elif current_appointment(post.id, start_date) is None:
        # A Plh without a vacancy stands in for a holder who is temporarily absent.
        raise RuleViolation(
            f"Jabatan ini tidak memiliki pejabat definitif pada {start_date:%d/%m/%Y}; "
            f"catat dulu kekosongannya", "start_date")
    if kind == "plt":
        _one_plt_at_a_time(post.id, start_date, end_date, today)
    assignment = ActingAssignment(
        post_id=post.id, vacancy_id=vacancy.id if vacancy else None, official_id=official.id,
        kind=kind, letter_number=letter_number or None, letter_date=letter_date,
        start_date=start_date, end_date=end_date)
    if vacancy is not None and vacancy.end_date is not None and end_date >= vacancy.end_date:
        # Recorded after the fact: the service stopped when the post was filled.
        assignment.ended_on = vacancy.end_date - dt.timedelta(days=1)
        assignment.end_note = "Jabatan terisi definitif"
    db.session.add(assignment)
    db.session.flush()
    record("create", "acting", assignment.id,
           f"{official.name} ditunjuk sebagai {ACTING_KINDS[kind]} {post.title} "
           f"({start_date:%d/%m/%Y}–{end_date:%d/%m/%Y})",
           instansi_id=post.opd.instansi_id, post_id=post.id,
           after=snapshot(assignment, ACTING_FIELDS))
    return assignment


def extend_acting(assignment, end_date, *, today, letter_number=None, letter_date=None, note=None):
    """Extend an acting assignment by a new letter, kept as its own record."""
    lock_post(assignment.post_id)
    if assignment.ended_on is not None:
        raise RuleViolation("Penugasan yang sudah diakhiri tidak dapat diperpanjang", "end_date")
    letter_date = letter_date or today
    _not_future(letter_date, today, "Tanggal surat perpanjangan", "letter_date")
    current_end = letter_end(assignment, dt.date.max)
    if end_date <= current_end:
        raise RuleViolation(
            f"Akhir perpanjangan harus sesudah akhir tugas saat ini ({current_end:%d/%m/%Y})",
            "end_date")
    vacancy = assignment.vacancy
    if vacancy is not None and vacancy.end_date is not None:
        raise RuleViolation("Jabatan ini sudah terisi definitif", "end_date")
    if assignment.kind == "plt":
        _one_plt_at_a_time(assignment.post_id, assignment.start_date, end_date, today,
                           exclude_id=assignment.id)
    extension = ActingExtension(assignment_id=assignment.id, letter_number=letter_number or None,
                                letter_date=letter_date, end_date=end_date, note=note or None)
    db.session.add(extension)
    db.session.flush()
    record("create", "acting_extension", extension.id,
           f"Tugas {assignment.kind_label} {assignment.official.name} diperpanjang sampai "
           f"{end_date:%d/%m/%Y}",
           instansi_id=assignment.post.opd.instansi_id, post_id=assignment.post_id,
           before={"end_date": current_end.isoformat()},
           after={"end_date": end_date.isoformat(), "letter_number": letter_number,
                  "letter_date": letter_date.isoformat()})
    return extension


def end_acting(assignment, ended_on, *, today, note=None):
    """End an acting assignment on its last day of service."""
    lock_post(assignment.post_id)
    if assignment.ended_on is not None:
        raise RuleViolation("Penugasan ini sudah diakhiri", "ended_on")
    if ended_on < assignment.start_date:
        raise RuleViolation("Tanggal berakhir tidak boleh sebelum mulai tugas", "ended_on")
    _not_future(ended_on, today, "Tanggal berakhir", "ended_on")
    before = snapshot(assignment, ACTING_FIELDS)
    assignment.ended_on = ended_on
    assignment.end_note = note or None
    record("update", "acting", assignment.id,
           f"Tugas {assignment.kind_label} {assignment.official.name} diakhiri "
           f"{ended_on:%d/%m/%Y}",
           instansi_id=assignment.post.opd.instansi_id, post_id=assignment.post_id,
           before=before, after=snapshot(assignment, ACTING_FIELDS))
    return assignment


def fill_vacancy(vacancy, official, start_date, *, today, sk_number=None, sk_date=None):
    """Record the definitive appointment: it ends the vacancy and its acting officials."""
    post = lock_post(vacancy.post_id)
    if vacancy.end_date is not None:
        raise RuleViolation("Kekosongan ini sudah terisi", "start_date")
    if start_date < vacancy.start_date:
        raise RuleViolation(
            f"Tanggal pelantikan tidak boleh sebelum jabatan kosong "
            f"({vacancy.start_date:%d/%m/%Y})", "start_date")
    _not_future(start_date, today, "Tanggal pelantikan", "start_date")
    if sk_date is not None:
        _not_future(sk_date, today, "Tanggal SK", "sk_date")
    for acting in vacancy.actings:
        if acting.start_date >= start_date:
            raise RuleViolation(
                f"Tanggal pelantikan harus sesudah mulai tugas {acting.kind_label} "
                f"{acting.official.name} ({acting.start_date:%d/%m/%Y})", "start_date")
    appointment = Appointment(post_id=post.id, official_id=official.id, sk_number=sk_number or None,
                              sk_date=sk_date, start_date=start_date)
    db.session.add(appointment)
    db.session.flush()
    before = snapshot(vacancy, VACANCY_FIELDS)
    vacancy.end_date = start_date
    vacancy.filled_by_id = appointment.id
    last_day = start_date - dt.timedelta(days=1)
    for acting in vacancy.actings:
        if acting.ended_on is None:
            acting.ended_on = max(acting.start_date, min(last_day, letter_end(acting, last_day)))
            acting.end_note = "Jabatan terisi definitif"
    record("update", "vacancy", vacancy.id,
           f"{official.name} dilantik sebagai {post.title} ({start_date:%d/%m/%Y})",
           instansi_id=post.opd.instansi_id, post_id=post.id, before=before,
           after=dict(snapshot(vacancy, VACANCY_FIELDS), official=official.nip,
                      sk_number=sk_number))
    return appointment


def record_holder(post, official, start_date, *, today, sk_number=None, sk_date=None):
    """Record the current definitive holder of a post that is neither held nor vacant."""
    lock_post(post.id)
    if open_vacancy_of(post.id) is not None:
        raise RuleViolation("Jabatan ini sedang kosong; catat pelantikan pejabat definitif",
                            "official")
    last = db.session.scalars(db.select(Vacancy).filter_by(post_id=post.id)
                              .order_by(Vacancy.end_date.desc())).first()
    if start_date is None and last is not None:
        raise RuleViolation("Tanggal pelantikan wajib diisi", "start_date")
    if start_date is not None:
        _not_future(start_date, today, "Tanggal pelantikan", "start_date")
        if last is not None and start_date < last.end_date:
            raise RuleViolation(
                f"Tanggal pelantikan tidak boleh sebelum kekosongan sebelumnya berakhir "
                f"({last.end_date:%d/%m/%Y})", "start_date")
    if sk_date is not None:
        _not_future(sk_date, today, "Tanggal SK", "sk_date")
    return set_holder(post, official, start_date=start_date, sk_number=sk_number, sk_date=sk_date)


def letter_end(assignment, as_of):
    """Return the last day covered by an assignment's letters known on `as_of`."""
    extensions = [rules.LetterEnd(e.end_date, e.letter_date) for e in assignment.extensions]
    return rules.effective_end(assignment.end_date, extensions, as_of)


def _inside_vacancy(vacancy, start_date):
    if start_date < vacancy.start_date:
        raise RuleViolation(
            f"Mulai tugas tidak boleh sebelum jabatan kosong ({vacancy.start_date:%d/%m/%Y})",
            "start_date")
    if vacancy.end_date is not None and start_date >= vacancy.end_date:
        raise RuleViolation("Mulai tugas harus sebelum jabatan terisi definitif", "start_date")


def _one_plt_at_a_time(post_id, start_date, end_date, today, exclude_id=None):
    others = db.session.scalars(db.select(ActingAssignment).filter_by(post_id=post_id, kind="plt"))
    for other in others:
        if other.id == exclude_id:
            continue
        other_end = rules.served_until(letter_end(other, max(today, other.start_date)),
                                       other.ended_on)
        if rules.intervals_overlap(start_date, end_date, other.start_date, other_end):
            raise RuleViolation(
                f"Jabatan ini sudah memiliki Plt ({other.official.name}) pada "
                f"{other.start_date:%d/%m/%Y}–{other_end:%d/%m/%Y}; akhiri dulu tugasnya",
                "start_date")


def _not_future(day, today, label, field):
    if day > today:
        raise RuleViolation(f"{label} tidak boleh di masa depan", field)
