"""Fixtures: one real database per backend, a fresh app per test, users, factories.

Every test that takes `app` runs on SQLite, PostgreSQL and MariaDB. The two
servers are reached through PLT_TEST_POSTGRES_URL and PLT_TEST_MYSQL_URL (a
server URL without a database name); each test session creates its own
uniquely named database there, builds the schema with the real migrations and
drops the database at the end. Without the variable that backend skips.
"""
import contextlib
import datetime as dt
import itertools
import os
import re
import uuid

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.extensions import db

BACKENDS = {
    "sqlite": "sqlite",
    "postgresql": os.environ.get("PLT_TEST_POSTGRES_URL"),
    "mysql": os.environ.get("PLT_TEST_MYSQL_URL"),
}
TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="session", params=list(BACKENDS))
def backend(request):
    """The database backend this group of tests runs on."""
    return request.param


@pytest.fixture(scope="session")
def database_url(backend, tmp_path_factory):
    """Create a database for this test session on one backend; drop it afterwards."""
    with _fresh_database(backend, tmp_path_factory) as url:
        yield url


@pytest.fixture
def empty_database_url(backend, tmp_path_factory):
    """Create an empty database on the backend, for tests of the migrations themselves."""
    with _fresh_database(backend, tmp_path_factory) as url:
        yield url


@contextlib.contextmanager
def _fresh_database(backend, tmp_path_factory):
    server = BACKENDS[backend]
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    if not server:
        variable = f"PLT_TEST_{'POSTGRES' if backend == 'postgresql' else 'MYSQL'}_URL"
        if os.environ.get("PLT_REQUIRE_ALL_DATABASES"):
            pytest.fail(f"{backend}: {variable} is required in CI")
        pytest.skip(f"{backend}: set {variable}")
    name = f"plt_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if backend == "mysql":
            conn.execute(sa.text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"))
        else:
            conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = sa.make_url(server).set(database=name)
    if backend == "mysql":
        url = url.update_query_dict({"charset": "utf8mb4"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            if backend == "postgresql":
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
            else:
                conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()


@pytest.fixture(scope="session")
def seeded(database_url):
    """Build the schema with the migrations; remember the rows they seed."""
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url)
    with app.app_context():
        upgrade()
        rows = {}
        for table in db.metadata.sorted_tables:
            found = db.session.execute(table.select()).mappings().all()
            if found:
                rows[table.name] = [dict(r) for r in found]
        db.session.remove()
        db.engine.dispose()
    return rows


@pytest.fixture
def app(database_url, seeded):
    """Create a fresh app on the session's database; empty it again afterwards."""
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url)
    with app.app_context():
        yield app
        db.session.remove()
        _reset(seeded)
        db.engine.dispose()


def _reset(seeded):
    """Delete every row the test wrote and put back what the migrations seeded."""
    with db.engine.begin() as conn:
        for table in reversed(db.metadata.sorted_tables):
            # MariaDB checks a self-reference row by row: cut them before the delete.
            own = {fk.parent.name: None for fk in table.foreign_keys if fk.column.table is table}
            if own:
                conn.execute(table.update().values(own))
            conn.execute(table.delete())
        for table in db.metadata.sorted_tables:
            if table.name in seeded:
                conn.execute(table.insert(), seeded[table.name])


@pytest.fixture
def another_app(database_url):
    """Make more apps on the session's database (another worker, other settings).

    Their connection pools are closed afterwards, so no connection is left to the
    garbage collector.
    """
    made = []

    def make(**overrides):
        new = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=database_url, **overrides)
        made.append(new)
        return new

    yield make
    for new in made:
        with new.app_context():
            db.engine.dispose()


@pytest.fixture
def client(app):
    """A test client that remembers its CSRF token once it has seen a form."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Run CLI commands against the test app."""
    return app.test_cli_runner()


_TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_from(html):
    """Read the CSRF token out of a rendered form."""
    match = _TOKEN.search(html if isinstance(html, str) else html.decode())
    assert match, "no csrf_token in page"
    return match.group(1)


@pytest.fixture
def instansi(app):
    """The default pemda."""
    from plt_tracker.core.db import transaction
    from plt_tracker.pemda.operations import default_pemda

    with transaction():
        return default_pemda()


@pytest.fixture
def make_user(instansi):
    """Create users: make_user("operator") -> User with password 'rahasia123'."""
    from plt_tracker.auth.operations import create_user
    from plt_tracker.core.db import transaction

    counter = itertools.count(1)

    def make(role="operator", username=None, password="rahasia123"):
        with transaction():
            return create_user(instansi.id, username or f"{role}{next(counter)}", password, role,
                               f"Pengguna {role}")

    return make


@pytest.fixture
def login_as(client, make_user):
    """Log the test client in as a new user of `role`; sets client.csrf for later posts."""

    def login(role="operator"):
        user = make_user(role)
        page = client.get("/masuk")
        token = csrf_from(page.data)
        response = client.post("/masuk", data={"username": user.username,
                                               "password": "rahasia123", "csrf_token": token})
        assert response.status_code == 302, response.data[:500]
        client.csrf = token
        client.user = user
        return user

    return login


@pytest.fixture
def factory(instansi):
    """Make register records through the real operations: factory.post(...), factory.vacancy(...)."""
    from tests.factories import Factory

    return Factory(instansi)
