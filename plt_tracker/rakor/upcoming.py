"""The date of the next Rakor, for rules that look ahead to it.

Owned by the Rakor area: until the Rakor calendar exists there is no next
meeting, so rules fall back to their fixed look-ahead.
"""


def next_rakor_date(instansi_id, as_of):  # noqa: ARG001
    """Return the date of the first Rakor on or after `as_of`, or None."""
    return None
