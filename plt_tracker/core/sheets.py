"""Downloads of lists of any size: CSV streamed a batch of rows at a time, Excel written row
by row and sent in chunks, so a list never sits whole in memory.

openpyxl's write-only workbook writes each row to a temporary file as it comes; the
response then reads that file in 64 KB chunks and deletes it when the server closes the
response (read or not). Text a spreadsheet would take for a formula stays text.
"""
import csv
import io
import os
import tempfile

from flask import Response, stream_with_context

from plt_tracker.core.formulas import csv_cell, looks_like_formula

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def write_xlsx(path, sheets):
    """Write sheets [(title, header, rows of values)] to an .xlsx file at `path`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(header))
        for values in rows:
            cells = []
            for value in values:
                cell = WriteOnlyCell(sheet, value=value)
                if hasattr(value, "isoformat"):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(value, str) and looks_like_formula(value):
                    cell.data_type, cell.quotePrefix = "s", True
                cells.append(cell)
            sheet.append(cells)
    book.save(path)


def xlsx_response(sheets, filename):
    """Return a download of the sheets, written to a temporary file and streamed from it."""
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        write_xlsx(path, sheets)
    except BaseException:
        _remove(path)
        raise
    response = Response(_chunks(path), mimetype=XLSX, headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Content-Length": str(os.path.getsize(path))})
    response.call_on_close(lambda: _remove(path))
    return response


def _chunks(path, size=64 * 1024):
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(size):
                yield chunk
    finally:
        _remove(path)


def _remove(path):
    if os.path.exists(path):
        os.remove(path)


def csv_response(header, rows, filename, batch=500):
    """Return a CSV download of `rows` (lists of values) streamed `batch` rows at a time."""
    return Response(stream_with_context(_csv(header, rows, batch)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _csv(header, rows, batch):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for index, values in enumerate(rows, start=1):
        writer.writerow([csv_cell(_plain(v)) for v in values])
        if index % batch == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return "" if value is None else value


def download(fmt, title, header, rows, filename):
    """Return the rows as a streamed "csv" or "xlsx" download named `filename`.<fmt>."""
    if fmt == "csv":
        return csv_response(header, rows, f"{filename}.csv")
    return xlsx_response([(title, header, rows)], f"{filename}.xlsx")
