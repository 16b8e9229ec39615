"""Recording the event that fulfils a decision offers to close it, one click, never silently."""
import datetime as dt
import re

import pytest

from plt_tracker.decisions.models import Decision
from plt_tracker.extensions import db
from plt_tracker.selection.models import FillingAttempt
from tests.decisions.helpers import decide
from tests.selection.helpers import route, start

D = dt.date
TODAY = D(2026, 3, 5)
_FORM = re.compile(r'<form[^>]*action="(/keputusan/(\d+)/selesai[^"]*)"(.*?)</form>', re.S)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Pin the clock after the February 2026 Rakor."""
    for module in ("plt_tracker.decisions.views", "plt_tracker.core.dates",
                   "plt_tracker.vacancies.action_views", "plt_tracker.registry.views",
                   "plt_tracker.selection.views", "plt_tracker.core.requests"):
        monkeypatch.setattr(f"{module}.today", lambda: TODAY)


def _offers(html):
    """Return {decision id: (action, {hidden field: value})} of the offer forms on a page."""
    found = {}
    for action, decision_id, body in _FORM.findall(html):
        fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', body))
        found[int(decision_id)] = (action.replace("&amp;", "&"), fields)
    return found


def test_naming_a_plt_offers_the_decision_that_asked_for_it(app, client, login_as, instansi,
                                                            factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    asked = decide(instansi, post=vacancy.post, flag="NO_ACTING", text="Tunjuk Plt segera")
    unrelated = decide(instansi, post=vacancy.post, flag="NO_PROCESS", text="Mulai seleksi")
    elsewhere = decide(instansi, post=factory.vacancy().post, flag="NO_ACTING")
    official = factory.official("Hendra Contoh")
    login_as("operator")

    named = client.post(f"/jabatan/{vacancy.post_id}/pelaksana", data=dict(
        kind="plt", official_id=official.id, letter_number="800/7/BKPSDM",
        letter_date="2026-03-03", start_date="2026-03-03", end_date="", csrf_token=client.csrf))
    assert named.status_code == 302
    page = client.get(named.headers["Location"]).get_data(as_text=True)
    offers = _offers(page)
    assert set(offers) == {asked.id}  # not the selection's, not another post's
    assert "Apakah ini menindaklanjuti keputusan Rakor?" in page
    action, fields = offers[asked.id]
    assert fields["closed_on"] == "2026-03-03"
    assert "Hendra Contoh ditunjuk sebagai Plt" in fields["note"]
    # Nothing closed yet: the offer is only an offer, and it is shown once.
    db.session.expire_all()
    assert {d.status for d in db.session.scalars(db.select(Decision))} == {"open"}
    assert _offers(client.get(named.headers["Location"]).get_data(as_text=True)) == {}

    closed = client.post(action, data=dict(fields, csrf_token=client.csrf))
    assert closed.status_code == 302
    assert closed.headers["Location"] == f"/jabatan/{vacancy.post_id}"
    db.session.expire_all()
    assert (asked.status, asked.closed_on) == ("done", D(2026, 3, 3))
    assert "Hendra Contoh ditunjuk" in asked.closed_note
    assert (unrelated.status, elsewhere.status) == ("open", "open")


def test_a_stage_finishing_offers_the_stalled_stage_decision(app, client, login_as, instansi,
                                                             factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 7, 1))
    asked = decide(instansi, post=vacancy.post, flag="STAGE_STALLED", text="Percepat izin BKN")
    general = decide(instansi, post=vacancy.post, text="Laporkan perkembangan")
    acting_only = decide(instansi, post=vacancy.post, flag="NO_ACTING", text="Tunjuk Plt")
    first = route("seleksi_terbuka", instansi.id).stages[0]
    login_as("operator")
    done = client.post(f"/proses/{attempt.id}/tahap/{first.id}", data=dict(
        started_on="2025-07-01", finished_on="2026-03-04", document_number="800/9",
        csrf_token=client.csrf))
    assert done.status_code == 302
    offers = _offers(client.get(done.headers["Location"]).get_data(as_text=True))
    assert set(offers) == {asked.id, general.id}
    assert acting_only.id not in offers
    assert offers[asked.id][1]["closed_on"] == "2026-03-04"
    assert db.session.scalar(db.select(db.func.count()).select_from(FillingAttempt)) == 1


def test_a_refused_change_offers_nothing_and_viewers_get_no_offer(app, client, login_as,
                                                                 instansi, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    decide(instansi, post=vacancy.post, flag="NO_ACTING")
    login_as("operator")
    refused = client.post(f"/jabatan/{vacancy.post_id}/pelaksana", data=dict(
        kind="plt", official_id=factory.official().id, start_date="2024-01-01",
        end_date="2024-02-01", csrf_token=client.csrf))
    assert refused.status_code == 400
    assert _offers(client.get(f"/jabatan/{vacancy.post_id}").get_data(as_text=True)) == {}
