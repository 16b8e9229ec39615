"""The admin page that imports the register from a spreadsheet: preview, then confirm."""
import io

from flask import flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.dates import today
from plt_tracker.importer import bp
from plt_tracker.importer.forms import ConfirmForm, UploadForm
from plt_tracker.importer.operations import run_import
from plt_tracker.importer.history import HISTORY_COLUMNS
from plt_tracker.importer.parse import COLUMNS, parse_file
from plt_tracker.importer.reading import limits
from plt_tracker.importer.storage import discard_upload, save_upload, upload_path
from plt_tracker.importer.template import template_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.route("/impor", methods=["GET", "POST"])
@role_required("admin")
def upload():
    """Show the upload form; on a file, show what importing it would change."""
    form = UploadForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("importer/upload.html", form=form, columns=COLUMNS,
                               history_columns=HISTORY_COLUMNS, limits=limits()), status
    token = save_upload(form.file.data)
    path, name = upload_path(token)
    report = _run(path, name, dry_run=True)
    if not report.ok:
        discard_upload()  # nothing can be confirmed from a file with errors
    confirm = ConfirmForm(token=token) if report.ok and report.changes else None
    return render_template("importer/preview.html", report=report, name=name, confirm=confirm,
                           form=UploadForm(formdata=None)), 200 if report.ok else 422


@bp.route("/impor/terapkan", methods=["POST"])
@role_required("admin")
def confirm():
    """Apply the file previewed in this session; everything or nothing."""
    form = ConfirmForm()
    found = upload_path(form.token.data) if form.validate_on_submit() else None
    if found is None:
        flash(_("Berkas pratinjau tidak ditemukan; unggah berkasnya lagi. Tidak ada yang diubah."),
              "danger")
        return redirect(url_for("importer.upload"))
    path, name = found
    report = _run(path, name, dry_run=False)
    if not report.ok:
        return render_template("importer/preview.html", report=report, name=name, confirm=None,
                               form=UploadForm(formdata=None)), 422
    discard_upload()
    flash(_("Impor %(name)s selesai: %(summary)s", name=name,
            summary="; ".join(report.summary_lines())), "success")
    return redirect(url_for("importer.upload"))


@bp.route("/impor/templat.xlsx")
@role_required("admin")
def template():
    """Download an empty template with every column and one example row."""
    return send_file(io.BytesIO(template_bytes()), mimetype=XLSX, as_attachment=True,
                     download_name="templat_impor_plt_tracker.xlsx")


def _run(path, name, *, dry_run):
    """Read and check the file outside any transaction, then preview or apply it."""
    with path.open("rb") as stream:
        parsed = parse_file(stream, name)
    return run_import(parsed, today=today(), dry_run=dry_run, source=name,
                      instansi_id=current_user.instansi_id)
