"""SQLite needs foreign keys switched on per connection."""
from sqlalchemy import event
from sqlalchemy.engine import Engine


def _on_connect(dbapi_connection, connection_record):  # noqa: ARG001
    """Enforce foreign keys on a new SQLite connection."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


def enable_sqlite_foreign_keys(app):  # noqa: ARG001
    """Turn on foreign-key enforcement for every SQLite connection (once per process)."""
    if not event.contains(Engine, "connect", _on_connect):
        event.listen(Engine, "connect", _on_connect)
