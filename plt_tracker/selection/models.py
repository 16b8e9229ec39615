"""Filling routes and their stages, and each vacancy's filling attempts.

Routes and stages are global (shared by every pemda in the deployment) for
now: they follow national rules (PermenPANRB 15/2019, PP 11/2017 jo. PP 17/2020)
and are seeded by migration 0002; an admin may rename, reorder or re-time the
stages. Give them an `instansi_id` if pemda ever need routes of their own.
"""
import datetime as dt
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.core.db import unique_rule
from plt_tracker.core.records import Versioned, Voidable
from plt_tracker.extensions import db
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.vacancies.models import Vacancy

# The post kinds a route applies to, and "sekda": a route for the Sekda's post only.
SEKDA = "sekda"
ROUTE_TARGETS = {**POST_KINDS, SEKDA: "Sekretaris Daerah"}
ATTEMPT_STATUSES = {
    "in_progress": "Berjalan",
    "failed": "Gagal",
    "cancelled": "Dibatalkan",
    "completed": "Selesai",
}


class Route(Versioned, db.Model):
    """A way to fill a post definitively (open selection, job fit, talent pool, …).

    Each pemda has its own copy of every route (`instansi_id`), made from the
    national template (no pemda) when the pemda is created: an admin's edits of
    one pemda's stages never touch another's.
    """

    __tablename__ = "route"
    __table_args__ = (UniqueConstraint("instansi_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[Optional[int]] = mapped_column(ForeignKey("instansi.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[Optional[str]] = mapped_column(Text)
    # Comma-separated post kinds (registry.models.POST_KINDS) the route applies to.
    post_kinds: Mapped[str] = mapped_column(String(100), default="")
    is_active: Mapped[bool] = mapped_column(default=True)

    # The route's stages in force; a dropped one stays on file for the records that name it.
    stages: Mapped[list["RouteStage"]] = relationship(
        back_populates="route", order_by="RouteStage.position",
        primaryjoin="and_(Route.id == RouteStage.route_id, RouteStage.is_active.is_(True))")
    # Every stage, dropped ones too (for copying a route).
    all_stages: Mapped[list["RouteStage"]] = relationship(viewonly=False, overlaps="stages,route",
                                                          order_by="RouteStage.id")

    @property
    def kinds(self):
        """Return the post kinds this route applies to, as a list."""
        return [k for k in (self.post_kinds or "").split(",") if k]

    def applies_to(self, post):
        """Say whether the route may be used for `post`: a Sekda route only for the Sekda's
        post, other routes by the post's kind."""
        if SEKDA in self.kinds:
            return post.is_sekda_post
        return post.kind in self.kinds

    def __repr__(self):
        return f"<Route {self.code}>"


class RouteStage(Versioned, db.Model):
    """One ordered stage of a route, with the days it is expected to take."""

    __tablename__ = "route_stage"
    id: Mapped[int] = mapped_column(primary_key=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("route.id"), index=True)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(200))
    # None: no expected duration, the stage never counts as stalled.
    expected_days: Mapped[Optional[int]]
    # The Minister's approval should be in hand when this stage falls in an election window / Pj period.
    needs_minister_approval_check: Mapped[bool] = mapped_column(default=False)
    # The stage where the PPK appoints (choice, SK, inauguration): the ELECTION_WINDOW rule checks it.
    is_appointment_stage: Mapped[bool] = mapped_column(default=False)
    # Finishing this stage ends the vacancy (inauguration).
    ends_vacancy: Mapped[bool] = mapped_column(default=False)
    # A role some rules look for: "registration" (minimum number of applicants).
    code: Mapped[Optional[str]] = mapped_column(String(30))
    # A stage dropped from the route: kept for the attempts that recorded it.
    is_active: Mapped[bool] = mapped_column(default=True, server_default=db.true())

    route: Mapped[Route] = relationship(back_populates="stages")

    def __repr__(self):
        return f"<RouteStage {self.position}. {self.name}>"


class FillingAttempt(Versioned, Voidable, db.Model):
    """One try at filling a vacancy along a route; failed tries are kept as history.

    `running_vacancy_id` repeats the vacancy while the attempt runs (not ended,
    not voided): its unique constraint keeps one running attempt per vacancy.
    """

    __tablename__ = "filling_attempt"
    __table_args__ = (
        CheckConstraint("(status = 'in_progress' AND voided_at IS NULL AND "
                        "running_vacancy_id = vacancy_id) OR (running_vacancy_id IS NULL AND "
                        "(status <> 'in_progress' OR voided_at IS NOT NULL))", name="running"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), index=True)
    route_id: Mapped[int] = mapped_column(ForeignKey("route.id"), index=True)
    started_on: Mapped[dt.date]
    status: Mapped[str] = mapped_column(String(20), default="in_progress")
    ended_on: Mapped[Optional[dt.date]]
    end_reason: Mapped[Optional[str]] = mapped_column(String(300))
    minister_approval_number: Mapped[Optional[str]] = mapped_column(String(100))
    minister_approval_date: Mapped[Optional[dt.date]]
    note: Mapped[Optional[str]] = mapped_column(Text)
    running_vacancy_id: Mapped[Optional[int]] = mapped_column(unique=True)

    vacancy: Mapped[Vacancy] = relationship()
    route: Mapped[Route] = relationship()
    # Live stage records only, like Vacancy.actings.
    records: Mapped[list["StageRecord"]] = relationship(
        back_populates="attempt", order_by="StageRecord.started_on",
        primaryjoin="and_(FillingAttempt.id == StageRecord.attempt_id, "
                    "StageRecord.voided_at.is_(None))")

    @property
    def status_label(self):
        return ATTEMPT_STATUSES.get(self.status, self.status)


class StageRecord(Versioned, Voidable, db.Model):
    """What happened at one stage of an attempt: when it started and finished, and the letter."""

    __tablename__ = "stage_record"
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("filling_attempt.id"), index=True)
    stage_id: Mapped[int] = mapped_column(ForeignKey("route_stage.id"), index=True)
    started_on: Mapped[dt.date]
    finished_on: Mapped[Optional[dt.date]]
    document_number: Mapped[Optional[str]] = mapped_column(String(100))
    note: Mapped[Optional[str]] = mapped_column(Text)
    # Registration: how many applied, and how many times registration was extended.
    applicants: Mapped[Optional[int]]
    extensions: Mapped[Optional[int]]

    attempt: Mapped[FillingAttempt] = relationship(back_populates="records")
    stage: Mapped[RouteStage] = relationship()


@event.listens_for(FillingAttempt, "before_insert")
@event.listens_for(FillingAttempt, "before_update")
def _running_key(mapper, connection, attempt):  # noqa: ARG001
    """Repeat the vacancy in `running_vacancy_id` while the attempt runs."""
    running = attempt.status == "in_progress" and attempt.voided_at is None
    attempt.running_vacancy_id = attempt.vacancy_id if running else None


unique_rule("filling_attempt", "running_vacancy_id",
            "Masih ada proses pengisian yang berjalan; tandai gagal/batal atau selesaikan dulu",
            "route_id")
