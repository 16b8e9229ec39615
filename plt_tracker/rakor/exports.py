"""Render a frozen report snapshot as HTML, PDF, Excel, JSON or CSV.

Every format reads only the snapshot, never the live records, so a report
from March reads the same in November whatever was edited since.
"""
import csv
import datetime as dt
import io
import json
import warnings
from collections import Counter

from flask import render_template
from flask_babel import gettext as _

from plt_tracker.core.formulas import csv_cell, protect_sheet
from plt_tracker.core.i18n import duration_words
from plt_tracker.flags.codes import FLAG_LABELS, SEVERITY_LABELS
from plt_tracker.flags.text import flag_text

# Bare mimetypes: Flask adds "; charset=utf-8" to text types itself.
FORMATS = {
    "html": ("text/html", "html"),
    "pdf": ("application/pdf", "pdf"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "json": ("application/json", "json"),
    "csv": ("text/csv", "csv"),
}
# Every format speaks its reader's language (the session's; the default, Indonesian, for the
# scheduler's emails): the snapshot holds codes, figures and language-free flag messages.


def to_date(value):
    """Turn a snapshot's ISO date back into a date (None stays None)."""
    return dt.date.fromisoformat(value) if value else None


def filename(snapshot, fmt):
    """Return the download name, e.g. laporan-rakor-2025-09-15-v2.pdf."""
    return f"laporan-rakor-{snapshot['meeting_date']}-v{snapshot['version']}.{FORMATS[fmt][1]}"


def summary_items(snapshot):
    """Return the summary figures as (label, value) pairs in display order."""
    s = snapshot["summary"]
    items = [
        (_("Jabatan kepala OPD"), s["head_posts"]),
        (_("Jabatan kosong"), s["vacant"]),
        (_("Dijabat Plt"), s["plt"]),
        (_("Dijabat Plh"), s["plh"]),
        (_("Tanpa pelaksana"), s["no_acting"]),
    ]
    if "acting_expired" in s:  # reports frozen before this figure existed lack it
        items.append((_("… di antaranya surat pelaksana telah habis"), s["acting_expired"]))
    return items + [
        (_("Ditandai kritis"), s["flagged_critical"]),
        (_("Ditandai peringatan"), s["flagged_warning"]),
        (_("Rata-rata lama kosong (hari)"), s["avg_days_vacant"]),
        (_("Kosong terlama (hari)"), s["max_days_vacant"]),
    ] + ([(_("Koreksi dan pembatalan catatan sejak Rakor sebelumnya"), s["corrections"])]
         if "corrections" in s else []) + ([
             (_("Surat dan SK yang dicatat sejak Rakor sebelumnya"), s["reporting_delay_count"]),
             (_("Median keterlambatan pencatatan (hari)"), s["reporting_delay_median"]),
             (_("Keterlambatan pencatatan terlama (hari)"), s["reporting_delay_max"]),
         ] if "reporting_delay_count" in s else []) + followup_items(s)


def followup_items(s):
    """Return the follow-up figures (reports frozen before decisions were kept have none)."""
    if "decisions_followed" not in s:
        return []
    return [
        (_("Keputusan Rakor sebelumnya yang dipantau"), s["decisions_followed"]),
        (_("… belum lewat tenggat"), s["decisions_open"]),
        (_("… lewat tenggat"), s["decisions_overdue"]),
        (_("… di antaranya eskalasi (lewat tenggat pada dua Rakor berturut-turut)"),
         s["decisions_escalated"]),
        (_("… selesai sejak Rakor sebelumnya"), s["decisions_done"]),
        (_("… dihentikan sejak Rakor sebelumnya"), s["decisions_dropped"]),
    ]


def follow_up_legend(rows):
    """Return the follow-up of each flag code once: [{code, label, severity, count, follow_up}].

    Most codes ask for the same follow-up on every row, so the report prints it once per
    code below the table (a row shows its own only where it differs): 200 flagged rows
    then fit about twelve to a page instead of three.
    """
    by_code = {}
    for row in rows:
        for flag in row["flags"]:
            entry = by_code.setdefault(flag["code"], {
                "code": flag["code"], "label": flag.get("label") or flag["code"],
                "severity": flag["severity"], "count": 0, "texts": Counter()})
            entry["count"] += 1
            if flag.get("follow_up"):
                entry["texts"][flag["follow_up"]] += 1
                entry.setdefault("flags", {}).setdefault(flag["follow_up"], flag)
    legend = []
    for entry in by_code.values():
        texts = entry.pop("texts")
        entry["follow_up"] = texts.most_common(1)[0][0] if texts else ""
        # One flag with that follow-up: flag_text renders it in the reader's language.
        entry["flag"] = entry.pop("flags", {}).get(entry["follow_up"], {})
        legend.append(entry)
    rank = {"critical": 0, "warning": 1, "info": 2}
    return sorted(legend, key=lambda e: (rank.get(e["severity"], 3), e["code"]))


def report_context(snapshot):
    """Return what the report body template needs besides the snapshot itself."""
    legend = follow_up_legend(snapshot["rows"])
    return {"snap": snapshot, "d": to_date, "items": summary_items(snapshot),
            "severity_labels": SEVERITY_LABELS, "legend": legend,
            "common_follow_up": {e["code"]: e["follow_up"] for e in legend}}


def render_html(snapshot):
    """Render the printable page of a report (the PDF's source, and the html download)."""
    return render_template("rakor/report_print.html", **report_context(snapshot))


def render_pdf(snapshot):
    """Render the printable page to PDF with WeasyPrint (A4 landscape, local fonts)."""
    from weasyprint import HTML

    html = render_html(snapshot)
    with warnings.catch_warnings():
        # Only a hint that a system library is missing (fonts are then embedded whole).
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        return HTML(string=html, base_url=None).write_pdf()


def detail_rows(snapshot):
    """Return the flagged vacancies as flat rows with Indonesian column names."""
    rows = []
    for r in snapshot["rows"]:
        stage = r["stage"]
        if stage and r["stage_index"] and r["stage_count"]:
            stage = f"{r['stage_index']}/{r['stage_count']} {stage}"
        rows.append({
            _("Tingkat"): str(SEVERITY_LABELS.get(r["severity"], r["severity"])),
            "OPD": r["opd"],
            _("Jabatan"): r["post"],
            _("Kosong sejak"): to_date(r["vacant_since"]),
            _("Lama kosong (hari)"): r["days_vacant"],
            _("Lama kosong"): duration_of(r, snapshot),
            _("Pelaksana"): f"{r['acting_kind']} {r['acting_name']}".strip(),
            _("Jabatan definitif pelaksana"): r["acting_own_post"],
            _("Akhir surat"): to_date(r["acting_until"]),
            _("Jalur"): r["route"],
            _("Tahap"): stage,
            _("Hari di tahap"): r["days_in_stage"],
            _("Tanda"): "; ".join(_flag_text(f) for f in r["flags"]),
            _("Tindak lanjut"): "; ".join(flag_text(f, "follow_up") for f in r["flags"]
                                          if f["follow_up"]),
        })
    return rows


def _flag_text(flag):
    severity = SEVERITY_LABELS.get(flag["severity"], flag["severity"])
    label = FLAG_LABELS.get(flag["code"], flag.get("label") or flag["code"])
    return f"[{severity}] {label} ({flag['code']}): {flag_text(flag, 'reason')}"


def duration_of(row, snapshot):
    """Say how long a row's post was vacant on the report's date, in the reader's language."""
    if not row.get("vacant_since"):
        return row.get("duration", "")
    return duration_words(to_date(row["vacant_since"]), to_date(snapshot["as_of"]))


def render_xlsx(snapshot):
    """Build the Excel workbook: a summary sheet and a detail sheet."""
    import pandas as pd  # imported here: most commands and pages never need it

    head = [(_("Pemda"), snapshot["pemda"]),
            (_("Tanggal Rakor"), to_date(snapshot["meeting_date"])),
            (_("Versi laporan"), snapshot["version"])]
    summary = pd.DataFrame(head + summary_items(snapshot), columns=[_("Keterangan"), _("Nilai")])
    columns = list(detail_rows({"rows": [_EMPTY_ROW]})[0])
    detail = pd.DataFrame(detail_rows(snapshot), columns=columns)
    sheets = [(_("Ringkasan"), summary), (_("Rincian"), detail)]
    # Reports frozen before decisions were kept, and those with nothing to follow up, have
    # no such sheet.
    if (snapshot.get("followup") or {}).get("items"):
        sheets.append((_("Tindak lanjut"), pd.DataFrame(
            followup_rows(snapshot), columns=list(followup_rows(_EMPTY_FOLLOWUP)[0]))))
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl", date_format="DD/MM/YYYY") as writer:
        for name, frame in sheets:
            frame.to_excel(writer, sheet_name=name, index=False)
            _tidy(writer.sheets[name], frame)
            protect_sheet(writer.sheets[name])
    return buffer.getvalue()


_EMPTY_ROW = {"severity": "", "opd": "", "post": "", "vacant_since": None, "days_vacant": 0,
              "duration": "", "acting_kind": "", "acting_name": "", "acting_own_post": "",
              "acting_until": None, "route": "", "stage": "", "stage_index": None,
              "stage_count": None, "days_in_stage": None, "flags": []}


_EMPTY_FOLLOWUP = {"followup": {"items": [{
    "meeting_date": None, "opd": "", "post": "", "flag_code": "", "instruction": "",
    "responsible": "", "due_date": None, "status": "", "status_label": "", "days_overdue": 0,
    "closed_on": None, "closed_note": "", "escalated": False}]}}


def followup_rows(snapshot):
    """Return the follow-up section as flat rows with Indonesian column names."""
    return [{
        _("Rakor"): to_date(i["meeting_date"]),
        "OPD": i["opd"],
        _("Jabatan"): i["post"] or _("Seluruh pemda"),
        _("Penanda"): i["flag_code"],
        _("Keputusan"): i["instruction"],
        _("Penanggung jawab"): i["responsible"],
        _("Tenggat"): to_date(i["due_date"]),
        _("Status"): i["status_label"] + (" — " + _("eskalasi") if i["escalated"] else ""),
        _("Hari lewat tenggat"): i["days_overdue"],
        _("Ditutup"): to_date(i["closed_on"]),
        _("Yang dilakukan / alasan"): i["closed_note"],
    } for i in snapshot["followup"]["items"]]


def _tidy(sheet, frame):
    """Freeze the header row, size the columns, show dates as dates."""
    sheet.freeze_panes = "A2"
    for index, column in enumerate(frame.columns, start=1):
        values = [str(column)] + [str(v) for v in frame[column].tolist() if v is not None]
        width = min(max(len(v) for v in values) + 2, 60)
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = max(width, 10)
        for cell in sheet[letter][1:]:
            if isinstance(cell.value, (dt.date, dt.datetime)):
                cell.number_format = "DD/MM/YYYY"


def render_csv(snapshot):
    """Return the flagged vacancies as CSV (dates ISO)."""
    rows = detail_rows(snapshot)
    columns = list(detail_rows({"rows": [_EMPTY_ROW]})[0])
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (v.isoformat() if isinstance(v, dt.date) else csv_cell(v))
                         for k, v in row.items()})
    return buffer.getvalue()


def render_json(snapshot):
    """Return the snapshot itself as JSON."""
    return json.dumps(snapshot, ensure_ascii=False, indent=2)


def render(snapshot, fmt):
    """Render a snapshot in one of FORMATS; returns bytes."""
    if fmt == "pdf":
        return render_pdf(snapshot)
    if fmt == "xlsx":
        return render_xlsx(snapshot)
    text = {"html": render_html, "json": render_json, "csv": render_csv}[fmt](snapshot)
    return text.encode("utf-8")
