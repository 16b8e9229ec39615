"""Transactions and shared column helpers."""
from contextlib import contextmanager

from plt_tracker.extensions import db


class RuleViolation(ValueError):
    """A business rule refused a change; the message is for the user (Indonesian)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


@contextmanager
def transaction():
    """Run a block as one transaction: commit at the end, roll back on any error.

    Every mutation goes through this so that a refused rule or a crash half way
    leaves nothing half-written.
    """
    try:
        yield db.session
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
