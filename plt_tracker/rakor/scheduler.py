"""The report job: make each Rakor's report at its lead time, exactly once.

`run_due_reports(now)` is the whole job with an explicit clock: it finds the
meetings whose report is due (lead time reached, meeting still ahead) and not
yet made, and makes each in one transaction that first claims a `report_run`
row. Its unique key lets only one of two concurrent schedulers win; a failure
half way rolls everything back, claim included, so the next tick retries.
Because every tick looks at all due-but-not-done meetings, a scheduler that
was down at the due time catches up as soon as it runs again.
"""
import datetime as dt
from dataclasses import dataclass
from typing import Optional
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy.exc import IntegrityError, OperationalError

from plt_tracker.audit.operations import set_system_actor
from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.rakor import calendar
from plt_tracker.rakor.mail import deliver_pending
from plt_tracker.rakor.models import ReportRun
from plt_tracker.rakor.operations import generate_report
from plt_tracker.rakor.queries import meetings_between
from plt_tracker.registry.models import Instansi
from plt_tracker.settings.logic import get_settings

KIND = "scheduled"


@dataclass
class Outcome:
    """What one tick did for one meeting: "made", "taken" (by another run) or "failed"."""

    instansi_id: int
    meeting_date: dt.date
    status: str
    report_id: Optional[int] = None
    error: str = ""


def local_naive(now):
    """Return `now` as a naive datetime in the pemda's time zone (naive input is local)."""
    if now.tzinfo is None:
        return now
    return now.astimezone(ZoneInfo(current_app.config["TIMEZONE"])).replace(tzinfo=None)


def due_meetings(instansi_id, now):
    """Return the meetings whose report is due at local time `now` and still ahead."""
    settings = get_settings(instansi_id)
    lead = int(settings["report_lead_days"])
    report_time = calendar.parse_time(settings["report_time"], "07:00")
    upcoming = meetings_between(instansi_id, now.date(), now.date() + dt.timedelta(days=lead + 1))
    return [m for m in upcoming
            if calendar.report_due_at(m, lead, report_time) <= now < m.starts_at]


def already_made(instansi_id, meeting_date):
    """Say whether a scheduled run already made this meeting's report."""
    return db.session.scalar(db.select(ReportRun.id).filter_by(
        instansi_id=instansi_id, meeting_date=meeting_date, kind=KIND)) is not None


def run_due_reports(now):
    """Make every due report not made yet; return one Outcome per meeting tried."""
    now = local_naive(now)
    outcomes = []
    instansi_ids = db.session.scalars(db.select(Instansi.id).filter_by(is_active=True)).all()
    for instansi_id in instansi_ids:
        for meeting in due_meetings(instansi_id, now):
            if already_made(instansi_id, meeting.date):
                continue
            outcomes.append(_make(instansi_id, meeting))
    return outcomes


def _make(instansi_id, meeting):
    try:
        with transaction():
            report = generate_report(instansi_id, meeting, trigger="scheduler",
                                     actor="scheduler", claim=KIND)
        return Outcome(instansi_id, meeting.date, "made", report.id)
    except IntegrityError:
        # Another scheduler claimed this meeting first: its report stands.
        return Outcome(instansi_id, meeting.date, "taken")
    except OperationalError as exc:
        # A lock held by the other scheduler (SQLite, or a deadlock victim):
        # whoever holds it makes the report; otherwise the next tick will.
        return Outcome(instansi_id, meeting.date, "taken", error=str(exc.orig))
    except Exception as exc:  # noqa: BLE001 — rolled back; the next tick retries
        current_app.logger.exception("Laporan Rakor %s gagal dibuat", meeting.date)
        return Outcome(instansi_id, meeting.date, "failed", error=f"{type(exc).__name__}: {exc}")


def tick(now):
    """Run one scheduler round: due reports, pending email deliveries, the reminders of open
    Rakor decisions, then the stored flags of every pemda not yet computed for today (all
    of them after midnight; during the day those a write made stale)."""
    outcomes = run_due_reports(now)
    deliver_pending(now=utcnow())
    run_decision_reminders(now)
    refresh_states(now)
    return outcomes


def run_decision_reminders(now):
    """Remind the people responsible of their open Rakor decisions before a meeting
    (decisions.mail); a failure is logged and never stops the report job."""
    from plt_tracker.decisions.mail import run_reminders

    try:
        return run_reminders(local_naive(now))
    except Exception:  # noqa: BLE001 — logged; the next tick retries
        current_app.logger.exception("Pengingat keputusan Rakor gagal")
        return 0, 0


def refresh_states(now):
    """Compute the stored vacancy states that are not for today's local date; return how
    many pemda were computed. A pemda that fails is logged and left for the next tick."""
    from plt_tracker.flags.state import refresh, stale_ids

    day, done = local_naive(now).date(), 0
    for instansi_id in stale_ids(None, day):
        try:
            refresh(instansi_id, day)
            done += 1
        except Exception:  # noqa: BLE001 — rolled back; the next tick retries
            current_app.logger.exception("Penanda pemda %s gagal dihitung", instansi_id)
    return done


def job_tick(database_url=None):
    """Run one round in a fresh app context (the function APScheduler calls by reference)."""
    from plt_tracker import create_app

    overrides = {"SQLALCHEMY_DATABASE_URI": database_url} if database_url else {}
    app = create_app(**overrides)
    with app.app_context():
        set_system_actor("scheduler")
        try:
            for outcome in tick(dt.datetime.now(dt.timezone.utc)):
                app.logger.info("Rakor %s: %s %s", outcome.meeting_date, outcome.status,
                                   outcome.error)
        finally:
            db.session.remove()
            db.engine.dispose()


def build_scheduler(interval_seconds=60, database_url=None, blocking=True):
    """Return an APScheduler 3 scheduler whose one job is `job_tick`, run now and every interval.

    The first run happens at start-up, so a process that was down catches up at
    once; `coalesce` folds missed runs into one, and `max_instances=1` keeps
    ticks of this process from overlapping.
    """
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.schedulers.blocking import BlockingScheduler

    kind = BlockingScheduler if blocking else BackgroundScheduler
    scheduler = kind(timezone=current_app.config["TIMEZONE"])
    scheduler.add_job("plt_tracker.rakor.scheduler:job_tick", "interval", seconds=interval_seconds,
                      kwargs={"database_url": database_url}, id="rakor-report-tick",
                      next_run_time=dt.datetime.now(dt.timezone.utc), coalesce=True,
                      max_instances=1, misfire_grace_time=None, replace_existing=True)
    return scheduler
