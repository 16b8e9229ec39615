"""Figures per pemda side by side, from the stored vacancy states (flags.state).

Three grouped queries whatever the number of pemda: the posts each has, its open
vacancies (and how many an acting official holds, how many are critical, the
oldest), and the names. The ranking is a sort of at most a few hundred rows.
"""
import datetime as dt
from dataclasses import dataclass
from typing import Optional

from sqlalchemy import case, func
from sqlalchemy.orm import aliased

from plt_tracker.extensions import db
from plt_tracker.flags.models import VacancyState
from plt_tracker.registry.models import Instansi, Opd, Post
from plt_tracker.vacancies import rules

# The orders the ranking offers: (key, descending).
RANKINGS = {"pelaksana": ("acting_share", True), "terlama": ("longest_days", True),
            "nama": ("name", False), "kritis": ("critical", True)}


@dataclass
class PemdaFigures:
    """One pemda's row of the province or national view."""

    instansi_id: int
    name: str
    kind: str
    province: str
    posts: int = 0
    head_posts: int = 0
    vacant: int = 0
    vacant_heads: int = 0
    acting: int = 0  # vacancies held by an active Plt, Plh or Pj
    no_acting: int = 0
    critical: int = 0
    oldest_since: Optional[dt.date] = None
    longest_days: int = 0
    computed_for: Optional[dt.date] = None

    @property
    def acting_share(self):
        """The share of the pemda's posts held by an acting official (0 to 1)."""
        return self.acting / self.posts if self.posts else 0.0


def pemda_figures(pemda_ids, today, ranking="pelaksana"):
    """Return the figures of these pemda (None: all) on `today`, in the ranking's order."""
    figures = {row.id: PemdaFigures(row.id, row.name, row.kind, row.province or "",
                                    computed_for=row.flags_valid_for)
               for row in _pemda(pemda_ids)}
    for instansi_id, posts, heads in _post_counts(pemda_ids, today):
        if instansi_id in figures:
            figures[instansi_id].posts, figures[instansi_id].head_posts = posts, heads or 0
    for row in _vacancy_counts(pemda_ids):
        item = figures.get(row.instansi_id)
        if item is None:
            continue
        item.vacant, item.vacant_heads = row.vacant, row.heads or 0
        item.acting, item.critical = row.acting or 0, row.critical or 0
        item.no_acting = item.vacant - item.acting
        item.oldest_since = row.oldest
        item.longest_days = rules.days_vacant(row.oldest, today) if row.oldest else 0
    key, descending = RANKINGS.get(ranking, RANKINGS["pelaksana"])
    rows = sorted(figures.values(), key=lambda f: f.name)
    return sorted(rows, key=lambda f: getattr(f, key), reverse=descending)


def totals(rows):
    """Return the sums over the rows (the whole scope's figures)."""
    total = PemdaFigures(0, "", "", "")
    for row in rows:
        for name in ("posts", "head_posts", "vacant", "vacant_heads", "acting", "no_acting",
                     "critical"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        if row.oldest_since and (total.oldest_since is None
                                 or row.oldest_since < total.oldest_since):
            total.oldest_since, total.longest_days = row.oldest_since, row.longest_days
    return total


def _pemda(pemda_ids):
    parent = aliased(Instansi)
    query = (db.select(Instansi.id, Instansi.name, Instansi.kind, Instansi.flags_valid_for,
                       parent.name.label("province"))
             .outerjoin(parent, parent.id == Instansi.parent_id)
             .filter(Instansi.is_active.is_(True)))
    if pemda_ids is not None:
        query = query.filter(Instansi.id.in_(list(pemda_ids)))
    return db.session.execute(query).all()


def _post_counts(pemda_ids, today):
    query = (db.select(Opd.instansi_id, func.count(Post.id),
                       func.sum(case((Post.is_head.is_(True), 1), else_=0)))
             .join(Post.opd)
             .filter(Post.is_active.is_(True), Opd.is_active.is_(True),
                     (Post.closed_on.is_(None)) | (Post.closed_on > today))
             .group_by(Opd.instansi_id))
    if pemda_ids is not None:
        query = query.filter(Opd.instansi_id.in_(list(pemda_ids)))
    return db.session.execute(query).all()


def _vacancy_counts(pemda_ids):
    # On vacancy_state alone (it keeps is_head and start_date): no join, whatever the size.
    query = (db.select(
        VacancyState.instansi_id, func.count().label("vacant"),
        func.sum(case((VacancyState.is_head.is_(True), 1), else_=0)).label("heads"),
        func.sum(case((VacancyState.acting_status == "active", 1), else_=0)).label("acting"),
        func.sum(case((VacancyState.severity_rank == 0, 1), else_=0)).label("critical"),
        func.min(VacancyState.start_date).label("oldest"))
        .group_by(VacancyState.instansi_id))
    if pemda_ids is not None:
        query = query.filter(VacancyState.instansi_id.in_(list(pemda_ids)))
    return db.session.execute(query).all()


def provinces():
    """Return the provinces (for the new-pemda form)."""
    return db.session.scalars(db.select(Instansi).filter_by(kind="provinsi")
                              .order_by(Instansi.name)).all()


def switch_choices(pemda_ids):
    """Return (id, name, province) of the pemda a user may pick, by province then name."""
    parent = aliased(Instansi)
    query = (db.select(Instansi.id, Instansi.name, parent.name)
             .outerjoin(parent, parent.id == Instansi.parent_id)
             .filter(Instansi.is_active.is_(True))
             .order_by(func.coalesce(parent.name, Instansi.name), Instansi.kind != "provinsi",
                       Instansi.name))
    if pemda_ids is not None:
        query = query.filter(Instansi.id.in_(list(pemda_ids)))
    return db.session.execute(query).all()
