"""Date ranges an admin manages for the flag rules: election windows and Pj periods."""
import datetime as dt
from typing import Optional

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from plt_tracker.extensions import db


class ElectionWindow(db.Model):
    """A span in which replacing officials needs the Minister's written approval.

    E.g. 6 months before candidates are designated until the end of term
    (UU 10/2016 Pasal 71(2)), or 6 months after a new head's inauguration (Pasal 162(3)).
    """

    __tablename__ = "election_window"
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    note: Mapped[Optional[str]] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(default=True)


class PjPeriod(db.Model):
    """A span in which the region is led by a Pj (acting head): transfers need the Minister's approval."""

    __tablename__ = "pj_period"
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    note: Mapped[Optional[str]] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(default=True)
