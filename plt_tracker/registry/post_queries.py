"""Reading posts: the register on a date, and one post's whole history.

Both read a fixed number of queries whatever the number of posts or records.
"""
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy.orm import contains_eager, selectinload

from plt_tracker.audit.models import AuditEntry
from plt_tracker.extensions import db
from plt_tracker.registry.models import OFFICIAL_KINDS, Appointment, Official, Opd, Post
from plt_tracker.registry.nip import format_nip
from plt_tracker.vacancies import rules
from plt_tracker.core.records import INCLUDE_VOIDED
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy
from plt_tracker.vacancies.delays import letter_delay
from plt_tracker.vacancies.integrity import letter_end


@dataclass
class PostState:
    """Who holds or acts in a post on one date."""

    post: Post
    status: str = "unrecorded"  # "filled", "vacant" or "unrecorded"
    holder: Optional[Appointment] = None
    vacancy: Optional[Vacancy] = None
    days_vacant: Optional[int] = None
    actings: list = field(default_factory=list)  # [(assignment, status, letter end)]
    # Recorded ahead: letters not started yet, a vacancy that begins later.
    upcoming: list = field(default_factory=list)  # [(assignment, "future", letter end)]
    upcoming_vacancy: Optional[Vacancy] = None


def acting_on(acting, as_of):
    """Return (status, last day of the letters known on `as_of`) of an assignment."""
    until = letter_end(acting, as_of)
    status = rules.acting_status(acting.start_date, until, acting.ended_on, as_of)
    return status, (acting.ended_on if status == "ended" else until)


def posts_on(instansi_id, as_of, *, opd_id=None, post_kind=None):
    """Return [(opd, [PostState])] for the pemda's active posts on `as_of`, by OPD."""
    query = (db.select(Post).join(Post.opd).options(contains_eager(Post.opd))
             .filter(Opd.instansi_id == instansi_id, Post.is_active.is_(True))
             .order_by(Opd.name, Post.is_head.desc(), Post.title))
    if opd_id:
        query = query.filter(Post.opd_id == opd_id)
    if post_kind:
        query = query.filter(Post.kind == post_kind)
    posts = list(db.session.scalars(query))
    states = {post.id: PostState(post) for post in posts}
    if posts:
        _attach_holders(states, as_of)
        _attach_vacancies(states, as_of)
        _attach_actings(states, as_of)
    grouped = []
    for post in posts:
        if not grouped or grouped[-1][0].id != post.opd_id:
            grouped.append((post.opd, []))
        grouped[-1][1].append(states[post.id])
    return grouped


def _attach_holders(states, as_of):
    query = (db.select(Appointment).join(Appointment.official)
             .options(contains_eager(Appointment.official))
             .filter(Appointment.post_id.in_(states))
             .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= as_of))
             .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > as_of))
             .order_by(Appointment.id))
    for appointment in db.session.scalars(query):
        state = states[appointment.post_id]
        state.holder, state.status = appointment, "filled"


def _attach_vacancies(states, as_of):
    query = (db.select(Vacancy).filter(Vacancy.post_id.in_(states), Vacancy.start_date <= as_of)
             .filter((Vacancy.end_date.is_(None)) | (Vacancy.end_date > as_of)))
    for vacancy in db.session.scalars(query):
        state = states[vacancy.post_id]
        state.vacancy, state.status = vacancy, "vacant"
        state.days_vacant = rules.days_vacant(vacancy.start_date, as_of)


def _attach_actings(states, as_of):
    """Attach the assignments that had started by `as_of` and were not ended before it."""
    query = (db.select(ActingAssignment).join(ActingAssignment.official)
             .options(contains_eager(ActingAssignment.official),
                      selectinload(ActingAssignment.extensions))
             .filter(ActingAssignment.post_id.in_(states), ActingAssignment.start_date <= as_of)
             .order_by(ActingAssignment.start_date))
    for acting in db.session.scalars(query).unique():
        state = states[acting.post_id]
        status, until = acting_on(acting, as_of)
        # An expired letter matters only while the vacancy it covered is still open.
        relevant = status == "active" or (
            status == "expired" and state.vacancy is not None
            and acting.vacancy_id == state.vacancy.id)
        if relevant:
            state.actings.append((acting, status, until))


@dataclass
class VacancyHistory:
    """A vacancy of a post with its acting assignments, as seen on `as_of`."""

    vacancy: Vacancy
    status: str  # "future", "open", "closed" on as_of, or "voided"
    days: Optional[int]
    counted_to: Optional[dt.date]
    actings: list  # [ActingHistory]


@dataclass
class Letter:
    """One letter of an acting assignment: the first one or an extension."""

    label: str  # "first" or "extension"
    record: object  # the ActingAssignment or the ActingExtension
    number: Optional[str]
    date: Optional[dt.date]
    end: dt.date
    note: Optional[str]
    known: bool  # signed by the as-of date
    delay: Optional[int] = None  # days from the letter to its entry in the register


@dataclass
class ActingHistory:
    """An acting assignment, its letters (first and each extension) and its state."""

    acting: ActingAssignment
    status: str  # as acting_on says, or "voided"
    until: dt.date
    letters: list  # [Letter]


def post_history(post, as_of, today):
    """Return everything recorded on one post: holders, vacancies, acting, audit log.

    Voided records are included, marked as such: the history keeps them.
    "state" is the post on `as_of`; "current" is the post today, which decides
    which actions an operator may take.
    """
    appointments = list(db.session.scalars(
        db.select(Appointment).join(Appointment.official)
        .options(contains_eager(Appointment.official))
        .filter(Appointment.post_id == post.id)
        .order_by(Appointment.start_date.desc(), Appointment.id.desc())
        .execution_options(**INCLUDE_VOIDED)))
    vacancies = list(db.session.scalars(
        db.select(Vacancy).filter_by(post_id=post.id)
        .options(selectinload(Vacancy.filled_by).selectinload(Appointment.official))
        .order_by(Vacancy.start_date.desc()).execution_options(**INCLUDE_VOIDED)))
    actings = list(db.session.scalars(
        db.select(ActingAssignment).join(ActingAssignment.official)
        .options(contains_eager(ActingAssignment.official),
                 selectinload(ActingAssignment.extensions))
        .filter(ActingAssignment.post_id == post.id)
        .order_by(ActingAssignment.start_date.desc(), ActingAssignment.id.desc())
        .execution_options(**INCLUDE_VOIDED)).unique())
    letters = _all_extensions([a.id for a in actings])
    live_appointments = [a for a in appointments if not a.is_voided]
    live_vacancies = [v for v in vacancies if not v.is_voided]
    live_actings = [a for a in actings if not a.is_voided]
    return {
        "state": _state_from(post, live_appointments, live_vacancies, live_actings, as_of),
        "current": _state_from(post, live_appointments, live_vacancies, live_actings, today),
        "appointments": appointments,
        "vacancies": [_vacancy_history(v, [_acting_history(a, as_of, letters)
                                           for a in actings if a.vacancy_id == v.id], as_of)
                      for v in vacancies],
        "filled_post_actings": [_acting_history(a, as_of, letters) for a in actings
                                if a.vacancy_id is None],
        "audit": audit_entries(post.id),
    }


def _all_extensions(acting_ids):
    """Return {acting id: [extension]} with voided extensions too, oldest letter first."""
    grouped = {}
    if acting_ids:
        for extension in db.session.scalars(
                db.select(ActingExtension).filter(ActingExtension.assignment_id.in_(acting_ids))
                .order_by(ActingExtension.letter_date, ActingExtension.end_date)
                .execution_options(**INCLUDE_VOIDED)):
            grouped.setdefault(extension.assignment_id, []).append(extension)
    return grouped


def audit_entries(post_id):
    """Return the audit log of one post, newest first, with who made each change."""
    return list(db.session.scalars(
        db.select(AuditEntry).options(selectinload(AuditEntry.user))
        .filter_by(post_id=post_id).order_by(AuditEntry.at.desc(), AuditEntry.id.desc())))


def _vacancy_history(vacancy, actings, as_of):
    if vacancy.is_voided:
        return VacancyHistory(vacancy, "voided", None, None, actings)
    if as_of < vacancy.start_date:
        return VacancyHistory(vacancy, "future", None, None, actings)
    if vacancy.end_date is not None and vacancy.end_date <= as_of:
        status, counted_to = "closed", vacancy.end_date
    else:
        status, counted_to = "open", as_of
    return VacancyHistory(vacancy, status, rules.days_vacant(vacancy.start_date, counted_to),
                          counted_to, actings)


def _acting_history(acting, as_of, extensions):
    status, until = acting_on(acting, as_of)
    letters = [Letter("first", acting, acting.letter_number, acting.letter_date, acting.end_date,
                      None, True, letter_delay(acting))]
    for extension in extensions.get(acting.id, []):
        letters.append(Letter("extension", extension, extension.letter_number,
                              extension.letter_date, extension.end_date, extension.note,
                              extension.letter_date <= as_of, letter_delay(extension)))
    return ActingHistory(acting, "voided" if acting.is_voided else status, until, letters)


def _state_from(post, appointments, vacancies, actings, as_of):
    state = PostState(post)
    holder = next((a for a in appointments if a.holds_on(as_of)), None)
    if holder is not None:
        state.holder, state.status = holder, "filled"
    vacancy = next((v for v in vacancies if v.open_on(as_of)), None)
    if vacancy is not None:
        state.vacancy, state.status = vacancy, "vacant"
        state.days_vacant = rules.days_vacant(vacancy.start_date, as_of)
    state.upcoming_vacancy = next((v for v in vacancies if v.start_date > as_of
                                   and v.end_date is None), None)
    for acting in actings:
        status, until = acting_on(acting, as_of)
        covers_open = vacancy is not None and acting.vacancy_id == vacancy.id
        if status == "active" or (status == "expired" and covers_open):
            state.actings.append((acting, status, until))
        elif status == "future":
            state.upcoming.append((acting, status, until))
    return state


def official_choices(instansi_id, day=None):
    """Return (id, "Name — NIP · own post kind") for the pemda's active officials, by name.

    The own post kind is that of the definitive post held on `day` (today when
    None), else the one recorded on the official: who may act where depends on it.
    """
    from plt_tracker.core.dates import today

    held = _held_kinds(instansi_id, day or today())
    rows = db.session.execute(
        db.select(Official.id, Official.name, Official.nip, Official.post_kind)
        .filter_by(instansi_id=instansi_id, is_active=True).order_by(Official.name))
    choices = []
    for oid, name, nip, kind in rows:
        own = OFFICIAL_KINDS.get(held.get(oid) or kind)
        choices.append((oid, f"{name} — {format_nip(nip)}" + (f" · {own}" if own else "")))
    return choices


def _held_kinds(instansi_id, day):
    query = (db.select(Appointment.official_id, Post.kind).join(Appointment.post).join(Post.opd)
             .filter(Opd.instansi_id == instansi_id)
             .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= day))
             .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > day)))
    return dict(db.session.execute(query).all())


def own_post_kind(official, day, holdings=None):
    """Return the kind of the official's own post on `day`: the definitive post held, else
    the kind recorded on the official (None when unknown).

    `holdings` are the official's live appointments when the caller has them already
    (the importer reads a whole pemda once); else they are read.
    """
    if holdings is not None:
        held = next((a.post.kind for a in holdings if a.holds_on(day)), None)
        return held or official.post_kind
    held = db.session.scalar(
        db.select(Post.kind).join(Appointment, Appointment.post_id == Post.id)
        .filter(Appointment.official_id == official.id)
        .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= day))
        .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > day)))
    return held or official.post_kind
