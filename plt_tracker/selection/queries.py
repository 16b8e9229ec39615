"""Read side of filling processes: each vacancy's attempts and progress on a date.

Three queries whatever the number of vacancies (attempts, stages, stage records).
"""
from dataclasses import dataclass, field
from typing import Optional

from plt_tracker.core.db import batched
from plt_tracker.extensions import db
from plt_tracker.selection import progress
from plt_tracker.selection.models import FillingAttempt, Route, RouteStage, StageRecord


@dataclass
class VacancyProgress:
    """A vacancy's attempts (oldest first) and where the describing one stands."""

    attempts: list = field(default_factory=list)  # progress.AttemptState
    current: Optional[progress.AttemptState] = None
    position: Optional[progress.Position] = None

    @property
    def route(self):
        return self.current.route_name if self.current else ""

    @property
    def stage(self):
        if self.position is None or self.position.stage is None:
            return ""
        return self.position.stage.name

    @property
    def stage_index(self):
        return self.position.index if self.position else None

    @property
    def stage_count(self):
        return self.position.count if self.position else None

    @property
    def days_in_stage(self):
        return self.position.days_in_stage if self.position else None

    @property
    def percent(self):
        """Share of stages finished, for the progress bar."""
        if not self.current or not self.position or not self.position.count:
            return 0
        done = sum(1 for s in self.current.stages if s.finished_on is not None)
        return round(100 * done / self.position.count)

    def extra(self):
        """Return the fields the vacancy list and its exports gain."""
        stage_id = self.position.stage.stage_id if self.position and self.position.stage else None
        return {"route": self.route, "stage": self.stage, "stage_id": stage_id,
                "stage_index": self.stage_index,
                "stage_count": self.stage_count, "days_in_stage": self.days_in_stage,
                "attempt_status": self.current.status if self.current else ""}


def progress_by_vacancy(vacancy_ids, as_of):
    """Return {vacancy_id: VacancyProgress} with only what was recorded on or before `as_of`."""
    result = {vid: VacancyProgress() for vid in vacancy_ids}
    if not vacancy_ids:
        return result
    query = (db.select(FillingAttempt, Route.code, Route.name)
             .join(Route, FillingAttempt.route_id == Route.id)
             .filter(FillingAttempt.started_on <= as_of)
             .order_by(FillingAttempt.started_on, FillingAttempt.id))
    attempts = []
    for chunk in batched(vacancy_ids):  # a vacancy's attempts all come in its chunk, in order
        attempts += db.session.execute(query.filter(FillingAttempt.vacancy_id.in_(chunk))).all()
    if not attempts:
        return result
    route_ids = {a.route_id for a, _, _ in attempts}
    # Dropped stages too, ahead of the ones in force at the same position: an attempt that
    # recorded one keeps it in its history.
    stages = db.session.scalars(db.select(RouteStage).filter(RouteStage.route_id.in_(route_ids))
                                .order_by(RouteStage.route_id, RouteStage.position,
                                          RouteStage.is_active)).all()
    by_route = {}
    for stage in stages:
        by_route.setdefault(stage.route_id, []).append(stage)
    records = []
    for chunk in batched(a.id for a, _, _ in attempts):
        records += db.session.scalars(db.select(StageRecord).filter(
            StageRecord.attempt_id.in_(chunk))).all()
    by_attempt = {}
    for row in records:
        by_attempt.setdefault(row.attempt_id, {})[row.stage_id] = row
    for attempt, code, name in attempts:
        recorded = by_attempt.get(attempt.id, {})
        route_stages = [s for s in by_route.get(attempt.route_id, [])
                        if s.is_active or s.id in recorded]
        state = attempt_state(attempt, code, name, route_stages, recorded, as_of)
        result[attempt.vacancy_id].attempts.append(state)
    for item in result.values():
        item.current = progress.latest_attempt(item.attempts)
        if item.current is not None:
            item.position = progress.position(item.current, as_of)
    return result


def attempt_state(attempt, route_code, route_name, stages, records, as_of):
    """Turn an attempt and its records into a progress.AttemptState as of `as_of`."""
    states = []
    for stage in stages:
        row = records.get(stage.id)
        static = dict(stage_id=stage.id, position=stage.position, name=stage.name,
                      expected_days=stage.expected_days,
                      needs_minister_approval_check=stage.needs_minister_approval_check,
                      is_appointment_stage=stage.is_appointment_stage,
                      ends_vacancy=stage.ends_vacancy, code=stage.code)
        states.append(progress.known_stage(
            static, row.started_on if row else None, row.finished_on if row else None, as_of,
            document_number=(row.document_number or "") if row else "",
            note=(row.note or "") if row else "",
            applicants=row.applicants if row else None,
            extensions=row.extensions if row else None,
            record_id=row.id if row and row.started_on is not None and row.started_on <= as_of
            else None))
    status = progress.status_on(attempt.status, attempt.ended_on, as_of)
    approved = attempt.minister_approval_date
    known_approval = approved is None or approved <= as_of
    return progress.AttemptState(
        attempt_id=attempt.id, route_code=route_code, route_name=route_name,
        started_on=attempt.started_on, status=status,
        ended_on=attempt.ended_on if status != "in_progress" else None,
        end_reason=(attempt.end_reason or "") if status != "in_progress" else "",
        minister_approval_number=(attempt.minister_approval_number or "") if known_approval else "",
        minister_approval_date=approved if known_approval else None,
        stages=tuple(states))


def routes_for(post):
    """Return the post's pemda's active routes that apply to it (the Sekda's own for the Sekda)."""
    routes = db.session.scalars(db.select(Route).filter_by(
        instansi_id=post.opd.instansi_id, is_active=True).order_by(Route.id))
    return [r for r in routes if r.applies_to(post)]


def routes_of(instansi_id):
    """Return a pemda's routes with their stages, for the admin page."""
    return list(db.session.scalars(db.select(Route).filter_by(instansi_id=instansi_id)
                                   .order_by(Route.id)))
