"""The vacancy list page: demo content, filters, as-of, and a fixed number of SQL queries."""
import datetime as dt
from contextlib import contextmanager

from sqlalchemy import event

from plt_tracker.demo.commands import load_demo
from plt_tracker.extensions import db

DAY = dt.date(2026, 1, 15)


@contextmanager
def count_queries():
    """Count the SQL statements run inside the block."""
    counter = {"n": 0}

    def count(*_args):
        counter["n"] += 1

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield counter
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _page_queries(client):
    # A real request gets its own app context and session; the test's own context must
    # not lend it objects that its writes have expired.
    with client.application.app_context(), count_queries() as counter:
        response = client.get(f"/kekosongan?as_of={DAY.isoformat()}")
    assert response.status_code == 200
    return counter["n"], response.get_data(as_text=True)


def test_demo_list_uses_a_fixed_number_of_queries(app, client, login_as, factory):
    load_demo(DAY)
    login_as("viewer")
    before, html = _page_queries(client)
    assert "Kepala Dinas" in html

    for i in range(12):
        vacancy = factory.vacancy(start=dt.date(2025, 3, 1) + dt.timedelta(days=i))
        acting = factory.acting(vacancy, start=vacancy.start_date, end=dt.date(2025, 6, 30))
        factory.extend(acting, dt.date(2025, 12, 31), letter_date=dt.date(2025, 6, 20))
    after, html = _page_queries(client)

    assert html.count("<tr") > 12
    assert after == before, f"{before} queries for the demo, {after} with 12 more vacancies"


def test_filters_and_as_of(app, client, login_as, factory):
    plt_vacancy = factory.vacancy(start=dt.date(2025, 2, 1))
    factory.acting(plt_vacancy, start=dt.date(2025, 2, 3), end=dt.date(2026, 6, 30))
    empty = factory.vacancy(start=dt.date(2025, 9, 1))
    login_as("viewer")

    html = client.get("/kekosongan?as_of=2026-01-15&tanpa_pelaksana=1").get_data(as_text=True)
    assert empty.post.title in html and plt_vacancy.post.title not in html

    html = client.get("/kekosongan?as_of=2026-01-15&pelaksana=plt").get_data(as_text=True)
    assert plt_vacancy.post.title in html and empty.post.title not in html

    html = client.get("/kekosongan?as_of=2025-08-13").get_data(as_text=True)
    assert plt_vacancy.post.title in html and empty.post.title not in html
    assert "6 bulan 12 hari" in html  # 1 February to 13 August 2025
    assert "1 Februari 2025" in html


def test_bad_as_of_is_explained(app, client, login_as):
    login_as("viewer")
    html = client.get("/kekosongan?as_of=31-02-2025").get_data(as_text=True)
    assert "bukan tanggal yang ada di kalender" in html
