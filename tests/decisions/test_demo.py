"""The demo's past Rakor decided things: some done, one dropped, some overdue, one escalated."""
import datetime as dt
from collections import Counter

from plt_tracker.decisions.queries import decisions_of
from plt_tracker.demo.commands import load_demo
from plt_tracker.rakor.queries import reports_of

DAY = dt.date(2026, 1, 15)


def test_demo_has_decisions_of_its_past_rakor(app, client, login_as):
    ctx = load_demo(DAY)
    found = decisions_of({ctx.instansi.id}, DAY)
    standing = Counter(d.standing for d in found)
    assert standing["done"] >= 2 and standing["dropped"] >= 1
    assert standing["overdue"] >= 2 and standing["open"] >= 2
    assert {d.meeting_date for d in found} == {dt.date(2025, 11, 3), dt.date(2025, 12, 1),
                                               dt.date(2026, 1, 5)}
    latest = reports_of(ctx.instansi.id)[0]
    summary = latest.snapshot["summary"]
    assert summary["decisions_overdue"] >= 2 and summary["decisions_escalated"] == 1
    assert summary["decisions_done"] >= 1 and summary["decisions_dropped"] == 1

    login_as("viewer")
    listing = client.get(f"/kekosongan?as_of={DAY}").get_data(as_text=True)
    assert 'data-decisions="overdue"' in listing and 'data-decisions="open"' in listing
    page = client.get(f"/rakor/laporan/{latest.id}").get_data(as_text=True)
    assert "Tindak lanjut Rakor sebelumnya" in page and "Eskalasi" in page
