"""The Sekda's vacancy list, with each vacancy's progress and flags."""
from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.requests import arg_int, as_of_from_request
from plt_tracker.flags.codes import FLAG_LABELS, SEVERITY_LABELS
from plt_tracker.flags.queries import SORTS, flagged_vacancies
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.registry import queries as registry_queries
from plt_tracker.vacancies import bp


@bp.route("/")
@role_required("viewer")
def home():
    """Open the home page: the vacancy list (the dashboard takes this place when it lands)."""
    return redirect(url_for("vacancies.index"))


@bp.route("/kekosongan")
@role_required("viewer")
def index():
    """List every vacant post on the as-of date, most severe flags first."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    filters = {
        "opd_id": arg_int("opd"),
        "post_kind": request.args.get("jenis") or None,
        "acting_kind": request.args.get("pelaksana") or None,
        "no_acting": request.args.get("tanpa_pelaksana") == "1",
    }
    code = request.args.get("flag") if request.args.get("flag") in FLAG_LABELS else None
    severity = request.args.get("tingkat") if request.args.get("tingkat") in SEVERITY_LABELS else None
    sort = request.args.get("urut") if request.args.get("urut") in SORTS else "severity"
    rows = flagged_vacancies(current_user.instansi_id, as_of, sort=sort, code=code,
                             severity=severity, **filters)
    opds = registry_queries.opds_of(current_user.instansi_id)
    filters.update(flag=code, severity=severity, sort=sort)
    return render_template("vacancies/index.html", rows=rows, as_of=as_of, filters=filters,
                           opds=opds, post_kinds=POST_KINDS)
