"""Printing lists of rows as a table, JSON or CSV (for the CLI)."""
import csv
import datetime as dt
import io
import json

from plt_tracker.core.formulas import csv_cell


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if value is None:
        return ""
    return value


def _iso(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def to_json(records):
    """Return records (dicts) as a JSON array: ISO dates, and null where a value is missing."""
    return json.dumps(records, ensure_ascii=False, indent=2, default=_iso)


def to_csv(records, columns):
    """Return records as CSV with a header of `columns`."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({c: csv_cell(_plain(record.get(c))) for c in columns})
    return buffer.getvalue()


def to_table(records, columns):
    """Return records as a plain aligned text table."""
    cells = [[str(_plain(r.get(c))) for c in columns] for r in records]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(lines)


def render(records, columns, fmt):
    """Render records in one of the formats table, json, csv."""
    if fmt == "json":
        return to_json(records)
    if fmt == "csv":
        return to_csv(records, columns)
    return to_table(records, columns)
