"""The dashboard's figures on a date, counted from the very rows the vacancy list shows.

Today's figures are counted in SQL over the stored vacancy states with the
list's own filter (vacancies.listing.state_query), so they are the list's
numbers for any scope, in a fixed number of statements. A past date is computed
pemda by pemda for a few of them (vacancies.listing.computed_rows_of, like the
list) and counted in Python the same way.
"""
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import case, func

from plt_tracker.extensions import db
from plt_tracker.flags.models import VacancyState
from plt_tracker.flags.text import flag_text
from plt_tracker.registry.models import Appointment, Opd, Post
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.listing import (DURATIONS, Filters, computed_rows_of, in_duration,
                                          state_query)
from plt_tracker.vacancies.models import Vacancy

# How many flagged vacancies "Perlu perhatian" and each "Pekerjaan saya" list show.
SHOWN = 10
# Letters ending within this many days are the operator's to renew or replace.
ENDING_WITHIN = 30


@dataclass
class Overview:
    """What the dashboard shows for a scope on a date."""

    posts: int = 0  # head posts (every structural post with `all_posts`)
    filled: int = 0
    vacant: int = 0
    plt: int = 0
    plh: int = 0
    pj: int = 0
    no_acting: int = 0
    expired: int = 0
    critical: int = 0  # vacancies with a critical flag (the list's ?tingkat=critical)
    warning: int = 0
    avg_days: float = 0
    longest_days: int = 0
    by_duration: dict = field(default_factory=dict)  # {"0-3": n, …}
    by_opd_kind: dict = field(default_factory=dict)  # {kind code: n}
    funnel: list = field(default_factory=list)  # [Stage], route then position
    attention: list = field(default_factory=list)  # [Item]: critical first
    ending: list = field(default_factory=list)  # [Item]: letters ending within 30 days
    stalled: list = field(default_factory=list)  # [Item]: STAGE_STALLED
    no_process: list = field(default_factory=list)  # [Item]: NO_PROCESS
    counts: dict = field(default_factory=dict)  # {"ending": n, "stalled": n, "no_process": n}


@dataclass
class Stage:
    """A bar of the funnel: running filling processes standing at one stage of a route."""

    route: str
    index: int
    name: str
    count: int
    stage_ids: set = field(default_factory=set)


@dataclass
class Item:
    """A vacancy named on the dashboard, linking to its post."""

    post_id: int
    post: str
    opd: str
    pemda: str
    severity: str
    reasons: list
    days_vacant: int
    acting_until: Optional[dt.date] = None


def stored_overview(pemda_ids, as_of, all_posts=False):
    """Return today's overview for these pemda (None: all) from the stored states."""
    base = state_query(pemda_ids, as_of, Filters(all_posts=all_posts))
    overview = Overview()
    active = VacancyState.acting_status == "active"
    (overview.vacant, overview.plt, overview.plh, overview.pj, overview.expired,
     overview.critical, overview.warning) = (n or 0 for n in db.session.execute(
        base.with_only_columns(
            func.count(), _sum(active & (VacancyState.acting_kind == "plt")),
            _sum(active & (VacancyState.acting_kind == "plh")),
            _sum(active & (VacancyState.acting_kind == "pj")),
            _sum(VacancyState.acting_status == "expired"),
            _sum(VacancyState.severities.like("%,critical,%")),
            _sum(VacancyState.severities.like("%,warning,%"))).order_by(None)).one())
    overview.no_acting = overview.vacant - overview.plt - overview.plh - overview.pj
    starts = db.session.execute(base.with_only_columns(Vacancy.start_date, func.count())
                                .group_by(Vacancy.start_date).order_by(None)).all()
    _durations(overview, starts, as_of)
    overview.by_opd_kind = dict(db.session.execute(
        base.with_only_columns(Opd.kind, func.count()).group_by(Opd.kind).order_by(None)).all())
    funnel = db.session.execute(
        base.with_only_columns(VacancyState.route, VacancyState.stage_index,
                               VacancyState.stage, VacancyState.stage_id, func.count())
        .filter(VacancyState.attempt_status == "in_progress")
        .group_by(VacancyState.route, VacancyState.stage_index, VacancyState.stage,
                  VacancyState.stage_id).order_by(None)).all()
    overview.funnel = _funnel(((r[0], r[1], r[2], r[3]), r[4]) for r in funnel)
    _stored_lists(overview, base, as_of)
    return overview


def _sum(condition):
    return func.sum(case((condition, 1), else_=0))


def _stored_lists(overview, base, as_of):
    """Fill the lists of named vacancies: each one statement, at most SHOWN rows."""
    order = (VacancyState.severity_rank, Vacancy.start_date, Opd.name, Post.title)
    flagged = base.filter(VacancyState.severity_rank <= 1).order_by(*order).limit(SHOWN)
    overview.attention = [_stored_item(*r, as_of=as_of) for r in db.session.execute(flagged)]
    ending = base.filter(VacancyState.acting_status == "active",
                         VacancyState.acting_until <= as_of + dt.timedelta(days=ENDING_WITHIN))
    for name, query in (("ending", ending),
                        ("stalled", base.filter(VacancyState.codes.like("%,STAGE_STALLED,%"))),
                        ("no_process", base.filter(VacancyState.codes.like("%,NO_PROCESS,%")))):
        overview.counts[name] = db.session.scalar(
            query.with_only_columns(func.count()).order_by(None)) or 0
        sort = (VacancyState.acting_until,) if name == "ending" else order
        rows = db.session.execute(query.order_by(*sort, Vacancy.id).limit(SHOWN))
        setattr(overview, name, [_stored_item(*r, as_of=as_of) for r in rows])


def _stored_item(vacancy, post, opd, pemda, state, *, as_of):
    # Critical reasons first, and an escalation (it says only that earlier reports flagged
    # the post) after the reasons that say what is wrong.
    flags = sorted(state.flags or [], key=lambda f: (f.get("severity") != "critical",
                                                      f.get("code") == "ESCALATED"))
    severity = flags[0]["severity"] if flags else ""
    return Item(post.id, post.title, opd.name, pemda, severity,
                [flag_text(f, "reason") for f in flags
                 if f.get("severity") in ("critical", "warning")],
                rules.days_vacant(vacancy.start_date, as_of), state.acting_until)


def computed_overview(pemda_ids, as_of, all_posts=False):
    """Return the overview of a few pemda on a past date, from the list's computed rows."""
    rows = computed_rows_of(pemda_ids, as_of, Filters(all_posts=all_posts))
    overview = Overview(vacant=len(rows))
    kinds = _opd_kinds(pemda_ids)
    for row in rows:
        code = row.acting_kind_code if row.acting_status == "active" else ""
        overview.plt += code == "plt"
        overview.plh += code == "plh"
        overview.pj += code == "pj"
        overview.expired += row.acting_status == "expired"
        severities = {f.severity for f in row.extra["flags"]}
        overview.critical += "critical" in severities
        overview.warning += "warning" in severities
        kind = kinds.get(row.opd_id, "lainnya")
        overview.by_opd_kind[kind] = overview.by_opd_kind.get(kind, 0) + 1
    overview.no_acting = overview.vacant - overview.plt - overview.plh - overview.pj
    _durations(overview, Counter(r.vacant_since for r in rows).items(), as_of)
    overview.funnel = _funnel(Counter(
        (str(r.extra.get("route") or ""), r.extra.get("stage_index"),
         str(r.extra.get("stage") or ""), r.extra.get("stage_id"))
        for r in rows if r.extra.get("attempt_status") == "in_progress").items())
    _computed_lists(overview, rows, as_of)
    return overview


def _computed_lists(overview, rows, as_of):
    by_rank = sorted(rows, key=lambda r: (_rank(r), r.vacant_since, r.opd, r.post))
    overview.attention = [_row_item(r) for r in by_rank if _rank(r) <= 1][:SHOWN]
    horizon = as_of + dt.timedelta(days=ENDING_WITHIN)
    ending = sorted((r for r in rows if r.acting_status == "active" and r.acting_until
                     and r.acting_until <= horizon), key=lambda r: r.acting_until)
    lists = {"ending": ending,
             "stalled": [r for r in by_rank if _has(r, "STAGE_STALLED")],
             "no_process": [r for r in by_rank if _has(r, "NO_PROCESS")]}
    for name, found in lists.items():
        overview.counts[name] = len(found)
        setattr(overview, name, [_row_item(r) for r in found[:SHOWN]])


def _rank(row):
    from plt_tracker.flags.engine import SEVERITY_RANK

    return min((SEVERITY_RANK[f.severity] for f in row.extra["flags"]), default=9)


def _has(row, code):
    return any(f.code == code for f in row.extra["flags"])


def _row_item(row):
    # The same order as _stored_item.
    flags = sorted(row.extra["flags"], key=lambda f: (f.severity != "critical",
                                                      f.code == "ESCALATED"))
    return Item(row.post_id, row.post, row.opd, row.pemda, flags[0].severity if flags else "",
                [flag_text(f, "reason") for f in flags if f.severity in ("critical", "warning")],
                row.days_vacant, row.acting_until)


def _opd_kinds(pemda_ids):
    return dict(db.session.execute(db.select(Opd.id, Opd.kind).filter(
        Opd.instansi_id.in_(list(pemda_ids)))).all())


def _durations(overview, starts, as_of):
    """Fill the average and longest vacancy and the duration buckets from (start, count)."""
    total = days = 0
    overview.by_duration = {bucket: 0 for bucket in DURATIONS}
    for start, count in starts:
        vacant = rules.days_vacant(start, as_of)
        total += count
        days += vacant * count
        overview.longest_days = max(overview.longest_days, vacant)
        overview.by_duration[bucket_of(start, as_of)] += count
    overview.avg_days = round(days / total, 1) if total else 0


def bucket_of(start, as_of):
    """Return the duration bucket of a vacancy that began on `start` (the list's `lama`)."""
    return next(b for b in DURATIONS if in_duration(start, as_of, b))


def _funnel(groups):
    """Merge ((route, index, stage, stage_id), count) groups into funnel bars, route by route."""
    bars = {}
    for (route, index, name, stage_id), count in groups:
        bar = bars.setdefault((route or "", index or 0), Stage(route or "", index or 0,
                                                               name or "", 0))
        bar.count += count
        if stage_id is not None:
            bar.stage_ids.add(stage_id)
    return [bars[k] for k in sorted(bars)]


def post_counts(pemda_ids, as_of, all_posts=False):
    """Return (posts, filled) on `as_of`: the scope's active posts (heads only unless
    `all_posts`) not frozen or abolished, and how many a definitive holder holds."""
    query = (db.select(func.count(Post.id)).join(Post.opd)
             .filter(Post.is_active.is_(True), Opd.is_active.is_(True),
                     (Post.closed_on.is_(None)) | (Post.closed_on > as_of)))
    if not all_posts:
        query = query.filter(Post.is_head.is_(True))
    if pemda_ids is not None:
        query = query.filter(Opd.instansi_id.in_(list(pemda_ids)))
    posts = db.session.scalar(query) or 0
    held = query.with_only_columns(func.count(func.distinct(Appointment.post_id))).join(
        Appointment, Appointment.post_id == Post.id).filter(
        Appointment.voided_at.is_(None),
        (Appointment.start_date.is_(None)) | (Appointment.start_date <= as_of),
        (Appointment.end_date.is_(None)) | (Appointment.end_date > as_of))
    return posts, db.session.scalar(held) or 0
