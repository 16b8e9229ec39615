"""Turning column values into JSON and back, by the column's type."""
import datetime as dt
import decimal

from sqlalchemy import Date, DateTime, Numeric, Time


def to_json(value):
    """Return a value JSON can hold (dates as ISO text, decimals as text)."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} cannot be written to a backup")


def from_json(column, value):
    """Return a JSON value as the Python value the column takes."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return dt.date.fromisoformat(value)
    if isinstance(kind, Time):
        return dt.time.fromisoformat(value)
    if isinstance(kind, Numeric) and getattr(kind, "asdecimal", False):
        return decimal.Decimal(value)
    return value
