"""A token reads what its scope covers, decided by auth.scope like a user's: a pemda token
its pemda, a province token the province and its kabupaten, a national token everything."""
import datetime as dt

import pytest

from plt_tracker.core.db import transaction
from plt_tracker.rakor.calendar import Meeting
from plt_tracker.rakor.operations import generate_report

LISTS = ["/api/v1/pemda", "/api/v1/posts", "/api/v1/vacancies", "/api/v1/flags",
         "/api/v1/acting-letters", "/api/v1/reports"]


def _reports(world):
    with transaction():
        return {key: generate_report(pemda.id, Meeting(dt.date(2026, 2, 2), dt.time(9), "rule"),
                                     trigger="manual", actor="test")
                for key, pemda in world["pemda"].items()}


def _pemda_names(api_get, url, text, **query):
    response = api_get(url, text, query_string={"per_page": 200, **query})
    assert response.status_code == 200, (url, response.get_data(as_text=True)[:300])
    names = set()
    for item in response.json["data"]:
        names.add(item["name"] if url.endswith("/pemda") else item["pemda"]["name"])
    return names


NAMES = {"lebong": "Pemerintah Kabupaten Lebong", "rejang": "Pemerintah Kabupaten Rejang Lebong",
         "seberang": "Pemerintah Kabupaten Seberang", "bengkulu": "Pemerintah Provinsi Bengkulu"}


@pytest.mark.parametrize("scope, owner, sees", [
    ("pemda", "lebong", {"lebong"}),
    ("province", "bengkulu", {"lebong", "rejang", "bengkulu"}),
    ("national", "lebong", {"lebong", "rejang", "seberang", "bengkulu"}),
])
def test_every_list_covers_the_scope(app, api_get, make_token, world, scope, owner, sees):
    _reports(world)
    _token, text = make_token(scope, world["pemda"][owner])
    expected = {NAMES[key] for key in sees}
    for url in LISTS:
        found = _pemda_names(api_get, url, text)
        if url.endswith("/pemda"):
            # The list of pemda also holds the other province (a national token).
            found -= {"Pemerintah Provinsi Seberang"}
        assert found == expected, url


def test_a_pemda_outside_the_scope_is_forbidden(app, api_get, make_token, world):
    _reports(world)
    _token, text = make_token("province", world["pemda"]["bengkulu"])
    seberang, rejang = world["pemda"]["seberang"].id, world["pemda"]["rejang"].id
    for url in LISTS:
        response = api_get(url, text, query_string={"pemda": seberang})
        assert response.status_code == 403, url
        assert response.json["error"]["code"] == "out_of_scope"
        narrowed = _pemda_names(api_get, url, text, pemda=rejang)
        assert narrowed == {NAMES["rejang"]}, url
    response = api_get("/api/v1/vacancies", text,
                       query_string={"pemda": seberang, "as_of": "2025-07-01"})
    assert response.status_code == 403


def test_a_report_of_another_pemda_is_not_found(app, api_get, make_token, world):
    reports = _reports(world)
    _token, text = make_token("pemda", world["pemda"]["lebong"])
    own = api_get(f"/api/v1/reports/{reports['lebong'].id}", text)
    assert own.status_code == 200 and own.json["pemda"]["name"] == NAMES["lebong"]
    assert own.json["snapshot"]["meeting_date"] == "2026-02-02"
    other = api_get(f"/api/v1/reports/{reports['seberang'].id}", text)
    assert other.status_code == 404 and "Seberang" not in other.get_data(as_text=True)
    _token, national = make_token("national")
    assert api_get(f"/api/v1/reports/{reports['seberang'].id}", national).status_code == 200


def test_a_pemda_token_cannot_ask_for_the_past_of_another(app, api_get, make_token, world):
    _token, text = make_token("pemda", world["pemda"]["lebong"])
    past = api_get("/api/v1/vacancies?as_of=2025-07-01", text)
    assert past.status_code == 200
    assert {row["pemda"]["name"] for row in past.json["data"]} == {NAMES["lebong"]}
    _token, national = make_token("national")
    response = api_get("/api/v1/vacancies?as_of=2025-07-01", national)
    assert response.status_code == 400 and response.json["error"]["code"] == "as_of_needs_pemda"
