"""Reading spreadsheet cells: headers, dates, kinds, reasons (no database needed)."""
import datetime as dt

import pytest

from plt_tracker.importer.parse import header_key, map_columns, parse_row, parse_table
from plt_tracker.importer.reading import Table


def _table(dicts):
    """A register table from dicts (the first one's keys are the headers), rows from row 2."""
    headers = list(dicts[0])
    return Table("Daftar jabatan", headers,
                 [(number, [d.get(h, "") for h in headers]) for number, d in
                  enumerate(dicts, start=2)])


@pytest.mark.parametrize("header", ["jenis_jabatan", "Jenis Jabatan", "JENIS_JABATAN",
                                    " jenisjabatan ", "Jenis_ Jabatan"])
def test_headers_match_ignoring_case_spaces_and_underscores(header):
    assert header_key(header) == "jenisjabatan"
    assert map_columns(["OPD", "Jabatan", header, "Kosong Sejak"])["jenis_jabatan"] == 2


def _cells(**overrides):
    cells = {"opd": "Dinas Sosial", "jabatan": "Kepala Dinas Sosial",
             "jenis_jabatan": "JPT Pratama", "kosong_sejak": "2025-03-01"}
    cells.update(overrides)
    return cells


@pytest.mark.parametrize("value", ["2025-03-01", "01/03/2025", "1-3-2025", "1/3/2025",
                                   "2025-03-01 00:00:00", dt.datetime(2025, 3, 1), 45717])
def test_dates_in_every_accepted_form(value):
    row, errors = parse_row(2, _cells(kosong_sejak=value))
    assert errors == []
    assert row.vacancy_start == dt.date(2025, 3, 1)


@pytest.mark.parametrize("label, code", [("JPT Pratama", "jpt_pratama"), ("jpt_pratama", "jpt_pratama"),
                                         ("Administrator", "administrator"),
                                         ("jpt madya", "jpt_madya"), ("PENGAWAS", "pengawas")])
def test_post_kind_labels_and_codes(label, code):
    row, errors = parse_row(2, _cells(jenis_jabatan=label))
    assert errors == [] and row.kind == code


@pytest.mark.parametrize("label, code", [("", "lainnya"), ("Pensiun", "pensiun"),
                                         ("Meninggal dunia", "meninggal"),
                                         ("mengundurkan_diri", "mengundurkan_diri"),
                                         ("OPD baru", "opd_baru")])
def test_vacancy_reasons(label, code):
    row, errors = parse_row(2, _cells(alasan_kosong=label))
    assert errors == [] and row.reason == code


def test_row_with_both_or_neither_holder_and_vacancy_is_refused():
    _, errors = parse_row(5, _cells(nip_pejabat="197005121998031004", nama_pejabat="A"))
    assert [(e.row, e.column) for e in errors] == [(5, "kosong_sejak")]
    _, errors = parse_row(6, _cells(kosong_sejak=""))
    assert [(e.row, e.column) for e in errors] == [(6, "nip_pejabat")]


def test_acting_needs_kind_nip_name_and_start():
    _, errors = parse_row(3, _cells(nama_pelaksana="Drs. X"))
    assert sorted(e.column for e in errors) == ["jenis_pelaksana", "mulai_tugas", "nip_pelaksana"]


def test_blank_lines_are_skipped_and_row_numbers_follow_excel():
    table = _table([_cells(), {k: "" for k in _cells()}, _cells(jabatan="", opd="Dinas A")])
    rows, errors = parse_table(table)
    assert [r.row for r in rows] == [2]
    assert [(e.row, e.column) for e in errors] == [(4, "jabatan")]


def test_same_post_twice_in_a_file_is_refused():
    _, errors = parse_table(_table([_cells(), _cells(jabatan="kepala dinas sosial")]))
    assert [(e.row, e.column) for e in errors] == [(3, "jabatan")]
    assert "baris 2" in errors[0].message
