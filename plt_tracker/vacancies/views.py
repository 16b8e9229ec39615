"""The Sekda's vacancy list."""
from flask import flash, render_template, request
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.requests import as_of_from_request
from plt_tracker.extensions import db
from plt_tracker.registry.models import POST_KINDS, Opd
from plt_tracker.vacancies import bp
from plt_tracker.vacancies.queries import vacancy_rows


@bp.route("/")
@role_required("viewer")
def index():
    """List every vacant post on the as-of date, longest vacant first."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    filters = {
        "opd_id": request.args.get("opd", type=int),
        "post_kind": request.args.get("jenis") or None,
        "acting_kind": request.args.get("pelaksana") or None,
        "no_acting": request.args.get("tanpa_pelaksana") == "1",
    }
    rows = vacancy_rows(current_user.instansi_id, as_of, **filters)
    opds = db.session.scalars(
        db.select(Opd).filter_by(instansi_id=current_user.instansi_id).order_by(Opd.name)).all()
    return render_template("vacancies/index.html", rows=rows, as_of=as_of, filters=filters,
                           opds=opds, post_kinds=POST_KINDS)
