"""Reading a BKPSDM spreadsheet (.xlsx or .csv) into checked import rows.

Nothing here touches the database: every cell is read, normalised and checked,
and each problem becomes a RowError naming the row as the user sees it in
Excel (header = row 1), the column and the reason in Indonesian.
"""
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pandas as pd

from plt_tracker.importer.cells import cell_text, clean_cell, code_of, read_date
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.registry.nip import parse_nip
from plt_tracker.vacancies.models import ACTING_KINDS, VACANCY_REASONS

COLUMNS = ["opd", "jabatan", "jenis_jabatan", "eselon", "nip_pejabat", "nama_pejabat",
           "kosong_sejak", "alasan_kosong", "jenis_pelaksana", "nip_pelaksana", "nama_pelaksana",
           "jabatan_definitif_pelaksana", "nomor_surat", "tanggal_surat", "mulai_tugas",
           "akhir_tugas"]
REQUIRED_COLUMNS = ["opd", "jabatan", "jenis_jabatan"]
ACTING_COLUMNS = ["jenis_pelaksana", "nip_pelaksana", "nama_pelaksana",
                  "jabatan_definitif_pelaksana", "nomor_surat", "tanggal_surat", "mulai_tugas",
                  "akhir_tugas"]
EXTENSIONS = {".xlsx", ".csv"}
# The row under the header is row 2 in Excel.
FIRST_DATA_ROW = 2
# Longest text each column may hold in the database.
_MAX_LENGTH = {"opd": 200, "jabatan": 200, "eselon": 10, "nama_pejabat": 200, "nama_pelaksana": 200,
               "jabatan_definitif_pelaksana": 200, "nomor_surat": 100}
# OPD kind guessed from the usual words of its name, most specific first.
_OPD_KIND_WORDS = [
    ("kecamatan", "kecamatan"), ("satuan polisi", "satpol_pp"), ("satpol", "satpol_pp"),
    ("inspektorat", "inspektorat"), ("sekretariat", "sekretariat"), ("rsud", "rsud"),
    ("rumah sakit", "rsud"), ("dinas", "dinas"), ("badan", "badan"), ("bappeda", "badan"),
    ("bkpsdm", "badan"), ("bkd", "badan"), ("bpbd", "badan"), ("bpkd", "badan"),
    ("kesbangpol", "badan"), ("dpmptsp", "dinas"), ("disdukcapil", "dinas"),
]


class SpreadsheetError(ValueError):
    """The file as a whole cannot be read (wrong type, missing columns)."""


@dataclass(frozen=True)
class RowError:
    """One problem in one cell: row as Excel shows it, column, reason."""

    row: int
    column: str
    message: str

    def __str__(self):
        where = f"baris {self.row}" if self.row else "berkas"
        return f"{where}, kolom {self.column}: {self.message}" if self.column else \
            f"{where}: {self.message}"


@dataclass
class Person:
    """An official named in a row."""

    nip: str
    name: str
    position_title: Optional[str] = None


@dataclass
class Acting:
    """A Plt or Plh named in a row; `end` None means the default term."""

    kind: str
    person: Person
    start: dt.date
    end: Optional[dt.date]
    letter_number: Optional[str]
    letter_date: Optional[dt.date]


@dataclass
class ImportRow:
    """One checked row: a post, filled (holder) or vacant (vacancy_start)."""

    row: int
    opd: str
    opd_kind: str
    title: str
    kind: str
    eselon: Optional[str]
    holder: Optional[Person] = None
    vacancy_start: Optional[dt.date] = None
    reason: str = "lainnya"
    acting: Optional[Acting] = None


def read_table(stream, filename):
    """Read an .xlsx or .csv file into a DataFrame of raw cells (no type guessing)."""
    suffix = Path(filename or "").suffix.lower()
    if suffix not in EXTENSIONS:
        raise SpreadsheetError("Berkas harus berformat .xlsx atau .csv")
    try:
        if suffix == ".xlsx":
            # object dtype: NIPs stay text, Excel date cells arrive as datetimes.
            return pd.read_excel(stream, engine="openpyxl", dtype=object)
        return pd.read_csv(stream, dtype=str, keep_default_na=False, sep=None, engine="python",
                           encoding="utf-8-sig")
    except (ValueError, OSError, KeyError, pd.errors.ParserError) as exc:
        raise SpreadsheetError(f"Berkas tidak dapat dibaca: {exc}") from None
    except Exception as exc:  # openpyxl raises its own types for a broken workbook
        raise SpreadsheetError(f"Berkas tidak dapat dibaca: {exc}") from None


def header_key(text):
    """Reduce a header to its matching key: lower case, without spaces or underscores."""
    return re.sub(r"[\s_]+", "", str(text)).lower()


_KEYS = {header_key(c): c for c in COLUMNS}


def map_columns(frame):
    """Return {canonical column: frame column}; raise SpreadsheetError if required ones lack."""
    found = {}
    for column in frame.columns:
        name = _KEYS.get(header_key(column))
        if name and name not in found:
            found[name] = column
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        raise SpreadsheetError("Kolom wajib tidak ada: " + ", ".join(missing))
    if "nip_pejabat" not in found and "kosong_sejak" not in found:
        raise SpreadsheetError("Kolom nip_pejabat atau kosong_sejak harus ada")
    return found


def parse_frame(frame):
    """Check every row of a DataFrame; return (rows, errors)."""
    columns = map_columns(frame)
    rows, errors, seen = [], [], {}
    for index, record in enumerate(frame.to_dict("records")):
        number = index + FIRST_DATA_ROW
        cells = {name: clean_cell(record[column]) for name, column in columns.items()}
        if all(value in ("", None) for value in cells.values()):
            continue  # blank lines between blocks are common in hand-kept sheets
        row, row_errors = parse_row(number, cells)
        if row is not None:
            key = (row.opd.lower(), row.title.lower())
            if key in seen:
                row_errors.append(RowError(number, "jabatan",
                                               f"Jabatan ini sudah ada di baris {seen[key]}"))
            seen.setdefault(key, number)
        errors.extend(row_errors)
        if row is not None and not row_errors:
            rows.append(row)
    return rows, errors


def parse_file(stream, filename):
    """Read and check a spreadsheet; return (rows, errors). Unreadable files give one error."""
    try:
        frame = read_table(stream, filename)
        return parse_frame(frame)
    except SpreadsheetError as exc:
        return [], [RowError(0, "", str(exc))]


def parse_row(number, cells):
    """Check one row's cells; return (ImportRow or None, errors)."""
    errors = []

    def text(name):
        return cell_text(cells.get(name))

    def fail(column, message):
        errors.append(RowError(number, column, message))

    opd, title = text("opd"), text("jabatan")
    if not opd:
        fail("opd", "OPD wajib diisi")
    if not title:
        fail("jabatan", "Nama jabatan wajib diisi")
    kind = _post_kind(text("jenis_jabatan"), fail)
    holder_nip, vacancy_cell = text("nip_pejabat"), cells.get("kosong_sejak")
    filled, vacant = bool(holder_nip), cell_text(vacancy_cell) != ""
    if filled and vacant:
        fail("kosong_sejak", "Isi nip_pejabat (jabatan terisi) atau kosong_sejak (jabatan kosong), "
                             "bukan keduanya")
    elif not filled and not vacant:
        fail("nip_pejabat", "Isi nip_pejabat (jabatan terisi) atau kosong_sejak (jabatan kosong)")
    for column, limit in _MAX_LENGTH.items():
        if len(text(column)) > limit:
            fail(column, f"Isi terlalu panjang (maksimal {limit} karakter)")
    row = ImportRow(row=number, opd=opd, opd_kind=guess_opd_kind(opd), title=title, kind=kind,
                    eselon=text("eselon") or None)
    if filled and not vacant:
        row.holder = _person(cells, "nip_pejabat", "nama_pejabat", fail)
    if vacant and not filled:
        row.vacancy_start = read_date(vacancy_cell, "kosong_sejak", fail, required=True)
        row.reason = _reason(text("alasan_kosong"), fail)
    if any(text(c) for c in ACTING_COLUMNS):
        row.acting = _acting(cells, fail)
    return row, errors


def guess_opd_kind(name):
    """Guess the kind of an OPD from its name (Dinas …, Badan …, Kecamatan …)."""
    lowered = (name or "").lower()
    for word, kind in _OPD_KIND_WORDS:
        if word in lowered:
            return kind
    return "lainnya"


def acting_kind(text):
    """Return the acting kind a cell names ("Plt", "Plh", "Pj" or "Pj Sekda"), or None."""
    text = " ".join(text.lower().split())
    return "pj" if text == "pj sekda" else (text if text in ACTING_KINDS else None)


def _acting(cells, fail):
    kind_text = cell_text(cells.get("jenis_pelaksana"))
    kind = acting_kind(kind_text)
    if not kind_text:
        fail("jenis_pelaksana", "Jenis pelaksana wajib diisi (Plt, Plh atau Pj)")
    elif kind is None:
        fail("jenis_pelaksana", f"'{kind_text}' bukan Plt, Plh atau Pj")
    person = _person(cells, "nip_pelaksana", "nama_pelaksana", fail)
    person.position_title = cell_text(cells.get("jabatan_definitif_pelaksana")) or None
    start = read_date(cells.get("mulai_tugas"), "mulai_tugas", fail, required=True)
    end = read_date(cells.get("akhir_tugas"), "akhir_tugas", fail)
    letter_date = read_date(cells.get("tanggal_surat"), "tanggal_surat", fail)
    if start and end and end < start:
        fail("akhir_tugas", "Akhir tugas tidak boleh sebelum mulai tugas")
    return Acting(kind=kind or "", person=person, start=start, end=end,
                  letter_number=cell_text(cells.get("nomor_surat")) or None, letter_date=letter_date)


def _person(cells, nip_column, name_column, fail):
    nip_text, name = cell_text(cells.get(nip_column)), cell_text(cells.get(name_column))
    nip = ""
    try:
        nip = parse_nip(nip_text).nip
    except ValueError as exc:
        fail(nip_column, str(exc))
    if not name:
        fail(name_column, "Nama wajib diisi")
    return Person(nip=nip, name=name)


def _post_kind(value, fail):
    if not value:
        fail("jenis_jabatan", "Jenis jabatan wajib diisi")
        return ""
    key = code_of(value)
    for code, label in POST_KINDS.items():
        if key in (code, code_of(label)):
            return code
    fail("jenis_jabatan", f"'{value}' bukan jenis jabatan yang dikenal "
                          f"({', '.join(POST_KINDS.values())})")
    return ""


def _reason(value, fail):
    if not value:
        return "lainnya"
    key = code_of(value)
    for code, label in VACANCY_REASONS.items():
        if key in (code, code_of(label)):
            return code
    fail("alasan_kosong", f"'{value}' bukan alasan kosong yang dikenal "
                          f"({', '.join(VACANCY_REASONS.values())})")
    return "lainnya"
