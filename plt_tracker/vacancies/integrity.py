"""The rules that tie one post's records together, checked after every change.

An operation (new record or correction) makes its change, flushes it, and
calls `check_post`: the post's live vacancies, definitive holders and acting
letters are read back and every rule is checked on the result. One check for
creating and for correcting, so a correction can never leave what a new
record could not. `focus` is the record just changed: the first broken rule
about it is the one reported, on its form's field. Official-wide rules (one
definitive post at a time, how many posts one official may act in) are in
`check_acting_load` (and registry.operations.check_holding).
"""
import datetime as dt

from plt_tracker.core.dates import add_months
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, message
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.models import ACTING_KINDS, VACANCY_REASONS, ActingAssignment, Vacancy

FOREVER = dt.date.max


def _d(day):
    return day.strftime("%d/%m/%Y")


def served_span(acting):
    """Return (first, last) day an acting letter covers, over all its letters and early end."""
    return acting.start_date, rules.served_until(letter_end(acting, FOREVER), acting.ended_on)


def letter_end(assignment, as_of):
    """Return the last day covered by an assignment's letters known on `as_of`."""
    extensions = [rules.LetterEnd(e.end_date, e.letter_date) for e in assignment.extensions
                  if not e.is_voided]
    return rules.effective_end(assignment.end_date, extensions, as_of)


def post_records(post_id, focus=None):
    """Return the post's live (vacancies, appointments, actings) as this transaction has them.

    Called with autoflush off (see `check_post`): a new record not yet written
    is added from `focus`, and changed records are the session's own objects.
    """
    vacancies = list(db.session.scalars(
        db.select(Vacancy).filter_by(post_id=post_id).order_by(Vacancy.start_date)))
    appointments = list(db.session.scalars(
        db.select(Appointment).filter_by(post_id=post_id).order_by(Appointment.id)))
    actings = list(db.session.scalars(
        db.select(ActingAssignment).filter_by(post_id=post_id)
        .order_by(ActingAssignment.start_date)))
    for records, model in ((vacancies, Vacancy), (appointments, Appointment),
                           (actings, ActingAssignment)):
        if isinstance(focus, model) and focus not in records and not focus.is_voided:
            records.append(focus)
    return vacancies, appointments, actings


def check_post(post, *, today, focus=None, advance_months=12, records=None):
    """Check every rule of a post's records; raise RuleViolation for the first one broken.

    Runs before the change is written (autoflush off), so a refused change
    never reaches the database's own constraints, which back these rules up.
    `records` are the post's (vacancies, appointments, actings) when the caller
    has them already (the importer reads a whole pemda once); else they are read.
    """
    with db.session.no_autoflush:
        vacancies, appointments, actings = records or post_records(post.id, focus)
        for vacancy in _focus_first(vacancies, focus):
            _check_vacancy(post, vacancy, vacancies, appointments, today, vacancy is focus,
                           advance_months)
        for appointment in _focus_first(appointments, focus):
            _check_appointment(post, appointment, appointments, vacancies, today,
                               appointment is focus)
        for acting in _focus_first(actings, focus):
            _check_acting(post, acting, actings, vacancies, appointments, today,
                          _is_focus(acting, focus))


def _focus_first(records, focus):
    return sorted(records, key=lambda r: not _is_focus(r, focus))


def _is_focus(record, focus):
    if record is focus:
        return True
    # An extension's rules are its letter's rules.
    return getattr(focus, "assignment", None) is record


def _check_vacancy(post, vacancy, vacancies, appointments, today, is_focus, advance_months):
    if vacancy.reason not in VACANCY_REASONS:
        raise RuleViolation(message(N_("Alasan kosong '%(reason)s' tidak dikenal"),
                                    reason=vacancy.reason), "reason")
    if is_focus and vacancy.start_date > add_months(today, advance_months):
        raise RuleViolation(message(N_("Tanggal mulai kosong paling jauh %(months)d bulan ke "
                                       "depan (%(day)s)"), months=advance_months,
                                    day=_d(add_months(today, advance_months))), "start_date")
    if vacancy.end_date is not None and vacancy.end_date <= vacancy.start_date:
        raise RuleViolation(message(N_("Tanggal pelantikan harus sesudah jabatan kosong "
                                       "(%(day)s)"), day=_d(vacancy.start_date)), "start_date")
    end = vacancy.end_date or FOREVER
    for other in vacancies:
        if other is vacancy or not (other.start_date < end and vacancy.start_date <
                                    (other.end_date or FOREVER)):
            continue
        if other.end_date is None and vacancy.end_date is None:
            raise RuleViolation(message(N_("Jabatan %(post)s sudah tercatat kosong"),
                                        post=post.title), "start_date")
        if other.start_date <= vacancy.start_date:
            raise RuleViolation(message(
                N_("Tanggal mulai kosong tidak boleh sebelum kekosongan sebelumnya berakhir "
                   "(%(day)s)"), day=_d(other.end_date)), "start_date")
        raise RuleViolation(message(
            N_("Kekosongan ini bertumpang tindih dengan kekosongan berikutnya (sejak %(day)s)"),
            day=_d(other.start_date)), "start_date")
    for holder in appointments:
        if _overlaps_holding(holder, vacancy.start_date, end):
            since = holder.start_date
            if since is not None and since > vacancy.start_date:
                raise RuleViolation(message(
                    N_("Tanggal mulai kosong tidak boleh sebelum pejabat definitif dilantik "
                       "(%(day)s)"), day=_d(since)), "start_date")
            raise RuleViolation(message(
                N_("Pada %(day)s jabatan ini dipegang pejabat definitif %(name)s"),
                day=_d(max(vacancy.start_date, since or vacancy.start_date)),
                name=holder.official.name), "start_date")


def _overlaps_holding(holder, start, end):
    """Say whether a holding [start, end) of the post shares a day with `holder`'s."""
    first = holder.start_date or dt.date.min
    return first < end and start < (holder.end_date or FOREVER)


def _check_appointment(post, appointment, appointments, vacancies, today, is_focus):
    start = appointment.start_date
    if is_focus and start is not None and start > today:
        raise RuleViolation("Tanggal pelantikan tidak boleh di masa depan", "start_date")
    if is_focus and appointment.sk_date is not None and appointment.sk_date > today:
        raise RuleViolation("Tanggal SK tidak boleh di masa depan", "sk_date")
    if start is not None and appointment.end_date is not None and appointment.end_date <= start:
        raise RuleViolation(message(N_("Akhir menjabat harus sesudah tanggal pelantikan "
                                       "(%(day)s)"), day=_d(start)), "start_date")
    end = appointment.end_date or FOREVER
    for other in appointments:
        if other is not appointment and _overlaps_holding(other, start or dt.date.min, end):
            raise RuleViolation(message(
                N_("Jabatan %(post)s sudah memiliki pejabat definitif (%(name)s)"),
                post=post.title, name=other.official.name), "official")
    for vacancy in vacancies:
        if _overlaps_holding(appointment, vacancy.start_date, vacancy.end_date or FOREVER):
            if vacancy.end_date is None:
                raise RuleViolation("Jabatan ini sedang kosong; catat pelantikan pejabat definitif",
                                    "official")
            raise RuleViolation(message(
                N_("Tanggal pelantikan tidak boleh sebelum kekosongan sebelumnya berakhir "
                   "(%(day)s)"), day=_d(vacancy.end_date)), "start_date")


def _check_acting(post, acting, actings, vacancies, appointments, today, is_focus):
    label = ACTING_KINDS.get(acting.kind)
    if label is None:
        raise RuleViolation(message(N_("Jenis pelaksana '%(kind)s' tidak dikenal"),
                                    kind=acting.kind), "kind")
    if acting.kind == "pj" and not post.is_sekda_post:
        raise RuleViolation("Pj Sekda hanya untuk jabatan Sekretaris Daerah", "kind")
    if acting.kind == "pj" and acting.vacancy_id is None:
        raise RuleViolation("Pj Sekda hanya untuk jabatan Sekda yang kosong", "kind")
    if acting.end_date < acting.start_date:
        raise RuleViolation("Akhir tugas tidak boleh sebelum mulai tugas", "end_date")
    if is_focus and acting.letter_date is not None and acting.letter_date > today:
        raise RuleViolation("Tanggal surat tidak boleh di masa depan", "letter_date")
    vacancy = next((v for v in vacancies if v.id == acting.vacancy_id), None)
    if acting.vacancy_id is not None and vacancy is None:
        raise RuleViolation("Kekosongan surat ini sudah dibatalkan", "start_date")
    if acting.kind == "plt" and vacancy is None:
        raise RuleViolation("Plt hanya dapat ditunjuk untuk jabatan yang kosong", "kind")
    if vacancy is not None:
        if acting.start_date < vacancy.start_date:
            raise RuleViolation(message(N_("Mulai tugas tidak boleh sebelum jabatan kosong "
                                           "(%(day)s)"), day=_d(vacancy.start_date)),
                                "start_date")
        if vacancy.end_date is not None and acting.start_date >= vacancy.end_date:
            raise RuleViolation("Mulai tugas harus sebelum jabatan terisi definitif", "start_date")
    elif not any(a.holds_on(acting.start_date) for a in appointments):
        # A Plh without a vacancy stands in for a holder who is temporarily absent.
        raise RuleViolation(message(
            N_("Jabatan ini tidak memiliki pejabat definitif pada %(day)s; catat dulu "
               "kekosongannya"), day=_d(acting.start_date)), "start_date")
    if acting.ended_on is not None and acting.ended_on < acting.start_date:
        raise RuleViolation("Tanggal berakhir tidak boleh sebelum mulai tugas", "ended_on")
    for extension in acting.extensions:
        if extension.is_voided:
            continue
        if extension.end_date <= acting.end_date:
            raise RuleViolation(message(N_("Akhir perpanjangan harus sesudah akhir surat "
                                           "pertama (%(day)s)"), day=_d(acting.end_date)),
                                "end_date")
        if is_focus and extension.letter_date > today:
            raise RuleViolation("Tanggal surat perpanjangan tidak boleh di masa depan",
                                "letter_date")
    first, last = served_span(acting)
    for other in actings:
        if other is acting or other.kind != acting.kind or other.vacancy_id != acting.vacancy_id:
            continue
        other_first, other_last = served_span(other)
        if rules.intervals_overlap(first, last, other_first, other_last):
            raise RuleViolation(message(
                N_("Jabatan ini sudah memiliki %(kind)s (%(name)s) pada %(first)s–%(last)s; "
                   "akhiri dulu tugasnya"), kind=str(label), name=other.official.name,
                first=_d(other_first), last=_d(other_last)), "start_date")


def check_acting_load(acting, *, max_posts, confirmed_posts=None, candidates=None):
    """Check how many vacant posts the letter's official acts in on the letter's days.

    More than `max_posts` posts on one day is refused (0: no limit). Other posts
    on overlapping days need `confirmed_posts`, the post ids the user saw and
    confirmed (None: no confirmation asked, e.g. the importer); otherwise
    NeedsConfirmation lists them. `candidates` are the official's live letters
    when the caller has them already; else they are read.
    """
    if acting.vacancy_id is None:
        return
    first, last = served_span(acting)
    others = []
    if candidates is None:
        with db.session.no_autoflush:
            candidates = list(db.session.scalars(db.select(ActingAssignment).filter(
                ActingAssignment.official_id == acting.official_id)))
    candidates = [other for other in candidates
                  if other.post_id != acting.post_id and other.vacancy_id is not None]
    for other in candidates:
        span = served_span(other)
        if rules.intervals_overlap(first, last, *span):
            others.append((other, span))
    if max_posts:
        for day in [first] + [max(first, span[0]) for _, span in others]:
            posts = {acting.post_id} | {o.post_id for o, (s, e) in others if s <= day <= e}
            if len(posts) > max_posts:
                titles = ", ".join(sorted({acting.post.title} | {o.post.title for o, (s, e)
                                                                   in others if s <= day <= e}))
                raise RuleViolation(message(
                    N_("%(name)s akan menjadi pelaksana di %(count)d jabatan sekaligus pada "
                       "%(day)s (%(posts)s); paling banyak %(most)d menurut pengaturan"),
                    name=acting.official.name, count=len(posts), day=_d(day), posts=titles,
                    most=max_posts), "official")
    if confirmed_posts is not None:
        pending = {o.post_id: o.post for o, _ in others if o.post_id not in confirmed_posts}
        if pending:
            raise NeedsConfirmation(acting.official, list(pending.values()))


class NeedsConfirmation(RuleViolation):
    """Naming an official who already acts in another post needs an explicit yes."""

    def __init__(self, official, posts):
        titles = "; ".join(f"{p.title} ({p.opd.name})" for p in posts)
        super().__init__(f"{official.name} juga menjadi pelaksana di: {titles}. Centang "
                         f"konfirmasi rangkap bila penunjukan ini memang disengaja.", "confirm")
        self.posts = posts
