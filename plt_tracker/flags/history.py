"""Which posts earlier Rakor reports flagged, for the ESCALATED rule.

What the Rakor was actually told, not a recomputation: each report keeps, beside its
frozen snapshot, the posts it flagged warning or worse (RakorReport.escalating_post_ids),
so the history costs two small queries, not the decoding of whole snapshots.
"""
ESCALATING_SEVERITIES = {"warning", "critical"}


def escalating_posts(snapshot):
    """Return the sorted ids of the posts a report snapshot flagged warning or worse."""
    return sorted({row["post_id"] for row in snapshot.get("rows", [])
                   if any(f["severity"] in ESCALATING_SEVERITIES for f in row["flags"])})


def recent_flag_history(instansi_id, before, count):
    """Return, for each of the last `count` reports before `before` (newest first),
    the set of post ids flagged warning or worse (the latest version of each meeting)."""
    from plt_tracker.extensions import db
    from plt_tracker.rakor.models import RakorReport

    dates = db.session.scalars(
        db.select(RakorReport.meeting_date).filter(RakorReport.instansi_id == instansi_id,
                                                   RakorReport.meeting_date < before)
        .group_by(RakorReport.meeting_date)
        .order_by(RakorReport.meeting_date.desc()).limit(count)).all()
    if not dates:
        return []
    latest = {}
    for day, ids in db.session.execute(
            db.select(RakorReport.meeting_date, RakorReport.escalating_post_ids)
            .filter(RakorReport.instansi_id == instansi_id, RakorReport.meeting_date.in_(dates))
            .order_by(RakorReport.version)):
        latest[day] = set(ids or ())
    return [latest[day] for day in dates]
