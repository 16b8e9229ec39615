"""The API answers only a valid bearer token: none, unknown, malformed, revoked or expired
tokens get 401 in JSON; a browser session is no token; the token's last use is kept."""
import datetime as dt

import pytest

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.api.models import ApiToken
from plt_tracker.api.operations import revoke_token
from plt_tracker.core.dates import today, utcnow
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db

LISTS = ["/api/v1/", "/api/v1/pemda", "/api/v1/posts", "/api/v1/vacancies", "/api/v1/flags",
         "/api/v1/acting-letters", "/api/v1/reports", "/api/v1/reports/1"]


def _refused(response, code):
    assert response.status_code == 401, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/json"
    assert response.json["error"]["code"] == code
    assert response.json["error"]["message"]
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("url", LISTS)
def test_no_token_is_refused_in_json(app, api_get, url):
    _refused(api_get(url), "missing_token")


def test_unknown_and_malformed_tokens_are_refused(app, api_get, make_token):
    _token, text = make_token()
    _refused(api_get("/api/v1/posts", text[:-1] + ("A" if text[-1] != "A" else "B")),
             "invalid_token")
    for header in (f"Basic {text}", text, f"Bearer {text} extra", "Bearer ", f"Bearer {'x' * 300}"):
        _refused(api_get("/api/v1/posts", headers={"Authorization": header}), "invalid_token")
    answer = api_get("/api/v1/posts", text)
    assert answer.status_code == 200 and "Set-Cookie" not in answer.headers


def test_a_revoked_token_stops_at_once(app, api_get, make_token):
    token, text = make_token()
    assert api_get("/api/v1/vacancies", text).status_code == 200
    with transaction():
        revoke_token(db.session.get(ApiToken, token.id))
    _refused(api_get("/api/v1/vacancies", text), "revoked_token")


def test_an_expired_token_works_through_its_last_day(app, api_get, make_token):
    _token, last_day = make_token(expires_on=today())
    assert api_get("/api/v1/", last_day).status_code == 200
    _token, expired = make_token(expires_on=today() - dt.timedelta(days=1))
    _refused(api_get("/api/v1/", expired), "expired_token")


def test_a_logged_in_session_is_not_a_token(app, client, login_as):
    login_as("admin")
    _refused(client.get("/api/v1/posts"), "missing_token")


def test_the_openapi_document_needs_no_token(app, api_get):
    response = api_get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.json["openapi"].startswith("3.1")


def test_last_use_is_written_at_most_once_a_minute(app, api_get, make_token):
    token, text = make_token()
    assert token.last_used_at is None
    api_get("/api/v1/", text)
    first = db.session.scalar(db.select(ApiToken.last_used_at).filter_by(id=token.id))
    assert first is not None and abs(utcnow() - first) < dt.timedelta(minutes=1)
    api_get("/api/v1/", text)
    assert db.session.scalar(db.select(ApiToken.last_used_at).filter_by(id=token.id)) == first
    earlier = first - dt.timedelta(minutes=2)
    with transaction():
        db.session.execute(db.update(ApiToken).filter_by(id=token.id).values(last_used_at=earlier))
    api_get("/api/v1/", text)
    # MariaDB keeps whole seconds: the new time may equal the first one, never the older.
    assert db.session.scalar(db.select(ApiToken.last_used_at).filter_by(id=token.id)) >= first


def test_errors_are_json_never_html(app, api_get, make_token):
    _token, text = make_token()
    for url, status in (("/api/v1/nothing-here", 404), ("/api/v1/reports/99999999999", 404),
                        ("/api/v1/posts?per_page=0", 400), ("/api/v1/posts?as_of=2025-02-30", 400),
                        ("/api/v1/posts?pemda=x", 400), ("/api/v1/posts?q=%00", 400)):
        response = api_get(url, text)
        assert response.status_code == status, url
        assert response.mimetype == "application/json", url
        assert response.json["error"]["status"] == status
    response = app.test_client().post("/api/v1/posts", headers={"Authorization": f"Bearer {text}"})
    assert response.status_code == 405 and response.json["error"]["code"] == "method_not_allowed"


def test_an_unreachable_database_answers_503_in_json(app, tmp_path):
    down = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path}/missing/plt.db")
    try:
        response = down.test_client().get("/api/v1/posts",
                                          headers={"Authorization": "Bearer plt_x"})
        assert response.status_code == 503 and response.headers["Retry-After"]
        assert response.json["error"]["code"] == "unavailable"
    finally:
        with down.app_context():
            db.engine.dispose()
