"""Reading a BKPSDM spreadsheet (.xlsx or .csv) into checked import rows.

Nothing here touches the database: every cell is read, normalised and checked,
and each problem becomes a RowError naming the sheet, the row as the user sees
it in Excel (header = row 1), the column and the reason in Indonesian. A
workbook holds the register sheet (one row per post), the acting history sheet
`riwayat_pelaksana` (importer.history), or both; a CSV is one of them, told
apart by its headers.
"""
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from plt_tracker.core.messages import N_, message
from plt_tracker.importer import history
from plt_tracker.importer.cells import cell_text, code_of, read_date
from plt_tracker.importer.reading import EXTENSIONS, SpreadsheetError, read_tables  # noqa: F401
# Shared with the history sheet; COLUMNS, RowError, header_key and map_columns are also
# read from here by the page, the template and the tests.
from plt_tracker.importer.rows import (ACTING_COLUMNS, COLUMNS, MAX_LENGTH,  # noqa: F401
                                       Person, RowError, acting_kind, acting_person,
                                       header_key, map_columns, person_in, records)
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.vacancies.models import VACANCY_REASONS

# OPD kind guessed from the usual words of its name, most specific first.
_OPD_KIND_WORDS = [
    ("kecamatan", "kecamatan"), ("satuan polisi", "satpol_pp"), ("satpol", "satpol_pp"),
    ("inspektorat", "inspektorat"), ("sekretariat", "sekretariat"), ("rsud", "rsud"),
    ("rumah sakit", "rsud"), ("dinas", "dinas"), ("badan", "badan"), ("bappeda", "badan"),
    ("bkpsdm", "badan"), ("bkd", "badan"), ("bpbd", "badan"), ("bpkd", "badan"),
    ("kesbangpol", "badan"), ("dpmptsp", "dinas"), ("disdukcapil", "dinas"),
]


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
    # Whether the post heads its OPD (column kepala_opd); None: not said (a new post is a head).
    is_head: Optional[bool] = None
    holder: Optional[Person] = None
    vacancy_start: Optional[dt.date] = None
    reason: str = "lainnya"
    acting: Optional[Acting] = None


@dataclass
class Parsed:
    """A checked file: register rows, acting history rows, and every problem found."""

    rows: list = field(default_factory=list)
    history: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def parse_table(table):
    """Check every row of the register table; return (rows, errors)."""
    columns = map_columns(table.headers)
    rows, errors, seen = [], [], {}
    for number, cells in records(table, columns):
        if all(value in ("", None) for value in cells.values()):
            continue  # blank lines between blocks are common in hand-kept sheets
        row, row_errors = parse_row(number, cells)
        if row is not None:
            key = (row.opd.lower(), row.title.lower())
            if key in seen:
                row_errors.append(RowError.of(number, "jabatan", message(
                    N_("Jabatan ini sudah ada di baris %(row)d"), row=seen[key])))
            seen.setdefault(key, number)
        errors.extend(row_errors)
        if row is not None and not row_errors:
            rows.append(row)
    return rows, errors


def parse_file(stream, filename, limit=None):
    """Read and check a spreadsheet into a Parsed; an unreadable or refused file gives one error."""
    parsed = Parsed()
    try:
        register, acting = history.split_tables(read_tables(stream, filename, limit))
        if register is not None:
            parsed.rows, parsed.errors = parse_table(register)
        if acting is not None:
            parsed.history, errors = history.parse_history(acting, parsed.rows)
            parsed.errors += errors
    except SpreadsheetError as exc:
        parsed.rows, parsed.history, parsed.errors = [], [], [RowError(0, "", str(exc))]
    return parsed


def parse_row(number, cells):
    """Check one row's cells; return (ImportRow or None, errors)."""
    errors = []

    def text(name):
        return cell_text(cells.get(name))

    def fail(column, text):
        errors.append(RowError.of(number, column, text))

    opd, title = text("opd"), text("jabatan")
    if not opd:
        fail("opd", N_("OPD wajib diisi"))
    if not title:
        fail("jabatan", N_("Nama jabatan wajib diisi"))
    kind = _post_kind(text("jenis_jabatan"), fail)
    holder_nip, vacancy_cell = text("nip_pejabat"), cells.get("kosong_sejak")
    filled, vacant = bool(holder_nip), cell_text(vacancy_cell) != ""
    if filled and vacant:
        fail("kosong_sejak", N_("Isi nip_pejabat (jabatan terisi) atau kosong_sejak (jabatan "
                                "kosong), bukan keduanya"))
    elif not filled and not vacant:
        fail("nip_pejabat",
             N_("Isi nip_pejabat (jabatan terisi) atau kosong_sejak (jabatan kosong)"))
    for column, limit in MAX_LENGTH.items():
        if len(text(column)) > limit:
            fail(column, message(N_("Isi terlalu panjang (maksimal %(count)d karakter)"),
                                 count=limit))
    row = ImportRow(row=number, opd=opd, opd_kind=guess_opd_kind(opd), title=title, kind=kind,
                    eselon=text("eselon") or None, is_head=_yes_no(text("kepala_opd"), fail))
    if filled and not vacant:
        row.holder = person_in(cells, "nip_pejabat", "nama_pejabat", fail)
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


def _acting(cells, fail):
    kind_text = cell_text(cells.get("jenis_pelaksana"))
    kind = acting_kind(kind_text)
    if not kind_text:
        fail("jenis_pelaksana", N_("Jenis pelaksana wajib diisi (Plt, Plh atau Pj)"))
    elif kind is None:
        fail("jenis_pelaksana",
             message(N_("'%(value)s' bukan Plt, Plh atau Pj"), value=kind_text))
    person = acting_person(cells, fail)
    start = read_date(cells.get("mulai_tugas"), "mulai_tugas", fail, required=True)
    end = read_date(cells.get("akhir_tugas"), "akhir_tugas", fail)
    letter_date = read_date(cells.get("tanggal_surat"), "tanggal_surat", fail)
    if start and end and end < start:
        fail("akhir_tugas", N_("Akhir tugas tidak boleh sebelum mulai tugas"))
    return Acting(kind=kind or "", person=person, start=start, end=end,
                  letter_number=cell_text(cells.get("nomor_surat")) or None, letter_date=letter_date)


def _post_kind(value, fail):
    if not value:
        fail("jenis_jabatan", N_("Jenis jabatan wajib diisi"))
        return ""
    key = code_of(value)
    for code, label in POST_KINDS.items():
        if key in (code, code_of(label)):
            return code
    fail("jenis_jabatan", message(N_("'%(value)s' bukan jenis jabatan yang dikenal (%(known)s)"),
                                  value=value, known=", ".join(POST_KINDS.values())))
    return ""


_YES = {"ya", "y", "yes", "1", "true", "benar"}
_NO = {"tidak", "t", "no", "n", "0", "false", "bukan"}


def _yes_no(value, fail):
    """Read a ya/tidak cell (empty: None)."""
    if not value:
        return None
    key = value.strip().lower()
    if key in _YES or key in _NO:
        return key in _YES
    fail("kepala_opd", message(N_("'%(value)s' bukan ya atau tidak"), value=value))
    return None


def _reason(value, fail):
    if not value:
        return "lainnya"
    key = code_of(value)
    for code, label in VACANCY_REASONS.items():
        if key in (code, code_of(label)):
            return code
    fail("alasan_kosong", message(N_("'%(value)s' bukan alasan kosong yang dikenal (%(known)s)"),
                                  value=value, known=", ".join(VACANCY_REASONS.values())))
    return "lainnya"
