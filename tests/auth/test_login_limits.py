"""Logins: rate limits per account and per address, the same refusal time, audit, password policy."""
import statistics
import time

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.auth.passwords import check_policy, common_passwords
from plt_tracker.auth.ratelimit import RateLimitCounter
from plt_tracker.core.db import RuleViolation
from plt_tracker.extensions import db
from tests.auth.test_sessions import Browser, PASSWORD
from tests.conftest import csrf_from


def _try(client, username, password, address="10.0.0.1"):
    token = csrf_from(client.get("/masuk").data)
    return client.post("/masuk", data={"username": username, "password": password,
                                       "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


def _actions():
    db.session.rollback()  # see what the requests committed (MariaDB reads a snapshot)
    return [e.action for e in db.session.scalars(db.select(AuditEntry).filter(
        AuditEntry.action.like("login%")).order_by(AuditEntry.id))]


def test_five_wrong_passwords_pause_the_account_even_for_the_right_one(app, make_user):
    user = make_user("admin")
    client = Browser(app)
    for attempt in range(5):
        assert _try(client, user.username, f"salah-{attempt}-xyz").status_code == 401
    blocked = _try(client, user.username, PASSWORD)
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    assert "Terlalu banyak kata sandi salah" in blocked.get_data(as_text=True)
    # Another address does not help: the limit is on the account.
    assert _try(Browser(app), user.username, PASSWORD, address="10.9.9.9").status_code == 429
    assert _actions() == ["login_failed"] * 5 + ["login_blocked"] * 2
    entry = db.session.scalars(db.select(AuditEntry).filter_by(action="login_blocked")).first()
    assert entry.entity_id == user.id and entry.instansi_id == user.instansi_id
    assert "10.0.0.1" in entry.summary and entry.actor == "anonim 10.0.0.1"
    # Other accounts still log in.
    other = make_user("viewer")
    assert _try(Browser(app), other.username, PASSWORD).status_code == 302


def test_twenty_failures_from_one_address_pause_that_address(app, make_user):
    user = make_user("viewer")
    client = Browser(app)
    for attempt in range(20):
        assert _try(client, f"tebakan{attempt}", "salah-sekali-1").status_code == 401
    assert _try(client, user.username, PASSWORD).status_code == 429
    assert _try(Browser(app), user.username, PASSWORD, address="10.0.0.2").status_code == 302


def test_successful_logins_are_not_counted(app, make_user):
    user = make_user("viewer")
    for _attempt in range(8):
        client = Browser(app)
        assert _try(client, user.username, PASSWORD).status_code == 302
    assert _actions() == ["login"] * 8


def test_the_counters_are_in_the_database_shared_by_every_worker(app, make_user, another_app):
    user = make_user("viewer")
    second_worker = another_app()
    for attempt in range(3):
        assert _try(Browser(app), user.username, f"salah-{attempt}-x").status_code == 401
    for attempt in range(2):
        assert _try(Browser(second_worker), user.username, f"lagi-{attempt}-x").status_code == 401
    assert _try(Browser(app), user.username, PASSWORD).status_code == 429
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count()).select_from(RateLimitCounter)) == 2
    keys = db.session.scalars(db.select(RateLimitCounter.key)).all()
    assert all(user.username not in key and len(key) == 64 for key in keys)


def test_unknown_and_known_names_are_refused_in_the_same_time(app, make_user):
    user = make_user("viewer")

    def timed(name):
        start = time.perf_counter()
        assert _try(Browser(app), name, "salah-sekali-1", address=f"10.1.{len(name)}.1"
                    ).status_code == 401
        return time.perf_counter() - start

    known = statistics.median(timed(user.username) for _ in range(3))
    unknown = statistics.median(timed("tidakadasiapapun") for _ in range(3))
    assert 0.5 < unknown / known < 2, (known, unknown)


def test_logins_and_failures_are_audited_with_the_address(app, make_user):
    user = make_user("viewer")
    client = Browser(app)
    _try(client, "tidakada", "salah-sekali-1")
    _try(client, user.username, PASSWORD, address="10.0.0.7")
    client.post("/keluar", data={"csrf_token": csrf_from(client.get("/akun").data)})
    db.session.rollback()
    entries = db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id)).all()
    failed, login, logout = [e for e in entries if e.action in ("login_failed", "login", "logout")]
    assert failed.entity_id is None and "'tidakada'" in failed.summary
    assert login.entity_id == user.id and login.actor == user.username
    assert "10.0.0.7" in login.summary
    assert logout.entity_id == user.id


@pytest.mark.parametrize("password, username, message", [
    ("pendek123", "budi", "minimal 10 karakter"),
    ("password123", "budi", "paling umum"),
    ("1234567890", "budi", "paling umum"),
    ("qwertyuiop", "budi", "paling umum"),
    ("BISMILLAH123", "budi", None),
    ("budi-lebong-2026", "budi", "nama pengguna"),
    ("x" * 201, "budi", "paling banyak 200"),
])
def test_password_policy(password, username, message):
    if message is None:
        check_policy(password, username)
        return
    with pytest.raises(RuleViolation, match=message):
        check_policy(password, username)


def test_the_shipped_list_is_large_and_holds_the_demo_passwords_out():
    from plt_tracker.demo.data import DEMO_USERS

    words = common_passwords()
    assert len(words) > 10_000 and {"password", "12345678", "rahasia", "bismillah"} <= words
    for username, password, _role, _name in DEMO_USERS:
        check_policy(password, username)


def test_admin_form_and_cli_apply_the_policy(app, runner, client, login_as):
    login_as("admin")
    response = client.post("/pengguna/baru", data={
        "username": "baru", "full_name": "Baru", "role": "viewer", "password": "password123",
        "csrf_token": client.csrf})
    assert response.status_code == 422 and "paling umum" in response.get_data(as_text=True)
    result = runner.invoke(args=["plt", "create-user", "andi", "--password", "andi-12345678"])
    assert result.exit_code == 1 and "nama pengguna" in result.output
