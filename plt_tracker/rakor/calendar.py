"""The Rakor calendar as pure functions: the rule's date, holidays, overrides.

Nothing here touches the database or the clock; callers pass the rule, the
admin's individual changes and the holidays, so the same inputs always give
the same meetings (in a test, on the page and in the scheduler).
"""
import calendar as _calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Optional


WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
# Which week of the month; 5 (or -1) is the last one, whether the month has four or five.
WEEKS = {1: "pertama", 2: "kedua", 3: "ketiga", 4: "keempat", 5: "terakhir"}


@dataclass(frozen=True)
class Rule:
    """The recurrence: e.g. the first Monday of every month at 09:00."""

    weekday: int
    week_of_month: int
    time: dt.time


@dataclass(frozen=True)
class Override:
    """An admin's change: an added meeting, a moved or a cancelled one.

    `rule_month` (first day of a month) says which month's rule meeting this row
    replaces; it is None for a meeting added on top of the rule.
    """

    id: int
    meeting_date: Optional[dt.date]
    rule_month: Optional[dt.date]
    cancelled: bool
    note: str = ""


@dataclass(frozen=True)
class Meeting:
    """One planned Rakor as the calendar page and the scheduler see it."""

    date: dt.date
    time: dt.time
    origin: str  # "rule", "moved" or "added"
    cancelled: bool = False
    rule_date: Optional[dt.date] = None  # the rule's date before any shift or move
    shifted_because: tuple = ()  # names of the holidays/weekend days skipped
    note: str = ""
    override_id: Optional[int] = None
    month: Optional[dt.date] = None  # the rule month this meeting stands for (not for added ones)

    @property
    def starts_at(self):
        """Return the meeting's local start as a naive datetime."""
        return dt.datetime.combine(self.date, self.time)


def parse_time(text, default="09:00"):
    """Read "HH:MM" into a time (falls back to `default` when empty)."""
    hours, minutes = (int(p) for p in str(text or default).strip().split(":")[:2])
    return dt.time(hours, minutes)


def rule_from_settings(settings):
    """Build the Rule from a pemda's settings."""
    return Rule(int(settings["rakor_weekday"]), int(settings["rakor_week_of_month"]),
                parse_time(settings["rakor_time"]))


def nth_weekday(year, month, weekday, week_of_month):
    """Return the n-th given weekday of a month (week_of_month 5 or -1: the last one)."""
    days = [d for d in _calendar.Calendar().itermonthdates(year, month)
            if d.month == month and d.weekday() == weekday]
    return days[-1] if week_of_month in (-1, 5) else days[week_of_month - 1]


def holiday_names(years):
    """Return {date: name} of Indonesian public holidays and joint leave days."""
    return dict(_holidays_of(tuple(sorted(set(years)))))


@functools.lru_cache(maxsize=16)
def _holidays_of(years):
    # Every page that shows the next Rakor needs these; they never change within a process.
    import holidays  # imported here: a third of a second that most commands never need

    found = holidays.country_holidays("ID", language="id", categories=("public", "government"),
                                       years=years)
    return tuple(found.items())


def non_working_reason(day, holidays):
    """Say why a day is not a working day ("" when it is one)."""
    if day in holidays:
        return holidays[day]
    if day.weekday() >= 5:
        return WEEKDAYS[day.weekday()]
    return ""


def next_working_day(day, holidays):
    """Return (first working day on/after `day`, names of the days skipped)."""
    skipped = []
    while reason := non_working_reason(day, holidays):
        skipped.append(f"{reason} ({day:%d/%m/%Y})")
        day += dt.timedelta(days=1)
    return day, tuple(skipped)


def month_starts(first, count):
    """Yield the first day of `count` months starting with the month of `first`."""
    year, month = first.year, first.month
    for _ in range(count):
        yield dt.date(year, month, 1)
        month += 1
        if month == 13:
            year, month = year + 1, 1


def plan(first_month, months, rule, overrides, holidays):
    """Return every meeting of `months` months from `first_month`, by date.

    The rule gives one meeting a month, moved to the next working day when it
    falls on a holiday or weekend; an override for that month replaces it
    (moved or cancelled); added meetings come on top. Cancelled meetings stay in
    the list (marked) so the page can show them.
    """
    by_month = {o.rule_month: o for o in overrides if o.rule_month is not None}
    window = list(month_starts(first_month, months))
    meetings = []
    for start in window:
        raw = nth_weekday(start.year, start.month, rule.weekday, rule.week_of_month)
        day, skipped = next_working_day(raw, holidays)
        override = by_month.get(start)
        if override is None:
            meetings.append(Meeting(day, rule.time, "rule", rule_date=raw, shifted_because=skipped,
                                    month=start))
        elif override.cancelled or override.meeting_date is None:
            meetings.append(Meeting(override.meeting_date or day, rule.time,
                                    "moved" if override.meeting_date else "rule", cancelled=True,
                                    rule_date=raw, note=override.note, override_id=override.id,
                                    month=start))
        else:
            meetings.append(Meeting(override.meeting_date, rule.time, "moved", rule_date=day,
                                    note=override.note, override_id=override.id, month=start))
    first, end = window[0], _next_month(window[-1])
    for o in overrides:
        if o.rule_month is None and o.meeting_date and first <= o.meeting_date < end:
            meetings.append(Meeting(o.meeting_date, rule.time, "added", cancelled=o.cancelled,
                                    note=o.note, override_id=o.id))
    return sorted(meetings, key=lambda m: (m.date, m.cancelled))


def _next_month(day):
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def report_due_at(meeting, lead_days, report_time):
    """Return when the report of a meeting is due (naive local datetime)."""
    return dt.datetime.combine(meeting.date - dt.timedelta(days=lead_days), report_time)
