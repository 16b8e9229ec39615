"""When the database is locked or gone: short timeouts, a 503 page that needs no database.

A request that cannot reach the database (a server restart, a dropped
connection, SQLite locked by another process) answers 503 with Retry-After
within DATABASE_LOCK_TIMEOUT seconds, from a standalone page; the connection
pool checks each connection before use (pool_pre_ping) and reconnects, so the
app recovers by itself once the database is back.
"""
from flask import current_app, g, render_template
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout

from plt_tracker.extensions import db

# Errors that mean "the database is not available now", not "this request is wrong".
UNAVAILABLE = (OperationalError, PoolTimeout)
RETRY_AFTER_SECONDS = 30


def is_unavailable(error):
    """Say whether an exception means the database cannot be reached or is locked."""
    if isinstance(error, UNAVAILABLE):
        return True
    return isinstance(error, DBAPIError) and error.connection_invalidated


def unavailable_response():
    """Return the friendly 503 page (no user, no menu: nothing that reads the database)."""
    try:
        db.session.rollback()
    except Exception:  # noqa: BLE001  (the connection may be gone; the pool replaces it)
        db.session.remove()
    from plt_tracker.api.errors import error_response, is_api_request

    if is_api_request():
        response = error_response(503)
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    # Flask-Login puts `current_user` into every template, loading it on first use:
    # settle it as anonymous so rendering does not query the database again.
    g._login_user = current_app.login_manager.anonymous_user()
    return render_template("errors/503.html"), 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}


def _timeouts(app, engine):
    """Bound how long a connection attempt, a lock wait and a statement may take."""
    lock = float(app.config["DATABASE_LOCK_TIMEOUT"])
    statement = float(app.config["DATABASE_STATEMENT_TIMEOUT"])
    backend = engine.dialect.name

    @event.listens_for(engine, "do_connect")
    def _connect_args(dialect, conn_rec, cargs, cparams):  # noqa: ARG001
        if backend == "sqlite":
            cparams["timeout"] = lock  # SQLite's busy timeout
        elif backend == "postgresql":
            cparams.setdefault("connect_timeout", max(1, round(lock)))
            cparams["options"] = (f"-c lock_timeout={int(lock * 1000)} "
                                  f"-c statement_timeout={int(statement * 1000)}")
        elif backend in ("mysql", "mariadb"):
            cparams.setdefault("connect_timeout", max(1, round(lock)))

    if backend in ("mysql", "mariadb"):
        @event.listens_for(engine, "connect")
        def _lock_wait(dbapi_connection, conn_rec):  # noqa: ARG001
            cursor = dbapi_connection.cursor()
            cursor.execute(f"SET SESSION innodb_lock_wait_timeout = {max(1, round(lock))}")
            cursor.close()


def register(app):
    """Apply the timeouts to the app's engine and answer 503 on database outages."""
    with app.app_context():
        _timeouts(app, db.engine)

    def database_unavailable(error):  # noqa: ARG001
        return unavailable_response()

    for error_class in UNAVAILABLE:
        app.register_error_handler(error_class, database_unavailable)
