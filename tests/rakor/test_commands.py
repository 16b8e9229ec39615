"""`flask plt report` through the real CLI runner."""
import json

import openpyxl

from plt_tracker.extensions import db
from plt_tracker.rakor.models import RakorReport


def test_report_command_makes_a_version_and_prints_json(runner, register):
    result = runner.invoke(args=["plt", "report", "--rakor", "2026-02-02", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["meeting_date"] == "2026-02-02" and data["summary"]["vacant"] == 4
    again = runner.invoke(args=["plt", "report", "--rakor", "2026-02-02"])
    assert "versi 2 dibuat" in again.output
    versions = db.session.scalars(db.select(RakorReport.version).order_by(RakorReport.version)).all()
    assert versions == [1, 2]
    assert {r.trigger for r in db.session.scalars(db.select(RakorReport))} == {"cli"}


def test_report_command_writes_excel_to_a_file(runner, register, tmp_path):
    target = tmp_path / "rakor.xlsx"
    result = runner.invoke(args=["plt", "report", "--rakor", "02/02/2026", "--format", "xlsx",
                                 "--output", str(target)])
    assert result.exit_code == 0, result.output
    assert openpyxl.load_workbook(target).sheetnames == ["Ringkasan", "Rincian"]


def test_report_command_refuses_a_day_without_rakor_and_binary_to_screen(runner, instansi):
    result = runner.invoke(args=["plt", "report", "--rakor", "2026-02-03"])
    assert result.exit_code == 1 and "Tidak ada Rakor" in result.output
    result = runner.invoke(args=["plt", "report", "--rakor", "2026-02-02", "--format", "pdf"])
    assert result.exit_code == 1 and "--output" in result.output
    assert db.session.scalars(db.select(RakorReport)).all() == []
