"""The API's lists: index, pemda, posts, vacancies (as of a date), flags, acting letters.

Every list is a page of at most MAX_PER_PAGE rows, counted, sorted and paged in
SQL, with its related rows in one statement each. The vacancy list and the flags
of today come from the stored vacancy states (flags.state); another date is
computed on demand, for one pemda.
"""
from flask import url_for

from plt_tracker.api import queries, serialize, v1
from plt_tracker.api.authentication import caller, token_required
from plt_tracker.api.errors import ApiError, api_error_response
from plt_tracker.api.params import (bool_arg, choice_arg, date_arg, int_arg, page_args, paged,
                                    pemda_ids)
from plt_tracker.core.dates import today
from plt_tracker.flags.codes import FLAG_LABELS, SEVERITY_LABELS
from plt_tracker.flags.state import ensure_fresh
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.vacancies.listing import SORTS, Filters, computed_page, stored_page
from plt_tracker.vacancies.models import ACTING_KINDS

v1.register_error_handler(ApiError, api_error_response)


@v1.route("/")
@token_required
def index():
    """Say who the token is and link to every list."""
    who = caller()
    links = {name: url_for(f"api.v1.{name}") for name in
             ("pemda", "posts", "vacancies", "flags", "acting_letters", "reports", "openapi")}
    return {"api": "plt_tracker", "version": "1",
            "token": {"name": who.name, "scope": who.scope, "pemda_id": who.instansi_id},
            "links": links}


@v1.route("/pemda")
@token_required
def pemda():
    """List the pemda the token may read, by name."""
    page, per_page = page_args()
    rows, total = queries.page_of(queries.pemda_query(pemda_ids()), page, per_page)
    return paged([serialize.pemda(instansi, province) for instansi, province in rows],
                 total=total, page=page, per_page=per_page)


@v1.route("/posts")
@token_required
def posts():
    """List posts with their definitive holder or vacancy on `as_of` (default today)."""
    as_of = date_arg("as_of") or today()
    page, per_page = page_args()
    query = queries.posts_query(pemda_ids(), opd_id=int_arg("opd"),
                                kind=choice_arg("kind", POST_KINDS),
                                head=True if bool_arg("head") else None,
                                active=not bool_arg("include_inactive"))
    rows, total = queries.page_of(query, page, per_page)
    ids = [post.id for post, _opd, _pemda in rows]
    holders, vacant = queries.holders_on(ids, as_of), queries.vacancies_on(ids, as_of)
    data = [serialize.post(post, opd, instansi, holders.get(post.id), vacant.get(post.id))
            for post, opd, instansi in rows]
    return paged(data, total=total, page=page, per_page=per_page, as_of=as_of.isoformat())


@v1.route("/vacancies")
@token_required
def vacancies():
    """List the vacant posts on `as_of` (default today) with who acts and their flags."""
    return _vacancy_list(serialize.vacancy, flagged=False)


@v1.route("/flags")
@token_required
def flags():
    """List the flagged vacancies on `as_of` (default today), most severe first."""
    return _vacancy_list(serialize.flagged, flagged=True)


def _vacancy_list(shape, flagged):
    as_of = date_arg("as_of") or today()
    page_number, per_page = page_args()
    filters = _filters(flagged)
    ids = pemda_ids()
    meta = {"as_of": as_of.isoformat()}
    if as_of != today():
        if ids is None or len(ids) != 1:
            raise ApiError(400, "as_of_needs_pemda", "Daftar per tanggal selain hari ini "
                           "dihitung untuk satu pemda: sebutkan pemda=<id>.", "pemda")
        page = computed_page(set(ids), as_of, filters, page_number, per_page)
        meta["computed"] = "on_demand"
    else:
        meta["stale_pemda"] = ensure_fresh(ids, as_of)
        page = stored_page(ids, as_of, filters, page_number, per_page)
        meta["computed"] = "stored"
    # The list functions clamp a page past the end to the last one; the API answers an
    # empty page there, so a client walking the pages never sees a row twice.
    rows = page.rows if page.page == page_number else []
    owners = queries.opd_pemda({row.opd_id for row in rows})
    data = [shape(row, serialize.ref(*owners[row.opd_id])) for row in rows]
    # SUM() comes back as a Decimal on MariaDB: JSON wants plain integers.
    meta["counts"] = {severity: int(count) for severity, count in page.counts.items()}
    return paged(data, total=page.total, page=page_number, per_page=per_page, **meta)


def _filters(flagged):
    return Filters(
        opd_id=int_arg("opd"), post_kind=choice_arg("post_kind", POST_KINDS),
        acting_kind=choice_arg("acting_kind", ACTING_KINDS), no_acting=bool_arg("no_acting"),
        flag=choice_arg("flag", FLAG_LABELS), severity=choice_arg("severity", SEVERITY_LABELS),
        all_posts=not bool_arg("head"), sort=choice_arg("sort", SORTS) or "severity",
        descending=choice_arg("order", {"asc", "desc"}) == "desc", flagged=flagged)


@v1.route("/acting-letters")
@token_required
def acting_letters():
    """List acting letters (Plt, Plh, Pj Sekda) with their extensions, latest recorded first."""
    as_of = date_arg("as_of") or today()
    page, per_page = page_args()
    query = queries.acting_query(
        pemda_ids(), kind=choice_arg("kind", ACTING_KINDS), post_id=int_arg("post"),
        vacancy_id=int_arg("vacancy"), active_on=date_arg("active_on"),
        since=date_arg("since"), until=date_arg("until"))
    rows, total = queries.page_of(query, page, per_page)
    extensions = queries.extensions_of([row[0].id for row in rows])
    data = [serialize.acting(assignment, post, opd, instansi, official,
                             extensions.get(assignment.id, []), as_of)
            for assignment, post, opd, instansi, official in rows]
    return paged(data, total=total, page=page, per_page=per_page, as_of=as_of.isoformat())

