"""Build a report's frozen snapshot: summary, flagged vacancies, what changed.

The snapshot is computed as of the meeting date and holds plain JSON values
only, so every format is rendered from it and never from live records.
"""
from flask_babel import force_locale

from plt_tracker.extensions import db
from plt_tracker.flags.engine import SEVERITY_RANK
from plt_tracker.rakor.source import vacancy_records
from plt_tracker.registry.models import Opd, Post

SCHEMA = 1


def build_snapshot(instansi, meeting, *, next_rakor, generated_at, version, previous=None):
    """Return the snapshot of a meeting's report as of the meeting date."""
    as_of = meeting.date
    with force_locale("id"):
        records = vacancy_records(instansi.id, as_of, next_rakor)
    flagged = [r for r in records if r["flags"]]
    flagged.sort(key=lambda r: (SEVERITY_RANK.get(r["severity"], len(SEVERITY_RANK)),
                                -r["days_vacant"], r["opd"]))
    snapshot = {
        "schema": SCHEMA,
        "pemda": instansi.name,
        "meeting_date": as_of.isoformat(),
        "meeting_time": meeting.time.strftime("%H:%M"),
        "as_of": as_of.isoformat(),
        "next_rakor": next_rakor.isoformat() if next_rakor else None,
        "version": version,
        "generated_at": generated_at.isoformat(timespec="seconds"),
        "summary": summarize(records, flagged, head_posts(instansi.id)),
        "rows": flagged,
        "vacancies": [_brief(r) for r in records],
    }
    snapshot["changes"] = compare(snapshot, previous)
    return snapshot


def head_posts(instansi_id):
    """Count the pemda's active head posts (kepala OPD)."""
    return db.session.scalar(
        db.select(db.func.count(Post.id)).join(Post.opd)
        .filter(Opd.instansi_id == instansi_id, Post.is_head.is_(True), Post.is_active.is_(True),
                Opd.is_active.is_(True)))


def summarize(records, flagged, heads):
    """Return the summary figures of a report."""
    days = [r["days_vacant"] for r in records]
    longest = max(records, key=lambda r: r["days_vacant"]) if records else None
    active = [r for r in records if r["acting_status"] == "active"]
    return {
        "head_posts": heads,
        "vacant": len(records),
        "plt": sum(1 for r in active if r["acting_kind"] == "Plt"),
        "plh": sum(1 for r in active if r["acting_kind"] == "Plh"),
        "no_acting": len(records) - len(active),
        # Part of no_acting: someone was named, but the letter ran out (what the Sekda must chase).
        "acting_expired": sum(1 for r in records if r["acting_status"] == "expired"),
        "flagged": len(flagged),
        "flagged_critical": sum(1 for r in flagged if r["severity"] == "critical"),
        "flagged_warning": sum(1 for r in flagged if r["severity"] == "warning"),
        "avg_days_vacant": round(sum(days) / len(days), 1) if days else 0,
        "max_days_vacant": max(days) if days else 0,
        "longest_post": f"{longest['post']} ({longest['opd']})" if longest else "",
    }


def _brief(record):
    return {k: record[k] for k in ("vacancy_id", "post_id", "opd", "post", "vacant_since",
                                   "days_vacant")}


def compare(current, previous):
    """Say what changed since the previous Rakor's report (None: no earlier report)."""
    if previous is None:
        return {"previous_meeting": None, "new_vacancies": [], "filled": [], "new_flags": [],
                "resolved_flags": [], "flagged_again": []}
    before = {v["vacancy_id"]: v for v in previous["vacancies"]}
    now = {v["vacancy_id"]: v for v in current["vacancies"]}
    old_flags = _flag_index(previous["rows"])
    new_flags = _flag_index(current["rows"])
    old_flagged = {r["vacancy_id"] for r in previous["rows"]}
    return {
        "previous_meeting": previous["meeting_date"],
        "new_vacancies": [now[k] for k in now if k not in before],
        "filled": [before[k] for k in before if k not in now],
        "new_flags": [new_flags[k] for k in new_flags if k not in old_flags],
        "resolved_flags": [old_flags[k] for k in old_flags if k not in new_flags],
        "flagged_again": [_brief(r) for r in current["rows"] if r["vacancy_id"] in old_flagged],
    }


def _flag_index(rows):
    return {(r["vacancy_id"], f["code"]): {"opd": r["opd"], "post": r["post"], "code": f["code"],
                                           "severity": f["severity"], "reason": f["reason"]}
            for r in rows for f in r["flags"]}
