"""The vacancy list a page at a time: filtered, counted, sorted and paged in SQL.

Today's list reads the stored vacancy states (flags.state), so its SQL stays the
same whatever the size of the register, for one pemda or the nation. A past
date is computed on demand (flags.queries.flagged_vacancies) for one pemda and
then filtered, sorted and paged the same way.
"""
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from dateutil.relativedelta import relativedelta
from sqlalchemy import case, func

from plt_tracker.extensions import db
from plt_tracker.flags.engine import SEVERITY_RANK, Flag
from plt_tracker.flags.models import VacancyState
from plt_tracker.registry.models import Instansi, Opd, Post
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.models import ACTING_KINDS, Vacancy

PER_PAGE = 50
# A past date is computed pemda by pemda (about twenty statements each): offered for a
# province's kabupaten and kota, not for the whole nation at once.
PAST_PEMDA_LIMIT = 40
# Months vacant, as the dashboard's duration buckets name them: (from, to) in months.
DURATIONS = {"0-3": (0, 3), "3-6": (3, 6), "6-12": (6, 12), "12+": (12, None)}
# Sortable columns: the list's own order and each column header.
SORTS = ("severity", "days", "opd", "post", "since", "acting", "until", "stage")


@dataclass
class Filters:
    """What the Sekda asked to see, read from the query string."""

    opd_id: Optional[int] = None
    post_kind: Optional[str] = None
    acting_kind: Optional[str] = None
    no_acting: bool = False
    flag: Optional[str] = None
    severity: Optional[str] = None
    all_posts: bool = False  # heads of OPD only, unless asked for every structural post
    duration: Optional[str] = None
    opd_kind: Optional[str] = None
    stage_id: Optional[int] = None
    # A stage by its route and position (the dashboard's funnel across pemda, whose routes
    # are each pemda's own copies with their own stage ids).
    route: Optional[str] = None
    stage_index: Optional[int] = None
    sort: str = "severity"
    descending: bool = False
    flagged: bool = False  # only vacancies with a flag (the API's flag list)


@dataclass
class ListRow:
    """One vacant post as the list shows it."""

    vacancy_id: int
    post_id: int
    opd_id: int
    opd: str
    post: str
    post_kind: str
    eselon: Optional[str]
    is_head: bool
    pemda: str
    vacant_since: dt.date
    days_vacant: int
    acting_kind: str = ""
    acting_status: str = ""
    acting_name: str = ""
    acting_nip: str = ""
    acting_own_post: str = ""
    acting_until: Optional[dt.date] = None
    extra: dict = field(default_factory=dict)

    @property
    def severity(self):
        return self.extra.get("severity", "")


@dataclass
class Page:
    """A page of rows with what the whole filtered list holds."""

    rows: list
    total: int
    page: int
    per_page: int
    counts: dict  # {"critical": n, "warning": n}: rows with a flag of that severity

    @property
    def pages(self):
        return max(1, -(-self.total // self.per_page))


def stored_page(pemda_ids, as_of, filters, page=1, per_page=PER_PAGE):
    """Return a page of today's list from the stored states (pemda_ids None: all)."""
    conditions, joins = _conditions(pemda_ids, as_of, filters)
    counted = db.select(
        func.count(), func.sum(case((VacancyState.severities.like("%,critical,%"), 1), else_=0)),
        func.sum(case((VacancyState.severities.like("%,warning,%"), 1), else_=0)),
    ).select_from(VacancyState)
    if joins:
        counted = counted.join(Post, Post.id == VacancyState.post_id).join(
            Opd, Opd.id == Post.opd_id)
    # MariaDB's SUM is a Decimal: counts are ints before a page or ngettext sees them.
    total, critical, warning = (int(v or 0) for v in
                                db.session.execute(counted.where(*conditions)).one())
    page = min(max(page, 1), max(1, -(-(total or 0) // per_page)))
    query = _sorted(_rows_query().where(*conditions), filters)
    records = db.session.execute(query.limit(per_page).offset((page - 1) * per_page)).all()
    rows = [_row(*record, as_of=as_of) for record in records]
    return Page(rows, total or 0, page, per_page, {"critical": critical or 0,
                                                   "warning": warning or 0})


def stored_rows(pemda_ids, as_of, filters, batch=1000):
    """Yield every row of the filtered list, `batch` rows per query (for the downloads)."""
    conditions, _ = _conditions(pemda_ids, as_of, filters)
    query = _sorted(_rows_query().where(*conditions), filters)
    offset = 0
    while True:
        records = db.session.execute(query.limit(batch).offset(offset)).all()
        for record in records:
            yield _row(*record, as_of=as_of)
        if len(records) < batch:
            return
        offset += batch


def state_query(pemda_ids, as_of, filters):
    """Return the SELECT of the filtered list's stored rows (vacancy, post, OPD, pemda name,
    state), unsorted: the dashboard counts the very rows the list shows."""
    conditions, _joins = _conditions(pemda_ids, as_of, filters)
    return _rows_query().where(*conditions)


def _rows_query():
    return (db.select(Vacancy, Post, Opd, Instansi.name, VacancyState)
            .select_from(VacancyState)
            .join(Vacancy, Vacancy.id == VacancyState.vacancy_id)
            .join(Post, Post.id == VacancyState.post_id).join(Opd, Opd.id == Post.opd_id)
            .join(Instansi, Instansi.id == VacancyState.instansi_id))


def _conditions(pemda_ids, as_of, f):
    """Return the filters as conditions, and whether they need the post and OPD joined.

    Most are on vacancy_state alone, so the count and the default order need no join.
    """
    conditions, joins = [], False
    if pemda_ids is not None:
        conditions.append(VacancyState.instansi_id.in_(list(pemda_ids)))
    if not f.all_posts:
        conditions.append(VacancyState.is_head.is_(True))
    if f.opd_id:
        conditions.append(Post.opd_id == f.opd_id)
        joins = True
    if f.post_kind:
        conditions.append(Post.kind == f.post_kind)
        joins = True
    if f.opd_kind:
        conditions.append(Opd.kind == f.opd_kind)
        joins = True
    if f.acting_kind:
        conditions += [VacancyState.acting_kind == f.acting_kind,
                       VacancyState.acting_status == "active"]
    if f.no_acting:
        conditions.append(VacancyState.acting_status != "active")
    if f.flag:
        conditions.append(VacancyState.codes.like(f"%,{f.flag},%"))
    if f.severity:
        conditions.append(VacancyState.severities.like(f"%,{f.severity},%"))
    if f.flagged:
        conditions.append(VacancyState.codes != "")
    if f.stage_id:
        conditions += [VacancyState.stage_id == f.stage_id,
                       VacancyState.attempt_status == "in_progress"]
    if f.route and f.stage_index:
        conditions += [VacancyState.route == f.route, VacancyState.stage_index == f.stage_index,
                       VacancyState.attempt_status == "in_progress"]
    if f.duration in DURATIONS:
        low, high = DURATIONS[f.duration]
        conditions.append(VacancyState.start_date <= as_of - relativedelta(months=low))
        if high is not None:
            conditions.append(VacancyState.start_date > as_of - relativedelta(months=high))
    return conditions, joins


def _sorted(query, f):
    if f.sort in ("severity", "days", "since") or f.sort not in SORTS:
        # On vacancy_state alone, in the order of its index: the first page is an index scan.
        rank = VacancyState.severity_rank.desc() if f.descending else VacancyState.severity_rank
        since = VacancyState.start_date.desc() if f.descending else VacancyState.start_date
        tie = VacancyState.vacancy_id.desc() if f.descending else VacancyState.vacancy_id
        columns = [rank, since] if f.sort == "severity" or f.sort not in SORTS else [since]
        return query.order_by(*columns, tie)
    columns = {
        "opd": [Opd.name, Post.title],
        "post": [Post.title],
        "acting": [VacancyState.acting_name],
        "until": [VacancyState.acting_until],
        "stage": [VacancyState.stage_index],
    }[f.sort]
    if f.descending:
        columns = [c.desc() for c in columns]
    return query.order_by(*columns, Instansi.name, Opd.name, Post.title, Vacancy.id)


def _row(vacancy, post, opd, pemda, state, *, as_of):
    flags = [Flag(f["code"], f["severity"], f.get("reason", ""), f.get("follow_up", ""),
                  f.get("figures") or {}, f.get("text") or {}) for f in state.flags or []]
    severity = min((f.severity for f in flags), key=SEVERITY_RANK.get, default="")
    return ListRow(
        vacancy_id=vacancy.id, post_id=post.id, opd_id=opd.id, opd=opd.name, post=post.title,
        post_kind=post.kind, eselon=post.eselon, is_head=post.is_head, pemda=pemda,
        vacant_since=vacancy.start_date, days_vacant=rules.days_vacant(vacancy.start_date, as_of),
        acting_kind=ACTING_KINDS.get(state.acting_kind, state.acting_kind),
        acting_status=state.acting_status, acting_name=state.acting_name,
        acting_nip=state.acting_nip, acting_own_post=state.acting_own_post,
        acting_until=state.acting_until,
        extra={"route": state.route, "stage": state.stage, "stage_index": state.stage_index,
               "stage_count": state.stage_count, "days_in_stage": state.days_in_stage,
               "attempt_status": state.attempt_status, "percent": state.percent,
               "flags": flags, "severity": severity})


def computable_past(pemda_ids):
    """Say whether the list of these pemda (None: all) can be computed on a past date: each
    pemda is computed on its own, so a past date is offered for a few of them at once."""
    return pemda_ids is not None and 0 < len(pemda_ids) <= PAST_PEMDA_LIMIT


def computed_page(pemda_ids, as_of, filters, page=1, per_page=PER_PAGE):
    """Return a page of the list on a past date, computed pemda by pemda."""
    rows = computed_rows_of(pemda_ids, as_of, filters)
    counts = {s: sum(1 for r in rows if any(f.severity == s for f in r.extra["flags"]))
              for s in ("critical", "warning")}
    pages = max(1, -(-len(rows) // per_page))
    page = min(max(page, 1), pages)
    return Page(rows[(page - 1) * per_page:page * per_page], len(rows), page, per_page, counts)


def computed_rows_of(pemda_ids, as_of, f):
    """Return every row of the list on `as_of` for these pemda, filtered and sorted; each
    row names its pemda when there are several."""
    if len(pemda_ids) == 1:
        return computed_rows(next(iter(pemda_ids)), as_of, f)
    names = dict(db.session.execute(db.select(Instansi.id, Instansi.name)
                                    .filter(Instansi.id.in_(list(pemda_ids)))).all())
    rows = []
    for pemda_id in sorted(pemda_ids):
        for row in computed_rows(pemda_id, as_of, f):
            row.pemda = names.get(pemda_id, "")
            rows.append(row)
    return _sort_in_memory(rows, f)


def computed_rows(pemda_id, as_of, f):
    """Return every row of the list on `as_of` for one pemda, filtered and sorted."""
    from plt_tracker.flags.queries import flagged_vacancies

    rows = flagged_vacancies(pemda_id, as_of, opd_id=f.opd_id, post_kind=f.post_kind,
                             acting_kind=f.acting_kind, no_acting=f.no_acting, code=f.flag,
                             severity=f.severity)
    heads = _head_posts(pemda_id)
    kinds = _opd_kinds(pemda_id) if f.opd_kind else {}
    kept = []
    for row in rows:
        if not f.all_posts and row.post_id not in heads:
            continue
        if f.flagged and not row.extra["flags"]:
            continue
        if f.opd_kind and kinds.get(row.opd_id) != f.opd_kind:
            continue
        if f.stage_id and (row.extra.get("stage_id") != f.stage_id
                           or row.extra.get("attempt_status") != "in_progress"):
            continue
        if f.route and f.stage_index and (
                str(row.extra.get("route") or "") != f.route
                or row.extra.get("stage_index") != f.stage_index
                or row.extra.get("attempt_status") != "in_progress"):
            continue
        if f.duration in DURATIONS and not in_duration(row.vacant_since, as_of, f.duration):
            continue
        row.pemda, row.is_head = "", row.post_id in heads
        kept.append(row)
    return _sort_in_memory(kept, f)


def in_duration(since, as_of, bucket):
    """Say whether a vacancy begun on `since` is in a duration bucket on `as_of`."""
    low, high = DURATIONS[bucket]
    return since <= as_of - relativedelta(months=low) and (
        high is None or since > as_of - relativedelta(months=high))


def _head_posts(pemda_id):
    return set(db.session.scalars(db.select(Post.id).join(Post.opd).filter(
        Opd.instansi_id == pemda_id, Post.is_head.is_(True))))


def _opd_kinds(pemda_id):
    return dict(db.session.execute(
        db.select(Opd.id, Opd.kind).filter_by(instansi_id=pemda_id)).all())


def _sort_in_memory(rows, f):
    keys = {
        "severity": lambda r: (SEVERITY_RANK.get(r.extra.get("severity"), 9), -r.days_vacant),
        "days": lambda r: -r.days_vacant, "since": lambda r: r.vacant_since,
        "opd": lambda r: (r.opd, r.post), "post": lambda r: r.post,
        "acting": lambda r: r.acting_name, "until": lambda r: r.acting_until or dt.date.max,
        "stage": lambda r: r.extra.get("stage_index") or 0,
    }
    key = keys.get(f.sort, keys["severity"])
    return sorted(rows, key=lambda r: (key(r), r.opd, r.post), reverse=f.descending)
