"""A preview (dry run) that holds no lock on the register.

The preview runs the file through the same operations as the real import, so it
shows exactly what applying would do. Run inside a write transaction, it would
hold SQLite's write lock (BEGIN IMMEDIATE) for as long as validating takes, and
every other request that writes (a login records itself) would wait, then fail.
So on SQLite the preview runs on a private in-memory copy of the database,
taken with SQLite's online backup (a read, which never blocks writers under
WAL), and the copy is thrown away. On PostgreSQL and MariaDB the preview runs in
a transaction that is rolled back, without the pemda lock that serialises real
writes (core.db.lock_pemda), so writers of the same pemda do not queue behind it.
"""
import sqlite3
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy.orm import Session

from plt_tracker.extensions import db


@contextmanager
def preview_database():
    """Within the block, `db.session` works on a throwaway copy of a SQLite database.

    On other databases nothing changes here (see `skip_pemda_lock`).
    """
    if db.engine.dialect.name != "sqlite":
        yield
        return
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    source = db.engine.raw_connection()
    try:
        source.driver_connection.backup(copy)  # one step: a consistent snapshot
    finally:
        source.close()
    scratch = sa.create_engine("sqlite://", creator=lambda: copy, poolclass=sa.pool.StaticPool)
    registry = db.session.registry
    original = registry() if registry.has() else None
    session = Session(bind=scratch)
    registry.set(session)
    try:
        yield
    finally:
        session.close()
        if original is not None:
            registry.set(original)
        else:
            registry.clear()
        scratch.dispose()
        copy.close()


def skip_pemda_lock(instansi_id):
    """Mark the pemda as locked for this (rolled-back) transaction, so no lock is taken."""
    db.session.info.setdefault("locked_pemda", set()).add(instansi_id)


@contextmanager
def without_parent_locks():
    """On MariaDB, run the (rolled-back) preview transaction without foreign key checks.

    InnoDB's check of each inserted OPD, post, official or audit entry takes a shared
    lock on the pemda row it points at, and every real write of that pemda starts by
    updating that row (core.db.lock_pemda): it would wait for the whole preview, then
    fail. The rules the preview reports are checked in Python as on a real import, and
    nothing of the preview is committed. PostgreSQL's key-share locks do not conflict.
    """
    mysql = db.session.get_bind().dialect.name == "mysql"
    if mysql:
        db.session.execute(sa.text("SET SESSION foreign_key_checks = 0"))
    try:
        yield
    finally:
        if mysql:  # the connection goes back to the pool: leave it as it was
            db.session.execute(sa.text("SET SESSION foreign_key_checks = 1"))
