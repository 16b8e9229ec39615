"""Vacant and Plt-held posts per month end: the as-of rules of the list, in three statements."""
import datetime as dt

from plt_tracker.dashboard.series import month_ends, monthly
from plt_tracker.vacancies.listing import Filters, computed_rows
from contextlib import contextmanager

from sqlalchemy import event

from plt_tracker.extensions import db

D = dt.date
AS_OF = D(2026, 1, 15)


def _history(factory):
    """A Plt whose extension was signed late, a vacancy filled, one voided, one still open."""
    late = factory.vacancy(start=D(2025, 1, 10))
    letter = factory.acting(late, start=D(2025, 1, 15), end=D(2025, 4, 14))
    factory.extend(letter, D(2025, 7, 14), letter_date=D(2025, 5, 10))
    factory.fill(late, start=D(2025, 9, 1))
    ended = factory.vacancy(start=D(2025, 3, 1))
    early = factory.acting(ended, start=D(2025, 3, 1), end=D(2025, 12, 31))
    from plt_tracker.core.db import transaction
    from plt_tracker.vacancies.operations import end_acting

    with transaction():
        end_acting(early, D(2025, 6, 15), today=D(2100, 1, 1))
    return late, ended


@contextmanager
def selects():
    """Collect the SELECT statements run inside the block."""
    found = []

    def seen(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("SELECT"):
            found.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        yield found
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)


def test_month_ends_end_on_the_as_of_date():
    days = month_ends(AS_OF)
    assert len(days) == 24 and days[-1] == AS_OF
    assert days[0] == D(2024, 2, 29) and days[-2] == D(2025, 12, 31)


def test_each_month_matches_the_list_on_that_day(app, factory, instansi):
    _history(factory)
    points = {p.day: p for p in monthly({instansi.id}, AS_OF)}
    # The first letter ran out on 14 April; the extension existed from 10 May.
    assert points[D(2025, 4, 30)].plt == 1  # the other post's Plt still served
    assert points[D(2025, 5, 31)].plt == 2
    assert points[D(2025, 6, 30)].plt == 1  # ended early on 15 June
    assert points[D(2025, 8, 31)].vacant == 2 and points[D(2025, 9, 30)].vacant == 1
    assert points[D(2024, 12, 31)].vacant == 0
    for day, point in points.items():
        rows = computed_rows(instansi.id, day, Filters())
        active_plt = [r for r in rows if r.acting_status == "active"
                      and r.acting_kind_code == "plt"]
        assert (point.vacant, point.plt) == (len(rows), len(active_plt)), day


def test_the_series_takes_three_statements(app, factory, instansi):
    _history(factory)
    pemda = {instansi.id}
    with selects() as before:
        monthly(pemda, AS_OF)
    for i in range(6):
        vacancy = factory.vacancy(start=D(2025, 2, 1) + dt.timedelta(days=i))
        letter = factory.acting(vacancy, start=vacancy.start_date, end=D(2025, 5, 1))
        factory.extend(letter, D(2025, 8, 1), letter_date=D(2025, 4, 20))
    pemda = {instansi.id}
    with selects() as after:
        points = monthly(pemda, AS_OF)
    assert len(after) == len(before) == 3
    assert points[-1].vacant == 7
