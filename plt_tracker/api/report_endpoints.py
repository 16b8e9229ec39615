"""The API's Rakor reports (the frozen snapshots) and its OpenAPI document."""
from flask import jsonify

from plt_tracker.api import queries, serialize, v1
from plt_tracker.api.authentication import caller, token_required
from plt_tracker.api.errors import ApiError
from plt_tracker.api.openapi import document
from plt_tracker.api.params import date_arg, page_args, paged, pemda_ids
from plt_tracker.auth.scope import can_read
from plt_tracker.extensions import db
from plt_tracker.rakor.models import RakorReport
from plt_tracker.registry.models import Instansi


@v1.route("/reports")
@token_required
def reports():
    """List the Rakor reports (every version), newest meeting first, without snapshots."""
    page, per_page = page_args()
    query = queries.reports_query(pemda_ids(), since=date_arg("since"), until=date_arg("until"))
    rows, total = queries.page_of(query, page, per_page)
    return paged([serialize.report(row) for row in rows], total=total, page=page,
                 per_page=per_page)


@v1.route("/reports/<int:report_id>")
@token_required
def report(report_id):
    """Return one report with its frozen snapshot, as the Rakor received it."""
    found = db.session.get(RakorReport, report_id)
    # A report outside the token's scope is not found, as on the pages (auth.scope).
    if found is None or not can_read(caller(), found.instansi_id):
        raise ApiError(404, "not_found", "Laporan tidak ditemukan.")
    entry = serialize.report((found.id, found.instansi_id, found.meeting_date, found.version,
                              found.trigger, found.created_at,
                              db.session.get(Instansi, found.instansi_id).name))
    entry["snapshot"] = found.snapshot
    return entry


@v1.route("/openapi.json")
def openapi():
    """Serve the OpenAPI 3.1 document of this API (public: it holds no data)."""
    return jsonify(document())
