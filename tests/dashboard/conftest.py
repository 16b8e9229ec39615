"""A small register of vacancies of every kind, relative to today and on fixed past dates."""
import datetime as dt

import pytest

from plt_tracker.core.dates import today
from plt_tracker.core.db import transaction
from plt_tracker.registry.operations import create_post
from tests.selection.helpers import stage, start


def days_ago(n):
    return today() - dt.timedelta(days=n)


@pytest.fixture
def register(factory):
    """Six head posts and one other post of a pemda, in every state the dashboard counts.

    Alpha vacant 30 days, nobody named; Bravo 120 days, a Plt; Charlie 250 days, a
    Plh, a selection at its second stage; Delta 500 days, its Plt letter ran out 100
    days ago; Echo vacant from 200 to 100 days ago (filled since); Foxtrot filled for
    years; a vacant sekretaris (not a head) of 70 days.
    """
    made = {}
    for name, days, kind in (("Alpha", 30, "dinas"), ("Bravo", 120, "badan"),
                             ("Charlie", 250, "dinas"), ("Delta", 500, "kecamatan"),
                             ("Echo", 200, "dinas")):
        post = factory.post(f"Kepala {name}", opd=factory.opd(f"OPD {name}", kind))
        made[name] = factory.vacancy(post, start=days_ago(days))
    factory.acting(made["Bravo"], start=days_ago(100), end=days_ago(-60))
    factory.acting(made["Charlie"], kind="plh", start=days_ago(20), end=days_ago(-5))
    factory.acting(made["Delta"], start=days_ago(400), end=days_ago(100))
    made["Echo plt"] = factory.acting(made["Echo"], start=days_ago(190), end=days_ago(110))
    factory.fill(made["Echo"], start=days_ago(100))
    foxtrot = factory.post("Kepala Foxtrot", opd=factory.opd("OPD Foxtrot", "inspektorat"))
    made["Foxtrot"] = factory.fill(factory.vacancy(foxtrot, start=dt.date(2019, 1, 1)),
                                   start=dt.date(2019, 6, 1))
    attempt = start(made["Charlie"], on=days_ago(200))
    stage(attempt, 1, days_ago(200), days_ago(150))
    stage(attempt, 2, days_ago(149))
    made["attempt"] = attempt
    with transaction():
        deputy = create_post(made["Alpha"].post.opd, "Sekretaris OPD Alpha", "administrator",
                             "III.a", is_head=False)
    made["Sekretaris"] = factory.vacancy(deputy, start=days_ago(70))
    return made
