"""Users and their roles."""
import secrets
from typing import Optional

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from plt_tracker.core.db import unique_rule
from plt_tracker.core.records import Versioned
from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi

# Labels are lazy so the navbar, user list and role select follow the user's language.
ROLES = {
    "admin": _l("Admin"),
    "operator": _l("Operator BKPSDM"),
    "viewer": _l("Sekda / pimpinan"),
}
# Each role can do what the roles after it can, and more.
ROLE_RANK = {"viewer": 1, "operator": 2, "admin": 3}
# What a user (or an API token) may read: their pemda, their province (its own posts and
# its kabupaten/kota), or every pemda. Writes are always to their own pemda (auth.scope).
SCOPES = {"pemda": _l("Satu pemda"), "province": _l("Provinsi"), "national": _l("Nasional")}
SCOPE_RANK = {"pemda": 1, "province": 2, "national": 3}


class User(Versioned, UserMixin, db.Model):
    """Someone who logs in: an admin, a BKPSDM operator or a viewer (Sekda)."""

    __tablename__ = "user_account"
    id: Mapped[int] = mapped_column(primary_key=True)
    instansi_id: Mapped[int] = mapped_column(ForeignKey("instansi.id"), index=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[Optional[str]] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[str] = mapped_column(String(20))
    is_active_flag: Mapped[bool] = mapped_column("is_active", default=True)
    scope: Mapped[str] = mapped_column(String(10), default="pemda", server_default="pemda")
    # Flask-Login's id for this user's sessions and remember cookie: a new one ends them all.
    session_token: Mapped[str] = mapped_column(String(64), unique=True,
                                               default=lambda: secrets.token_urlsafe(32))

    instansi: Mapped[Instansi] = relationship()

    @property
    def is_active(self):
        return self.is_active_flag

    def get_id(self):
        """Name the user in sessions by their session token, never by the row id."""
        return self.session_token

    def end_sessions(self):
        """Give the user a new session token: every session and remember cookie ends."""
        self.session_token = secrets.token_urlsafe(32)

    @property
    def role_label(self):
        return ROLES.get(self.role, self.role)

    @property
    def scope_label(self):
        return SCOPES.get(self.scope, self.scope)

    def set_password(self, password):
        """Store a salted hash of the password."""
        self.password_hash = generate_password_hash(password)

    def check_password(self, password):
        """Say whether the password matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def can(self, role):
        """Say whether this user has at least the given role."""
        return ROLE_RANK.get(self.role, 0) >= ROLE_RANK[role]


unique_rule("user_account", "username", "Nama pengguna ini sudah dipakai", "username")
