"""Rakor decisions (keputusan) with their follow-up, and the reminder emails before a Rakor."""
import datetime as dt
from typing import Optional

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.core.records import Versioned
from plt_tracker.extensions import db
from plt_tracker.registry.models import Opd, Post

STATUSES = ("open", "done", "dropped")
# The responsible unit: an OPD of the pemda, or the BKPSDM itself.
RESPONSIBLE_KINDS = ("opd", "bkpsdm")


class Decision(Versioned, db.Model):
    """One instruction of a Rakor: about a (flagged) post or the pemda as a whole.

    `status` is what was recorded (open, done, dropped); being overdue is computed
    from `due_date` on a given day (decisions.rules), never stored. A closed decision
    keeps the day it was closed and what was done (or why it was dropped).
    """

    __tablename__ = "decision"
    __table_args__ = (
        CheckConstraint("status IN ('open', 'done', 'dropped')", name="status"),
        CheckConstraint("(status = 'open' AND closed_on IS NULL) OR "
                        "(status <> 'open' AND closed_on IS NOT NULL)", name="closed"),
        CheckConstraint("(responsible_kind = 'opd' AND responsible_opd_id IS NOT NULL) OR "
                        "(responsible_kind = 'bkpsdm' AND responsible_opd_id IS NULL)",
                        name="responsible"),
        CheckConstraint("due_date >= meeting_date", name="due_after_meeting"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    # The Rakor that decided it.
    meeting_date: Mapped[dt.date] = mapped_column(index=True)
    # The post (a flagged vacancy) it is about; None: the pemda as a whole.
    post_id: Mapped[Optional[int]] = mapped_column(ForeignKey("post.id"), index=True)
    vacancy_id: Mapped[Optional[int]] = mapped_column(ForeignKey("vacancy.id"))
    flag_code: Mapped[Optional[str]] = mapped_column(String(30))
    instruction: Mapped[str] = mapped_column(Text)
    responsible_kind: Mapped[str] = mapped_column(String(10))
    responsible_opd_id: Mapped[Optional[int]] = mapped_column(ForeignKey("opd.id"))
    responsible_email: Mapped[Optional[str]] = mapped_column(String(200))
    due_date: Mapped[dt.date]
    status: Mapped[str] = mapped_column(String(10), default="open")
    closed_on: Mapped[Optional[dt.date]]
    closed_note: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[dt.datetime]
    created_by: Mapped[str] = mapped_column(String(100))

    post: Mapped[Optional[Post]] = relationship()
    responsible_opd: Mapped[Optional[Opd]] = relationship()

    @property
    def responsible_label(self):
        """Return who follows the decision up: the OPD's name, or BKPSDM."""
        return self.responsible_opd.name if self.responsible_opd is not None else "BKPSDM"


class DecisionReminder(db.Model):
    """The email that reminds one responsible person of their open decisions before a Rakor.

    Its unique key (pemda, meeting, recipient) queues each reminder once even when
    two schedulers run; sending is claimed, recorded and retried like the report's.
    """

    __tablename__ = "decision_reminder"
    __table_args__ = (UniqueConstraint("instansi_id", "meeting_date", "recipient"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    meeting_date: Mapped[dt.date]
    recipient: Mapped[str] = mapped_column(String(200))
    decision_ids: Mapped[list] = mapped_column(JSON)
    # "pending", "sending", "sent" or "failed"
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[Optional[str]] = mapped_column(Text)
    last_attempt_at: Mapped[Optional[dt.datetime]]
    sent_at: Mapped[Optional[dt.datetime]]
    created_at: Mapped[dt.datetime]
