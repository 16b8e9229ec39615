"""What the register sheet and the acting history sheet share: columns, headers, people, errors.

Read by importer.parse (the register sheet, and the whole file) and importer.history
(the history sheet); neither imports the other's rules from here, so the two
sheet modules sit side by side without an import circle.
"""
import re
from dataclasses import dataclass, field
from typing import Optional

from plt_tracker.core.messages import N_, message, say
from plt_tracker.importer.cells import cell_text, clean_cell, code_of
from plt_tracker.importer.reading import SpreadsheetError
from plt_tracker.registry.models import OFFICIAL_KINDS
from plt_tracker.registry.nip import parse_nip
from plt_tracker.vacancies.models import ACTING_KINDS

COLUMNS = ["opd", "jabatan", "jenis_jabatan", "eselon", "kepala_opd", "nip_pejabat",
           "nama_pejabat", "kosong_sejak", "alasan_kosong", "jenis_pelaksana", "nip_pelaksana",
           "nama_pelaksana", "jenis_jabatan_pelaksana", "jabatan_definitif_pelaksana",
           "nomor_surat", "tanggal_surat", "mulai_tugas", "akhir_tugas"]
REQUIRED_COLUMNS = ["opd", "jabatan", "jenis_jabatan"]
ACTING_COLUMNS = ["jenis_pelaksana", "nip_pelaksana", "nama_pelaksana", "jenis_jabatan_pelaksana",
                  "jabatan_definitif_pelaksana", "nomor_surat", "tanggal_surat", "mulai_tugas",
                  "akhir_tugas"]
# Longest text each column may hold in the database.
MAX_LENGTH = {"opd": 200, "jabatan": 200, "eselon": 10, "nama_pejabat": 200,
              "nama_pelaksana": 200, "jabatan_definitif_pelaksana": 200, "nomor_surat": 100,
              "perpanjangan_dari": 100}


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


def acting_kind(text):
    """Return the acting kind a cell names ("Plt", "Plh", "Pj" or "Pj Sekda"), or None."""
    text = " ".join(text.lower().split())
    return "pj" if text == "pj sekda" else (text if text in ACTING_KINDS else None)


def acting_person(cells, fail):
    """Read the acting official's NIP, name, own post and its kind."""
    person = person_in(cells, "nip_pelaksana", "nama_pelaksana", fail)
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


def person_in(cells, nip_column, name_column, fail):
    """Read the NIP and name of the official named in two columns of a row."""
    nip_text, name = cell_text(cells.get(nip_column)), cell_text(cells.get(name_column))
    nip = ""
    try:
        nip = parse_nip(nip_text).nip
    except ValueError as exc:
        fail(nip_column, str(exc))
    if not name:
        fail(name_column, N_("Nama wajib diisi"))
    return Person(nip=nip, name=name)
