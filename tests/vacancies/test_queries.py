"""The vacancy list on a date, through the real database."""
import datetime as dt

import pytest

from plt_tracker.core.db import RuleViolation
from plt_tracker.vacancies.queries import vacancy_rows


def test_list_shows_acting_and_expired(app, factory, instansi):
    vacancy = factory.vacancy(start=dt.date(2025, 1, 10))
    acting = factory.acting(vacancy, start=dt.date(2025, 1, 10), end=dt.date(2025, 4, 9))

    rows = vacancy_rows(instansi.id, dt.date(2025, 3, 1))
    assert [(r.days_vacant, r.acting_status, r.acting_until) for r in rows] == [
        (50, "active", dt.date(2025, 4, 9))]

    rows = vacancy_rows(instansi.id, dt.date(2025, 5, 1))
    assert rows[0].acting_status == "expired"
    assert rows[0].acting_name == acting.official.name

    factory.extend(acting, dt.date(2025, 7, 9), letter_date=dt.date(2025, 5, 5))
    assert vacancy_rows(instansi.id, dt.date(2025, 5, 1))[0].acting_status == "expired"
    assert vacancy_rows(instansi.id, dt.date(2025, 5, 6))[0].acting_status == "active"


def test_second_open_vacancy_refused(app, factory):
    vacancy = factory.vacancy()
    with pytest.raises(RuleViolation, match="sudah tercatat kosong"):
        factory.vacancy(post=vacancy.post)
