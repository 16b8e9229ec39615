"""Admin pages on users: list, add, change role/status/password; never delete."""
import html

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.auth.models import User
from plt_tracker.auth.operations import create_user, update_user
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi


def _text(response):
    return html.unescape(response.get_data(as_text=True))


def _audit(action):
    query = db.select(AuditEntry).filter_by(entity="user", action=action).order_by(AuditEntry.id)
    return list(db.session.scalars(query))


def _user(username):
    db.session.expire_all()
    return db.session.scalar(db.select(User).filter_by(username=username))


def _users():
    return db.session.scalar(db.select(db.func.count(User.id)))


def _can_log_in(app, username, password):  # noqa: ARG001
    """Say whether the login form would let this user in (active, password matches).

    The login form itself is tested in test_login.py; a second test client here would
    share the admin's cached user and CSRF token on `g` (the fixture's app context).
    """
    user = _user(username)
    return user is not None and user.is_active and user.check_password(password)


def test_admin_lists_the_users_of_their_pemda(app, client, login_as, make_user):
    make_user("viewer", username="sekda")
    with transaction():
        other = Instansi(name="Pemerintah Kabupaten Lain")
        db.session.add(other)
        db.session.flush()
        create_user(other.id, "tetangga", "rahasia123", "admin", "Admin Tetangga")
    login_as("admin")
    page = _text(client.get("/pengguna"))
    assert "sekda" in page and "Sekda / pimpinan" in page
    assert "tetangga" not in page
    foreign = _user("tetangga")
    assert client.get(f"/pengguna/{foreign.id}/ubah").status_code == 404


def test_admin_adds_a_user_who_can_log_in(app, client, login_as):
    login_as("admin")
    response = client.post("/pengguna/baru", data={
        "username": "Sekda", "full_name": "Sekretaris Daerah", "email": "sekda@lebong.test",
        "role": "viewer", "password": "kuncirahasia", "csrf_token": client.csrf})
    assert response.status_code == 302
    user = _user("sekda")
    assert (user.role, user.full_name, user.email) == ("viewer", "Sekretaris Daerah",
                                                       "sekda@lebong.test")
    assert user.instansi_id == client.user.instansi_id
    entry = _audit("create")[-1]
    assert entry.entity_id == user.id and entry.after["role"] == "viewer"
    assert "password_hash" not in entry.after
    assert _can_log_in(app, "sekda", "kuncirahasia")


@pytest.mark.parametrize("data, message", [
    ({"username": "baru", "password": "pendek"}, "Kata sandi minimal 10 karakter"),
    ({"username": "baru", "password": ""}, "Kata sandi minimal 10 karakter"),
    ({"username": "ada", "password": "kuncirahasia"}, "Nama pengguna 'ada' sudah dipakai"),
])
def test_refused_new_user_changes_nothing(app, client, login_as, make_user, data, message):
    make_user("operator", username="ada")
    login_as("admin")
    before = (_users(), len(_audit("create")))
    response = client.post("/pengguna/baru", data=dict(
        data, full_name="Orang Baru", role="operator", csrf_token=client.csrf))
    assert response.status_code in (400, 422)
    assert message in _text(response)
    assert (_users(), len(_audit("create"))) == before


def test_admin_changes_role_email_and_deactivates(app, client, login_as, make_user):
    user = make_user("operator", username="operator_lama")
    login_as("admin")
    response = client.post(f"/pengguna/{user.id}/ubah", data={
        "full_name": "Operator Lama", "email": "op@lebong.test", "role": "viewer",
        "csrf_token": client.csrf})
    assert response.status_code == 302
    assert _user("operator_lama").is_active  # no check box: the status is its own button
    response = client.post(f"/pengguna/{user.id}/status", data={"active": "0",
                                                               "csrf_token": client.csrf})
    assert response.status_code == 302
    user = _user("operator_lama")
    assert (user.role, user.email, user.is_active) == ("viewer", "op@lebong.test", False)
    role_entry, status_entry = _audit("update")[-2:]
    assert role_entry.before["role"] == "operator" and role_entry.after["role"] == "viewer"
    assert status_entry.before["is_active_flag"] is True
    assert status_entry.after["is_active_flag"] is False
    assert not _can_log_in(app, "operator_lama", "rahasia123")
    assert "Nonaktif" in _text(client.get("/pengguna"))


def test_admin_sets_a_new_password(app, client, login_as, make_user):
    user = make_user("operator", username="lupa")
    login_as("admin")
    response = client.post(f"/pengguna/{user.id}/ubah", data={
        "full_name": user.full_name, "role": "operator", "is_active": "y",
        "password": "sandibaru99", "csrf_token": client.csrf})
    assert response.status_code == 302
    assert _can_log_in(app, "lupa", "sandibaru99")
    assert not _can_log_in(app, "lupa", "rahasia123")
    assert _audit("update")[-1].entity_id == user.id


def test_empty_password_on_edit_keeps_the_old_one(app, client, login_as, make_user):
    user = make_user("operator", username="tetap")
    login_as("admin")
    response = client.post(f"/pengguna/{user.id}/ubah", data={
        "full_name": "Nama Baru", "role": "operator", "is_active": "y", "password": "",
        "csrf_token": client.csrf})
    assert response.status_code == 302
    assert _user("tetap").full_name == "Nama Baru"
    assert _can_log_in(app, "tetap", "rahasia123")


def test_admin_cannot_lock_themselves_out(app, client, login_as, make_user):
    make_user("admin")  # another admin exists: the refusal is about oneself
    admin = login_as("admin")
    before = len(_audit("update"))
    response = client.post(f"/pengguna/{admin.id}/ubah", data=dict(
        role="operator", full_name="Admin", csrf_token=client.csrf))
    assert response.status_code == 422
    assert "Anda tidak dapat mencabut peran admin dari akun Anda sendiri" in _text(response)
    response = client.post(f"/pengguna/{admin.id}/status", data=dict(
        active="0", csrf_token=client.csrf), follow_redirects=True)
    assert "Anda tidak dapat menonaktifkan akun Anda sendiri" in _text(response)
    user = _user(admin.username)
    assert (user.role, user.is_active) == ("admin", True)
    assert len(_audit("update")) == before


def test_last_active_admin_cannot_be_removed(app, make_user):
    admin = make_user("admin")
    with pytest.raises(RuleViolation, match="sedikitnya satu admin aktif"):
        with transaction():
            update_user(admin, full_name="Admin", email=None, role="operator", is_active=True)
    assert _user(admin.username).role == "admin"


def test_post_without_csrf_token_changes_nothing(app, client, login_as, make_user):
    user = make_user("operator", username="aman")
    login_as("admin")
    before = _users()
    response = client.post("/pengguna/baru", data={
        "username": "penyusup", "full_name": "X", "role": "admin", "password": "kuncirahasia"})
    assert response.status_code == 400
    response = client.post(f"/pengguna/{user.id}/ubah", data={
        "full_name": "X", "role": "admin", "is_active": "y"})
    assert response.status_code == 400
    assert _users() == before and _user("aman").role == "operator"


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_only_admins_manage_users(app, client, login_as, make_user, role):
    target = make_user("viewer", username="sasaran")
    login_as(role)
    for url in ("/pengguna", "/pengguna/baru", f"/pengguna/{target.id}/ubah"):
        assert client.get(url).status_code == 403, url
    response = client.post(f"/pengguna/{target.id}/ubah", data={
        "full_name": "X", "role": "admin", "is_active": "y", "csrf_token": client.csrf})
    assert response.status_code == 403
    assert _user("sasaran").role == "viewer"


def test_anonymous_is_sent_to_login(app, client):
    for url in ("/pengguna", "/pengguna/baru"):
        response = client.get(url)
        assert response.status_code == 302 and "/masuk" in response.headers["Location"]
