"""Names that look like spreadsheet formulas stay text in every download and CSV output."""
import csv
import datetime as dt
import io
import json

import openpyxl
import pytest

from plt_tracker.core.formulas import csv_cell, looks_like_formula
from plt_tracker.extensions import db
from plt_tracker.rakor.models import RakorReport
from tests.rakor.conftest import FEB_RAKOR

OPD_NAME = "=1+1"
POST_TITLE = '=HYPERLINK("http://x","Klik")'


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """The archive offers meetings around today: pin it to 15 January 2026."""
    from plt_tracker.rakor import report_views

    monkeypatch.setattr(report_views, "today", lambda: dt.date(2026, 1, 15))


@pytest.fixture
def report(client, login_as, factory):
    """A report made through the page, flagging a post with formula-like names."""
    opd = factory.opd(OPD_NAME)
    factory.vacancy(factory.post(POST_TITLE, opd=opd), start=dt.date(2025, 6, 1))
    factory.vacancy(factory.post("@SUM(A1)"), start=dt.date(2025, 6, 1))
    login_as("admin")
    response = client.post("/rakor/laporan/buat", data={"meeting_date": FEB_RAKOR.isoformat(),
                                                        "csrf_token": client.csrf})
    assert response.status_code == 302
    return db.session.scalars(db.select(RakorReport)).one()


def test_excel_download_keeps_formula_like_names_as_text(client, report):
    response = client.get(f"/rakor/laporan/{report.id}/unduh/xlsx")
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.data))["Rincian"]
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row
             if isinstance(c.value, str)}
    for text in (OPD_NAME, POST_TITLE, "@SUM(A1)"):
        cell = cells[text]  # the visible value is exactly the name as typed
        assert cell.data_type == "s" and cell.quotePrefix, text
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []


def test_csv_download_prefixes_formula_like_names(client, report):
    text = client.get(f"/rakor/laporan/{report.id}/unduh/csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["OPD"] for r in rows} >= {"'" + OPD_NAME}
    assert {r["Jabatan"] for r in rows} >= {"'" + POST_TITLE, "'@SUM(A1)"}
    assert not [v for r in rows for v in r.values() if looks_like_formula(v)]


def test_json_download_keeps_the_names_unchanged(client, report):
    data = json.loads(client.get(f"/rakor/laporan/{report.id}/unduh/json").data)
    assert {r["post"] for r in data["rows"]} >= {POST_TITLE}


def test_cli_csv_prefixes_formula_like_names(app, runner, factory):
    factory.vacancy(factory.post(POST_TITLE, opd=factory.opd(OPD_NAME)), start=dt.date(2025, 6, 1))
    for command in ("vacancies", "flags"):
        result = runner.invoke(args=["plt", command, "--as-of", "2026-01-15", "--format", "csv"])
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert rows and {r["opd"] for r in rows} == {"'" + OPD_NAME}
        assert {r["post"] for r in rows} == {"'" + POST_TITLE}


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+62 812", "'+62 812"), ("-5", "'-5"), ("@x", "'@x"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Dinas", "Dinas"), ("", ""), (5, 5), (None, None),
])
def test_csv_cell(value, expected):
    assert csv_cell(value) == expected
