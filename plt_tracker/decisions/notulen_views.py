"""Download a Rakor's minutes draft (PDF or .docx) from its report."""
from flask import Response

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import get_owned
from plt_tracker.decisions import bp, notulen
from plt_tracker.rakor.models import RakorReport


@bp.route("/rakor/laporan/<int:report_id>/notulen.<any(pdf, docx):notulen_fmt>")
@role_required("viewer")
def minutes(report_id, notulen_fmt):
    """Download the draft minutes of the report's meeting, to complete and sign."""
    report = get_owned(RakorReport, report_id, lambda r: r.instansi_id)
    data = notulen.render(report, notulen_fmt)
    name = notulen.filename(report, notulen_fmt)
    return Response(data, mimetype=notulen.FORMATS[notulen_fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
