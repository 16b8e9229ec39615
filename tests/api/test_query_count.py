"""Each API list runs a fixed number of SQL statements, whatever the size of the register."""
import datetime as dt

from plt_tracker.core.dates import today
from plt_tracker.core.db import transaction
from plt_tracker.flags.state import ensure_fresh
from plt_tracker.rakor.calendar import Meeting
from plt_tracker.rakor.operations import generate_report
from tests.selection.helpers import stage, start
from tests.vacancies.test_list_page import count_queries

D = dt.date
URLS = ["/api/v1/", "/api/v1/pemda", "/api/v1/posts", "/api/v1/vacancies", "/api/v1/flags",
        "/api/v1/acting-letters", "/api/v1/reports", "/api/v1/posts?as_of=2025-08-01&head=true",
        "/api/v1/acting-letters?active_on=2025-07-01", "/api/v1/vacancies?flag=NO_ACTING"]
PAST = "/api/v1/vacancies?as_of=2025-12-01&pemda={pemda}"


def _add(factory, count, offset):
    for i in range(count):
        vacancy = factory.vacancy(start=D(2025, 3, 1) + dt.timedelta(days=offset + i))
        acting = factory.acting(vacancy, start=vacancy.start_date, end=D(2025, 6, 30))
        factory.extend(acting, D(2025, 12, 31), letter_date=D(2025, 6, 20))
        holder = factory.post()
        factory.fill(factory.vacancy(holder, start=D(2024, 1, 1)), start=D(2024, 6, 1))
        attempt = start(vacancy, on=vacancy.start_date + dt.timedelta(days=3))
        stage(attempt, 1, attempt.started_on, attempt.started_on + dt.timedelta(days=2))


def _counts(client, text, urls, instansi):
    counts = []
    for url in urls:
        # The stored states are computed once a day (flags.state): not part of a list's cost.
        ensure_fresh({instansi.id}, today())
        with client.application.app_context(), count_queries() as counter:
            response = client.get(url, headers={"Authorization": f"Bearer {text}"})
        assert response.status_code == 200, (url, response.get_data(as_text=True)[:300])
        counts.append(counter["n"])
    return counts


def test_lists_at_a_fixed_query_count(app, client, make_token, factory, instansi):
    _token, text = make_token()
    urls = URLS + [PAST.format(pemda=instansi.id)]
    _add(factory, 2, 0)
    with transaction():
        generate_report(instansi.id, Meeting(D(2026, 2, 2), dt.time(9), "rule"),
                        trigger="manual", actor="test")
    _counts(client, text, urls, instansi)  # the token's first use writes last_used_at
    before = _counts(client, text, urls, instansi)
    _add(factory, 10, 10)
    with transaction():
        generate_report(instansi.id, Meeting(D(2026, 3, 2), dt.time(9), "rule"),
                        trigger="manual", actor="test")
    after = _counts(client, text, urls, instansi)
    assert after == before, dict(zip(urls, zip(before, after)))
    # A page of a list: the token, a count, the rows, and one statement per related kind.
    assert max(before[:-1]) <= 8, dict(zip(urls, before))
