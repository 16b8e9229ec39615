"""Sessions end on the server: logout, password change, deactivation, "log out everywhere", idle."""
import datetime as dt
import html
import time

import pytest

from plt_tracker.auth.models import User
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from tests.conftest import csrf_from

PASSWORD = "rahasia123"


class Browser:
    """A test client whose every request has its own app context, as in production.

    The test's own app context would otherwise be shared by the requests, and
    with it what Flask-Login and Flask-WTF keep on `g` (the user, the CSRF token):
    a second browser would see the first one's login.
    """

    def __init__(self, app):
        self.app, self.client = app, app.test_client()

    def __getattr__(self, name):
        method = getattr(self.client, name)
        if name not in ("get", "post"):
            return method

        def fresh(*args, **kwargs):
            with self.app.app_context():
                return method(*args, **kwargs)

        return fresh


@pytest.fixture
def client(app):
    return Browser(app)


def _login(client, username, remember=False):
    token = csrf_from(client.get("/masuk").data)
    data = {"username": username, "password": PASSWORD, "csrf_token": token}
    if remember:
        data["remember"] = "y"
    response = client.post("/masuk", data=data)
    assert response.status_code == 302, response.status_code
    client.csrf = token
    return response


def _logged_in(client):
    return client.get("/kekosongan").status_code == 200


def _copy(app, client, *names):
    """A second browser holding copies of the first one's cookies."""
    other = Browser(app)
    for name in names:
        cookie = client.get_cookie(name)
        if cookie is not None:
            other.set_cookie(name, cookie.value)
    return other


def test_the_session_names_the_token_not_the_id(app, client, make_user):
    user = make_user("viewer")
    _login(client, user.username)
    assert user.get_id() == user.session_token and len(user.session_token) >= 40
    with client.session_transaction() as session:
        assert session["_user_id"] == user.session_token


def test_a_copied_session_cookie_dies_with_the_logout(app, client, make_user):
    user = make_user("viewer")
    _login(client, user.username)
    thief = _copy(app, client, "session")
    assert _logged_in(thief)
    client.post("/keluar", data={"csrf_token": client.csrf})
    assert not _logged_in(client) and not _logged_in(thief)


def test_remember_cookie_is_short_flagged_and_dies_with_the_logout(app, client, make_user):
    user = make_user("viewer")
    response = _login(client, user.username, remember=True)
    header = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token")]
    assert len(header) == 1
    assert "HttpOnly" in header[0] and "SameSite=Lax" in header[0] and "Secure" not in header[0]
    cookie = client.get_cookie("remember_token")
    lifetime = cookie.expires - dt.datetime.now(dt.timezone.utc)
    assert dt.timedelta(days=13) < lifetime <= dt.timedelta(days=14)
    first_value = cookie.value
    remembered = _copy(app, client, "remember_token")  # a browser restarted: no session cookie
    assert _logged_in(remembered)
    client.post("/keluar", data={"csrf_token": client.csrf})
    assert not _logged_in(_copy(app, client, "remember_token"))
    stale = Browser(app)
    stale.set_cookie("remember_token", first_value)
    assert not _logged_in(stale)
    _login(client, user.username, remember=True)
    assert client.get_cookie("remember_token").value != first_value


def test_remember_cookie_is_secure_behind_https(app, make_user, another_app):
    user = make_user("viewer")
    secure = another_app(SESSION_COOKIE_SECURE=True)
    client = Browser(secure)
    token = csrf_from(client.get("/masuk", base_url="https://localhost").data)
    response = client.post("/masuk", base_url="https://localhost",
                           headers={"Referer": "https://localhost/masuk"}, data={
        "username": user.username, "password": PASSWORD, "remember": "y", "csrf_token": token})
    cookies = response.headers.getlist("Set-Cookie")
    assert all("Secure" in c and "HttpOnly" in c and "SameSite=Lax" in c for c in cookies), cookies
    assert any(c.startswith("remember_token") for c in cookies)


def test_a_password_change_by_the_admin_ends_every_session(app, client, make_user):
    from plt_tracker.auth.operations import update_user

    user = make_user("operator")
    _login(client, user.username, remember=True)
    remembered = _copy(app, client, "remember_token")
    with transaction():
        update_user(user, full_name=user.full_name, email=None, role=user.role,
                    password="Kata-Sandi-Baru-77")
    assert not _logged_in(client) and not _logged_in(remembered)


def test_log_out_everywhere_ends_the_other_browsers_too(app, client, make_user):
    user = make_user("viewer")
    _login(client, user.username)
    laptop = Browser(app)
    _login(laptop, user.username)
    page = client.get("/akun").get_data(as_text=True)
    assert "Keluar dari semua perangkat" in page
    response = client.post("/akun/keluar-semua", data={"csrf_token": client.csrf})
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]
    assert not _logged_in(client) and not _logged_in(laptop)
    entry = _audit("logout_all")[-1]
    assert entry.entity_id == user.id


def test_own_password_change_keeps_this_session_and_ends_the_others(app, client, make_user):
    user = make_user("viewer")
    _login(client, user.username)
    laptop = Browser(app)
    _login(laptop, user.username)
    refused = client.post("/akun", data={"current_password": "salah-sekali-1", "new_password":
                                         "Pohon-Durian-77", "confirm": "Pohon-Durian-77",
                                         "csrf_token": client.csrf})
    assert refused.status_code == 422 and "Kata sandi sekarang salah" in refused.get_data(True)
    common = client.post("/akun", data={"current_password": PASSWORD, "new_password":
                                        "password123", "confirm": "password123",
                                        "csrf_token": client.csrf})
    assert common.status_code == 422 and "paling umum" in common.get_data(as_text=True)
    response = client.post("/akun", data={"current_password": PASSWORD, "new_password":
                                          "Pohon-Durian-77", "confirm": "Pohon-Durian-77",
                                          "csrf_token": client.csrf})
    assert response.status_code == 302
    assert _logged_in(client) and not _logged_in(laptop)
    db.session.rollback()  # see what the requests committed (MariaDB reads a snapshot)
    assert db.session.get(User, user.id).check_password("Pohon-Durian-77")


def test_an_idle_session_ends_after_the_setting(app, client, make_user, monkeypatch, instansi):
    from plt_tracker.auth import sessions
    from plt_tracker.settings.logic import set_settings

    user = make_user("viewer")
    _login(client, user.username, remember=True)
    now = time.time()
    monkeypatch.setattr(sessions.time, "time", lambda: now + 7.9 * 3600)
    assert _logged_in(client)  # 7.9 hours idle: still within the default 8
    monkeypatch.setattr(sessions.time, "time", lambda: now + 16 * 3600)
    response = client.get("/", follow_redirects=True)
    assert "tidak ada aktivitas selama 8 jam" in html.unescape(response.get_data(as_text=True))
    assert client.get_cookie("remember_token") is None  # the remember cookie goes too
    assert not _logged_in(client)
    with transaction():
        set_settings(instansi.id, {"session_idle_hours": 1})
    monkeypatch.setattr(sessions.time, "time", lambda: now)
    _login(client, user.username)
    monkeypatch.setattr(sessions.time, "time", lambda: now + 3700)
    assert not _logged_in(client)


@pytest.mark.parametrize("token", ["", "1", "x" * 500])
def test_a_session_with_a_bad_token_is_anonymous(app, client, make_user, token):
    make_user("viewer")
    with client.session_transaction() as session:
        session["_user_id"] = token
    assert not _logged_in(client)


def _audit(action):
    from plt_tracker.audit.models import AuditEntry

    db.session.rollback()  # see what the requests committed (MariaDB reads a snapshot)
    return db.session.scalars(db.select(AuditEntry).filter_by(action=action)
                              .order_by(AuditEntry.id)).all()
