"""Who calls the API: a bearer token, looked up by its SHA-256, never a session cookie."""
import datetime as dt
import re
from dataclasses import dataclass
from functools import wraps

from flask import g, request

from plt_tracker.api.errors import ApiError
from plt_tracker.api.models import ApiToken, token_digest
from plt_tracker.core.dates import today, utcnow
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db

_BEARER = re.compile(r"^Bearer +([A-Za-z0-9_\-]{1,200})$", re.I)
# last_used_at is written at most this often per token: a reader polling every second
# costs one small write a minute, not a write per request (SQLite has one writer).
TOUCH_EVERY = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class Caller:
    """The token behind a request, as auth.scope reads an owner: its pemda and scope."""

    token_id: int
    name: str
    instansi_id: int
    scope: str


def token_required(view):
    """Let a view answer only a request with a valid token (401 JSON otherwise)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        g.api_caller = authenticate()
        return view(*args, **kwargs)

    # tests/test_access.py tells token routes from session routes by this mark, and
    # auth.access.require_login lets them pass to their own check.
    wrapped.token_auth = True
    return wrapped


def caller():
    """Return the Caller of the current API request."""
    return g.api_caller


def authenticate():
    """Return the Caller of the request's Authorization header, or raise a 401 ApiError."""
    header = request.headers.get("Authorization", "").strip()
    if not header:
        raise ApiError(401, "missing_token", "Token API diperlukan: kirim header "
                       "'Authorization: Bearer <token>'.")
    match = _BEARER.match(header)
    if not match:
        raise ApiError(401, "invalid_token", "Header Authorization harus berbentuk "
                       "'Bearer <token>'.")
    token = db.session.scalar(db.select(ApiToken).filter_by(digest=token_digest(match[1])))
    if token is None:
        raise ApiError(401, "invalid_token", "Token API tidak dikenal.")
    if token.revoked_at is not None:
        raise ApiError(401, "revoked_token", "Token API ini sudah dicabut.")
    if token.expired_on(today()):
        raise ApiError(401, "expired_token", f"Token API ini berlaku sampai "
                       f"{token.expires_on:%d/%m/%Y} dan sudah kedaluwarsa.")
    found = Caller(token.id, token.name, token.instansi_id, token.scope)
    _touch(token)
    return found


def _touch(token):
    """Record when the token was last used, at most once per TOUCH_EVERY."""
    now = utcnow()
    if token.last_used_at is not None and now - token.last_used_at < TOUCH_EVERY:
        return
    with transaction():
        # Conditional: of several workers seeing the same old time, one writes.
        db.session.execute(
            db.update(ApiToken).where(ApiToken.id == token.id)
            .where((ApiToken.last_used_at.is_(None)) | (ApiToken.last_used_at < now - TOUCH_EVERY))
            .values(last_used_at=now).execution_options(synchronize_session=False))
