"""Rakor meetings an admin changed, the frozen reports, their runs and deliveries."""
import datetime as dt
from typing import Optional

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.extensions import db


class RakorMeeting(db.Model):
    """An admin's change to the calendar: an added, moved or cancelled meeting.

    A row with `rule_month` replaces that month's rule meeting (moved to
    `meeting_date`, or cancelled); a row without it is an extra meeting.
    """

    __tablename__ = "rakor_meeting"
    __table_args__ = (UniqueConstraint("instansi_id", "rule_month"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    meeting_date: Mapped[Optional[dt.date]]
    rule_month: Mapped[Optional[dt.date]]
    cancelled: Mapped[bool] = mapped_column(default=False)
    note: Mapped[Optional[str]] = mapped_column(String(300))
    created_at: Mapped[dt.datetime]


class RakorReport(db.Model):
    """One version of the flagged-vacancy report of a meeting, frozen as JSON."""

    __tablename__ = "rakor_report"
    __table_args__ = (UniqueConstraint("instansi_id", "meeting_date", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    meeting_date: Mapped[dt.date] = mapped_column(index=True)
    version: Mapped[int]
    # "scheduler", "manual", "cli" or "demo"
    trigger: Mapped[str] = mapped_column(String(20))
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[dt.datetime]
    snapshot: Mapped[dict] = mapped_column(JSON)
    # The posts the snapshot flagged warning or worse (flags.history reads these, not the
    # whole snapshot, to know what earlier Rakor were told).
    escalating_post_ids: Mapped[Optional[list]] = mapped_column(JSON)

    deliveries: Mapped[list["ReportDelivery"]] = relationship(
        back_populates="report", order_by="ReportDelivery.recipient")


class ReportRun(db.Model):
    """The claim that a scheduled job made a meeting's report.

    Its unique key makes the report exactly once even when two scheduler
    processes run: the second insert fails and that process stands down.
    """

    __tablename__ = "report_run"
    __table_args__ = (UniqueConstraint("instansi_id", "meeting_date", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    meeting_date: Mapped[dt.date]
    kind: Mapped[str] = mapped_column(String(20))
    report_id: Mapped[Optional[int]] = mapped_column(ForeignKey("rakor_report.id"))
    created_at: Mapped[dt.datetime]


class ReportDelivery(db.Model):
    """Sending one report to one recipient by email, with its attempts."""

    __tablename__ = "report_delivery"
    __table_args__ = (UniqueConstraint("report_id", "recipient"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("rakor_report.id"), index=True)
    recipient: Mapped[str] = mapped_column(String(200))
    # "pending", "sending", "sent" or "failed"
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[Optional[str]] = mapped_column(Text)
    last_attempt_at: Mapped[Optional[dt.datetime]]
    sent_at: Mapped[Optional[dt.datetime]]

    report: Mapped[RakorReport] = relationship(back_populates="deliveries")
