"""Helpers for selection tests: routes by code, attempts and stages through the operations."""
import datetime as dt

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.selection import operations as ops
from plt_tracker.selection.models import Route

FAR = dt.date(2100, 1, 1)


def route(code, instansi_id=None):
    """Return a pemda's copy of a route (the test pemda's when there is one; not the
    national template)."""
    query = db.select(Route).filter(Route.code == code, Route.instansi_id.is_not(None))
    if instansi_id is not None:
        query = query.filter(Route.instansi_id == instansi_id)
    return db.session.scalar(query.order_by(Route.id))


def start(vacancy, code="seleksi_terbuka", on=None):
    own = route(code, vacancy.post.opd.instansi_id)
    with transaction():
        return ops.start_attempt(vacancy, own, on or vacancy.start_date, today=FAR)


def stage(attempt, position, started, finished=None, **kwargs):
    target = [s for s in attempt.route.stages if s.position == position][0]
    with transaction():
        return ops.record_stage(attempt, target, started, finished_on=finished, today=FAR, **kwargs)
