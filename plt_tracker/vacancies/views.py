"""The Sekda's vacancy list: a page at a time, with each vacancy's progress and flags, and the
whole filtered list as Excel or CSV."""
from flask import current_app, flash, render_template, request

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import list_pemda_ids
from plt_tracker.core.dates import today
from plt_tracker.core.requests import arg_int, as_of_from_request
from plt_tracker.decisions.queries import counts_by_post
from plt_tracker.flags.codes import FLAG_LABELS, SEVERITY_LABELS
from plt_tracker.flags.state import ensure_fresh
from plt_tracker.registry import queries as registry_queries
from plt_tracker.registry.models import OPD_KINDS, POST_KINDS
from plt_tracker.vacancies import bp, downloads
from plt_tracker.vacancies.listing import (DURATIONS, PAST_PEMDA_LIMIT, SORTS, Filters,
                                          computable_past, computed_page, stored_page)
from plt_tracker.vacancies.models import ACTING_KINDS


@bp.route("/kekosongan")
@role_required("viewer")
def index():
    """List the vacant posts on the as-of date, a page at a time, most severe flags first."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    filters, pemda_ids = read_filters(), list_pemda_ids()
    page_number = arg_int("halaman", 1, maximum=100_000)
    per_page = current_app.config["LIST_PAGE_SIZE"]
    past = as_of != today()
    if past and not computable_past(pemda_ids):
        flash(_one_pemda_message(), "warning")
        as_of, past = today(), False
    if past:
        page = computed_page(pemda_ids, as_of, filters, page_number, per_page)
        stale = 0
    else:
        stale = ensure_fresh(pemda_ids, as_of)
        page = stored_page(pemda_ids, as_of, filters, page_number, per_page)
    # Open and overdue Rakor decisions per row: one grouped query for the page.
    decisions = counts_by_post([row.post_id for row in page.rows], as_of)
    for row in page.rows:
        row.extra["decisions"] = decisions.get(row.post_id)
    single = pemda_ids is not None and len(pemda_ids) == 1
    opds = registry_queries.opds_of(next(iter(pemda_ids))) if single else []
    return render_template("vacancies/index.html", page=page, rows=page.rows, as_of=as_of,
                           filters=filters, opds=opds, post_kinds=POST_KINDS,
                           opd_kinds=OPD_KINDS, acting_kinds=ACTING_KINDS, durations=DURATIONS,
                           several=not single, stale=stale, is_filtered=_is_filtered(filters))


@bp.route("/kekosongan.<any(csv, xlsx):file_type>")
@role_required("viewer")
def download(file_type):
    """Download the whole filtered list (every page) as CSV or Excel, streamed."""
    as_of, _error = as_of_from_request()
    filters, pemda_ids = read_filters(), list_pemda_ids()
    if as_of != today() and not computable_past(pemda_ids):
        as_of = today()
    if as_of == today():
        ensure_fresh(pemda_ids, as_of)
    return downloads.respond(file_type, pemda_ids, as_of, filters)


def read_filters():
    """Read the list's filters from the query string (unknown values are ignored)."""
    args = request.args
    return Filters(
        opd_id=arg_int("opd"), post_kind=_known(args.get("jenis"), POST_KINDS),
        acting_kind=_known(args.get("pelaksana"), ACTING_KINDS),
        no_acting=args.get("tanpa_pelaksana") == "1",
        flag=_known(args.get("flag"), FLAG_LABELS),
        severity=_known(args.get("tingkat"), SEVERITY_LABELS),
        all_posts=args.get("semua") == "1", duration=_known(args.get("lama"), DURATIONS),
        opd_kind=_known(args.get("jenis_opd"), OPD_KINDS), stage_id=arg_int("tahap"),
        route=(args.get("jalur") or "").strip()[:200] or None,
        stage_index=arg_int("tahap_ke", maximum=1000),
        sort=_known(args.get("urut"), SORTS) or "severity", descending=args.get("arah") == "turun")


def _known(value, allowed):
    return value if value in allowed else None


def _is_filtered(f):
    return any((f.opd_id, f.post_kind, f.acting_kind, f.no_acting, f.flag, f.severity,
                f.duration, f.opd_kind, f.stage_id, f.route and f.stage_index))


def _one_pemda_message():
    from flask_babel import gettext as _

    return _("Daftar per tanggal lampau dihitung untuk paling banyak %(num)d pemda: pilih "
             "pemdanya dulu. Ditampilkan keadaan hari ini.", num=PAST_PEMDA_LIMIT)
