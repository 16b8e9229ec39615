"""Which posts earlier Rakor reports flagged, for the ESCALATED rule.

It reads the frozen report snapshots (the latest version of each meeting), so
the history is what the Rakor was actually told, not a recomputation.
"""

ESCALATING_SEVERITIES = {"warning", "critical"}


def recent_flag_history(instansi_id, before, count):
    """Return, for each of the last `count` reports before `before` (newest first),
    the set of post ids flagged warning or worse."""
    from plt_tracker.rakor.queries import latest_reports_before

    history = []
    for report in latest_reports_before(instansi_id, before, count):
        rows = report.snapshot.get("rows", [])
        history.append({row["post_id"] for row in rows
                        if any(f["severity"] in ESCALATING_SEVERITIES for f in row["flags"])})
    return history
