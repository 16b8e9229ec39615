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


def test_long_id_lists_go_in_batches_with_the_same_result(app, instansi, factory, monkeypatch):
    from plt_tracker.core import db as core_db
    from plt_tracker.demo.commands import load_demo
    from plt_tracker.flags.queries import flagged_vacancies

    load_demo(DAY)

    def plain(rows):
        return [(r.vacancy_id, r.acting_name, r.acting_own_post, r.extra["stage"],
                 [f.code for f in r.extra["flags"]]) for r in rows]

    whole = plain(flagged_vacancies(instansi.id, DAY))
    statements = []
    monkeypatch.setattr(core_db, "IN_BATCH", 3)
    from sqlalchemy import event

    def count(*_args):
        statements.append(1)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        batched = plain(flagged_vacancies(instansi.id, DAY))
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert batched == whole and len(whole) > 15
    assert any(r[4] for r in whole) and any(r[3] for r in whole)
    assert len(statements) > 20  # the lists really were split
