"""Helpers for the vacancy tests: count what is stored, prove a refusal saved nothing."""
import contextlib

import pytest
from sqlalchemy import func

from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy

MODELS = (Vacancy, ActingAssignment, ActingExtension, Appointment, AuditEntry)


def stored():
    """Return what the database holds now: row counts and every changeable date."""
    db.session.rollback()  # end any read transaction: read what others committed too
    counts = {m.__name__: db.session.scalar(db.select(func.count()).select_from(m)) for m in MODELS}
    dates = {
        "appointments": sorted(db.session.execute(
            db.select(Appointment.id, Appointment.end_date)).all()),
        "vacancies": sorted(db.session.execute(db.select(Vacancy.id, Vacancy.end_date)).all()),
        "actings": sorted(db.session.execute(
            db.select(ActingAssignment.id, ActingAssignment.end_date,
                      ActingAssignment.ended_on)).all()),
    }
    return counts, dates


@contextlib.contextmanager
def refused(message):
    """Expect a RuleViolation with `message` and check that nothing changed in the database."""
    before = stored()
    with pytest.raises(RuleViolation, match=message):
        with transaction():
            yield
    assert stored() == before
