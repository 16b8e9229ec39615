"""Writes on API tokens: create (the token is returned once, only its digest is kept) and
revoke; both audited."""
import secrets

from plt_tracker.api.models import ApiToken, token_digest
from plt_tracker.audit.operations import record
from plt_tracker.auth.operations import check_scope
from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import RuleViolation

# "plt_" tells a reader (and secret scanners) what the string is; 32 random bytes.
TOKEN_PREFIX = "plt_"  # nosec B105  # a fixed label before the random part, not a secret


def new_token_text():
    """Return a fresh random token."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def create_token(instansi_id, name, scope="pemda", *, creator=None, expires_on=None,
                 today=None):
    """Create a token of a pemda (inside the caller's transaction); return (token, text).

    The scope is checked as a user's is: a province scope belongs to a province, and
    the creating admin (`creator`, None from the command line) grants at most their own
    scope. The text is shown once and never stored.
    """
    name = (name or "").strip()
    if not name:
        raise RuleViolation("Nama token wajib diisi", "name")
    if len(name) > 100:
        raise RuleViolation("Nama token paling banyak 100 karakter", "name")
    check_scope(scope, instansi_id, creator)
    if expires_on is not None and today is not None and expires_on < today:
        raise RuleViolation("Tanggal berlaku sampai sudah lewat", "expires_on")
    text = new_token_text()
    token = ApiToken(instansi_id=instansi_id, name=name, scope=scope, digest=token_digest(text),
                     prefix=text[:8], created_by_id=creator.id if creator else None,
                     created_at=utcnow(), expires_on=expires_on)
    from plt_tracker.extensions import db

    db.session.add(token)
    db.session.flush()
    record("create", "api_token", token.id, instansi_id=instansi_id, event="api_token.create",
           params={"name": name, "scope": scope, "prefix": token.prefix},
           after={"name": name, "scope": scope, "prefix": token.prefix,
                  "expires_on": expires_on.isoformat() if expires_on else None})
    return token, text


def revoke_token(token):
    """Revoke a token: it stops working at once; the row stays for the record."""
    if token.revoked_at is not None:
        raise RuleViolation("Token ini sudah dicabut", "token")
    token.revoked_at = utcnow()
    record("revoke", "api_token", token.id, instansi_id=token.instansi_id,
           event="api_token.revoke", params={"name": token.name, "prefix": token.prefix})
    return token
