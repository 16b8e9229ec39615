"""The Rakor's minutes (notulen), drafted for the Sekda's office to complete and sign.

One plain structure (`notulen_data`) holds the meeting, the figures of its frozen
report, the follow-up of earlier decisions and the decisions of this meeting; it
is rendered to PDF (WeasyPrint, from an HTML template) and to a Word-compatible
.docx (python-docx). Both are in Bahasa Indonesia whatever the reader's language.
"""
import io
import warnings

from flask import render_template
from flask_babel import force_locale

from plt_tracker.core.i18n import long_date
from plt_tracker.decisions.queries import decisions_of
from plt_tracker.decisions.rules import STATUS_LABELS
from plt_tracker.rakor.calendar import WEEKDAYS
from plt_tracker.rakor.exports import summary_items, to_date

FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
BLANK = "…………………………"


def filename(report, fmt):
    """Return the download name, e.g. notulen-rakor-2026-02-02.docx."""
    return f"notulen-rakor-{report.meeting_date.isoformat()}.{fmt}"


def notulen_data(report):
    """Return what the minutes say: the meeting, its figures, follow-up and decisions."""
    snap, day = report.snapshot, report.meeting_date
    with force_locale("id"):
        figures = [(str(label), value) for label, value in summary_items(snap)]
        decided = [d for d in decisions_of({report.instansi_id}, day)
                   if d.meeting_date == day]
        followup = (snap.get("followup") or {}).get("items", [])
        return {
            "pemda": snap["pemda"],
            "title": f"Notulen Rapat Koordinasi (Rakor) {snap['pemda']}",
            "when": f"{WEEKDAYS[day.weekday()]}, {long_date(day)}, pukul {snap['meeting_time']}",
            "report": f"Laporan Rakor versi {snap['version']} (keadaan per "
                      f"{long_date(to_date(snap['as_of']))})",
            "figures": figures,
            "followup": [_followup_line(item) for item in followup],
            "decisions": [_decision_line(d) for d in decided],
            "place_date": f"{BLANK}, {long_date(day)}",
        }


def _followup_line(item):
    what = f"{item['post']} ({item['opd']})" if item["post"] else "Seluruh pemda"
    status = item["status_label"]
    if item["status"] == "overdue":
        status += f", {item['days_overdue']} hari"
    if item.get("escalated"):
        status += ", eskalasi"
    if item["closed_on"]:
        status += f" {long_date(to_date(item['closed_on']))}"
    return {"what": what, "instruction": item["instruction"], "responsible": item["responsible"],
            "due": long_date(to_date(item["due_date"])), "status": status,
            "note": item.get("closed_note") or ""}


def _decision_line(decision):
    what = (f"{decision.post.title} ({decision.post.opd.name})" if decision.post
            else "Seluruh pemda")
    return {"what": what, "instruction": decision.instruction,
            "responsible": decision.responsible_label, "due": long_date(decision.due_date),
            "flag": decision.flag_code or "", "status": STATUS_LABELS[decision.standing]}


def render_pdf(data):
    """Render the minutes to PDF (A4 portrait)."""
    from weasyprint import HTML

    with force_locale("id"):
        html = render_template("decisions/notulen_print.html", n=data)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        return HTML(string=html, base_url=None).write_pdf()


def render_docx(data):
    """Render the minutes to a Word-compatible .docx."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    heading = doc.add_heading(data["title"], level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("DRAF — untuk dilengkapi dan ditandatangani Sekretariat Daerah")
    for label, value in (("Hari, tanggal", data["when"]), ("Tempat", BLANK),
                         ("Pimpinan rapat", BLANK), ("Peserta", BLANK),
                         ("Bahan", data["report"])):
        doc.add_paragraph(f"{label}: {value}")

    doc.add_heading("I. Keadaan jabatan kepala OPD", level=2)
    _table(doc, ["Keterangan", "Jumlah"], [[label, str(value)] for label, value in data["figures"]])

    doc.add_heading("II. Tindak lanjut Rakor sebelumnya", level=2)
    if data["followup"]:
        _table(doc, ["No", "Jabatan", "Keputusan", "Penanggung jawab", "Tenggat", "Status"],
               [[str(i), f["what"], f["instruction"] + (f" → {f['note']}" if f["note"] else ""),
                 f["responsible"], f["due"], f["status"]]
                for i, f in enumerate(data["followup"], start=1)])
    else:
        doc.add_paragraph("Tidak ada keputusan Rakor sebelumnya yang perlu ditindaklanjuti.")

    doc.add_heading("III. Keputusan Rakor", level=2)
    if data["decisions"]:
        _table(doc, ["No", "Jabatan", "Keputusan", "Penanggung jawab", "Tenggat"],
               [[str(i), d["what"], d["instruction"], d["responsible"], d["due"]]
                for i, d in enumerate(data["decisions"], start=1)])
    else:
        doc.add_paragraph("Belum ada keputusan yang dicatat untuk Rakor ini.")

    doc.add_paragraph("")
    for line in (data["place_date"], "Sekretaris Daerah,", "", "", BLANK, f"NIP {BLANK}"):
        doc.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _table(doc, header, rows):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def render(report, fmt):
    """Render a report's minutes as pdf or docx; returns bytes."""
    data = notulen_data(report)
    return render_pdf(data) if fmt == "pdf" else render_docx(data)
