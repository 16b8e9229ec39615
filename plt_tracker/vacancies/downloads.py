"""The whole filtered vacancy list as CSV or Excel, streamed: never the whole list in memory.

CSV goes out a batch of rows at a time; Excel is written row by row by openpyxl's
write-only workbook into a temporary file, which is then sent and deleted.
Text that a spreadsheet would read as a formula stays text (core.formulas).
"""
import csv
import io
import os
import tempfile

from flask import Response, stream_with_context
from flask_babel import gettext as _

from plt_tracker.core.dates import today
from plt_tracker.core.formulas import csv_cell, looks_like_formula
from plt_tracker.flags.codes import FLAG_LABELS, SEVERITY_LABELS
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.vacancies.listing import computed_rows, stored_rows


def _columns():
    return [_("Pemda"), _("OPD"), _("Jabatan"), _("Jenis jabatan"), _("Kosong sejak"),
            _("Lama kosong (hari)"), _("Pelaksana"), _("Nama pelaksana"), _("NIP pelaksana"),
            _("Jabatan definitif pelaksana"), _("Akhir surat"), _("Keadaan surat"), _("Jalur"),
            _("Tahap"), _("Hari di tahap"), _("Tingkat"), _("Penanda")]


def _values(row):
    flags = row.extra.get("flags") or []
    return [row.pemda, row.opd, row.post, str(POST_KINDS.get(row.post_kind, row.post_kind)),
            row.vacant_since, row.days_vacant, row.acting_kind if row.acting_name else "",
            row.acting_name, row.acting_nip, row.acting_own_post, row.acting_until,
            row.acting_status, row.extra.get("route") or "", row.extra.get("stage") or "",
            row.extra.get("days_in_stage"),
            str(SEVERITY_LABELS.get(row.extra.get("severity"), "")),
            "; ".join(str(FLAG_LABELS.get(f.code, f.code)) for f in flags)]


def _rows(pemda_ids, as_of, filters):
    if as_of == today():
        return stored_rows(pemda_ids, as_of, filters)
    return iter(computed_rows(next(iter(pemda_ids)), as_of, filters))


def respond(fmt, pemda_ids, as_of, filters):
    """Return the download response of the filtered list in `fmt` ("csv" or "xlsx")."""
    name = f"daftar-kekosongan-{as_of.isoformat()}.{fmt}"
    rows = _rows(pemda_ids, as_of, filters)
    if fmt == "csv":
        return Response(stream_with_context(_csv(rows)), mimetype="text/csv",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    _xlsx(rows, path)
    response = Response(_file_chunks(path), mimetype="application/vnd.openxmlformats-"
                        "officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}"',
                                 "Content-Length": str(os.path.getsize(path))})
    # The server closes every response, read or not: the file goes then at the latest.
    response.call_on_close(lambda: _remove(path))
    return response


def _file_chunks(path, size=64 * 1024):
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(size):
                yield chunk
    finally:
        _remove(path)


def _remove(path):
    if os.path.exists(path):
        os.remove(path)


def _csv(rows, batch=500):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_columns())
    for index, row in enumerate(rows, start=1):
        writer.writerow([csv_cell(_plain(v)) for v in _values(row)])
        if index % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


def _xlsx(rows, path):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(_("Daftar kekosongan"))
    sheet.append(_columns())
    for row in rows:
        cells = []
        for value in _values(row):
            cell = WriteOnlyCell(sheet, value=value)
            if hasattr(value, "isoformat"):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str) and looks_like_formula(value):
                cell.data_type, cell.quotePrefix = "s", True
            cells.append(cell)
        sheet.append(cells)
    book.save(path)
