"""SQLite as a multi-user database: foreign keys, WAL, and a write lock taken at BEGIN.

pysqlite starts transactions lazily, just before the first write, so two
requests can both read "no open vacancy" and then both write one. Here the
driver's own transaction handling is switched off and SQLAlchemy's BEGIN is
emitted by us: `BEGIN IMMEDIATE` inside `core.db.transaction()` (the write
lock first, then the checks), a plain deferred `BEGIN` for reads. This is the
recipe of SQLAlchemy's SQLite dialect documentation ("Serializable isolation").
"""
from sqlalchemy import event
from sqlalchemy.engine import Engine

from plt_tracker.core.db import writing


def _is_sqlite(dbapi_connection):
    return type(dbapi_connection).__module__.startswith("sqlite3")


def _on_connect(dbapi_connection, connection_record):  # noqa: ARG001
    """Set up a new SQLite connection: foreign keys, WAL, our own BEGIN."""
    if not _is_sqlite(dbapi_connection):
        return
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets readers go on while one request writes (a file database only).
    if cursor.execute("PRAGMA database_list").fetchone()[2]:
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _on_begin(conn):
    """Begin SQLite transactions ourselves; writers take the write lock at once."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE" if writing() else "BEGIN")


def enable_sqlite_foreign_keys(app):  # noqa: ARG001
    """Install the SQLite connection and BEGIN hooks (once per process)."""
    if not event.contains(Engine, "connect", _on_connect):
        event.listen(Engine, "connect", _on_connect)
    if not event.contains(Engine, "begin", _on_begin):
        event.listen(Engine, "begin", _on_begin)
