"""Helpers for the Rakor tests: a small register, meetings and reports."""
import datetime as dt

import pytest

from plt_tracker.core.db import transaction
from plt_tracker.rakor.operations import generate_report
from plt_tracker.rakor.queries import meeting_on
from plt_tracker.settings.logic import set_settings

# The first Monday of February 2026 (not a holiday): the default rule's meeting.
FEB_RAKOR = dt.date(2026, 2, 2)


@pytest.fixture
def settings_of(instansi):
    """Change a pemda's settings: settings_of(report_recipients="a@b.id")."""

    def change(**values):
        with transaction():
            set_settings(instansi.id, values)

    return change


@pytest.fixture
def make_report(instansi):
    """Make a report of the meeting on `day` the way the manual button does."""

    def make(day=FEB_RAKOR, trigger="manual"):
        meeting = meeting_on(instansi.id, day)
        assert meeting is not None, f"no Rakor on {day}"
        with transaction():
            return generate_report(instansi.id, meeting, trigger=trigger, actor="test")

    return make


@pytest.fixture
def register(factory):
    """A small register of five head posts, four vacant on the 2 February 2026 Rakor.

    Pendidikan (since 1 June 2025): its Plt's letter ends 31 January 2026, before
    the meeting; Kesehatan (1 September): a Plh; Keuangan (1 December): nobody;
    PUPR (1 October): a Plt until 30 June 2026. Inspektur is not vacant.
    """
    plt_vacancy = factory.vacancy(factory.post("Kepala Dinas Pendidikan"), start=dt.date(2025, 6, 1))
    plt_official = factory.official("Budi Santoso", position_title="Sekretaris Dinas Pendidikan")
    factory.acting(plt_vacancy, plt_official, start=dt.date(2025, 6, 2), end=dt.date(2026, 1, 31))
    plh_vacancy = factory.vacancy(factory.post("Kepala Dinas Kesehatan"), start=dt.date(2025, 9, 1))
    factory.acting(plh_vacancy, kind="plh", start=dt.date(2025, 9, 1), end=dt.date(2026, 6, 30))
    empty = factory.vacancy(factory.post("Kepala Badan Keuangan"), start=dt.date(2025, 12, 1))
    active = factory.vacancy(factory.post("Kepala Dinas PUPR"), start=dt.date(2025, 10, 1))
    factory.acting(active, factory.official("Sri Wahyuni"), start=dt.date(2025, 10, 1),
                   end=dt.date(2026, 6, 30))
    factory.post("Inspektur")
    return {"plt": plt_vacancy, "plh": plh_vacancy, "empty": empty, "active": active}
