"""Stored vacancy states: stale after a write, computed again by a read or by the scheduler."""
import datetime as dt

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.flags import state
from plt_tracker.flags.models import VacancyState
from plt_tracker.pemda.operations import create_pemda
from plt_tracker.rakor import scheduler
from plt_tracker.registry.models import Instansi
from tests.factories import Factory

DAY = dt.date(2026, 3, 2)


def _states(instansi_id):
    return db.session.scalars(db.select(VacancyState).filter_by(instansi_id=instansi_id)).all()


def test_the_scheduler_computes_every_stale_pemda_and_survives_one_failing(app, instansi,
                                                                           factory, monkeypatch):
    with transaction():
        other = create_pemda("Pemerintah Kabupaten Kaur", "kabupaten")
    ours = factory.acting(factory.vacancy(start=dt.date(2025, 1, 6)),
                          start=dt.date(2025, 1, 6), end=dt.date(2025, 4, 5))
    Factory(other).vacancy(start=dt.date(2026, 2, 1))

    assert scheduler.refresh_states(dt.datetime(2026, 3, 2, 0, 5)) == 2
    (mine,) = _states(instansi.id)
    assert mine.vacancy_id == ours.vacancy_id and mine.computed_for == DAY
    assert mine.acting_status == "expired" and ",ACTING_EXPIRED," in mine.codes
    assert mine.severity_rank == 0 and len(_states(other.id)) == 1
    # Nothing stale: the next tick computes nothing.
    assert scheduler.refresh_states(dt.datetime(2026, 3, 2, 0, 6)) == 0

    # Past midnight every pemda is computed again; one that fails is left for the next tick.
    real = state.refresh

    def failing(instansi_id, day):
        if instansi_id == other.id:
            raise RuntimeError("boom")
        return real(instansi_id, day)

    monkeypatch.setattr(state, "refresh", failing)
    assert scheduler.refresh_states(dt.datetime(2026, 3, 3, 0, 1)) == 1
    db.session.expire_all()
    assert db.session.get(Instansi, instansi.id).flags_valid_for == dt.date(2026, 3, 3)
    assert db.session.get(Instansi, other.id).flags_valid_for == DAY
    assert [s.computed_for for s in _states(other.id)] == [DAY]  # the old states stand
    monkeypatch.setattr(state, "refresh", real)
    assert scheduler.refresh_states(dt.datetime(2026, 3, 3, 0, 2)) == 1


def test_a_write_makes_the_states_stale(app, instansi, factory):
    factory.vacancy(start=dt.date(2026, 1, 5))
    state.refresh(instansi.id, DAY)
    assert db.session.get(Instansi, instansi.id).flags_valid_for == DAY
    factory.vacancy(start=dt.date(2026, 1, 6))
    db.session.expire_all()
    assert db.session.get(Instansi, instansi.id).flags_valid_for is None
    assert state.ensure_fresh({instansi.id}, DAY) == 0
    assert len(_states(instansi.id)) == 2
