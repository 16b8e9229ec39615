"""The report's "Tindak lanjut Rakor sebelumnya": frozen, counted, escalated over three Rakor."""
import datetime as dt
import io
import subprocess  # nosec B404  # pdftotext reads the PDF's text back

import openpyxl

from plt_tracker.extensions import db
from plt_tracker.rakor import exports
from plt_tracker.rakor.models import RakorReport
from tests.decisions.helpers import APR, FEB, MAR, close, decide

D = dt.date


def _items(report):
    return {i["instruction"]: (i["status"], i["days_overdue"], i["escalated"])
            for i in report.snapshot["followup"]["items"]}


def test_overdue_and_escalation_across_three_meetings(instansi, register, make_report):
    post = register["empty"].post
    late = decide(instansi, post=post, text="Tunjuk Plt Kepala Badan Keuangan",
                  flag="NO_ACTING", due=D(2026, 2, 20))
    by_next = decide(instansi, post=post, text="Mulai seleksi terbuka")  # due at MAR
    early = decide(instansi, text="Susun jadwal mutasi")
    close(early, D(2026, 2, 10), "Jadwal disusun")

    feb = make_report(FEB)
    assert feb.snapshot["followup"] == {"previous_meeting": None, "items": []}
    assert feb.snapshot["summary"]["decisions_followed"] == 0

    mar = make_report(MAR)
    assert _items(mar) == {"Tunjuk Plt Kepala Badan Keuangan": ("overdue", 10, False),
                           "Mulai seleksi terbuka": ("open", 0, False),
                           "Susun jadwal mutasi": ("done", 0, False)}
    decided_at_mar = decide(instansi, meeting=MAR, text="Laporkan ke Gubernur")
    close(by_next, D(2026, 3, 10), "Seleksi dimulai 10/03/2026")

    apr = make_report(APR)
    # Closed before the March report: that one said so; the April one does not repeat it.
    assert _items(apr) == {"Tunjuk Plt Kepala Badan Keuangan": ("overdue", 45, True),
                           "Mulai seleksi terbuka": ("done", 0, False),
                           "Laporkan ke Gubernur": ("open", 0, False)}
    assert apr.snapshot["followup"]["previous_meeting"] == "2026-03-02"
    summary = apr.snapshot["summary"]
    assert (summary["decisions_followed"], summary["decisions_open"], summary["decisions_overdue"],
            summary["decisions_escalated"], summary["decisions_done"]) == (3, 1, 1, 1, 1)
    assert decided_at_mar.due_date == APR

    # Frozen: closing a decision later changes neither report.
    close(late, D(2026, 4, 10), "Plt ditunjuk")
    db.session.expire_all()
    assert _items(db.session.get(RakorReport, mar.id))["Mulai seleksi terbuka"][0] == "open"
    assert _items(db.session.get(RakorReport, apr.id))["Tunjuk Plt Kepala Badan Keuangan"][0] == \
        "overdue"


def test_the_section_in_every_format(instansi, register, make_report, client, login_as):
    decide(instansi, post=register["empty"].post, text="Tunjuk Plt Kepala Badan Keuangan",
           due=D(2026, 2, 20))
    make_report(MAR)
    report = make_report(APR)
    login_as("viewer")
    page = client.get(f"/rakor/laporan/{report.id}").get_data(as_text=True)
    assert "Tindak lanjut Rakor sebelumnya (1)" in page
    assert "Tunjuk Plt Kepala Badan Keuangan" in page and "Eskalasi" in page
    assert "Keputusan Rakor sebelumnya yang dipantau" in page

    pdf = exports.render(report.snapshot, "pdf")
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()  # nosec B603 B607  # fixed command
    assert "Tindak lanjut Rakor sebelumnya" in text and "Tunjuk Plt Kepala Badan" in text
    book = openpyxl.load_workbook(io.BytesIO(exports.render(report.snapshot, "xlsx")))
    assert book.sheetnames == ["Ringkasan", "Rincian", "Tindak lanjut"]
    rows = list(book["Tindak lanjut"].iter_rows(values_only=True))
    assert rows[1][4] == "Tunjuk Plt Kepala Badan Keuangan"
    assert rows[1][7] == "Lewat tenggat — eskalasi" and rows[1][8] == 45
    figures = dict(book["Ringkasan"].iter_rows(values_only=True))
    assert figures["… lewat tenggat"] == 1
    assert '"followup"' in exports.render(report.snapshot, "json").decode()


def test_a_report_frozen_before_decisions_still_renders(instansi, register, make_report, client,
                                                        login_as):
    report = make_report(FEB)
    old = dict(report.snapshot)
    old.pop("followup")
    old["summary"] = {k: v for k, v in old["summary"].items() if not k.startswith("decisions_")}
    report.snapshot = old
    db.session.commit()
    login_as("viewer")
    page = client.get(f"/rakor/laporan/{report.id}")
    assert page.status_code == 200
    assert "Tindak lanjut Rakor sebelumnya" not in page.get_data(as_text=True)
    book = openpyxl.load_workbook(io.BytesIO(exports.render(old, "xlsx")))
    assert book.sheetnames == ["Ringkasan", "Rincian"]
    assert b"%PDF" in exports.render(old, "pdf")[:8]
