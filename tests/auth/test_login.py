"""Logging in and out, through the real forms."""
import html

import pytest

from tests.conftest import csrf_from


def _login(client, username, password, next_url=None):
    token = csrf_from(client.get("/masuk").data)
    url = "/masuk" + (f"?next={next_url}" if next_url else "")
    return client.post(url, data={"username": username, "password": password, "csrf_token": token})


def _logged_in(client):
    return client.get("/kekosongan").status_code == 200


def test_login_with_the_right_password(app, client, make_user):
    user = make_user("viewer")
    response = _login(client, user.username.upper(), "rahasia123")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert _logged_in(client)


def test_wrong_password_is_refused(app, client, make_user):
    user = make_user("admin")
    response = _login(client, user.username, "salah-sekali")
    assert response.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in html.unescape(response.get_data(as_text=True))
    assert not _logged_in(client)


def test_unknown_user_gets_the_same_answer(app, client):
    response = _login(client, "tidakada", "rahasia123")
    assert response.status_code == 401
    assert not _logged_in(client)


def test_deactivated_user_cannot_log_in(app, client, make_user):
    from plt_tracker.auth.operations import update_user
    from plt_tracker.core.db import transaction

    user = make_user("operator")
    with transaction():
        update_user(user, full_name=user.full_name, email=None, role="operator", is_active=False)
    assert _login(client, user.username, "rahasia123").status_code == 401
    assert not _logged_in(client)


def test_next_is_followed_only_on_this_site(app, client, make_user):
    user = make_user("viewer")
    assert _login(client, user.username, "rahasia123", "/pejabat").headers["Location"] == "/pejabat"
    client.post("/keluar", data={"csrf_token": csrf_from(client.get("/kekosongan").data)})
    response = _login(client, user.username, "rahasia123", "https://contoh.test/x")
    assert response.headers["Location"] == "/"


@pytest.mark.parametrize("target", ["//contoh.test/x", "/%5Ccontoh.test/x", "/%5C%5Ccontoh.test"])
def test_next_to_another_site_written_as_a_path_is_not_followed(app, client, make_user, target):
    user = make_user("viewer")
    response = _login(client, user.username, "rahasia123", target)
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_anonymous_is_sent_to_login(app, client):
    response = client.get("/kekosongan")
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]


def test_logout_needs_a_post_with_csrf(app, client, login_as):
    login_as("viewer")
    assert client.get("/keluar").status_code == 405
    assert client.post("/keluar").status_code == 400
    assert _logged_in(client)
    response = client.post("/keluar", data={"csrf_token": client.csrf})
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]
    assert not _logged_in(client)


def test_a_deactivated_user_is_logged_out_of_an_open_session(app, client, login_as):
    from plt_tracker.auth.operations import update_user
    from plt_tracker.core.db import transaction

    user = login_as("operator")
    assert _logged_in(client)
    with transaction():
        update_user(user, full_name=user.full_name, email=user.email, role=user.role,
                    is_active=False)
    response = client.get("/kekosongan")
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]
