"""Writing audit entries; called inside the transaction of the change itself."""
import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar

from flask import has_request_context
from flask_babel import force_locale
from flask_login import current_user

from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.dates import utcnow
from plt_tracker.extensions import db

# Who acts when there is no logged-in user: "import", "scheduler", "demo", …
_system_actor = ContextVar("system_actor", default="sistem")
# The entries `record` collects for one executemany INSERT while `collecting()` runs, else None.
_batch = ContextVar("audit_batch", default=None)


def set_system_actor(name):
    """Name the actor for changes made outside a request (CLI, scheduler)."""
    return _system_actor.set(name)


def snapshot(obj, fields):
    """Return the given attributes of a record as JSON-safe values."""
    return {name: _jsonable(getattr(obj, name)) for name in fields}


def record(action, entity, entity_id, summary=None, *, instansi_id, post_id=None, before=None,
           after=None, event=None, params=None, reason=None, version=None):
    """Add an audit entry to the current transaction.

    `event` (a code of audit.events) with its `params` is how pages say what
    happened in the reader's language; `summary` is the Indonesian sentence,
    made from the event when not given. `reason` is why a correction or void
    was made; `version` the record's version after the change.
    """
    user = current_user if has_request_context() and current_user.is_authenticated else None
    params = {k: _jsonable(v) for k, v in (params or {}).items()}
    batch = _batch.get()
    if summary is None:
        from plt_tracker.audit.render import event_sentence

        if batch is not None:  # the batch runs in Indonesian already
            summary = event_sentence(event, params)
        else:
            with force_locale("id"):
                summary = event_sentence(event, params)
    values = dict(
        instansi_id=instansi_id,
        user_id=user.id if user else None,
        actor=user.username if user else _system_actor.get(),
        at=utcnow(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        post_id=post_id,
        summary=summary[:300],
        event=event,
        params=params or None,
        reason=(reason or None) and reason[:300],
        entity_version=version,
        before=before,
        after=after,
    )
    if batch is not None:
        batch.append(values)
        return None
    entry = AuditEntry(**values)
    db.session.add(entry)
    return entry


@contextmanager
def collecting():
    """Within the block, collect the entries `record` makes; `write_collected()` inserts them.

    For an import of thousands of records: the entries go in as one executemany
    without reading their ids back (nothing refers to an audit entry), instead of
    one ORM object each. Whatever is still collected at the end is written then.
    """
    token = _batch.set([])
    try:
        with force_locale("id"):
            yield
            write_collected()
    finally:
        _batch.reset(token)


def write_collected():
    """Insert the entries collected so far in `collecting()`."""
    batch = _batch.get()
    if batch:
        db.session.execute(AuditEntry.__table__.insert(), batch)  # Core: no ORM bookkeeping
        batch.clear()


def _jsonable(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def current_actor():
    """Return who acts now: the logged-in user's name, or the system actor (CLI, scheduler)."""
    if has_request_context() and current_user.is_authenticated:
        return current_user.username
    return _system_actor.get()
