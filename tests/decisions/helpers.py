"""Helpers for the decisions tests: record a decision through the real operation."""
import datetime as dt

from plt_tracker.core.db import transaction
from plt_tracker.decisions import operations as ops

# First Mondays (the default rule's meetings): 2 February, 2 March, 6 April 2026.
FEB, MAR, APR = dt.date(2026, 2, 2), dt.date(2026, 3, 2), dt.date(2026, 4, 6)
FAR = dt.date(2100, 1, 1)


def decide(instansi, *, meeting=FEB, post=None, text="Segera tunjuk Plt", flag=None, opd=None,
           email=None, due=None, today=FAR):
    """Record a decision of the Rakor on `meeting`."""
    with transaction():
        return ops.record_decision(instansi.id, meeting_date=meeting, instruction=text,
                                   today=today, post=post, flag_code=flag, responsible_opd=opd,
                                   responsible_email=email, due_date=due)


def close(decision, day, note="Sudah dilaksanakan", today=FAR):
    """Mark a decision done on `day`."""
    with transaction():
        return ops.close_decision(decision, day, note, today=today)
