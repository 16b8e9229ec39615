"""Normalising spreadsheet cells: blanks, whole numbers, text and dates."""
import datetime as dt
import math
import re

from plt_tracker.core.dates import parse_date
from plt_tracker.core.messages import N_, message

# Excel counts days from 30 December 1899 (its 1900 leap-year bug included).
EXCEL_EPOCH = dt.date(1899, 12, 30)


def read_date(value, column, fail, required=False):
    """Read a date cell: a real Excel date, an Excel serial number, or text."""
    if value is None or value == "":
        if required:
            fail(column, N_("Tanggal wajib diisi"))
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2958466:  # 1900-01-01 .. 9999-12-31
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        fail(column, message(N_("'%(value)s' bukan tanggal"), value=value))
        return None
    text = str(value).strip()
    # A CSV saved from a datetime column carries a midnight time.
    text = re.sub(r"[ T]00:00(:00)?$", "", text)
    try:
        return parse_date(text)
    except ValueError as exc:
        fail(column, str(exc))
        return None


def clean_cell(value):
    """Normalise one raw cell: blanks to "", numbers that are whole to int, strings stripped."""
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return int(value) if value.is_integer() else value
    if isinstance(value, str):
        return value.strip()
    return value


def cell_text(value):
    """Return a cell as text (numbers without a decimal point)."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value).strip()


def code_of(text):
    """Reduce a label or code to a comparable code: lower case, words joined by "_"."""
    return re.sub(r"[\s_\-]+", "_", str(text).strip().lower())
