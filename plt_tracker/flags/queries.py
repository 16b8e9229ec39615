"""The flags of a pemda's vacancies and holders on a date, in a fixed number of queries."""
from dataclasses import dataclass, field
from typing import Optional
import datetime as dt

from plt_tracker.core.dates import add_months
from plt_tracker.core.db import batched
from plt_tracker.extensions import db
from plt_tracker.flags import engine, retirement
from plt_tracker.flags.facts import ActingFact, Context, DateRange, HolderFacts, VacancyFacts
from plt_tracker.flags.history import recent_flag_history
from plt_tracker.flags.models import ElectionWindow, PjPeriod
from plt_tracker.rakor.calendar import holiday_names
from plt_tracker.rakor.upcoming import next_rakor_date
from plt_tracker.registry.models import Appointment, Official, Opd, Post
from plt_tracker.selection.queries import progress_by_vacancy
from plt_tracker.settings.logic import get_settings
from plt_tracker.vacancies.queries import filter_rows, rows_with_actings

SORTS = ("severity", "days", "opd")


def context_for(instansi_id, as_of, next_rakor=None):
    """Return the engine's Context: settings, next Rakor, windows, report history, holidays."""
    thresholds = get_settings(instansi_id)
    if next_rakor is None:
        next_rakor = next_rakor_date(instansi_id, as_of)
    count = int(thresholds["escalation_reports"])
    history = tuple(recent_flag_history(instansi_id, as_of, count)) if count > 0 else ()
    holidays = frozenset(holiday_names(range(as_of.year - 1, as_of.year + 1)))
    return Context(as_of=as_of, thresholds=thresholds, next_rakor=next_rakor,
                   windows=tuple(_windows(instansi_id)), escalation_history=history,
                   holidays=holidays)


def _windows(instansi_id):
    for model, kind in ((ElectionWindow, "election"), (PjPeriod, "pj")):
        for row in db.session.scalars(db.select(model).filter_by(instansi_id=instansi_id,
                                                                 is_active=True)):
            yield DateRange(row.name, row.start_date, row.end_date, kind)


def flagged_vacancies(instansi_id, as_of, next_rakor=None, *, sort="severity", code=None,
                      severity=None, context=None, **filters):
    """Return the vacancy rows on `as_of`, each with `row.extra` holding its progress and flags.

    `row.extra` has route, stage, stage_index, stage_count, days_in_stage and
    flags (list of engine.Flag, most severe first). Rows are sorted by worst
    severity then days vacant (or `sort` = "days" / "opd"); `code` and
    `severity` keep rows with such a flag; other `filters` are vacancy_rows'.
    Flags are computed over every vacancy, so a filter never hides the other
    post an official also acts in (PLT_MULTIPLE). `context` is the engine's
    Context when the caller has built it already.
    """
    rows, actings = rows_with_actings(instansi_id, as_of)
    progress = progress_by_vacancy([r.vacancy_id for r in rows], as_of)
    own = own_kinds({a.official_id for group in actings.values() for a in group}, as_of)
    facts = [VacancyFacts(vacancy_id=r.vacancy_id, post_id=r.post_id, opd=r.opd, post=r.post,
                          post_kind=r.post_kind, start_date=r.vacant_since, is_sekda=r.is_sekda,
                          actings=tuple(_acting_fact(a, own)
                                        for a in actings.get(r.vacancy_id, [])),
                          attempts=tuple(progress[r.vacancy_id].attempts)) for r in rows]
    flags = engine.evaluate(facts, context or context_for(instansi_id, as_of, next_rakor))
    for row in rows:
        row.extra.update(progress[row.vacancy_id].extra())
        row.extra["flags"] = flags[row.vacancy_id]
        row.extra["severity"] = engine.worst_severity(flags[row.vacancy_id]) or ""
        row.extra["percent"] = progress[row.vacancy_id].percent
    rows = filter_rows(rows, **filters)
    if code:
        rows = [r for r in rows if any(f.code == code for f in r.extra["flags"])]
    if severity:
        rows = [r for r in rows if any(f.severity == severity for f in r.extra["flags"])]
    return sort_rows(rows, sort)


def sort_rows(rows, sort="severity"):
    """Sort flagged rows: by worst severity then days vacant, by days vacant, or by OPD."""
    if sort == "days":
        key = lambda r: (-r.days_vacant, r.opd, r.post)  # noqa: E731
    elif sort == "opd":
        key = lambda r: (r.opd, r.post)  # noqa: E731
    else:
        key = lambda r: (engine.SEVERITY_RANK.get(r.extra.get("severity"), 9),  # noqa: E731
                         -r.days_vacant, r.opd, r.post)
    return sorted(rows, key=key)


def _acting_fact(acting, own):
    """Return the engine's plain view of an acting assignment, its letters and its official."""
    official = acting.official
    return ActingFact(official_id=acting.official_id, official_name=official.name,
                      kind=acting.kind, start_date=acting.start_date, end_date=acting.end_date,
                      ended_on=acting.ended_on,
                      extensions=tuple((e.end_date, e.letter_date) for e in acting.extensions),
                      own_kind=own.get(official.id) or official.post_kind,
                      is_pppk=official.nip_kind != "pns", birth_date=official.birth_date)


def own_kinds(official_ids, as_of):
    """Return {official_id: kind of the definitive post they hold on `as_of`} in one query."""
    if not official_ids:
        return {}
    query = (db.select(Appointment.official_id, Post.kind).join(Appointment.post)
             .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= as_of))
             .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > as_of)))
    kinds = {}
    for chunk in batched(official_ids):
        kinds.update(db.session.execute(query.filter(Appointment.official_id.in_(chunk))).all())
    return kinds


@dataclass
class HolderRow:
    """A definitive holder on the as-of date, with the retirement forecast and flags."""

    post_id: int
    opd: str
    post: str
    post_kind: str
    official_id: int
    official: str
    nip: str
    birth_date: Optional[dt.date]
    retirement_date: Optional[dt.date]
    flags: list = field(default_factory=list)
    start_date: Optional[dt.date] = None
    sk_date: Optional[dt.date] = None
    approved_on: Optional[dt.date] = None


def _holders(instansi_id, as_of, thresholds, post_id=None):
    query = (db.select(Appointment.post_id, Opd.name, Post.title, Post.kind, Official.id,
                       Official.name, Official.nip, Official.birth_date, Appointment.start_date,
                       Appointment.sk_date, Appointment.minister_approval_date)
             .join(Post, Appointment.post_id == Post.id).join(Opd, Post.opd_id == Opd.id)
             .join(Official, Appointment.official_id == Official.id)
             .filter(Opd.instansi_id == instansi_id, Post.is_active.is_(True))
             .filter((Post.closed_on.is_(None)) | (Post.closed_on > as_of))
             .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= as_of))
             .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > as_of)))
    if post_id is not None:
        query = query.filter(Appointment.post_id == post_id)
    rows = []
    for (post_id, opd, title, kind, oid, name, nip, birth, start, sk_date,
         approved) in db.session.execute(query):
        retires = (retirement.retirement_date(birth, retirement.retirement_age(kind, thresholds))
                   if birth else None)
        rows.append(HolderRow(post_id, opd, title, kind, oid, name, nip, birth, retires,
                              start_date=start, sk_date=sk_date, approved_on=approved))
    return rows


def holder_flags(instansi_id, as_of, next_rakor=None, *, context=None, post_id=None):
    """Return the holders with a flag (RETIREMENT_SOON) on `as_of`, soonest retirement first
    (of one post only when `post_id` is given)."""
    ctx = context or context_for(instansi_id, as_of, next_rakor)
    flagged = []
    for row in _holders(instansi_id, as_of, ctx.thresholds, post_id):
        facts = HolderFacts(post_id=row.post_id, opd=row.opd, post=row.post,
                            post_kind=row.post_kind, official_id=row.official_id,
                            official_name=row.official, nip=row.nip, birth_date=row.birth_date,
                            start_date=row.start_date, sk_date=row.sk_date,
                            minister_approval_date=row.approved_on)
        row.flags = engine.evaluate_holder(facts, ctx)
        if row.flags:
            flagged.append(row)
    return sorted(flagged, key=lambda r: (r.retirement_date, r.opd, r.post))


def upcoming_retirements(instansi_id, as_of, months=12):
    """Return [(first day of month, [HolderRow])] of holders retiring within `months`."""
    thresholds = get_settings(instansi_id)
    horizon = add_months(as_of, months)
    by_month = {}
    for row in _holders(instansi_id, as_of, thresholds):
        if row.retirement_date and as_of <= row.retirement_date <= horizon:
            by_month.setdefault(row.retirement_date.replace(day=1), []).append(row)
    return [(month, sorted(items, key=lambda r: (r.retirement_date, r.opd, r.post)))
            for month, items in sorted(by_month.items())]
