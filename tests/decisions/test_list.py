"""The vacancy list shows each post's open and overdue decisions, at a fixed query count."""
import datetime as dt

from tests.decisions.helpers import decide
from tests.vacancies.test_list_page import count_queries

D = dt.date


def _add(instansi, factory, count):
    for i in range(count):
        post = factory.vacancy(start=D(2025, 3, 1) + dt.timedelta(days=i)).post
        decide(instansi, post=post, text="Tunjuk Plt", due=D(2026, 2, 20))
        decide(instansi, post=post, text="Mulai seleksi")  # due at the 2 March Rakor


def _page(client, as_of):
    with client.application.app_context(), count_queries() as counter:
        response = client.get(f"/kekosongan?as_of={as_of}")
    assert response.status_code == 200
    return counter["n"], response.get_data(as_text=True)


def test_list_shows_decisions_with_a_fixed_number_of_queries(app, client, login_as, instansi,
                                                             factory):
    _add(instansi, factory, 2)
    login_as("viewer")
    before, html = _page(client, "2026-02-25")
    assert html.count("1 keputusan Rakor lewat tenggat") == 4  # table and cards, two rows
    assert html.count("1 keputusan Rakor terbuka") == 4
    _add(instansi, factory, 8)
    after, html = _page(client, "2026-02-25")
    assert after == before, f"{before} queries for 2 rows, {after} for 10"
    assert html.count('data-decisions="overdue"') == 20
    _, earlier = _page(client, "2026-02-10")
    assert 'data-decisions="overdue"' not in earlier
    assert earlier.count("2 keputusan Rakor terbuka") == 20
    _, before_rakor = _page(client, "2026-01-30")
    assert "data-decisions" not in before_rakor
