"""Limits on what an import reads: each refusal is one Indonesian sentence and changes nothing.

The workbook's zip is checked (macros, unpacked size, compression) before openpyxl sees it:
those tests make openpyxl fail should it be called.
"""
import io
import zipfile

import openpyxl
import pytest

from plt_tracker.core.dates import today
from plt_tracker.importer.operations import run_import
from plt_tracker.importer.parse import parse_file
from tests.conftest import csrf_from
from tests.importer.helpers import (HISTORY_HEADERS, counts, good_rows, register_and_history,
                                    write_csv, write_workbook, write_xlsx)
from tests.importer.test_history import _history


def _refusal(app, path, **limits):
    """Import `path` under these limits; return the single error, having checked nothing changed."""
    app.config.update(limits)
    before = counts()
    with open(path, "rb") as stream:
        report = run_import(parse_file(stream, path.name), today=today(), dry_run=False)
    assert not report.applied and len(report.errors) == 1, report.errors
    assert counts() == before
    error = report.errors[0]
    assert (error.row, error.column) == (0, "")
    return str(error)


@pytest.fixture
def no_parsing(monkeypatch):
    """Fail the test if the workbook is handed to openpyxl."""
    def refuse(*args, **kwargs):
        raise AssertionError("openpyxl must not parse a refused workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", refuse)


def _with_part(source, name, data):
    """Copy an .xlsx adding one more part to its zip."""
    target = source.with_name("extra_" + source.name)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        new.writestr(name, data)
    return target


def test_file_larger_than_the_cap(app, tmp_path):
    message = _refusal(app, write_csv(tmp_path / "besar.csv", good_rows()), IMPORT_MAX_BYTES=200)
    assert message.startswith("berkas: Berkas lebih besar dari ")
    assert message.endswith(" MB; bagi menjadi beberapa berkas")


def test_rows_over_the_cap_in_a_csv_and_over_all_sheets(app, tmp_path):
    message = _refusal(app, write_csv(tmp_path / "baris.csv", good_rows()), IMPORT_MAX_ROWS=2)
    assert "lebih dari 2 baris data" in message
    # Three register rows and three letters: six rows over both sheets.
    path = register_and_history(tmp_path / "dua.xlsx", _history())
    assert "lebih dari 5 baris data" in _refusal(app, path, IMPORT_MAX_ROWS=5)
    app.config["IMPORT_MAX_ROWS"] = 6
    with open(path, "rb") as stream:
        assert parse_file(stream, path.name).ok


def test_too_many_sheets(app, tmp_path):
    sheets = {f"Lembar {n}": (["catatan"], [["isi"]]) for n in range(3)}
    path = write_workbook(tmp_path / "lembar.xlsx", sheets)
    assert "berisi 3 lembar; paling banyak 2" in _refusal(app, path, IMPORT_MAX_SHEETS=2)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_cell_too_long(app, tmp_path, suffix):
    rows = good_rows()
    rows[1][4] = "x" * 1001
    writer = write_csv if suffix == "csv" else write_xlsx
    message = _refusal(app, writer(tmp_path / f"panjang.{suffix}", rows))
    assert "baris 3: isi sel lebih dari 1000 karakter" in message


def test_a_formula_is_refused(app, tmp_path):
    rows = good_rows()
    rows[0][4] = "=HYPERLINK(\"http://contoh.invalid\",\"Klik\")"
    message = _refusal(app, write_xlsx(tmp_path / "rumus.xlsx", rows))
    assert message == ("berkas: Lembar Sheet, sel E2: berisi rumus; salin lalu tempel sebagai "
                       "nilai (Paste Values) sebelum diimpor")


def test_a_workbook_with_macros_is_refused_unparsed(app, tmp_path, no_parsing):
    path = _with_part(write_xlsx(tmp_path / "makro.xlsx", good_rows()), "xl/vbaProject.bin",
                      b"\x00" * 100)
    assert "berisi makro" in _refusal(app, path)


def test_a_zip_bomb_is_refused_unparsed(app, tmp_path, no_parsing):
    # 80 MB of one repeated byte packs into about 80 KB: too large unpacked, too compressed.
    path = _with_part(write_xlsx(tmp_path / "bom.xlsx", good_rows()), "xl/worksheets/sheet9.xml",
                      b"<row/>" * (80 * 1024 * 1024 // 6))
    assert path.stat().st_size < 1024 * 1024
    assert "setelah dibuka lebih dari 64 MB" in _refusal(app, path)


def test_compression_ratio_alone_is_refused(app, tmp_path, no_parsing):
    path = _with_part(write_xlsx(tmp_path / "rasio.xlsx", good_rows()), "xl/padding.xml",
                      b" " * (4 * 1024 * 1024))
    assert "terlalu dimampatkan" in _refusal(app, path)


def test_not_a_workbook(app, tmp_path):
    path = tmp_path / "palsu.xlsx"
    path.write_bytes(b"opd,jabatan\nDinas,Kepala\n")
    assert "rusak atau bukan berkas Excel" in _refusal(app, path)


def test_an_empty_file(app, tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_bytes(b"")
    assert _refusal(app, path) == "berkas: Berkas kosong"


def test_the_page_refuses_with_422_and_changes_nothing(app, client, login_as, tmp_path):
    login_as("admin")
    app.config["IMPORT_MAX_ROWS"] = 2
    before = counts()
    path = write_csv(tmp_path / "baris.csv", good_rows())
    response = client.post("/impor", data={"file": (io.BytesIO(path.read_bytes()), path.name),
                                           "csrf_token": client.csrf},
                           content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "lebih dari 2 baris data" in html and "Terapkan impor" not in html
    assert counts() == before
    assert csrf_from(html)


def test_the_history_sheet_alone_in_a_workbook(app, tmp_path):
    path = write_workbook(tmp_path / "riwayat.xlsx",
                          {"riwayat_pelaksana": (HISTORY_HEADERS, _history())})
    with open(path, "rb") as stream:
        parsed = parse_file(stream, path.name)
    assert parsed.ok and parsed.rows == [] and len(parsed.history) == 3
