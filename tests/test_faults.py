"""A locked or dropped database: a friendly 503 with Retry-After (never a 500), then recovery."""
import sqlite3
import time

import pytest
import sqlalchemy as sa

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.extensions import db
from tests.auth.test_sessions import Browser, _login


def test_health_reports_the_database(app, client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_a_locked_sqlite_database_gives_503_to_writes_then_recovers(app, backend, make_user,
                                                                   another_app):
    """Another process holds SQLite's write lock: writes wait DATABASE_LOCK_TIMEOUT, then 503.

    In WAL mode (core/sqlite.py) readers still read while another process writes, so
    pages keep working; only the writes wait, and answer 503 past the timeout.
    """
    if backend != "sqlite":
        pytest.skip("an SQLite file lock")
    user = make_user("operator")
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    locked_app = another_app(DATABASE_LOCK_TIMEOUT=0.3)
    browser = Browser(locked_app)
    _login(browser, user.username)
    assert browser.get("/kekosongan").status_code == 200
    db.session.remove()  # the test's own read transaction ends
    holder = sqlite3.connect(sa.make_url(url).database, isolation_level=None, timeout=10)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM rate_limit")
    try:
        started = time.monotonic()
        response = browser.post("/pejabat/baru", data={"nip": "197005121998031004",
                                                       "nip_kind": "pns", "name": "Terkunci",
                                                       "csrf_token": browser.csrf})
        assert time.monotonic() - started < 3
        assert response.status_code == 503 and response.headers["Retry-After"] == "30"
        page = response.get_data(as_text=True)
        assert "Layanan sementara tidak tersedia" in page and "Tidak ada data yang berubah" in page
        assert response.headers["Content-Security-Policy"]
        assert browser.get("/kekosongan").status_code == 200  # readers go on
        assert browser.get("/health").get_json() == {"status": "ok", "database": "ok"}
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    again = browser.post("/pejabat/baru", data={"nip": "197005121998031004", "nip_kind": "pns",
                                                "name": "Tidak terkunci", "csrf_token": browser.csrf})
    assert again.status_code == 302


def test_a_killed_postgresql_connection_is_replaced(app, backend, make_user):
    if backend != "postgresql":
        pytest.skip("pg_terminate_backend")
    user = make_user("viewer")
    browser = Browser(app)
    _login(browser, user.username)
    assert browser.get("/kekosongan").status_code == 200
    db.session.close()  # the test's own connection goes back to the pool, to be killed too
    url = sa.make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    killer = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with killer.connect() as conn:
        killed = conn.execute(sa.text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": url.database}).scalar()
    killer.dispose()
    assert killed >= 1
    statuses = [browser.get(path).status_code for path in ("/kekosongan", "/health", "/jabatan", "/kekosongan")]
    assert 500 not in statuses and statuses[-1] == 200, statuses


def test_an_unreachable_server_gives_503_quickly(app, backend):
    if backend == "sqlite":
        pytest.skip("a database server")
    url = sa.make_url(app.config["SQLALCHEMY_DATABASE_URI"]).set(host="127.0.0.1", port=9)
    down = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url.render_as_string(False),
                      DATABASE_LOCK_TIMEOUT=1)
    client = down.test_client()
    started = time.monotonic()
    response = client.get("/masuk")
    assert response.status_code in (200, 503)  # the login form itself needs no database
    health = client.get("/health")
    assert health.status_code == 503 and health.headers["Retry-After"]
    login = client.post("/masuk", data={"username": "admin", "password": "x" * 10})
    assert login.status_code in (400, 503)
    assert time.monotonic() - started < 15
