"""Reads of the Rakor area: planned meetings, reports and their deliveries."""
import datetime as dt

from sqlalchemy.orm import defer

from plt_tracker.extensions import db
from plt_tracker.rakor import calendar
from plt_tracker.rakor.models import RakorMeeting, RakorReport
from plt_tracker.settings.logic import get_settings


def overrides_of(instansi_id):
    """Return the admin's calendar changes as plain Override values."""
    rows = db.session.scalars(db.select(RakorMeeting).filter_by(instansi_id=instansi_id))
    return [calendar.Override(r.id, r.meeting_date, r.rule_month, r.cancelled, r.note or "")
            for r in rows]


def planned_meetings(instansi_id, first, months=12):
    """Return the meetings (cancelled ones included) of `months` months from `first`."""
    settings = get_settings(instansi_id)
    years = range(first.year, first.year + months // 12 + 2)
    return calendar.plan(first, months, calendar.rule_from_settings(settings),
                         overrides_of(instansi_id), calendar.holiday_names(years))


def meetings_between(instansi_id, start, end):
    """Return the meetings held (not cancelled) from `start` up to, not including, `end`."""
    months = (end.year - start.year) * 12 + end.month - start.month + 2
    return [m for m in planned_meetings(instansi_id, start.replace(day=1), months)
            if not m.cancelled and start <= m.date < end]


def meeting_on(instansi_id, day):
    """Return the meeting held on `day`, or None."""
    found = meetings_between(instansi_id, day, day + dt.timedelta(days=1))
    return found[0] if found else None


def next_meeting(instansi_id, on_or_after):
    """Return the first meeting held on or after a date, or None within a year."""
    found = meetings_between(instansi_id, on_or_after, on_or_after + dt.timedelta(days=400))
    return found[0] if found else None


def reports_of(instansi_id, *, with_snapshot=True):
    """Return every report of a pemda, newest meeting and version first.

    Without `with_snapshot` the (large, growing) frozen snapshots stay in the
    database: enough for pages that only link to the reports.
    """
    query = (db.select(RakorReport).filter_by(instansi_id=instansi_id)
             .order_by(RakorReport.meeting_date.desc(), RakorReport.version.desc()))
    if not with_snapshot:
        query = query.options(defer(RakorReport.snapshot, raiseload=True))
    return db.session.scalars(query).all()


def latest_reports_before(instansi_id, before, count):
    """Return the latest version of each of the last `count` meetings before `before`."""
    dates = db.session.scalars(
        db.select(RakorReport.meeting_date).filter(RakorReport.instansi_id == instansi_id,
                                                   RakorReport.meeting_date < before)
        .group_by(RakorReport.meeting_date)
        .order_by(RakorReport.meeting_date.desc()).limit(count)).all()
    return [latest_report(instansi_id, day) for day in dates]


def latest_report(instansi_id, meeting_date):
    """Return the newest version of a meeting's report, or None."""
    return db.session.scalars(
        db.select(RakorReport).filter_by(instansi_id=instansi_id, meeting_date=meeting_date)
        .order_by(RakorReport.version.desc()).limit(1)).first()


def next_version(instansi_id, meeting_date):
    """Return the version number a new report of the meeting gets."""
    current = db.session.scalar(
        db.select(db.func.max(RakorReport.version)).filter_by(instansi_id=instansi_id,
                                                              meeting_date=meeting_date))
    return (current or 0) + 1
