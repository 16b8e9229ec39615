"""The vacancy list as the Sekda sees it, on any date, in a fixed number of queries."""
import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Optional

from sqlalchemy.orm import contains_eager, selectinload

from plt_tracker.core.db import batched
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Opd, Post
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.models import ActingAssignment, Vacancy
from plt_tracker.vacancies.integrity import letter_end


@dataclass
class VacancyRow:
    """One vacant post on the as-of date, with who acts in it."""

    vacancy_id: int
    post_id: int
    opd_id: int
    opd: str
    post: str
    post_kind: str
    eselon: Optional[str]
    vacant_since: dt.date
    days_vacant: int
    reason: str
    acting_id: Optional[int] = None
    acting_kind: str = ""
    acting_kind_code: str = ""
    acting_official_id: Optional[int] = None
    acting_nip: str = ""
    acting_name: str = ""
    acting_own_post: str = ""
    acting_since: Optional[dt.date] = None
    acting_until: Optional[dt.date] = None
    acting_status: str = ""
    is_sekda: bool = False
    is_head: bool = True
    extra: dict = field(default_factory=dict)

    def as_dict(self):
        """Return the row as plain values (dates stay dates)."""
        data = asdict(self)
        data.update(data.pop("extra"))
        return data


def vacancy_rows(instansi_id, as_of, *, opd_id=None, post_kind=None, acting_kind=None,
                 no_acting=False):
    """List the posts vacant on `as_of`, longest vacant first.

    `acting_kind` is "plt" or "plh"; `no_acting` keeps only vacancies with nobody
    active on that date.
    """
    rows, _actings = rows_with_actings(instansi_id, as_of, opd_id=opd_id, post_kind=post_kind)
    return filter_rows(rows, acting_kind=acting_kind, no_acting=no_acting)


def rows_with_actings(instansi_id, as_of, *, opd_id=None, post_kind=None):
    """Return (rows longest vacant first, {vacancy_id: [ActingAssignment]}).

    The acting assignments are every one of those vacancies, including letters
    that start after `as_of`, with their officials and extensions loaded, so
    callers that need them (the flag engine) do not load them again.
    """
    vacancies = _open_vacancies(instansi_id, as_of, opd_id, post_kind)
    actings = _actings_by_vacancy([v.id for v in vacancies])
    rows = [_row(v, [a for a in actings.get(v.id, []) if a.start_date <= as_of], as_of)
            for v in vacancies]
    _attach_own_posts(rows, as_of)
    rows.sort(key=lambda r: (-r.days_vacant, r.opd, r.post))
    return rows, actings


def filter_rows(rows, *, opd_id=None, post_kind=None, acting_kind=None, no_acting=False):
    """Keep the rows matching the vacancy list's filters, in their order."""
    if opd_id:
        rows = [r for r in rows if r.opd_id == opd_id]
    if post_kind:
        rows = [r for r in rows if r.post_kind == post_kind]
    if acting_kind:
        rows = [r for r in rows
                if r.acting_kind.lower() == acting_kind and r.acting_status == "active"]
    if no_acting:
        rows = [r for r in rows if r.acting_status != "active"]
    return rows


def _open_vacancies(instansi_id, as_of, opd_id, post_kind):
    query = (
        db.select(Vacancy)
        .join(Vacancy.post).join(Post.opd)
        .options(contains_eager(Vacancy.post).contains_eager(Post.opd))
        .filter(Opd.instansi_id == instansi_id, Vacancy.start_date <= as_of)
        .filter((Vacancy.end_date.is_(None)) | (Vacancy.end_date > as_of))
        # A frozen or abolished post leaves the list from its closing day.
        .filter((Post.closed_on.is_(None)) | (Post.closed_on > as_of))
    )
    if opd_id:
        query = query.filter(Post.opd_id == opd_id)
    if post_kind:
        query = query.filter(Post.kind == post_kind)
    return list(db.session.scalars(query))


def _actings_by_vacancy(vacancy_ids):
    if not vacancy_ids:
        return {}
    query = (
        db.select(ActingAssignment)
        .join(ActingAssignment.official)
        .options(contains_eager(ActingAssignment.official),
                 selectinload(ActingAssignment.extensions))
    )
    grouped = {}
    for chunk in batched(vacancy_ids):
        found = db.session.scalars(query.filter(ActingAssignment.vacancy_id.in_(chunk))).unique()
        for acting in found:
            grouped.setdefault(acting.vacancy_id, []).append(acting)
    for group in grouped.values():
        group.sort(key=lambda a: a.id)
    return grouped


def acting_state(acting, as_of):
    """Return (status, letter end) of an acting assignment on `as_of`."""
    until = letter_end(acting, as_of)
    return rules.acting_status(acting.start_date, until, acting.ended_on, as_of), until


def _row(vacancy, actings, as_of):
    post = vacancy.post
    row = VacancyRow(
        vacancy_id=vacancy.id, post_id=post.id, opd_id=post.opd_id, opd=post.opd.name,
        post=post.title, post_kind=post.kind, eselon=post.eselon,
        vacant_since=vacancy.start_date,
        days_vacant=rules.days_vacant(vacancy.start_date, as_of), reason=vacancy.reason,
        is_sekda=post.is_sekda_post, is_head=post.is_head)
    candidates = []
    for acting in actings:
        status, until = acting_state(acting, as_of)
        candidates.append((status, acting.start_date, acting.kind, (acting, until)))
    chosen = rules.pick_acting(candidates)
    if chosen:
        status, _, _, (acting, until) = chosen
        row.acting_id = acting.id
        row.acting_kind = acting.kind_label
        row.acting_kind_code = acting.kind
        row.acting_official_id = acting.official_id
        row.acting_nip = acting.official.nip
        row.acting_name = acting.official.name
        row.acting_since = acting.start_date
        row.acting_until = acting.ended_on if status == "ended" else until
        row.acting_status = status
        row.acting_own_post = acting.official.position_title or ""
    return row


def _attach_own_posts(rows, as_of):
    """Fill in each acting official's own definitive post, in one query."""
    ids = {r.acting_official_id for r in rows if r.acting_official_id}
    if not ids:
        return
    query = (
        db.select(Appointment.official_id, Post.title)
        .join(Appointment.post)
        .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= as_of))
        .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > as_of))
    )
    own = {}
    for chunk in batched(ids):
        own.update(db.session.execute(query.filter(Appointment.official_id.in_(chunk))).all())
    for row in rows:
        if row.acting_official_id in own:
            row.acting_own_post = own[row.acting_official_id]
