"""The next Rakor date the flag rules look ahead to, from the calendar."""
import datetime as dt

from plt_tracker.core.db import transaction
from plt_tracker.rakor import operations
from plt_tracker.rakor.upcoming import next_rakor_date


def test_next_rakor_is_the_first_meeting_on_or_after_the_date(instansi):
    assert next_rakor_date(instansi.id, dt.date(2026, 1, 15)) == dt.date(2026, 2, 2)
    assert next_rakor_date(instansi.id, dt.date(2026, 2, 2)) == dt.date(2026, 2, 2)
    assert next_rakor_date(instansi.id, dt.date(2026, 5, 5)) == dt.date(2026, 6, 2)  # Pancasila


def test_next_rakor_skips_cancelled_and_sees_moved_and_added(instansi):
    today = dt.date(2026, 1, 15)
    with transaction():
        operations.cancel_meeting(instansi.id, rule_month=dt.date(2026, 2, 1))
    assert next_rakor_date(instansi.id, today) == dt.date(2026, 3, 2)
    with transaction():
        operations.move_meeting(instansi.id, dt.date(2026, 2, 1), dt.date(2026, 2, 12), "",
                                today=today)
    assert next_rakor_date(instansi.id, today) == dt.date(2026, 2, 12)
    with transaction():
        operations.add_meeting(instansi.id, dt.date(2026, 1, 26), "Rakor khusus", today=today)
    assert next_rakor_date(instansi.id, today) == dt.date(2026, 1, 26)


def test_a_second_meeting_on_the_same_day_is_refused(instansi):
    from plt_tracker.core.db import RuleViolation

    try:
        with transaction():
            operations.add_meeting(instansi.id, dt.date(2026, 2, 2), "", today=dt.date(2026, 1, 15))
    except RuleViolation as exc:
        assert "Sudah ada Rakor" in exc.message
    else:
        raise AssertionError("a meeting on the rule's date must be refused")
