"""The demo's Rakor report as PDF: the flagged table starts on page one, and a long row
breaks between its flags, never inside one (a row kept whole left half pages empty)."""
import io
import re

from pypdf import PdfReader

from plt_tracker.pemda.operations import default_pemda
from plt_tracker.rakor.exports import render
from plt_tracker.rakor.queries import reports_of


def _flat(text):
    return re.sub(r"\s+", " ", text)


def test_demo_report_pdf_starts_its_table_on_page_one_and_breaks_rows_cleanly(served_app):
    with served_app.test_request_context():
        snapshot = reports_of(default_pemda().id)[0].snapshot
        pdf = render(snapshot, "pdf")
    pages = [_flat(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(snapshot["rows"]) >= 10
    first = snapshot["rows"][0]
    assert "Jabatan kosong yang ditandai" in pages[0]
    assert _flat(first["post"])[:20] in pages[0]
    assert re.search(r"dibuat \d\d/\d\d/\d{4} \d\d:\d\d WIB", pages[0])  # the pemda's time
    for row in snapshot["rows"]:
        for flag in row["flags"]:
            # Each flag's reason is whole on one page (its start and its end together).
            reason = _flat(flag["reason"])
            assert any(reason[:25] in page and reason[-15:] in page for page in pages), reason
