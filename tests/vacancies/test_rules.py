"""The pure rules of the register: plain dates in, plain answers out."""
import datetime as dt

from plt_tracker.vacancies import rules
from plt_tracker.vacancies.rules import LetterEnd

D = dt.date


def test_days_vacant_counts_calendar_days():
    assert rules.days_vacant(D(2025, 9, 15), D(2025, 9, 15)) == 0
    assert rules.days_vacant(D(2025, 9, 15), D(2025, 9, 16)) == 1
    assert rules.days_vacant(D(2025, 1, 10), D(2025, 3, 1)) == 50
    assert rules.days_vacant(D(2024, 2, 28), D(2024, 3, 1)) == 2  # leap year


def test_acting_is_active_on_the_day_its_letter_ends_and_expired_the_day_after():
    start, end = D(2025, 3, 1), D(2025, 5, 31)
    assert rules.acting_status(start, end, None, D(2025, 2, 28)) == "future"
    assert rules.acting_status(start, end, None, start) == "active"
    assert rules.acting_status(start, end, None, end) == "active"
    assert rules.acting_status(start, end, None, D(2025, 6, 1)) == "expired"


def test_acting_ended_on_purpose_is_active_on_its_last_day_then_ended():
    start, end = D(2025, 3, 1), D(2025, 5, 31)
    assert rules.acting_status(start, end, D(2025, 4, 10), D(2025, 4, 10)) == "active"
    assert rules.acting_status(start, end, D(2025, 4, 10), D(2025, 4, 11)) == "ended"


def test_effective_end_ignores_an_extension_signed_after_as_of():
    first = D(2025, 5, 31)
    extensions = [LetterEnd(D(2025, 8, 31), known_from=D(2025, 6, 10)),
                  LetterEnd(D(2025, 11, 30), known_from=D(2025, 9, 1))]
    assert rules.effective_end(first, extensions, D(2025, 6, 9)) == first
    assert rules.effective_end(first, extensions, D(2025, 6, 10)) == D(2025, 8, 31)
    assert rules.effective_end(first, extensions, D(2025, 12, 31)) == D(2025, 11, 30)
    assert rules.effective_end(first, [], D(2025, 12, 31)) == first


def test_default_planned_end_adds_calendar_months():
    assert rules.default_planned_end(D(2025, 1, 1), 3) == D(2025, 3, 31)
    assert rules.default_planned_end(D(2025, 9, 15), 3) == D(2025, 12, 14)
    assert rules.default_planned_end(D(2025, 11, 30), 3) == D(2026, 2, 27)  # clamps month end
    assert rules.default_planned_end(D(2025, 1, 1), 6) == D(2025, 6, 30)


def test_intervals_overlap_inclusive_and_open_ended():
    assert rules.intervals_overlap(D(2025, 1, 1), D(2025, 3, 31), D(2025, 3, 31), D(2025, 6, 30))
    assert not rules.intervals_overlap(D(2025, 1, 1), D(2025, 3, 31), D(2025, 4, 1), None)
    assert rules.intervals_overlap(D(2025, 1, 1), None, D(2030, 1, 1), D(2030, 2, 1))


def test_served_until_prefers_the_early_end():
    assert rules.served_until(D(2025, 5, 31), None) == D(2025, 5, 31)
    assert rules.served_until(D(2025, 5, 31), D(2025, 4, 10)) == D(2025, 4, 10)


def test_pick_acting_prefers_an_active_plt_else_the_latest():
    plh = ("active", D(2025, 3, 1), "plh", "plh")
    plt = ("active", D(2025, 2, 1), "plt", "plt")
    old = ("expired", D(2025, 1, 1), "plt", "old")
    later = ("ended", D(2025, 2, 1), "plh", "later")
    assert rules.pick_acting([plh, plt, old])[3] == "plt"
    assert rules.pick_acting([old, later])[3] == "later"
    assert rules.pick_acting([("future", D(2025, 9, 1), "plt", "x")]) is None
