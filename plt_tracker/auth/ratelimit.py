"""Login rate limits: Flask-Limiter with its counters kept in the app's own database.

Flask-Limiter (through the `limits` library) stores counters in memory (one
process only), Redis, Memcached, MongoDB or etcd. gunicorn's workers share
none of those without another server to run, so the counters live in a small
table of the database every worker already uses (fixed windows, one UPDATE per
counted attempt).
"""
import hashlib
import time

from flask import current_app, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from limits.storage import Storage
from sqlalchemy import BigInteger, Integer, String, case, delete, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Mapped, mapped_column

from plt_tracker.extensions import db

limiter = Limiter(key_func=get_remote_address)


class RateLimitCounter(db.Model):
    """One fixed-window counter: how often a key was hit before `expires_at`."""

    __tablename__ = "rate_limit"
    # sha256 of the limiter's key: fixed length, and no user name is kept.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)
    expires_at: Mapped[int] = mapped_column(BigInteger, index=True)  # Unix seconds


def _digest(key):
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class DatabaseStorage(Storage):
    """A `limits` storage on the app's database (scheme `plt-db://`), shared by every worker."""

    STORAGE_SCHEME = ["plt-db"]

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def incr(self, key, expiry, amount=1):
        """Add `amount` to a key's counter (a new window when the old one expired)."""
        table, now, digest = RateLimitCounter.__table__, int(time.time()), _digest(key)
        live = table.c.expires_at > now
        bump = (update(table).where(table.c.key == digest).values(
            count=case((live, table.c.count + amount), else_=amount),
            expires_at=case((live, table.c.expires_at), else_=now + int(expiry))))
        with db.engine.begin() as conn:
            conn.execute(delete(table).where(table.c.expires_at <= now - 86400))
            if not conn.execute(bump).rowcount:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(table).values(key=digest, count=amount,
                                                          expires_at=now + int(expiry)))
                except IntegrityError:  # another worker created it a moment ago
                    conn.execute(bump)
            return conn.execute(select(table.c.count).where(table.c.key == digest)).scalar()

    def get(self, key):
        """Return a key's count in its current window (0 when none)."""
        return self._row(key)[0]

    def get_expiry(self, key):
        """Return when the key's window ends (now when it has none)."""
        return float(self._row(key)[1] or time.time())

    def check(self):
        """Say whether the database answers."""
        with db.engine.connect() as conn:
            conn.execute(select(1))
        return True

    def reset(self):
        """Forget every counter."""
        with db.engine.begin() as conn:
            return conn.execute(delete(RateLimitCounter.__table__)).rowcount

    def clear(self, key):
        """Forget one key's counter."""
        with db.engine.begin() as conn:
            conn.execute(delete(RateLimitCounter.__table__).where(
                RateLimitCounter.__table__.c.key == _digest(key)))

    def _row(self, key):
        table = RateLimitCounter.__table__
        with db.engine.connect() as conn:
            row = conn.execute(select(table.c.count, table.c.expires_at).where(
                table.c.key == _digest(key), table.c.expires_at > time.time())).first()
        return tuple(row) if row else (0, None)


def attempted_username():
    """Return the user name a login form names (normalised as the login does)."""
    return (request.form.get("username") or "").strip().lower()[:64]


def account_key():
    """Key the per-account limit by the user name tried, whoever tries it."""
    return "account:" + _digest(attempted_username())


def account_limit():
    return current_app.config["LOGIN_LIMIT_ACCOUNT"]


def address_limit():
    return current_app.config["LOGIN_LIMIT_ADDRESS"]


def failed_login(response):
    """Count only refused passwords (401), not the form being shown or a success."""
    return response.status_code == 401
