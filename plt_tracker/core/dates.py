"""Dates as users type them, and the clock in the pemda's time zone."""
import datetime as dt
import re
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from flask import current_app

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")
# Dates outside these years are typing mistakes; inside them every calculation
# (plus months, retirement ages, reports) stays within what Python and the
# databases can hold.
MIN_YEAR, MAX_YEAR = 1900, 2200


def local_tz():
    """Return the configured time zone (Asia/Jakarta by default)."""
    return ZoneInfo(current_app.config.get("TIMEZONE", "Asia/Jakarta"))


def now_local():
    """Return the current time in the configured time zone."""
    return dt.datetime.now(local_tz())


def today():
    """Return today's date in the configured time zone."""
    return now_local().date()


def utcnow():
    """Return the current UTC time as a naive datetime (how we store timestamps)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def local_date(utc_naive):
    """Return the pemda's local date of a stored (naive UTC) timestamp."""
    return utc_naive.replace(tzinfo=dt.timezone.utc).astimezone(local_tz()).date()


def parse_date(value):
    """Parse ISO (2025-03-01) or Indonesian day-month-year (01/03/2025, 1-3-2025).

    Returns a date, or raises ValueError with an Indonesian message.
    """
    if isinstance(value, dt.datetime):
        return check_year(value.date())
    if isinstance(value, dt.date):
        return check_year(value)
    text = str(value).strip()
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.match(text)
        if not match:
            raise ValueError(f"'{text}' bukan tanggal (gunakan 2025-03-01 atau 01/03/2025)")
        day, month, year = (int(g) for g in match.groups())
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"'{text}' bukan tanggal yang ada di kalender") from None
    return check_year(parsed)


def check_year(day):
    """Return the date, or raise ValueError (Indonesian) when its year is out of range."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"Tahun {day.year} di luar rentang {MIN_YEAR}–{MAX_YEAR}")
    return day


def add_months(day, months):
    """Return the date `months` calendar months after `day` (end of month clamps)."""
    return day + relativedelta(months=months)


def duration_parts(start, end):
    """Split the span start..end into whole months and remaining days."""
    delta = relativedelta(end, start)
    return delta.years * 12 + delta.months, delta.days
