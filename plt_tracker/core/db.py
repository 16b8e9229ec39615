"""Transactions, the write lock, and the database's own refusals in the user's words.

Every mutation runs in `transaction()`. On SQLite it begins with `BEGIN
IMMEDIATE`, which takes the database's write lock before anything is read; on
PostgreSQL and MariaDB an operation locks its pemda's row (`lock_pemda`). So
the checks an operation makes cannot be overtaken by a parallel request: the
loser waits, then sees the winner's change and gets the same clear message as
a sequential request. Unique constraints back the rules about what may
coexist; should one still fire, `violation_for` turns it into that message.
"""
import re
from contextlib import contextmanager
from contextvars import ContextVar
from types import SimpleNamespace

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import attributes

from plt_tracker.core.messages import say
from plt_tracker.extensions import db

# True while a write transaction runs in this context (thread or task): the
# SQLite begin hook reads it to take the write lock at BEGIN.
_writing = ContextVar("plt_writing", default=False)


class RuleViolation(ValueError):
    """A business rule refused a change; the message is for the user (Indonesian)."""

    def __init__(self, message, field=None):
        # A message with figures comes as core.messages.message(N_(…), …): kept to be shown
        # in the reader's language; `message` is always its Indonesian sentence.
        self.text = message if isinstance(message, dict) else None
        if self.text is not None:
            message = say(self.text)
        super().__init__(message)
        self.message = message
        self.field = field

    def shown(self):
        """Return the message in the reader's language (a constant message is its own msgid,
        listed in core/refusals.py; one with figures is a core.messages message)."""
        from flask_babel import gettext

        if self.text is not None:
            return say(self.text, gettext)
        return gettext(self.message)


def writing():
    """Say whether a write transaction is running in this context."""
    return _writing.get()


@contextmanager
def transaction():
    """Run a block as one write transaction: commit at the end, roll back on any error.

    Every mutation goes through this so that a refused rule or a crash half way
    leaves nothing half-written. A read transaction the caller began (a view
    loading its records) is ended first, so the write transaction starts
    fresh, takes its lock first and sees what others committed meanwhile.
    Nested use joins the outer transaction.
    """
    session = db.session()
    if _writing.get():
        yield session
        return
    if session.in_transaction():
        session.commit()
    token = _writing.set(True)
    try:
        session.connection()  # BEGIN now (IMMEDIATE on SQLite), before any read
        yield session
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        violation = violation_for(exc)
        if violation is None:
            raise
        raise violation from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info.pop("locked_pemda", None)
        _writing.reset(token)


# Unique constraints that back a rule, by (table, column) as SQLite names them and by
# constraint name as PostgreSQL and MariaDB do: the message the rule gives.
_UNIQUE_RULES = {}
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: ([\w.]+)")


def unique_rule(table, columns, message, field=None):
    """Declare the user's message for a unique constraint that holds a rule."""
    columns = (columns,) if isinstance(columns, str) else tuple(columns)
    name = f"uq_{table}_{'_'.join(columns)}"
    entry = (message, field)
    _UNIQUE_RULES[name] = entry
    _UNIQUE_RULES[", ".join(f"{table}.{c}" for c in columns)] = entry


def violation_for(exc):
    """Return the RuleViolation a unique constraint stands for, or None."""
    text = str(exc.orig)
    match = _SQLITE_UNIQUE.search(text)
    keys = [match.group(1)] if match else []
    keys += [name for name in _UNIQUE_RULES if name.startswith("uq_") and name in text]
    for key in keys:
        if key in _UNIQUE_RULES:
            message, field = _UNIQUE_RULES[key]
            return RuleViolation(message, field)
    return None


def lock_pemda(instansi_id, *, stale=True):
    """Serialise this pemda's writes until the transaction ends (once per transaction).

    The UPDATE takes the pemda row's lock on PostgreSQL and MariaDB (SQLite holds
    its write lock since BEGIN IMMEDIATE) and marks the pemda's stored vacancy
    states stale (flags.state computes them again before they are read); a
    refresh of those states itself locks with `stale=False`.
    """
    locked = db.session.info.setdefault("locked_pemda", set())
    if instansi_id in locked:
        return
    if stale:
        db.session.execute(db.text("UPDATE instansi SET flags_valid_for = NULL WHERE id = :id"),
                           {"id": instansi_id})
    elif db.session.get_bind().dialect.name != "sqlite":
        db.session.execute(db.text("SELECT id FROM instansi WHERE id = :id FOR UPDATE"),
                           {"id": instansi_id})
    locked.add(instansi_id)


# Ids per IN list: under SQLite's 32,766 bound parameters and MariaDB's packet size,
# and few enough statements for the nation (60,000 vacancies: 6 statements).
IN_BATCH = 10_000


def batched(ids, size=None):
    """Yield the ids in sorted lists of at most `size` (IN_BATCH), one IN list per statement."""
    ids, size = sorted(set(ids)), size or IN_BATCH
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def reserve_ids(records):
    """Give new records their ids and their server-side defaults beforehand, so the ORM has
    nothing to read back and inserts each table's records with one executemany.

    Otherwise PostgreSQL gets multi-row INSERT … RETURNING statements, which psycopg
    parses placeholder by placeholder (several times slower for an import of 20,000
    records), and SQLite one INSERT per record (it cannot promise the order of
    RETURNING rows). One statement per table: PostgreSQL draws the ids from the
    table's sequence; SQLite takes the next after the largest, as it would itself,
    which is safe only because the caller holds the write lock (BEGIN IMMEDIATE) or
    works on a private copy (importer.preview). MariaDB returns ids in order already.
    """
    dialect = db.session.get_bind().dialect.name
    if dialect not in ("postgresql", "sqlite"):
        return
    assert dialect != "sqlite" or writing()  # nosec B101  # the ids are safe under the lock only
    by_table = {}
    for record in records:
        mapper = sa.inspect(record).mapper
        for prop in mapper.column_attrs:
            # A column with a server default is read back unless given (a version, a flag).
            column, default = prop.columns[0], prop.columns[0].default
            if (column.server_default is not None and default is not None
                    and default.is_scalar and getattr(record, prop.key) is None):
                setattr(record, prop.key, default.arg)
        table = mapper.local_table
        if "id" in table.c and getattr(record, "id", None) is None:
            by_table.setdefault(table, []).append(record)
    for table, waiting in by_table.items():
        if dialect == "postgresql":
            ids = db.session.scalars(
                db.text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                        "FROM generate_series(1, :count)"),
                {"table": table.name, "count": len(waiting)}).all()
        else:
            last = db.session.scalar(db.select(db.func.max(table.c.id))) or 0
            ids = range(last + 1, last + 1 + len(waiting))
        for record, new_id in zip(waiting, ids):
            record.id = new_id


# Model: the function that fills its derived columns from the others (before every write).
_DERIVED = {}


def derived_columns(model):
    """Register `fill(mapper, connection, record)` to run before every INSERT and UPDATE of
    `model`, and before `update_together` writes one (which bypasses the ORM's events)."""
    def register(fill):
        sa.event.listen(model, "before_insert", fill)
        sa.event.listen(model, "before_update", fill)
        _DERIVED[model] = fill
        return fill
    return register


def update_together(changes):
    """Write changes to written, versioned records: one UPDATE executemany per table.

    `changes` pairs each record with the names of the attributes given new values
    with `set_committed_value` (so the ORM itself would not write them). The ORM
    sends one UPDATE per versioned record, to check each row count; here each
    statement carries the record's version in its WHERE clause and the total row
    count is checked once, so a record someone else changed meanwhile is refused
    all the same. Derived columns (`derived_columns`: the open keys of a holding or
    a vacancy) are filled on a copy and written too. Afterwards the records hold
    their new version as written.
    """
    groups = {}
    for record, names in changes:
        mapper = sa.inspect(record).mapper
        columns = {prop.key: prop.columns[0].key for prop in mapper.column_attrs}
        copy = SimpleNamespace(**{key: getattr(record, key) for key in columns})
        if type(record) in _DERIVED:
            _DERIVED[type(record)](mapper, None, copy)
        new = {key: getattr(record, key) for key in names}
        new.update({key: getattr(copy, key) for key in columns
                    if getattr(copy, key) != getattr(record, key)})
        version = mapper.get_property_by_column(mapper.version_id_col).key
        new[version] = getattr(record, version) + 1
        # Bound names differ from the columns' (SQLAlchemy reserves those for itself).
        params = {f"new_{columns[key]}": value for key, value in new.items()}
        params.update(old_id=record.id, old_version=getattr(record, version))
        group = groups.setdefault((mapper.local_table, tuple(sorted(params))), [])
        group.append((record, new, params))
    for (table, names), group in groups.items():
        statement = (table.update()
                     .where(table.c.id == sa.bindparam("old_id"),
                            table.c.version == sa.bindparam("old_version"))
                     .values({name[4:]: sa.bindparam(name) for name in names
                              if name.startswith("new_")}))
        result = db.session.execute(statement, [params for _, _, params in group])
        if result.rowcount not in (-1, len(group)):
            raise RuleViolation("Data ini telah diubah orang lain saat impor berjalan; "
                                "ulangi impornya")
        for record, new, _ in group:
            for key, value in new.items():
                attributes.set_committed_value(record, key, value)
