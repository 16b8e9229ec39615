"""Tokens of the read API: what another system (a provincial dashboard, SIASN) may read."""
import datetime as dt
import hashlib
from typing import Optional

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from plt_tracker.auth.models import SCOPES
from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi


def token_digest(token):
    """Return the stored form of a token: its SHA-256 (the token itself is shown once)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiToken(db.Model):
    """A bearer token with a scope like a user's: its pemda, its province, or national."""

    __tablename__ = "api_token"
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    scope: Mapped[str] = mapped_column(String(10), default="pemda")
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    # The first characters, so an admin can tell tokens apart without seeing them.
    prefix: Mapped[str] = mapped_column(String(8))
    created_by_id: Mapped[Optional[int]] = mapped_column(ForeignKey("user_account.id"))
    created_at: Mapped[dt.datetime]
    last_used_at: Mapped[Optional[dt.datetime]]
    revoked_at: Mapped[Optional[dt.datetime]]
    # The last day the token works (the pemda's local date); none: until revoked.
    expires_on: Mapped[Optional[dt.date]]

    instansi: Mapped[Instansi] = relationship()
    created_by = relationship("User")

    @property
    def is_active(self):
        return self.revoked_at is None

    def expired_on(self, day):
        """Say whether the token no longer works on `day` (past its last valid day)."""
        return self.expires_on is not None and day > self.expires_on

    @property
    def scope_label(self):
        return SCOPES.get(self.scope, self.scope)
