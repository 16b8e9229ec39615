"""The OpenAPI document is valid OpenAPI 3.1, names every API route, and every endpoint's
real answers (lists, one report, errors) match its schemas."""
import datetime as dt

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from plt_tracker.api import PREFIX
from plt_tracker.api.openapi import document
from plt_tracker.core.db import transaction
from plt_tracker.rakor.calendar import Meeting
from plt_tracker.rakor.operations import generate_report
from tests.selection.helpers import stage, start

DOC_URI = "urn:plt-tracker:openapi"


def _validator(doc, path, status):
    """Return a validator of one answer's schema, with the document's $refs resolvable."""
    registry = Registry().with_resource(DOC_URI, Resource(doc, specification=DRAFT202012))
    pointer = "/".join(["paths", path.replace("~", "~0").replace("/", "~1"), "get", "responses",
                        str(status), "content", "application~1json", "schema"])
    return Draft202012Validator({"$ref": f"{DOC_URI}#/{pointer}"}, registry=registry,
                                format_checker=Draft202012Validator.FORMAT_CHECKER)


def _check(doc, path, response):
    assert response.mimetype == "application/json", path
    declared = doc["paths"][path]["get"]["responses"]
    assert str(response.status_code) in declared, (path, response.status_code)
    errors = sorted(_validator(doc, path, response.status_code).iter_errors(response.json),
                    key=str)
    assert not errors, (path, response.status_code, [f"{list(e.path)}: {e.message}"
                                                    for e in errors[:5]])


def test_the_document_is_valid_openapi_3_1(app, api_get):
    served = api_get(f"{PREFIX}/openapi.json").json
    assert served == document()
    validate(served)


def test_the_document_names_every_route(app):
    routes = {rule.rule.removeprefix(PREFIX).replace("<int:report_id>", "{report_id}") or "/"
              for rule in app.url_map.iter_rules() if rule.endpoint.startswith("api.v1.")}
    assert routes == set(document()["paths"])


@pytest.fixture
def filled(factory, instansi):
    """A register with every kind of row the answers show, and a report."""
    vacancy = factory.vacancy(start=dt.date(2025, 3, 1))
    acting = factory.acting(vacancy, start=dt.date(2025, 3, 3), end=dt.date(2025, 6, 2))
    factory.extend(acting, dt.date(2099, 8, 31), letter_date=dt.date(2025, 5, 20))
    attempt = start(vacancy, on=dt.date(2025, 4, 1))
    stage(attempt, 1, dt.date(2025, 4, 1), dt.date(2025, 4, 10))
    factory.vacancy(start=dt.date(2025, 9, 1))
    holder = factory.post()
    factory.fill(factory.vacancy(holder, start=dt.date(2024, 1, 1)), start=dt.date(2024, 6, 1))
    with transaction():
        report = generate_report(instansi.id, Meeting(dt.date(2026, 2, 2), dt.time(9), "rule"),
                                 trigger="manual", actor="test")
    return {"report_id": report.id, "pemda": instansi.id}


def test_every_answer_matches_its_schema(app, api_get, make_token, filled):
    doc = document()
    _token, text = make_token()
    pemda = filled["pemda"]
    answers = {
        "/": ["/"],
        "/pemda": ["/pemda"],
        "/posts": ["/posts", "/posts?as_of=2025-01-01&head=true", "/posts?per_page=1&page=2"],
        "/vacancies": ["/vacancies", f"/vacancies?as_of=2025-07-01&pemda={pemda}",
                       "/vacancies?per_page=1&page=2", "/vacancies?head=false"],
        "/flags": ["/flags", f"/flags?as_of=2025-12-01&pemda={pemda}"],
        "/acting-letters": ["/acting-letters", "/acting-letters?active_on=2025-07-01"],
        "/reports": ["/reports"],
        "/reports/{report_id}": [f"/reports/{filled['report_id']}"],
        "/openapi.json": ["/openapi.json"],
    }
    assert set(answers) == set(doc["paths"])
    for path, urls in answers.items():
        for url in urls:
            response = api_get(PREFIX + url, text)
            assert response.status_code == 200, (url, response.get_data(as_text=True)[:300])
            if isinstance(response.json.get("data"), list) and "page=2" not in url:
                assert response.json["data"], url  # a schema checked against rows, not []
            _check(doc, path, response)


def test_every_error_matches_the_error_schema(app, api_get, make_token, world):
    doc = document()
    _token, text = make_token("pemda", world["pemda"]["lebong"])
    seberang = world["pemda"]["seberang"].id
    for path in doc["paths"]:
        if path == "/openapi.json":
            continue
        url = PREFIX + path.replace("{report_id}", "999")
        _check(doc, path, api_get(url))  # 401
        if path in ("/", "/reports/{report_id}"):
            if "{" in path:
                _check(doc, path, api_get(url, text))  # 404
            continue
        _check(doc, path, api_get(f"{url}?pemda={seberang}", text))  # 403
        _check(doc, path, api_get(f"{url}?per_page=500", text))  # 400
