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


def test_every_archived_demo_report_equals_one_rebuilt_from_the_register(app):
    """The frozen reports agree with the register: extensions signed by then count."""
    from plt_tracker.core.dates import utcnow
    from plt_tracker.extensions import db
    from plt_tracker.rakor.queries import latest_reports_before, meeting_on
    from plt_tracker.rakor.report import build_snapshot

    ctx = load_demo(dt.date(2026, 1, 15))
    db.session.expire_all()
    for report in reports_of(ctx.instansi.id):
        meeting = meeting_on(ctx.instansi.id, report.meeting_date)
        previous = latest_reports_before(ctx.instansi.id, report.meeting_date, 1)
        rebuilt = build_snapshot(ctx.instansi, meeting,
                                 next_rakor=(dt.date.fromisoformat(report.snapshot["next_rakor"])
                                             if report.snapshot["next_rakor"] else None),
                                 generated_at=utcnow(), version=report.version,
                                 previous=previous[0].snapshot if previous else None)
        for key in ("summary", "rows", "vacancies", "changes"):
            assert rebuilt[key] == report.snapshot[key], (report.meeting_date, key)
