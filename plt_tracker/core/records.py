"""What every correctable record shares: a version, and voiding instead of deleting.

- `Versioned`: SQLAlchemy's version counter. Every UPDATE checks and bumps it,
  so a save made from a stale form is caught (operations compare the form's
  version first, to say what changed meanwhile).
- `Voidable`: a record entered by mistake is voided (batal) with a reason,
  never deleted. Voided records are left out of every ORM query by the hook
  below (lists, flags, reports, relationship loads), except where a query
  asks for them with `.execution_options(include_voided=True)`: the post's
  history shows them, marked as voided.
"""
import datetime as dt
from typing import Optional

from sqlalchemy import String, event
from sqlalchemy.orm import Mapped, Session, declared_attr, mapped_column, with_loader_criteria

INCLUDE_VOIDED = {"include_voided": True}


class Versioned:
    """A record whose every change bumps `version` (optimistic locking)."""

    version: Mapped[int] = mapped_column(default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls):  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}


class Voidable:
    """A record that can be voided (batal) with a reason, and stays on file."""

    voided_at: Mapped[Optional[dt.datetime]] = mapped_column(nullable=True)
    void_reason: Mapped[Optional[str]] = mapped_column(String(300))

    @property
    def is_voided(self):
        return self.voided_at is not None


@event.listens_for(Session, "do_orm_execute")
def _hide_voided(state):
    """Leave voided records out of every ORM SELECT unless asked for them."""
    if (state.is_select and not state.is_column_load and not state.is_relationship_load
            and not state.execution_options.get("include_voided", False)):
        state.statement = state.statement.options(with_loader_criteria(
            Voidable, lambda cls: cls.voided_at.is_(None), include_aliases=True))
