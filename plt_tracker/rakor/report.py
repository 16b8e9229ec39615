"""Build a report's frozen snapshot: summary, flagged vacancies, what changed.

The snapshot is computed as of the meeting date and holds plain JSON values
only, so every format is rendered from it and never from live records.
"""
import datetime as dt

from flask_babel import force_locale

from plt_tracker.audit.models import AuditEntry
from plt_tracker.decisions.followup import followup_counts, followup_section
from plt_tracker.extensions import db
from plt_tracker.flags.engine import SEVERITY_RANK
from plt_tracker.rakor.source import vacancy_records
from plt_tracker.registry.models import Opd, Post
from plt_tracker.vacancies.delays import delays_entered

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
        "summary": dict(summarize(records, flagged, head_posts(instansi.id, as_of)),
                        **reporting_delays(instansi.id, as_of, previous)),
        "rows": flagged,
        "vacancies": [_brief(r) for r in records],
    }
    # The newest audit entry this report has seen: the next report lists the corrections after it.
    snapshot["audit_seen"] = db.session.scalar(
        db.select(db.func.max(AuditEntry.id)).filter_by(instansi_id=instansi.id)) or 0
    snapshot["changes"] = compare(snapshot, previous)
    if previous is not None:
        snapshot["changes"]["corrections"] = corrections_since(instansi.id, previous,
                                                               snapshot["audit_seen"])
    snapshot["summary"]["corrections"] = len(snapshot["changes"].get("corrections", []))
    # What earlier Rakor decided and whether it was done (decisions.followup).
    snapshot["followup"] = followup_section(instansi.id, as_of, previous)
    snapshot["summary"].update(followup_counts(snapshot["followup"]))
    return snapshot


def reporting_delays(instansi_id, as_of, previous):
    """Return the month's reporting delays: records entered since the previous Rakor.

    Days from each letter's or SK's date to its entry in the register, for the
    letters, extensions and appointments entered after the previous meeting (or in
    the 30 days before this one) up to this meeting.
    """
    since = (dt.date.fromisoformat(previous["meeting_date"]) + dt.timedelta(days=1)
             if previous else as_of - dt.timedelta(days=30))
    found = delays_entered(instansi_id, since, as_of)
    return {"reporting_delay_count": found.count, "reporting_delay_median": found.median,
            "reporting_delay_max": found.longest}


def head_posts(instansi_id, as_of):
    """Count the pemda's active head posts (kepala OPD) not frozen or abolished by `as_of`."""
    return db.session.scalar(
        db.select(db.func.count(Post.id)).join(Post.opd)
        .filter(Opd.instansi_id == instansi_id, Post.is_head.is_(True), Post.is_active.is_(True),
                Opd.is_active.is_(True))
        .filter((Post.closed_on.is_(None)) | (Post.closed_on > as_of)))


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


def corrections_since(instansi_id, previous, seen):
    """Return the corrections and voids made since the previous report was frozen.

    Each says what was corrected, why, by whom, and whether it changes what
    that frozen report said (the previous meeting rebuilt from today's register
    differs for that post); the frozen report itself never changes.
    """
    query = db.select(AuditEntry).filter(AuditEntry.instansi_id == instansi_id,
                                         AuditEntry.action.in_(("correct", "void")),
                                         AuditEntry.id <= seen, AuditEntry.post_id.is_not(None))
    if "audit_seen" in previous:
        query = query.filter(AuditEntry.id > previous["audit_seen"])
    else:  # frozen before reports kept their audit mark
        query = query.filter(AuditEntry.at > dt.datetime.fromisoformat(previous["generated_at"]))
    entries = db.session.scalars(query.order_by(AuditEntry.id)).all()
    if not entries:
        return []
    changed = _posts_reading_differently(instansi_id, previous)
    posts = {p.id: p for p in db.session.scalars(
        db.select(Post).filter(Post.id.in_({e.post_id for e in entries})))}
    return [{"post_id": e.post_id, "post": posts[e.post_id].title,
             "opd": posts[e.post_id].opd.name, "what": e.summary, "reason": e.reason or "",
             "action": e.action, "at": e.at.isoformat(timespec="minutes"), "by": e.actor,
             "changes_previous_report": e.post_id in changed} for e in entries]


def _posts_reading_differently(instansi_id, previous):
    """Return the posts whose line in the previous report would read otherwise today."""
    as_of = dt.date.fromisoformat(previous["as_of"])
    following = dt.date.fromisoformat(previous["next_rakor"]) if previous["next_rakor"] else None
    with force_locale("id"):
        now = vacancy_records(instansi_id, as_of, following)
    then = ({v["post_id"]: v for v in previous["vacancies"]},
            {r["post_id"]: _reading(r) for r in previous["rows"]})
    today = ({r["post_id"]: _brief(r) for r in now},
             {r["post_id"]: _reading(r) for r in now if r["flags"]})
    posts = set(then[0]) | set(today[0]) | set(then[1]) | set(today[1])
    return {pid for pid in posts
            if then[0].get(pid) != today[0].get(pid) or then[1].get(pid) != today[1].get(pid)}


def _reading(row):
    """Return what a report line says, without the labels that translations may change."""
    return ({k: row.get(k) for k in ("acting_kind", "acting_name", "acting_until",
                                     "acting_status", "route", "stage", "days_vacant")},
            sorted((f["code"], f["severity"]) for f in row["flags"]))


def compare(current, previous):
    """Say what changed since the previous Rakor's report (None: no earlier report)."""
    if previous is None:
        return {"previous_meeting": None, "new_vacancies": [], "filled": [], "new_flags": [],
                "resolved_flags": [], "flagged_again": [], "corrections": []}
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
