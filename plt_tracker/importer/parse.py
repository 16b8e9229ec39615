"""Reading a BKPSDM spreadsheet (.xlsx or .csv) into checked import rows.

Nothing here touches the database: every cell is read, normalised and checked,
and each problem becomes a RowError naming the sheet, the row as the user sees
it in Excel (header = row 1), the column and the reason in Indonesian. A
workbook holds the register sheet (one row per post), the acting history sheet
`riwayat_pelaksana` (importer.history), or both; a CSV is one of them, told
apart by its headers.
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from plt_tracker.core.messages import N_, message, say
from plt_tracker.importer.cells import cell_text, clean_cell, code_of, read_date
from plt_tracker.importer.reading import EXTENSIONS, SpreadsheetError, read_tables  # noqa: F401
from plt_tracker.registry.models import OFFICIAL_KINDS, POST_KINDS
from plt_tracker.registry.nip import parse_nip
from plt_tracker.vacancies.models import ACTING_KINDS, VACANCY_REASONS

COLUMNS = ["opd", "jabatan", "jenis_jabatan", "eselon", "nip_pejabat", "nama_pejabat",
           "kosong_sejak", "alasan_kosong", "jenis_pelaksana", "nip_pelaksana", "nama_pelaksana",
           "jenis_jabatan_pelaksana", "jabatan_definitif_pelaksana", "nomor_surat",
           "tanggal_surat", "mulai_tugas", "akhir_tugas"]
REQUIRED_COLUMNS = ["opd", "jabatan", "jenis_jabatan"]
ACTING_COLUMNS = ["jenis_pelaksana", "nip_pelaksana", "nama_pelaksana", "jenis_jabatan_pelaksana",
                  "jabatan_definitif_pelaksana", "nomor_surat", "tanggal_surat", "mulai_tugas",
                  "akhir_tugas"]
# Longest text each column may hold in the database.
MAX_LENGTH = {"opd": 200, "jabatan": 200, "eselon": 10, "nama_pejabat": 200,
              "nama_pelaksana": 200, "jabatan_definitif_pelaksana": 200, "nomor_surat": 100,
              "perpanjangan_dari": 100}
# OPD kind guessed from the usual words of its name, most specific first.
_OPD_KIND_WORDS = [
    ("kecamatan", "kecamatan"), ("satuan polisi", "satpol_pp"), ("satpol", "satpol_pp"),
    ("inspektorat", "inspektorat"), ("sekretariat", "sekretariat"), ("rsud", "rsud"),
    ("rumah sakit", "rsud"), ("dinas", "dinas"), ("badan", "badan"), ("bappeda", "badan"),
    ("bkpsdm", "badan"), ("bkd", "badan"), ("bpbd", "badan"), ("bpkd", "badan"),
    ("kesbangpol", "badan"), ("dpmptsp", "dinas"), ("disdukcapil", "dinas"),
]


@dataclass(frozen=True)
class RowError:
    """One problem in one cell: row as Excel shows it, column, reason."""

    row: int
    column: str
    message: str
    sheet: str = ""
    # The language-free message (core.messages) of a refused rule, to show in the reader's
    # language; `message` is its Indonesian sentence.
    text: Optional[dict] = field(default=None, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, row, column, text, sheet=""):
        """A problem from a message (core.messages) or an Indonesian msgid, kept for the reader."""
        text = text if isinstance(text, dict) else message(text)
        return cls(row, column, say(text), sheet, text=text)

    def shown(self):
        """Return the problem in the reader's language."""
        if self.text is None:
            return self.message
        from flask_babel import gettext

        return say(self.text, gettext)

    def __str__(self):
        where = f"baris {self.row}" if self.row else "berkas"
        if self.sheet and self.row:
            where = f"lembar {self.sheet}, {where}"
        return f"{where}, kolom {self.column}: {self.message}" if self.column else \
            f"{where}: {self.message}"


@dataclass
class Person:
    """An official named in a row."""

    nip: str
    name: str
    position_title: Optional[str] = None
    post_kind: Optional[str] = None


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


@dataclass
class Parsed:
    """A checked file: register rows, acting history rows, and every problem found."""

    rows: list = field(default_factory=list)
    history: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def header_key(text):
    """Reduce a header to its matching key: lower case, without spaces or underscores."""
    return re.sub(r"[\s_]+", "", str(text or "")).lower()


def map_headers(headers, columns):
    """Return {canonical column: index} for the headers that name one of `columns`."""
    keys = {header_key(c): c for c in columns}
    found = {}
    for index, header in enumerate(headers):
        name = keys.get(header_key(header))
        if name and name not in found:
            found[name] = index
    return found


def map_columns(headers):
    """Return {register column: index}; raise SpreadsheetError if required ones lack."""
    found = map_headers(headers, COLUMNS)
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        raise SpreadsheetError("Kolom wajib tidak ada: " + ", ".join(missing))
    if "nip_pejabat" not in found and "kosong_sejak" not in found:
        raise SpreadsheetError("Kolom nip_pejabat atau kosong_sejak harus ada")
    return found


def records(table, columns):
    """Yield (Excel row number, {column: cleaned cell}) for a table's rows."""
    for number, values in table.rows:
        yield number, {name: clean_cell(values[i]) if i < len(values) else ""
                       for name, i in columns.items()}


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
    from plt_tracker.importer import history  # the history sheet's rules

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


def acting_person(cells, fail):
    """Read the acting official's NIP, name, own post and its kind."""
    person = _person(cells, "nip_pelaksana", "nama_pelaksana", fail)
    person.position_title = cell_text(cells.get("jabatan_definitif_pelaksana")) or None
    person.post_kind = official_kind(cell_text(cells.get("jenis_jabatan_pelaksana")), fail)
    return person


def official_kind(value, fail, column="jenis_jabatan_pelaksana"):
    """Return the code of an official's own post kind (empty cell: None)."""
    if not value:
        return None
    key = code_of(value).replace("jf_", "fungsional_").replace("ahli_", "")
    for code, label in OFFICIAL_KINDS.items():
        if key in (code, code_of(label).replace("ahli_", "")):
            return code
    fail(column, message(N_("'%(value)s' bukan jenis jabatan yang dikenal (%(known)s)"),
                         value=value, known=", ".join(OFFICIAL_KINDS.values())))
    return None


def _person(cells, nip_column, name_column, fail):
    nip_text, name = cell_text(cells.get(nip_column)), cell_text(cells.get(name_column))
    nip = ""
    try:
        nip = parse_nip(nip_text).nip
    except ValueError as exc:
        fail(nip_column, str(exc))
    if not name:
        fail(name_column, N_("Nama wajib diisi"))
    return Person(nip=nip, name=name)


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
