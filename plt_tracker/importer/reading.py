"""Reading an uploaded .xlsx or .csv into raw tables, within limits checked before parsing.

A spreadsheet is untrusted input: a 500 KB .xlsx can unpack to a million rows.
So the file's size, and for a workbook the zip's entries (count, unpacked size,
compression ratio, macros), are checked before a single cell is parsed; the
workbook is then read by openpyxl in read-only (streaming) mode and reading
stops at the row cap, so memory stays bounded whatever the file claims. Every
refusal is one Indonesian sentence and nothing is written. No pandas here: the
cells are read as they are (NIPs stay text, Excel dates arrive as datetimes).
"""
import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from flask import current_app, has_app_context

EXTENSIONS = {".xlsx", ".csv"}
# Defaults of the IMPORT_* settings in config.py (used outside an app, e.g. in tests).
DEFAULT_LIMITS = {
    "IMPORT_MAX_BYTES": 10 * 1024 * 1024,
    "IMPORT_MAX_ROWS": 5000,
    "IMPORT_MAX_SHEETS": 10,
    "IMPORT_MAX_COLUMNS": 60,
    "IMPORT_MAX_CELL_CHARS": 1000,
    "IMPORT_MAX_UNPACKED_BYTES": 64 * 1024 * 1024,
    "IMPORT_MAX_ZIP_ENTRIES": 200,
    "IMPORT_MAX_ZIP_RATIO": 200,
}
# Parts of a workbook that carry macros or embedded programs.
_MACRO_PARTS = ("vbaproject.bin", "vbaprojectsignature.bin", "activex", "macrosheets")


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read or is refused (type, size, limits)."""


@dataclass
class Table:
    """One sheet (or the CSV): its name, headers and (Excel row number, cells) rows."""

    name: str
    headers: list
    rows: list = field(default_factory=list)


def limits():
    """Return the import limits: the app's IMPORT_* settings over the defaults."""
    found = dict(DEFAULT_LIMITS)
    if has_app_context():
        found.update({k: current_app.config[k] for k in DEFAULT_LIMITS
                      if k in current_app.config})
    return found


def read_tables(stream, filename, limit=None):
    """Read every non-empty sheet (or the CSV) of a file into Tables, checking the limits."""
    limit = limit or limits()
    suffix = Path(filename or "").suffix.lower()
    if suffix not in EXTENSIONS:
        raise SpreadsheetError("Berkas harus berformat .xlsx atau .csv")
    data = stream.read(limit["IMPORT_MAX_BYTES"] + 1)
    if len(data) > limit["IMPORT_MAX_BYTES"]:
        raise SpreadsheetError(f"Berkas lebih besar dari {_mb(limit['IMPORT_MAX_BYTES'])}; "
                               f"bagi menjadi beberapa berkas")
    if not data.strip():
        raise SpreadsheetError("Berkas kosong")
    if suffix == ".csv":
        return [_read_csv(data, limit)]
    return _read_xlsx(data, limit)


def _mb(size):
    return f"{size / (1024 * 1024):g} MB"


class _RowCounter:
    """Count non-blank data rows over all tables; refuse past the cap."""

    def __init__(self, limit):
        self.limit, self.count = limit, 0

    def add(self):
        self.count += 1
        if self.count > self.limit:
            raise SpreadsheetError(f"Berkas berisi lebih dari {self.limit} baris data; bagi "
                                   f"menjadi beberapa berkas (batas IMPORT_MAX_ROWS)")


def _check_cell(value, limit, where):
    if isinstance(value, str) and len(value) > limit["IMPORT_MAX_CELL_CHARS"]:
        raise SpreadsheetError(f"{where}: isi sel lebih dari {limit['IMPORT_MAX_CELL_CHARS']} "
                               f"karakter")


def _read_csv(data, limit):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpreadsheetError("Berkas CSV harus disimpan sebagai UTF-8 (CSV UTF-8 di Excel)") \
            from None
    try:
        dialect = csv.Sniffer().sniff(text[:64 * 1024], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel  # one column, or a file the sniffer cannot tell: commas
    counter = _RowCounter(limit["IMPORT_MAX_ROWS"])
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    table = None
    try:
        for number, cells in enumerate(reader, start=1):
            if len(cells) > limit["IMPORT_MAX_COLUMNS"]:
                cells = cells[:limit["IMPORT_MAX_COLUMNS"]]
            for cell in cells:
                _check_cell(cell, limit, f"Berkas CSV, baris {number}")
            if table is None:
                table = Table("csv", cells)
            elif any(cell.strip() for cell in cells):
                counter.add()
                table.rows.append((number, cells))
    except csv.Error as exc:
        raise SpreadsheetError(f"Berkas CSV tidak dapat dibaca: {exc}") from None
    if table is None:
        raise SpreadsheetError("Berkas kosong")
    return table


def check_workbook_zip(data, limit):
    """Refuse a workbook whose zip is not one, holds macros, or unpacks too large.

    Reads only the zip's directory (sizes as the entries declare them) and then
    unpacks each entry with a running count, so a lying header cannot help.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise SpreadsheetError("Berkas .xlsx rusak atau bukan berkas Excel") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > limit["IMPORT_MAX_ZIP_ENTRIES"]:
            raise SpreadsheetError("Berkas .xlsx berisi terlalu banyak bagian")
        names = [e.filename.lower() for e in entries]
        if any(part in name for name in names for part in _MACRO_PARTS):
            raise SpreadsheetError("Berkas berisi makro atau program; simpan ulang sebagai "
                                   "Excel Workbook (.xlsx) tanpa makro")
        declared = sum(e.file_size for e in entries)
        if declared > limit["IMPORT_MAX_UNPACKED_BYTES"]:
            raise SpreadsheetError(_too_large(limit))
        unpacked = 0
        for entry in entries:
            if entry.compress_size and entry.file_size / entry.compress_size > \
                    limit["IMPORT_MAX_ZIP_RATIO"]:
                raise SpreadsheetError(_too_large(limit))
            with archive.open(entry) as part:
                while chunk := part.read(1024 * 1024):
                    unpacked += len(chunk)
                    if unpacked > limit["IMPORT_MAX_UNPACKED_BYTES"]:
                        raise SpreadsheetError(_too_large(limit))


def _too_large(limit):
    return (f"Isi berkas .xlsx setelah dibuka lebih dari "
            f"{_mb(limit['IMPORT_MAX_UNPACKED_BYTES'])} (atau terlalu dimampatkan); "
            f"bagi menjadi beberapa berkas")


def _read_xlsx(data, limit):
    check_workbook_zip(data, limit)
    import openpyxl  # lazy: the CLI and the pages start without it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001  openpyxl raises many types for a broken workbook
        raise SpreadsheetError(f"Berkas .xlsx tidak dapat dibaca: {exc}") from None
    try:
        if len(book.sheetnames) > limit["IMPORT_MAX_SHEETS"]:
            raise SpreadsheetError(f"Berkas berisi {len(book.sheetnames)} lembar; paling banyak "
                                   f"{limit['IMPORT_MAX_SHEETS']}")
        counter = _RowCounter(limit["IMPORT_MAX_ROWS"])
        tables = []
        for sheet in book.worksheets:
            table = _read_sheet(sheet, limit, counter)
            if table is not None:
                tables.append(table)
    finally:
        book.close()
    if not tables:
        raise SpreadsheetError("Berkas kosong")
    return tables


def _read_sheet(sheet, limit, counter):
    """Read one worksheet; None when it has no header row."""
    if not hasattr(sheet, "iter_rows"):
        return None  # a chart sheet
    table, width = None, limit["IMPORT_MAX_COLUMNS"]
    for number, row in enumerate(sheet.iter_rows(max_col=width), start=1):
        values = []
        for cell in row[:width]:
            if getattr(cell, "data_type", None) == "f":
                raise SpreadsheetError(
                    f"Lembar {sheet.title}, sel {cell.coordinate}: berisi rumus; salin lalu "
                    f"tempel sebagai nilai (Paste Values) sebelum diimpor")
            _check_cell(cell.value, limit, f"Lembar {sheet.title}, baris {number}")
            values.append(cell.value)
        blank = all(v is None or (isinstance(v, str) and not v.strip()) for v in values)
        if table is None:
            if not blank:
                table = Table(sheet.title, values)
                # Cells right of the last header belong to no column: left unread.
                width = max(i for i, v in enumerate(values) if v not in (None, "")) + 1
            continue
        if not blank:
            counter.add()
            table.rows.append((number, values))
    return table
