"""The date of the next Rakor, for rules that look ahead to it (ACTING_ENDS_SOON)."""


def next_rakor_date(instansi_id, as_of):
    """Return the date of the first (not cancelled) Rakor on or after `as_of`, or None."""
    from plt_tracker.rakor.queries import next_meeting

    meeting = next_meeting(instansi_id, as_of)
    return meeting.date if meeting else None
