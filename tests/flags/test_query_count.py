"""The flagged vacancy list stays at a fixed number of SQL queries, whatever the attempts."""
import datetime as dt

from plt_tracker.flags.queries import flagged_vacancies
from tests.selection.helpers import stage, start
from tests.vacancies.test_list_page import count_queries

D = dt.date
AS_OF = D(2026, 1, 15)


def _add(factory, count):
    for i in range(count):
        vacancy = factory.vacancy(start=D(2025, 3, 1) + dt.timedelta(days=i))
        acting = factory.acting(vacancy, start=vacancy.start_date, end=D(2025, 6, 30))
        factory.extend(acting, D(2025, 12, 31), letter_date=D(2025, 6, 20))
        attempt = start(vacancy, on=vacancy.start_date + dt.timedelta(days=3))
        stage(attempt, 1, attempt.started_on, attempt.started_on + dt.timedelta(days=2))
        stage(attempt, 2, attempt.started_on + dt.timedelta(days=2))


def _queries(client, url):
    with client.application.app_context(), count_queries() as counter:
        response = client.get(url)
    assert response.status_code == 200
    return counter["n"]


def test_list_page_and_filters_at_fixed_query_count(app, client, login_as, factory, instansi):
    _add(factory, 2)
    login_as("viewer")
    urls = [f"/kekosongan?as_of={AS_OF}", f"/kekosongan?as_of={AS_OF}&flag=STAGE_STALLED&opd=1&urut=days"]
    before = [_queries(client, url) for url in urls]
    _add(factory, 8)
    after = [_queries(client, url) for url in urls]
    assert after == before
    with count_queries() as counter:
        rows = flagged_vacancies(instansi.id, AS_OF)
    assert len(rows) == 10 and counter["n"] <= 20
    assert all(r.extra["stage_index"] == 2 for r in rows)
