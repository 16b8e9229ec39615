"""The report job driven by a controlled clock: lead time, catch-up, once, all or nothing."""
import datetime as dt
import threading

import pytest
from sqlalchemy.exc import IntegrityError

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.rakor import operations, scheduler
from plt_tracker.rakor.models import RakorReport, ReportDelivery, ReportRun
from plt_tracker.rakor.queries import meeting_on
from tests.rakor.conftest import FEB_RAKOR

DUE = dt.datetime(2026, 1, 30, 7, 0)  # three days before 2 February 2026, 07:00 WIB


def _reports():
    return db.session.scalars(db.select(RakorReport)).all()


def _runs():
    return db.session.scalars(db.select(ReportRun)).all()


def test_job_fires_at_the_lead_time_not_before(instansi, register):
    assert scheduler.run_due_reports(DUE - dt.timedelta(minutes=1)) == []
    assert _reports() == []

    (outcome,) = scheduler.run_due_reports(DUE)
    assert (outcome.meeting_date, outcome.status) == (FEB_RAKOR, "made")
    (report,) = _reports()
    assert report.meeting_date == FEB_RAKOR and report.trigger == "scheduler"
    assert report.snapshot["as_of"] == "2026-02-02"
    # Later ticks see the run and do nothing more.
    assert scheduler.run_due_reports(DUE + dt.timedelta(hours=5)) == []
    assert len(_reports()) == 1


def test_aware_clock_is_read_in_the_pemda_time_zone(instansi):
    # 30 January 2026 00:00 UTC is 07:00 in Asia/Jakarta.
    utc_due = dt.datetime(2026, 1, 30, 0, 0, tzinfo=dt.timezone.utc)
    assert scheduler.run_due_reports(utc_due - dt.timedelta(seconds=1)) == []
    assert [o.status for o in scheduler.run_due_reports(utc_due)] == ["made"]


def test_catches_up_after_downtime_while_the_meeting_is_ahead(instansi):
    # Down from before the due time until the evening before the meeting.
    (outcome,) = scheduler.run_due_reports(dt.datetime(2026, 2, 1, 20, 0))
    assert outcome.status == "made"
    assert len(_reports()) == 1


def test_no_report_once_the_meeting_has_started(instansi):
    assert scheduler.run_due_reports(dt.datetime(2026, 2, 2, 9, 0)) == []
    assert _reports() == []


def test_lead_time_and_report_time_come_from_settings(instansi, settings_of):
    settings_of(report_lead_days=1, report_time="16:30")
    assert scheduler.run_due_reports(dt.datetime(2026, 2, 1, 16, 29)) == []
    assert [o.status for o in scheduler.run_due_reports(dt.datetime(2026, 2, 1, 16, 30))] == ["made"]


def test_the_claim_refuses_a_second_scheduled_report(instansi):
    meeting = meeting_on(instansi.id, FEB_RAKOR)
    with transaction():
        operations.generate_report(instansi.id, meeting, trigger="scheduler", actor="a",
                                   claim=scheduler.KIND)
    with pytest.raises(IntegrityError):
        with transaction():
            operations.generate_report(instansi.id, meeting, trigger="scheduler", actor="b",
                                       claim=scheduler.KIND)
    assert len(_reports()) == 1 and len(_runs()) == 1


def test_two_schedulers_at_once_make_one_report(app, instansi, register, database_url):
    # A timeout, and abort() on a failure: a thread that fails never leaves the other waiting.
    start = threading.Barrier(2, timeout=120)
    results, errors = [], []

    def scheduler_process():
        # Each thread is its own app with its own connection pool, like a second process.
        other = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url)
        try:
            with other.app_context():
                start.wait()
                results.extend(o.status for o in scheduler.run_due_reports(DUE))
                db.session.remove()
                db.engine.dispose()
        except Exception as exc:  # noqa: BLE001 — reported to the test below
            start.abort()
            errors.append(exc)

    threads = [threading.Thread(target=scheduler_process) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert results.count("made") == 1
    db.session.expire_all()
    assert len(_reports()) == 1 and len(_runs()) == 1


def test_failure_half_way_leaves_nothing_and_the_next_tick_succeeds(instansi, register,
                                                                    settings_of, monkeypatch):
    settings_of(report_recipients="sekda@lebongkab.go.id")

    def broken(report, recipients):
        raise RuntimeError("disk penuh")

    monkeypatch.setattr(operations, "queue_deliveries", broken)
    (outcome,) = scheduler.run_due_reports(DUE)
    assert outcome.status == "failed" and "disk penuh" in outcome.error
    assert _reports() == [] and _runs() == []
    assert db.session.scalars(db.select(ReportDelivery)).all() == []

    monkeypatch.undo()
    (outcome,) = scheduler.run_due_reports(DUE + dt.timedelta(minutes=1))
    assert outcome.status == "made"
    (report,) = _reports()
    assert [d.recipient for d in report.deliveries] == ["sekda@lebongkab.go.id"]


def test_cancelled_meeting_gets_no_report(instansi):
    with transaction():
        operations.cancel_meeting(instansi.id, rule_month=dt.date(2026, 2, 1), note="Libur")
    assert scheduler.run_due_reports(DUE) == []


def test_scheduler_once_command_runs_due_jobs(runner, instansi, monkeypatch):
    from plt_tracker.rakor import commands

    monkeypatch.setattr(commands, "now_local", lambda: DUE)
    result = runner.invoke(args=["plt", "scheduler", "--once"])
    assert result.exit_code == 0, result.output
    assert "02/02/2026: made" in result.output
    result = runner.invoke(args=["plt", "scheduler", "--once"])
    assert "Tidak ada laporan yang jatuh tempo" in result.output
    assert len(_reports()) == 1


def test_build_scheduler_registers_the_tick_by_reference(app):
    sched = scheduler.build_scheduler(30, "sqlite://", blocking=False)
    (job,) = sched.get_jobs()
    assert job.func_ref == "plt_tracker.rakor.scheduler:job_tick"
    assert job.kwargs == {"database_url": "sqlite://"}
    assert job.trigger.interval == dt.timedelta(seconds=30)


def test_moving_a_reported_meeting_makes_its_report_again_at_the_new_lead_time(instansi):
    assert [o.status for o in scheduler.run_due_reports(DUE)] == ["made"]
    with transaction():
        operations.move_meeting(instansi.id, dt.date(2026, 2, 1), dt.date(2026, 2, 9), "",
                                today=dt.date(2026, 1, 30))
    assert scheduler.run_due_reports(dt.datetime(2026, 2, 6, 6, 59)) == []
    (outcome,) = scheduler.run_due_reports(dt.datetime(2026, 2, 6, 7, 0))
    assert (outcome.meeting_date, outcome.status) == (dt.date(2026, 2, 9), "made")


def test_two_scheduler_processes_started_together_make_each_report_once(instansi, database_url):
    """Run `plt scheduler --once` twice at the same time as real OS processes."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from plt_tracker.core.dates import today

    tomorrow = today() + dt.timedelta(days=1)
    with transaction():
        operations.add_meeting(instansi.id, tomorrow, "Rakor khusus", today=today())
    env = dict(os.environ, DATABASE_URL=database_url, SECRET_KEY="test", MAIL_SERVER="")
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "plt", "scheduler", "--once"]
    processes = [subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120)[0] for p in processes]
    assert [p.returncode for p in processes] == [0, 0], outputs
    db.session.expire_all()
    made = [r.meeting_date for r in _reports()]
    assert tomorrow in made
    assert len(made) == len(set(made)) == len(_runs())
    assert sum(o.count(f"{tomorrow:%d/%m/%Y}: made") for o in outputs) == 1
