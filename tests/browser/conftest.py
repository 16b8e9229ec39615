"""Fixtures for the tests in a real browser (Playwright driving the system Chromium).

The demo kabupaten is built once per session into a SQLite file with the real
migrations and `plt demo` (what `make demo` runs). Every test gets its own copy
of that file, served by a real threaded werkzeug server on 127.0.0.1, so a
journey that changes the register never changes what the next test sees.

These tests run once, on SQLite only: they do not take the `backend` fixture
that multiplies the other tests, and they carry the `browser` marker
(`pytest -m browser` runs just them, `-m "not browser"` skips them).
"""
import datetime as dt
import os
import shutil
import threading

import pytest
from flask_migrate import upgrade
from werkzeug.serving import make_server

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.extensions import db

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# The demo's accounts (plt_tracker/demo/users.py); the README gives the same.
ACCOUNTS = {
    "admin": "bukit-kaba-2026",
    "bkpsdm": "danau-tes-2026",
    "sekda": "air-ketahun-2026",
}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items):
    """Mark every test in this folder as a browser test."""
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium headless (Playwright cannot download its own here)."""
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (never `playwright install`)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory):
    """Build the demo kabupaten once into a SQLite file; return the file's path."""
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    app = _make_app(path)
    with app.app_context():
        upgrade()
        result = app.test_cli_runner().invoke(args=["plt", "demo"])
        assert result.exit_code == 0, result.output
        db.session.remove()
        db.engine.dispose()
    return path


def _make_app(path):
    """Create the app on the SQLite file `path`."""
    return create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")


@pytest.fixture
def served_app(demo_database, tmp_path):
    """Create an app on a fresh copy of the demo database (this test's own)."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_database, path)
    app = _make_app(path)
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def live_server(served_app):
    """Serve the test's app on a free port of 127.0.0.1; give its base URL."""
    server = make_server("127.0.0.1", 0, served_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(10)
    server.server_close()


class Clock:
    """The served app's clock, moved forward by whole days (the demo stays as it was built)."""

    def __init__(self, monkeypatch, app):
        from plt_tracker.core import dates

        self.app = app
        self.days = 0
        real = dates.now_local
        monkeypatch.setattr(dates, "now_local", lambda: real() + dt.timedelta(days=self.days))
        self._real = real

    def today(self):
        """Return the app's today."""
        with self.app.app_context():
            return (self._real() + dt.timedelta(days=self.days)).date()

    def move_to(self, day):
        """Make `day` the app's today (never backwards: records already made stay in the past)."""
        assert day >= self.today()
        self.days += (day - self.today()).days


@pytest.fixture
def clock(monkeypatch, served_app):
    """Move the served app's today forward: clock.move_to(date)."""
    return Clock(monkeypatch, served_app)


def log_in(page, username="bkpsdm", password=None, server=""):
    """Log a page in as a demo account through the login form; return it, on the home page.

    `server` is the live server's address, unless the page's context has it as base URL.
    """
    page.goto(f"{server}/masuk")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password or ACCOUNTS[username])
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/masuk" not in url)
    return page


@pytest.fixture
def login(page, live_server):
    """Log the page in as a demo account: login("bkpsdm") -> the page, on the home page."""
    return lambda username="bkpsdm", password=None: log_in(page, username, password,
                                                           live_server)


@pytest.fixture
def phone(browser, live_server):
    """A page of a phone-sized (390 px wide) browser context."""
    context = browser.new_context(viewport=PHONE, base_url=live_server)
    yield context.new_page()
    context.close()
