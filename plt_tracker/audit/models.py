"""The audit log: who changed what, when, with the values before and after."""
import datetime as dt
from typing import Optional

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.extensions import db


class AuditEntry(db.Model):
    """One change to a record."""

    __tablename__ = "audit_entry"
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[Optional[int]] = mapped_column(ForeignKey("instansi.id"), index=True)
    user_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    # Who acted when no user did (the import command, the scheduler).
    actor: Mapped[str] = mapped_column(String(100))
    at: Mapped[dt.datetime] = mapped_column(index=True)
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[Optional[int]]
    # The post the change concerns, so its history page can show it.
    post_id: Mapped[Optional[int]] = mapped_column(ForeignKey("post.id"), index=True)
    # The sentence in Bahasa Indonesia, as written (for entries without an event, and search).
    summary: Mapped[str] = mapped_column(String(300))
    # What happened, as a code of audit.events with its values: pages show it in the
    # reader's language.
    event: Mapped[Optional[str]] = mapped_column(String(60))
    params: Mapped[Optional[dict]] = mapped_column(JSON)
    # Why a correction or void was made, as the operator wrote it.
    reason: Mapped[Optional[str]] = mapped_column(String(300))
    # The record's version after the change: a stale form asks what changed since its own.
    entity_version: Mapped[Optional[int]]
    before: Mapped[Optional[dict]] = mapped_column(JSON)
    after: Mapped[Optional[dict]] = mapped_column(JSON)

    user = relationship("User")
