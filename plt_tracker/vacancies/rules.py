"""Rules of the vacancy register as plain functions of dates.

They take an explicit `as_of` date and never read the clock, so the same
records give the same answer in a test, a report or the as-of view.
"""
import datetime as dt
from dataclasses import dataclass

from plt_tracker.core.dates import add_months


def days_vacant(start, as_of):
    """Count calendar days from the vacancy start to `as_of` (same day = 0)."""
    return (as_of - start).days


@dataclass(frozen=True)
class LetterEnd:
    """An end date from one letter: the first letter or an extension."""

    end_date: dt.date
    known_from: dt.date  # the day this letter existed (its date, else its start)


def effective_end(first_end, extensions, as_of):
    """Return the last day covered by the letters that existed on `as_of`.

    `extensions` are LetterEnd values; an extension signed after `as_of` did not
    exist yet, so it does not count (Lebong signed many late extensions).
    """
    ends = [first_end] + [e.end_date for e in extensions if e.known_from <= as_of]
    return max(ends)


def acting_status(start, letter_end, ended_on, as_of):
    """Say where an acting assignment stands on `as_of`.

    Returns "future" (not started), "active", "expired" (the letters ran out
    and nobody ended it) or "ended" (ended on purpose, e.g. by an appointment).
    """
    if as_of < start:
        return "future"
    if ended_on is not None and ended_on < as_of:
        return "ended"
    if as_of <= letter_end:
        return "active"
    return "expired"


def intervals_overlap(a_start, a_end, b_start, b_end):
    """Say whether two inclusive date ranges share a day (None end = open)."""
    a_end = a_end or dt.date.max
    b_end = b_end or dt.date.max
    return a_start <= b_end and b_start <= a_end


def served_until(letter_end, ended_on):
    """Return the last day an assignment covers: its early end, else its letters' end."""
    return ended_on if ended_on is not None else letter_end


def pick_acting(candidates):
    """Choose which acting assignment a vacancy shows: an active one, else the latest.

    `candidates` are (status, start_date, kind, item) tuples for the assignments
    that had started; a Plt outranks a Plh when both are active.
    """
    started = [c for c in candidates if c[0] != "future"]
    if not started:
        return None
    active = [c for c in started if c[0] == "active"]
    if active:
        return max(active, key=lambda c: (c[2] == "plt", c[1]))
    return max(started, key=lambda c: c[1])


def default_planned_end(start, months):
    """Return the default last day of a letter: `months` calendar months from its start.

    Inclusive: three months from 1 January end on 31 March (start + 3 months - 1
    day), so that a 3 + 3 month sequence is exactly the 6 months SE BKN 1/SE/I/2021
    allows.
    """
    return add_months(start, months) - dt.timedelta(days=1)
