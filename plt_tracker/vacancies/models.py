"""Vacancies of posts, and the acting officials (Plt/Plh) who cover them."""
import datetime as dt
from typing import Optional

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import derived_columns, unique_rule
from plt_tracker.core.records import Versioned, Voidable
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Official, Post

VACANCY_REASONS = {
    "pensiun": "Pensiun",
    "mutasi": "Mutasi",
    "promosi": "Promosi",
    "meninggal": "Meninggal dunia",
    "diberhentikan": "Diberhentikan",
    "mengundurkan_diri": "Mengundurkan diri",
    "opd_baru": "OPD baru",
    "lainnya": "Lainnya",
}
# A Pj Sekda acts only in the Sekda's post, named with the governor's approval (Perpres 3/2018).
ACTING_KINDS = {"plt": "Plt", "plh": "Plh", "pj": "Pj Sekda"}


class Vacancy(Versioned, Voidable, db.Model):
    """A span in which a post has no definitive holder.

    The post is vacant from `start_date` (inclusive) until `end_date`
    (exclusive): the day the new holder takes office. `open_post_id` repeats
    the post while the vacancy is open (not filled, not voided): its unique
    constraint keeps one open vacancy per post in the database itself.
    """

    __tablename__ = "vacancy"
    __table_args__ = (
        CheckConstraint("(end_date IS NULL AND voided_at IS NULL AND open_post_id = post_id) OR "
                        "(open_post_id IS NULL AND (end_date IS NOT NULL OR "
                        "voided_at IS NOT NULL))", name="open_post"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    start_date: Mapped[dt.date]
    reason: Mapped[str] = mapped_column(String(30), default="lainnya")
    reason_note: Mapped[Optional[str]] = mapped_column(String(300))
    end_date: Mapped[Optional[dt.date]]
    filled_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("appointment.id"))
    open_post_id: Mapped[Optional[int]] = mapped_column(unique=True)

    post: Mapped[Post] = relationship()
    filled_by: Mapped[Optional[Appointment]] = relationship()
    # Live letters only: a voided one is read back by the post's history on purpose.
    actings: Mapped[list["ActingAssignment"]] = relationship(
        back_populates="vacancy", order_by="ActingAssignment.start_date",
        primaryjoin="and_(Vacancy.id == ActingAssignment.vacancy_id, "
                    "ActingAssignment.voided_at.is_(None))")

    @property
    def reason_label(self):
        return VACANCY_REASONS.get(self.reason, self.reason)

    def open_on(self, day):
        """Say whether the post is vacant on `day`."""
        return self.start_date <= day and (self.end_date is None or day < self.end_date)


class ActingAssignment(Versioned, Voidable, db.Model):
    """A Plt or Plh named by a letter (surat perintah) of the PPK.

    A Plt covers a vacancy; a Plh may also cover a filled post whose holder is
    temporarily absent (then `vacancy_id` is empty). Extensions are their own
    records so that every letter stays on file.
    """

    __tablename__ = "acting_assignment"
    id: Mapped[int] = mapped_column(primary_key=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    vacancy_id: Mapped[Optional[int]] = mapped_column(ForeignKey("vacancy.id"), index=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("official.id"), index=True)
    kind: Mapped[str] = mapped_column(String(3))
    letter_number: Mapped[Optional[str]] = mapped_column(String(100))
    letter_date: Mapped[Optional[dt.date]]
    start_date: Mapped[dt.date]
    # Last day of the first letter (inclusive).
    end_date: Mapped[dt.date]
    # Last day actually served when the assignment was ended early (inclusive).
    ended_on: Mapped[Optional[dt.date]]
    end_note: Mapped[Optional[str]] = mapped_column(String(300))
    # A Pj Sekda's letter needs the governor's approval.
    governor_approval_number: Mapped[Optional[str]] = mapped_column(String(100))
    governor_approval_date: Mapped[Optional[dt.date]]
    # When the letter was entered in the register (the reporting delay).
    created_at: Mapped[Optional[dt.datetime]] = mapped_column(default=utcnow)

    post: Mapped[Post] = relationship()
    vacancy: Mapped[Optional[Vacancy]] = relationship(back_populates="actings")
    official: Mapped[Official] = relationship()
    # Live extensions only, like Vacancy.actings.
    extensions: Mapped[list["ActingExtension"]] = relationship(
        back_populates="assignment", order_by="ActingExtension.end_date",
        primaryjoin="and_(ActingAssignment.id == ActingExtension.assignment_id, "
                    "ActingExtension.voided_at.is_(None))")

    @property
    def kind_label(self):
        return ACTING_KINDS.get(self.kind, self.kind)


class ActingExtension(Versioned, Voidable, db.Model):
    """A letter extending an acting assignment to a new end date."""

    __tablename__ = "acting_extension"
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("acting_assignment.id"), index=True)
    letter_number: Mapped[Optional[str]] = mapped_column(String(100))
    letter_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    note: Mapped[Optional[str]] = mapped_column(Text)
    created_at: Mapped[Optional[dt.datetime]] = mapped_column(default=utcnow)

    assignment: Mapped[ActingAssignment] = relationship(back_populates="extensions")


@derived_columns(Vacancy)
def _open_post(mapper, connection, vacancy):  # noqa: ARG001
    """Repeat the post in `open_post_id` while the vacancy is open."""
    is_open = vacancy.end_date is None and vacancy.voided_at is None
    vacancy.open_post_id = vacancy.post_id if is_open else None


unique_rule("vacancy", "open_post_id", "Jabatan ini sudah tercatat kosong", "start_date")
