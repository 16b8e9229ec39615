"""Date ranges an admin manages for the flag rules (election windows and Pj periods), and
the stored flags of each open vacancy."""
import datetime as dt
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import JSON, ForeignKey, Index, String, Text
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


class VacancyState(db.Model):
    """A vacancy's flags and who acts in it, as computed for one day (flags.state).

    Stored so that lists sort, filter and page in SQL whatever the size of the
    register: the vacancy list, the province and national views and the API read
    these rows. Computed again for a pemda when a write made them stale
    (Instansi.flags_valid_for) and by the scheduler every day.
    """

    __tablename__ = "vacancy_state"
    __table_args__ = (
        Index("ix_vacancy_state_rank", "instansi_id", "severity_rank"),
        # The list's default order, nationally and per pemda (migration 0012).
        Index("ix_vacancy_state_order", "is_head", "severity_rank", "start_date", "vacancy_id"),
        Index("ix_vacancy_state_pemda_order", "instansi_id", "is_head", "severity_rank",
              "start_date", "vacancy_id"),
    )
    vacancy_id: Mapped[int] = mapped_column(ForeignKey("vacancy.id"), primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("post.id"), index=True)
    computed_for: Mapped[dt.date]
    # Copies of the vacancy's start and the post's "head of OPD", so the list filters and
    # sorts on this table alone (an index scan for the first page, whatever the size).
    is_head: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    start_date: Mapped[dt.date] = mapped_column(server_default="2000-01-01")
    # 0 critical, 1 warning, 2 info, 3 no flag: the list's default order.
    severity_rank: Mapped[int]
    # ",CODE,CODE," and ",critical,warning,": a filter is a LIKE on one column.
    codes: Mapped[str] = mapped_column(String(400), default="")
    severities: Mapped[str] = mapped_column(String(40), default="")
    acting_kind: Mapped[str] = mapped_column(String(10), default="")
    acting_status: Mapped[str] = mapped_column(String(10), default="")
    acting_official_id: Mapped[Optional[int]]
    acting_name: Mapped[str] = mapped_column(String(200), default="")
    acting_nip: Mapped[str] = mapped_column(String(18), default="")
    acting_own_post: Mapped[str] = mapped_column(String(200), default="")
    acting_since: Mapped[Optional[dt.date]]
    acting_until: Mapped[Optional[dt.date]]
    route: Mapped[str] = mapped_column(String(200), default="")
    attempt_status: Mapped[str] = mapped_column(String(12), default="")
    stage_id: Mapped[Optional[int]]
    stage: Mapped[str] = mapped_column(String(200), default="")
    stage_index: Mapped[Optional[int]]
    stage_count: Mapped[Optional[int]]
    days_in_stage: Mapped[Optional[int]]
    percent: Mapped[int] = mapped_column(default=0)
    # The flags: [{code, severity, reason, follow_up, figures}] (codes and figures are
    # language-free; the reason is the Indonesian sentence).
    flags: Mapped[list] = mapped_column(JSON, default=list)
