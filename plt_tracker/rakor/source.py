"""The live records a report is computed from: vacancies with their flags.

The flag engine (issue 3) gives `flagged_vacancies`; this module turns its rows
into plain JSON values (labels included, in Indonesian) so that the report can
freeze them.
"""
import dataclasses
import datetime as dt

from plt_tracker.core.i18n import duration_words
from plt_tracker.flags.codes import FLAG_LABELS
from plt_tracker.flags.engine import SEVERITY_RANK


def vacancy_records(instansi_id, as_of, next_rakor=None):
    """Return every vacancy on `as_of` as a JSON-safe dict with its flags."""
    # Imported here: the flag queries import the Rakor package (next_rakor_date).
    from plt_tracker.flags.queries import flagged_vacancies

    rows = flagged_vacancies(instansi_id, as_of, next_rakor=next_rakor)
    return [_record(row.as_dict(), as_of) for row in rows]


def _flag(flag):
    # as_dict() already turned the Flag dataclasses into dicts.
    data = plain(dataclasses.asdict(flag) if dataclasses.is_dataclass(flag) else dict(flag))
    data["label"] = str(FLAG_LABELS.get(data["code"], data["code"]))
    return data


def _record(data, as_of):
    flags = [_flag(f) for f in data.get("flags") or []]
    flags.sort(key=lambda f: SEVERITY_RANK.get(f["severity"], len(SEVERITY_RANK)))
    return {
        "vacancy_id": data["vacancy_id"],
        "post_id": data["post_id"],
        "opd": data["opd"],
        "post": data["post"],
        "post_kind": data["post_kind"],
        "eselon": data["eselon"] or "",
        "vacant_since": data["vacant_since"].isoformat(),
        "days_vacant": data["days_vacant"],
        "duration": duration_words(data["vacant_since"], as_of),
        "acting_kind": data["acting_kind"] if data["acting_status"] == "active" else "",
        "acting_name": data["acting_name"] if data["acting_status"] == "active" else "",
        "acting_nip": data["acting_nip"] if data["acting_status"] == "active" else "",
        "acting_own_post": data["acting_own_post"] if data["acting_status"] == "active" else "",
        "acting_until": data["acting_until"].isoformat() if data["acting_until"] else None,
        "acting_status": data["acting_status"],
        "route": _text(data.get("route")),
        "stage": _text(data.get("stage")),
        "stage_index": data.get("stage_index"),
        "stage_count": data.get("stage_count"),
        "days_in_stage": data.get("days_in_stage"),
        "severity": flags[0]["severity"] if flags else "",
        "flags": flags,
    }


def _text(value):
    if value is None:
        return ""
    return value if isinstance(value, str) else str(getattr(value, "name", value))


def plain(value):
    """Return a value with dates as ISO strings, safe to store as JSON."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
