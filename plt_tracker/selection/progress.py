"""How far a filling attempt has gone on a date, as pure functions of plain values.

Only what was known on `as_of` counts: an attempt started later does not exist
yet, a stage finished later is still running, a failure recorded later had not
happened.
"""
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

ENDED = ("failed", "cancelled", "completed")


@dataclass(frozen=True)
class StageState:
    """One stage of a route with what was recorded for it (dates None when not yet)."""

    stage_id: int
    position: int
    name: str
    expected_days: Optional[int] = None
    needs_minister_approval_check: bool = False
    is_appointment_stage: bool = False
    ends_vacancy: bool = False
    started_on: Optional[dt.date] = None
    finished_on: Optional[dt.date] = None
    document_number: str = ""
    note: str = ""
    code: Optional[str] = None  # "registration" for the applicant minimum
    record_id: Optional[int] = None  # the StageRecord known on the as-of date (to correct it)
    applicants: Optional[int] = None
    extensions: Optional[int] = None


@dataclass(frozen=True)
class AttemptState:
    """A filling attempt as it stood on the as-of date."""

    attempt_id: int
    route_code: str
    route_name: str
    started_on: dt.date
    status: str  # in_progress, failed, cancelled, completed — as of the as-of date
    ended_on: Optional[dt.date] = None
    end_reason: str = ""
    minister_approval_number: str = ""
    minister_approval_date: Optional[dt.date] = None
    stages: tuple = field(default_factory=tuple)  # StageState, in route order

    @property
    def has_minister_approval(self):
        return bool(self.minister_approval_number or self.minister_approval_date)


@dataclass(frozen=True)
class Position:
    """Where an attempt stands: stage k of n, since when, and for how long."""

    index: int  # 1-based; for a finished route, n
    count: int
    stage: Optional[StageState]
    since: Optional[dt.date]  # when the current stage began (its start, else the previous end)
    days_in_stage: Optional[int]  # None when the attempt is not running


def status_on(status, ended_on, as_of):
    """Return an attempt's status on `as_of`: an end recorded later had not happened yet."""
    if status in ENDED and ended_on is not None and ended_on <= as_of:
        return status
    return "in_progress"


def known_stage(stage, started_on, finished_on, as_of, **extra):
    """Return a StageState keeping only the dates known on `as_of`."""
    if started_on is not None and started_on > as_of:
        started_on, finished_on = None, None
    if finished_on is not None and finished_on > as_of:
        finished_on = None
    return StageState(started_on=started_on, finished_on=finished_on, **stage, **extra)


def position(attempt, as_of):
    """Return the current stage of an attempt on `as_of` (the first one not finished)."""
    stages = attempt.stages
    count = len(stages)
    previous_end = attempt.started_on
    for index, stage in enumerate(stages, start=1):
        if stage.finished_on is None:
            since = stage.started_on or previous_end
            running = attempt.status == "in_progress"
            days = (as_of - since).days if running else None
            return Position(index, count, stage, since, days)
        previous_end = stage.finished_on
    return Position(count, count, stages[-1] if stages else None, None, None)


def projected_starts(attempt, as_of):
    """Return {position: (start, end)} of the unfinished stages, projected by their expected days.

    The current stage keeps its real start; later stages follow one another with
    their expected durations (a stage without one counts as zero days).
    """
    now = position(attempt, as_of)
    if now.stage is None or attempt.status != "in_progress":
        return {}
    spans = {}
    start = now.since
    for stage in attempt.stages[now.index - 1:]:
        expected = stage.expected_days or 0
        end = start + dt.timedelta(days=expected)
        if stage is now.stage:
            end = max(end, as_of)
        spans[stage.position] = (start, end)
        start = end
    return spans


def latest_attempt(attempts):
    """Return the attempt that describes the vacancy: a running one, else the latest started."""
    if not attempts:
        return None
    running = [a for a in attempts if a.status == "in_progress"]
    pool = running or attempts
    return max(pool, key=lambda a: (a.started_on, a.attempt_id))
