"""The demo leaves the reports of the last three Rakor in the archive."""
import datetime as dt

from plt_tracker.demo.commands import load_demo
from plt_tracker.rakor.queries import reports_of


def test_demo_makes_the_last_three_reports_each_compared_with_the_one_before(app):
    ctx = load_demo(dt.date(2026, 1, 15))
    reports = reports_of(ctx.instansi.id)
    assert [r.meeting_date for r in reports] == [dt.date(2026, 1, 5), dt.date(2025, 12, 1),
                                                 dt.date(2025, 11, 3)]
    assert all(r.trigger == "demo" and r.version == 1 for r in reports)
    assert reports[0].snapshot["changes"]["previous_meeting"] == "2025-12-01"
    assert reports[-1].snapshot["changes"]["previous_meeting"] is None
    assert reports[0].snapshot["rows"], "the demo kabupaten has flagged vacancies"
