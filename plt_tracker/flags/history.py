"""Which posts earlier Rakor reports flagged, for the ESCALATED rule.

Owned by the Rakor reports area: until report snapshots exist it has no
history to read, so it returns an empty list and ESCALATED never fires.
"""


def recent_flag_history(instansi_id, before, count):  # noqa: ARG001
    """Return, for each of the last `count` reports before `before` (newest first),
    the set of post ids flagged warning or worse."""
    return []
