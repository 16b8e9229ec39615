"""Reads on the register: OPDs with their posts, officials and what they hold ("rangkap")."""
import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import contains_eager, selectinload

from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Official, Opd, Post
from plt_tracker.registry.nip import normalize_nip
from plt_tracker.vacancies.models import ActingAssignment
from plt_tracker.vacancies.queries import acting_state

PER_PAGE = 25


def opds_of(instansi_id):
    """Return the pemda's OPDs by name, for the filters of the lists."""
    return list(db.session.scalars(db.select(Opd).filter_by(instansi_id=instansi_id)
                                   .order_by(Opd.name)))


def opds_with_posts(instansi_id):
    """Return the pemda's OPDs (active first, by name), their posts loaded in one more query."""
    query = (db.select(Opd).filter_by(instansi_id=instansi_id)
             .options(selectinload(Opd.posts))
             .order_by(Opd.is_active.desc(), Opd.name))
    return list(db.session.scalars(query))


MAX_PAGE = 100_000


def search_officials(instansi_id, text="", page=1, per_page=PER_PAGE):
    """Return a page of the pemda's officials whose name or NIP contains `text`."""
    # A page number from the address bar can be anything; the drivers refuse offsets
    # beyond 64 bits instead of finding nothing.
    page = min(max(page or 1, 1), MAX_PAGE)
    query = db.select(Official).filter_by(instansi_id=instansi_id)
    text = (text or "").strip()
    if text:
        digits = normalize_nip(text)
        condition = Official.name.icontains(text, autoescape=True)
        if digits.isdigit():
            condition = condition | Official.nip.contains(digits, autoescape=True)
        query = query.filter(condition)
    query = query.order_by(Official.is_active.desc(), Official.name, Official.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


@dataclass
class ActingLine:
    """One acting assignment of an official, with where it stands on the as-of date."""

    acting: ActingAssignment
    status: str
    until: object  # the last day covered by the letters known on the as-of date
    extension_count: int = 0  # extension letters signed by the as-of date


@dataclass
class Rangkap:
    """Everything an official holds or held: definitive posts and acting assignments."""

    appointments: list = field(default_factory=list)
    actings: list = field(default_factory=list)

    def current_appointments(self, as_of):
        """Return the definitive posts held on `as_of`."""
        return [a for a in self.appointments if a.holds_on(as_of)]

    @property
    def active_actings(self):
        return [line for line in self.actings if line.status == "active"]

    @property
    def acting_posts_at_once(self):
        """Count the distinct posts the official acts in on the as-of date."""
        return len({line.acting.post_id for line in self.active_actings})

    @property
    def acts_in_several(self):
        return self.acting_posts_at_once >= 2


def rangkap_of(official_ids, as_of):
    """Return {official_id: Rangkap} for many officials in a fixed number of queries."""
    result = {official_id: Rangkap() for official_id in official_ids}
    if not official_ids:
        return result
    appointments = (
        db.select(Appointment).join(Appointment.post).join(Post.opd)
        .options(contains_eager(Appointment.post).contains_eager(Post.opd))
        .filter(Appointment.official_id.in_(official_ids))
    )
    # Sorted here: databases disagree on where NULL start dates go.
    for appointment in sorted(db.session.scalars(appointments), key=_newest_first):
        result[appointment.official_id].appointments.append(appointment)
    actings = (
        db.select(ActingAssignment).join(ActingAssignment.post).join(Post.opd)
        .options(contains_eager(ActingAssignment.post).contains_eager(Post.opd),
                 selectinload(ActingAssignment.extensions))
        .filter(ActingAssignment.official_id.in_(official_ids))
        .order_by(ActingAssignment.start_date.desc(), ActingAssignment.id.desc())
    )
    for acting in db.session.scalars(actings).unique():
        status, until = acting_state(acting, as_of)
        known = sum(1 for e in acting.extensions if e.letter_date <= as_of)
        result[acting.official_id].actings.append(ActingLine(acting, status, until, known))
    return result


def _newest_first(appointment):
    """Sort key: open appointments first, then by start date, newest first."""
    start = appointment.start_date or dt.date.min
    return (appointment.end_date is not None, -start.toordinal(), -appointment.id)
