"""Every format renders from the frozen snapshot: Excel, PDF, JSON, CSV."""
import csv
import datetime as dt
import io
import json

import openpyxl
import pandas as pd
from pypdf import PdfReader

from plt_tracker.rakor import exports


def test_excel_has_summary_and_detail_with_real_dates_and_frozen_header(register, make_report):
    snap = make_report().snapshot
    data = exports.render_xlsx(snap)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Ringkasan", "Rincian"]
    summary, detail = book["Ringkasan"], book["Rincian"]
    assert summary.freeze_panes == "A2" and detail.freeze_panes == "A2"
    figures = {row[0]: row[1] for row in summary.iter_rows(min_row=2, values_only=True)}
    assert figures["Jabatan kosong"] == 4 and figures["Dijabat Plh"] == 1
    assert figures["Tanpa pelaksana"] == 2 and figures["Kosong terlama (hari)"] == 246
    assert figures["Tanggal Rakor"] == dt.datetime(2026, 2, 2)
    header = [c.value for c in detail[1]]
    since = detail.cell(row=2, column=header.index("Kosong sejak") + 1)
    assert since.is_date and since.value == dt.datetime(2025, 6, 1)
    assert since.number_format == "DD/MM/YYYY"
    assert detail.column_dimensions["C"].width >= len("Kepala Dinas Pendidikan")
    frame = pd.read_excel(io.BytesIO(data), sheet_name="Rincian")
    assert len(frame) == len(snap["rows"])
    assert frame.loc[0, "Jabatan"] == "Kepala Dinas Pendidikan"
    assert frame.loc[0, "Lama kosong (hari)"] == 246


def test_pdf_text_shows_the_figures(register, make_report):
    snap = make_report().snapshot
    reader = PdfReader(io.BytesIO(exports.render_pdf(snap)))
    text = " ".join(page.extract_text() for page in reader.pages)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # A4 landscape
    assert "Pemerintah Kabupaten Lebong" in text and "2 Februari 2026" in text
    assert "Jabatan kosong 4" in text and "Kosong terlama (hari) 246" in text
    assert "Kepala Dinas Pendidikan" in text and "8 bulan 1 hari" in text
    assert "Perubahan sejak Rakor sebelumnya" in text


def test_json_is_the_snapshot(register, make_report):
    snap = make_report().snapshot
    assert json.loads(exports.render(snap, "json")) == snap


def test_csv_lists_the_flagged_rows(register, make_report):
    snap = make_report().snapshot
    rows = list(csv.DictReader(io.StringIO(exports.render(snap, "csv").decode("utf-8"))))
    assert len(rows) == len(snap["rows"])
    assert rows[0]["Jabatan"] == "Kepala Dinas Pendidikan"
    assert rows[0]["Kosong sejak"] == "2025-06-01" and rows[0]["Tingkat"] == "Kritis"
    assert "VACANT_LONG" in rows[0]["Tanda"]


def test_html_renders_from_the_snapshot_only(register, make_report, factory):
    report = make_report()
    factory.fill(report_vacancy(register), start=dt.date(2026, 1, 20))
    html = exports.render(report.snapshot, "html").decode("utf-8")
    assert "Kepala Badan Keuangan" in html or report.snapshot["rows"] == []
    assert "Jabatan kosong" in html and ">4<" in html


def report_vacancy(register):
    return register["empty"]


def test_follow_ups_print_once_per_flag_and_a_different_one_on_its_row(register, make_report):
    snap = make_report().snapshot
    first = snap["rows"][0]["flags"][0]
    twin = {**snap["rows"][0], "post": "Kepala Dinas Kembar",
            "flags": [{**first, "follow_up": "Tindak lanjut khusus jabatan ini."}]}
    wide = {**snap, "rows": snap["rows"] + [dict(snap["rows"][0], post="Kepala Dinas Salinan"),
                                            dict(snap["rows"][0], post="Kepala Dinas Salinan 2"),
                                            twin]}
    legend = {e["code"]: e for e in exports.follow_up_legend(wide["rows"])}
    assert legend[first["code"]]["follow_up"] == first["follow_up"]
    assert legend[first["code"]]["count"] == 4
    reader = PdfReader(io.BytesIO(exports.render_pdf(wide)))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Tindak lanjut menurut tanda" in text
    assert text.count(" ".join(first["follow_up"].split())) == 1
    assert "Tindak lanjut khusus jabatan ini." in text
