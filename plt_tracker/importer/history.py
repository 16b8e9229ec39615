"""The acting history sheet `riwayat_pelaksana`: one row per Plt/Plh/Pj letter or extension.

A BKPSDM keeps every letter in its spreadsheets: the first letter of each
acting official and the letters extending it (`perpanjangan_dari` names the
nomor_surat of the letter extended), and the day it ended early (`diakhiri`).
Here each row is only read and checked on its own and against the other rows
of the file (duplicate letters, extensions of letters that are not there);
the rules of the register (inside the vacancy, Plt or Plh, overlaps, the load
of one official) are applied when the rows run through the real operations
(importer.operations).
"""
import datetime as dt
from dataclasses import dataclass
from typing import Optional

from plt_tracker.core.messages import N_, message
from plt_tracker.importer.cells import cell_text, read_date
from plt_tracker.importer.reading import SpreadsheetError
from plt_tracker.importer.rows import (MAX_LENGTH, Person, RowError, acting_kind, acting_person,
                                       header_key, map_columns, map_headers, records)

SHEET = "riwayat_pelaksana"
HISTORY_COLUMNS = ["opd", "jabatan", "kosong_sejak", "jenis_pelaksana", "nip_pelaksana",
                   "nama_pelaksana", "jenis_jabatan_pelaksana", "jabatan_definitif_pelaksana",
                   "nomor_surat", "tanggal_surat", "mulai_tugas", "akhir_tugas",
                   "perpanjangan_dari", "diakhiri"]
HISTORY_REQUIRED = ["opd", "jabatan", "jenis_pelaksana", "nip_pelaksana", "nama_pelaksana",
                    "nomor_surat", "mulai_tugas"]
# Columns only the register sheet has: a table with one of them is the register.
_REGISTER_ONLY = ["jenis_jabatan", "nip_pejabat", "nama_pejabat", "alasan_kosong", "eselon"]


@dataclass
class HistoryRow:
    """One letter: a first letter (`extends` None) or an extension of the letter `extends`."""

    row: int
    opd: str
    title: str
    vacancy_start: Optional[dt.date]
    kind: str
    person: Person
    letter_number: str
    letter_date: Optional[dt.date]
    start: Optional[dt.date]
    end: Optional[dt.date]
    extends: Optional[str] = None
    ended_on: Optional[dt.date] = None
    # The nomor_surat of the first letter of this row's chain (itself for a first letter).
    root: Optional[str] = None

    @property
    def post_key(self):
        return self.opd.lower(), self.title.lower()


def is_history(table):
    """Say whether a table is the acting history: by its sheet name, else by its headers."""
    if header_key(table.name) == header_key(SHEET):
        return True
    found = map_headers(table.headers, HISTORY_COLUMNS + _REGISTER_ONLY)
    if "perpanjangan_dari" in found or "diakhiri" in found:
        return True
    return "jenis_pelaksana" in found and not any(c in found for c in _REGISTER_ONLY)


def split_tables(tables):
    """Return (register table, history table) of a file; either may be None.

    A single table must be one of the two; in a workbook other sheets (notes,
    lists of values) are left alone, but two of a kind are refused.
    """
    register, history = [], []
    for table in tables:
        if is_history(table):
            history.append(table)
        elif len(tables) == 1 or "jenisjabatan" in {header_key(h) for h in table.headers}:
            register.append(table)
    if not register and not history:
        map_columns(tables[0].headers)  # names the missing columns
    for found, what in ((register, "daftar jabatan"), (history, SHEET)):
        if len(found) > 1:
            raise SpreadsheetError(f"Berkas berisi lebih dari satu lembar {what}: "
                                   + ", ".join(t.name for t in found))
    return (register or [None])[0], (history or [None])[0]


def parse_history(table, register_rows=()):
    """Check every row of the history sheet; return (rows in the order to apply, errors)."""
    columns = map_headers(table.headers, HISTORY_COLUMNS)
    missing = [c for c in HISTORY_REQUIRED if c not in columns]
    if missing:
        raise SpreadsheetError(f"Lembar {SHEET}: kolom wajib tidak ada: " + ", ".join(missing))
    rows, errors, seen = [], [], {}
    for number, cells in records(table, columns):
        if all(value in ("", None) for value in cells.values()):
            continue
        row, row_errors = parse_history_row(number, cells)
        key = (row.post_key, row.letter_number.lower())
        if row.letter_number and key in seen:
            row_errors.append(RowError.of(number, "nomor_surat", message(
                N_("Surat ini sudah ada di baris %(row)d"), row=seen[key]), SHEET))
        seen.setdefault(key, number)
        errors.extend(row_errors)
        if not row_errors:
            rows.append(row)
    errors += _link_extensions(rows)
    return order_rows(rows), errors


def parse_history_row(number, cells):
    """Check one history row's cells; return (HistoryRow, errors)."""
    errors = []

    def text(name):
        return cell_text(cells.get(name))

    def fail(column, text):
        errors.append(RowError.of(number, column, text, SHEET))

    opd, title = text("opd"), text("jabatan")
    if not opd:
        fail("opd", N_("OPD wajib diisi"))
    if not title:
        fail("jabatan", N_("Nama jabatan wajib diisi"))
    kind_text = text("jenis_pelaksana")
    kind = acting_kind(kind_text)
    if kind is None:
        fail("jenis_pelaksana",
             message(N_("'%(value)s' bukan Plt, Plh atau Pj"), value=kind_text) if kind_text
             else N_("Jenis pelaksana wajib diisi (Plt, Plh atau Pj)"))
    person = acting_person(cells, fail)
    letter_number, extends = text("nomor_surat"), text("perpanjangan_dari") or None
    if not letter_number:
        fail("nomor_surat", N_("Nomor surat wajib diisi (surat perpanjangan menyebutnya di "
                               "perpanjangan_dari)"))
    if extends and extends.lower() == letter_number.lower():
        fail("perpanjangan_dari", N_("Surat tidak dapat memperpanjang dirinya sendiri"))
    for column, limit in MAX_LENGTH.items():
        if len(text(column)) > limit:
            fail(column, message(N_("Isi terlalu panjang (maksimal %(count)d karakter)"),
                                 count=limit))
    vacancy_start = read_date(cells.get("kosong_sejak"), "kosong_sejak", fail)
    if vacancy_start is None and kind in ("plt", "pj") and not extends:
        fail("kosong_sejak", N_("Isi tanggal kosong_sejak: Plt dan Pj Sekda hanya untuk jabatan "
                                "yang kosong"))
    letter_date = read_date(cells.get("tanggal_surat"), "tanggal_surat", fail,
                            required=bool(extends))
    start = read_date(cells.get("mulai_tugas"), "mulai_tugas", fail, required=not extends)
    end = read_date(cells.get("akhir_tugas"), "akhir_tugas", fail)
    ended_on = read_date(cells.get("diakhiri"), "diakhiri", fail)
    if start and end and end < start:
        fail("akhir_tugas", N_("Akhir tugas tidak boleh sebelum mulai tugas"))
    if start and ended_on and ended_on < start:
        fail("diakhiri", N_("Tanggal berakhir tidak boleh sebelum mulai tugas"))
    row = HistoryRow(row=number, opd=opd, title=title, vacancy_start=vacancy_start,
                     kind=kind or "", person=person, letter_number=letter_number,
                     letter_date=letter_date, start=start, end=end, extends=extends,
                     ended_on=ended_on, root=None if extends else letter_number)
    return row, errors


def _link_extensions(rows):
    """Give every extension the first letter of its chain; check the chain within the file.

    An extension of a letter not in the file keeps `root` None: the letter must then
    be in the register already (checked when applying). A chain that loops is refused.
    """
    by_number = {(r.post_key, r.letter_number.lower()): r for r in rows}
    errors = []
    for row in rows:
        seen, current = set(), row
        while current.extends:
            key = (row.post_key, current.extends.lower())
            if key in seen:
                errors.append(RowError.of(
                    row.row, "perpanjangan_dari",
                    N_("Rantai perpanjangan berputar kembali ke surat ini"), SHEET))
                break
            seen.add(key)
            base = by_number.get(key)
            if base is None:
                row.root = current.extends  # looked up in the register when applying
                break
            if base.person.nip != row.person.nip:
                errors.append(RowError.of(row.row, "nip_pelaksana", message(
                    N_("Surat %(number)s (baris %(row)d) untuk NIP lain; perpanjangan harus "
                       "untuk pelaksana yang sama"), number=current.extends, row=base.row),
                    SHEET))
                break
            current = base
        else:
            row.root = current.letter_number
    return errors


def order_rows(rows):
    """Order the letters as they happened: chain by chain from the earliest first letter,
    each first letter followed by its extensions in the order they were signed."""
    firsts = {(r.post_key, r.letter_number): r for r in rows if not r.extends}

    def chain_start(row):
        root = firsts.get((row.post_key, row.root))
        return (root or row).start or row.letter_date or dt.date.min

    return sorted(rows, key=lambda r: (chain_start(r), r.post_key, r.root or "",
                                       r.extends is not None, r.letter_date or dt.date.min,
                                       r.end or dt.date.max, r.row))
