"""Writes on vacancies and acting letters, with the rules they must keep.

Each function runs inside the caller's transaction (core.db.transaction). It
locks the pemda, makes its change, flushes, and has `integrity` check the
post's records against every rule: the same check for a new record and for a
correction (vacancies.corrections). A broken rule raises RuleViolation with an
Indonesian message and the caller's rollback leaves nothing saved. Every change
writes an audit entry. The definitive appointment, which ends a vacancy and
its running selection, is written by selection.appointments.
"""
import datetime as dt

from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.db import RuleViolation, lock_pemda
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.extensions import db
from plt_tracker.registry.models import Post
from plt_tracker.registry.operations import current_appointment, set_holder
from plt_tracker.settings.logic import get_settings
from plt_tracker.vacancies import integrity, rules
from plt_tracker.vacancies.integrity import letter_end  # noqa: F401  (re-exported)
from plt_tracker.vacancies.models import (ActingAssignment, ActingExtension,
                                          Vacancy)

VACANCY_FIELDS = ("post_id", "start_date", "reason", "reason_note", "end_date", "filled_by_id")
ACTING_FIELDS = ("post_id", "vacancy_id", "official_id", "kind", "letter_number", "letter_date",
                 "start_date", "end_date", "ended_on", "end_note", "governor_approval_number",
                 "governor_approval_date")
EXTENSION_FIELDS = ("letter_number", "letter_date", "end_date", "note")
# The end note of letters ended by the appointment that filled their vacancy.
FILLED_NOTE = "Jabatan terisi definitif"


def lock_post(post_id):
    """Lock the post's pemda for this transaction and return the post, read fresh."""
    post = db.session.get(Post, post_id, populate_existing=True)
    if post is None:
        raise RuleViolation("Jabatan tidak ditemukan")
    lock_pemda(post.opd.instansi_id)
    return post


def check(post, focus, today):
    """Check the post's records after a change to `focus`, then write the change.

    The check runs before the flush (integrity.check_post), so a broken rule is
    refused with its own message before any database constraint sees it.
    """
    with db.session.no_autoflush:
        months = int(get_settings(post.opd.instansi_id)["advance_entry_months"])
        integrity.check_post(post, today=today, focus=focus, advance_months=months)
    db.session.flush()


def open_vacancy(post, start_date, reason, *, today, reason_note=None):
    """Record that a post became (or will become) vacant; its holder's holding ends then.

    The start may lie ahead (a retirement on the 1st of next month), up to the
    `advance_entry_months` setting.
    """
    post = lock_post(post.id)
    vacancy = new_vacancy(post, start_date, reason, reason_note=reason_note,
                          holder=current_appointment(post.id))
    db.session.add(vacancy)
    check(post, vacancy, today)
    audit_vacancy_opened(vacancy)
    return vacancy


def new_vacancy(post, start_date, reason, *, reason_note=None, holder=None):
    """Return a new vacancy of the post, not yet added or checked; the current `holder`'s
    holding ends on its first day."""
    if start_date is None:
        raise RuleViolation("Tanggal mulai kosong wajib diisi", "start_date")
    if ends_holding(holder, start_date):
        holder.end_date = start_date
    return Vacancy(post_id=post.id, post=post, start_date=start_date, reason=reason,
                   reason_note=reason_note or None)


def ends_holding(holder, start_date):
    """Say whether a vacancy from `start_date` ends the holding of `holder` (then on that day):
    a holder who took office before it (or at an unknown date)."""
    return holder is not None and (holder.start_date is None or holder.start_date < start_date)


def audit_vacancy_opened(vacancy):
    """Write the audit entry of a new vacancy (written: it has its id)."""
    post = vacancy.post
    record("create", "vacancy", vacancy.id, instansi_id=post.opd.instansi_id, post_id=post.id,
           event="vacancy.open", params={"post": post.title, "date": vacancy.start_date},
           after=snapshot(vacancy, VACANCY_FIELDS), version=vacancy.version)


def open_vacancy_of(post_id):
    """Return the post's open vacancy (begun or still ahead), if any."""
    return db.session.scalar(
        db.select(Vacancy).filter_by(post_id=post_id).filter(Vacancy.end_date.is_(None)))


def name_acting(post, official, kind, start_date, end_date, *, today, letter_number=None,
                letter_date=None, vacancy=None, confirmed_posts=None,
                governor_approval_number=None, governor_approval_date=None):
    """Name a Plt or Plh by a letter (a Plt only for a vacancy).

    Without `end_date` the letter runs the pemda's default term from its start
    (setting `acting_default_months`). `confirmed_posts` are the ids of the
    other posts the user confirmed the official also acts in; None asks no
    confirmation (the importer and the demo).
    """
    post = lock_post(post.id)
    settings = get_settings(post.opd.instansi_id)
    assignment = new_acting(post, official, kind, start_date, end_date, settings=settings,
                            letter_number=letter_number, letter_date=letter_date, vacancy=vacancy,
                            governor_approval_number=governor_approval_number,
                            governor_approval_date=governor_approval_date)
    db.session.add(assignment)
    check(post, assignment, today)
    integrity.check_acting_load(assignment, max_posts=int(settings["max_acting_posts"]),
                                confirmed_posts=confirmed_posts)
    audit_acting_named(assignment)
    return assignment


def new_acting(post, official, kind, start_date, end_date, *, settings, letter_number=None,
               letter_date=None, vacancy=None, governor_approval_number=None,
               governor_approval_date=None):
    """Return a new acting letter, not yet added or checked (`integrity`): without `end_date`
    it runs the pemda's default term (`settings`, the pemda's)."""
    if start_date is None:
        raise RuleViolation("Tanggal mulai tugas wajib diisi", "start_date")
    if end_date is None:
        end_date = rules.default_planned_end(start_date, int(settings["acting_default_months"]))
    if vacancy is not None and vacancy.post_id != post.id:
        raise RuleViolation("Kekosongan itu bukan milik jabatan ini", "kind")
    assignment = ActingAssignment(
        post_id=post.id, post=post, vacancy_id=vacancy.id if vacancy else None, vacancy=vacancy,
        official_id=official.id, official=official, kind=kind,
        letter_number=letter_number or None, letter_date=letter_date,
        start_date=start_date, end_date=end_date,
        governor_approval_number=governor_approval_number or None,
        governor_approval_date=governor_approval_date)
    if vacancy is not None and vacancy.end_date is not None and end_date >= vacancy.end_date:
        # Recorded after the fact: the service stopped when the post was filled.
        assignment.ended_on = vacancy.end_date - dt.timedelta(days=1)
        assignment.end_note = FILLED_NOTE
    return assignment


def audit_acting_named(assignment, after=None, version=None):
    """Write the audit entry of a new acting letter (written: it has its id); `after` and
    `version` as it was made, when it changed since (an import ending it early)."""
    post = assignment.post
    record("create", "acting", assignment.id, instansi_id=post.opd.instansi_id, post_id=post.id,
           event="acting.name",
           params={"name": assignment.official.name, "kind": assignment.kind_label,
                   "post": post.title, "start": assignment.start_date,
                   "end": assignment.end_date},
           after=after or snapshot(assignment, ACTING_FIELDS),
           version=version or assignment.version)


def extend_acting(assignment, end_date, *, today, letter_number=None, letter_date=None, note=None):
    """Extend an acting assignment by a new letter, kept as its own record."""
    post = lock_post(assignment.post_id)
    db.session.refresh(assignment)
    extension, current_end = new_extension(assignment, end_date, today=today,
                                           letter_number=letter_number,
                                           letter_date=letter_date, note=note)
    check(post, extension, today)
    integrity.check_acting_load(
        assignment, max_posts=int(get_settings(post.opd.instansi_id)["max_acting_posts"]))
    audit_acting_extended(extension, current_end)
    return extension


def new_extension(assignment, end_date, *, today, letter_number=None, letter_date=None,
                  note=None):
    """Append a new extension letter to an assignment, not yet checked (`integrity`);
    return it and the end it extends."""
    if assignment.ended_on is not None:
        raise RuleViolation("Penugasan yang sudah diakhiri tidak dapat diperpanjang", "end_date")
    if end_date is None:
        raise RuleViolation("Akhir tugas yang baru wajib diisi", "end_date")
    letter_date = letter_date or today
    current_end = letter_end(assignment, dt.date.max)
    if end_date <= current_end:
        raise RuleViolation(message(
            N_("Akhir perpanjangan harus sesudah akhir tugas saat ini (%(day)s)"),
            day=dmy(current_end)), "end_date")
    vacancy = assignment.vacancy
    if vacancy is not None and vacancy.end_date is not None:
        raise RuleViolation("Jabatan ini sudah terisi definitif", "end_date")
    extension = ActingExtension(letter_number=letter_number or None, letter_date=letter_date,
                                end_date=end_date, note=note or None)
    assignment.extensions.append(extension)
    return extension, current_end


def audit_acting_extended(extension, current_end):
    """Write the audit entry of an extension (written: it has its id) of a letter that ran
    until `current_end`."""
    assignment = extension.assignment
    post = assignment.post
    record("create", "acting_extension", extension.id, instansi_id=post.opd.instansi_id,
           post_id=post.id, event="acting.extend",
           params={"kind": assignment.kind_label, "name": assignment.official.name,
                   "end": extension.end_date},
           before={"end_date": current_end.isoformat()},
           after=snapshot(extension, EXTENSION_FIELDS), version=extension.version)


def end_acting(assignment, ended_on, *, today, note=None):
    """End an acting assignment on its last day of service."""
    post = lock_post(assignment.post_id)
    db.session.refresh(assignment)
    before = set_end(assignment, ended_on, today=today, note=note)
    check(post, assignment, today)
    audit_acting_ended(assignment, before)
    return assignment


def set_end(assignment, ended_on, *, today, note=None):
    """End an assignment on `ended_on`, not yet checked (`integrity`); return the snapshot
    before, for `audit_acting_ended` once written."""
    values = end_values(assignment, ended_on, today=today, note=note)
    before = snapshot(assignment, ACTING_FIELDS)
    for name, value in values.items():
        setattr(assignment, name, value)
    return before


def end_values(assignment, ended_on, *, today, note=None):
    """Return the values that end an assignment on `ended_on`, once it may be ended then."""
    if assignment.ended_on is not None:
        raise RuleViolation("Penugasan ini sudah diakhiri", "ended_on")
    if ended_on is None:
        raise RuleViolation("Hari terakhir bertugas wajib diisi", "ended_on")
    if ended_on > today:
        raise RuleViolation("Tanggal berakhir tidak boleh di masa depan", "ended_on")
    return {"ended_on": ended_on, "end_note": note or None}


def audit_acting_ended(assignment, before):
    """Write the audit entry of an ended letter (written)."""
    post = assignment.post
    record("update", "acting", assignment.id, instansi_id=post.opd.instansi_id, post_id=post.id,
           event="acting.end", params={"kind": assignment.kind_label,
                                       "name": assignment.official.name,
                                       "date": assignment.ended_on},
           before=before, after=snapshot(assignment, ACTING_FIELDS), version=assignment.version)


def close_vacancy(vacancy, appointment):
    """End a vacancy on the appointment's start, and its letters the day before.

    Part of selection.appointments.fill_vacancy, which checks and audits it.
    """
    vacancy.end_date = appointment.start_date
    vacancy.filled_by_id = appointment.id
    last_day = appointment.start_date - dt.timedelta(days=1)
    for acting in vacancy.actings:
        if acting.ended_on is None and not acting.is_voided:
            acting.ended_on = max(acting.start_date, min(last_day, letter_end(acting, last_day)))
            acting.end_note = FILLED_NOTE


def reopen_vacancy(vacancy):
    """Undo `close_vacancy`: the vacancy is open again and its letters run on."""
    if vacancy.end_date is None:
        return
    last_day = vacancy.end_date - dt.timedelta(days=1)
    vacancy.end_date, vacancy.filled_by_id = None, None
    for acting in vacancy.actings:
        if acting.is_voided:
            continue
        ended_by_filling = max(acting.start_date, min(last_day, letter_end(acting, last_day)))
        if acting.end_note == FILLED_NOTE and acting.ended_on == ended_by_filling:
            acting.ended_on, acting.end_note = None, None


def record_holder(post, official, start_date, *, today, sk_number=None, sk_date=None,
                  minister_approval_number=None, minister_approval_date=None):
    """Record the current definitive holder of a post that is neither held nor vacant."""
    post = lock_post(post.id)
    if open_vacancy_of(post.id) is not None:
        raise RuleViolation("Jabatan ini sedang kosong; catat pelantikan pejabat definitif",
                            "official")
    last = db.session.scalars(db.select(Vacancy).filter_by(post_id=post.id)
                              .order_by(Vacancy.end_date.desc())).first()
    if start_date is None and last is not None:
        raise RuleViolation("Tanggal pelantikan wajib diisi", "start_date")
    appointment = set_holder(post, official, start_date=start_date, sk_number=sk_number,
                             sk_date=sk_date, minister_approval_number=minister_approval_number,
                             minister_approval_date=minister_approval_date)
    check(post, appointment, today)
    return appointment
