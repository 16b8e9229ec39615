"""The Rakor calendar rule, holidays and the admin's changes, as pure functions."""
import datetime as dt

from plt_tracker.rakor import calendar

NINE = dt.time(9, 0)
FIRST_MONDAY = calendar.Rule(weekday=0, week_of_month=1, time=NINE)


def _plan(first, months, rule=FIRST_MONDAY, overrides=()):
    years = {first.year, first.year + 1}
    return calendar.plan(first, months, rule, list(overrides), calendar.holiday_names(years))


def test_rule_dates_first_third_and_last_monday():
    assert calendar.nth_weekday(2025, 9, 0, 1) == dt.date(2025, 9, 1)
    # Lebong held its Rakor on Monday 15 September 2025: the third Monday.
    assert calendar.nth_weekday(2025, 9, 0, 3) == dt.date(2025, 9, 15)
    assert calendar.nth_weekday(2025, 9, 0, 5) == dt.date(2025, 9, 29)
    assert calendar.nth_weekday(2026, 2, 0, 5) == dt.date(2026, 2, 23)  # only four Mondays


def test_first_monday_every_month_at_nine():
    meetings = _plan(dt.date(2026, 1, 1), 3)
    assert [m.date for m in meetings] == [dt.date(2026, 1, 5), dt.date(2026, 2, 2),
                                          dt.date(2026, 3, 2)]
    assert all(m.origin == "rule" and m.time == NINE and not m.shifted_because for m in meetings)


def test_joint_leave_day_moves_the_meeting_to_the_next_working_day():
    # Monday 7 April 2025 was cuti bersama for Idul Fitri.
    (april,) = _plan(dt.date(2025, 4, 1), 1)
    assert april.rule_date == dt.date(2025, 4, 7)
    assert april.date == dt.date(2025, 4, 8)
    assert "Cuti Bersama" in april.shifted_because[0]


def test_public_holiday_moves_the_meeting():
    # Monday 1 June 2026 is Hari Lahir Pancasila.
    (june,) = _plan(dt.date(2026, 6, 1), 1)
    assert (june.rule_date, june.date) == (dt.date(2026, 6, 1), dt.date(2026, 6, 2))
    assert "Pancasila" in june.shifted_because[0]


def test_weekend_rule_date_moves_to_monday():
    saturday_rule = calendar.Rule(weekday=5, week_of_month=1, time=NINE)
    (meeting,) = _plan(dt.date(2026, 2, 1), 1, saturday_rule)
    assert meeting.rule_date == dt.date(2026, 2, 7)
    assert meeting.date == dt.date(2026, 2, 9)
    assert [s.split(" ")[0] for s in meeting.shifted_because] == ["Sabtu", "Minggu"]


def test_moved_meeting_replaces_the_rule_date_of_its_month():
    moved = calendar.Override(1, dt.date(2026, 2, 10), dt.date(2026, 2, 1), False, "Bupati dinas luar")
    meetings = _plan(dt.date(2026, 2, 1), 2, overrides=[moved])
    assert [(m.date, m.origin) for m in meetings] == [(dt.date(2026, 2, 10), "moved"),
                                                       (dt.date(2026, 3, 2), "rule")]
    assert meetings[0].rule_date == dt.date(2026, 2, 2)
    assert meetings[0].note == "Bupati dinas luar"


def test_cancelled_and_added_meetings():
    cancelled = calendar.Override(1, None, dt.date(2026, 3, 1), True, "")
    added = calendar.Override(2, dt.date(2026, 3, 20), None, False, "Rakor khusus")
    meetings = _plan(dt.date(2026, 3, 1), 1, overrides=[cancelled, added])
    assert [(m.date, m.origin, m.cancelled) for m in meetings] == [
        (dt.date(2026, 3, 2), "rule", True), (dt.date(2026, 3, 20), "added", False)]


def test_report_due_at_lead_time():
    meeting = calendar.Meeting(dt.date(2026, 2, 2), NINE, "rule")
    assert calendar.report_due_at(meeting, 3, dt.time(7, 0)) == dt.datetime(2026, 1, 30, 7, 0)
