"""Sessions: start one cleanly, end it on the server, end it after idle hours, audit logins.

A session (and a remember cookie) carries the user's session token, not their
id. Logging out gives the user a new token, so the cookie a browser had, and
any copy of it, stops working at once, on every device of that user: one
token per user keeps the check to the one query that loads the user, with no
session table to write on every request.
"""
import contextvars
import time

from flask import flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user, user_loaded_from_cookie

from plt_tracker.audit.operations import record, set_system_actor
from plt_tracker.core.db import transaction
from plt_tracker.settings.logic import get_setting

SEEN_KEY = "_seen"
# The last-seen time is written at most this often (seconds): fewer cookies re-sent,
# and the idle setting is read from the database at most once a minute per session.
SEEN_EVERY = 60


# What a new login keeps of the browser's session: the language and the CSRF secret
# (forms already open in other tabs stay valid). Anything else, such as another
# user's pending import, is dropped.
KEPT_ON_LOGIN = ("lang", "csrf_token")


def start_session(user, remember=False):
    """Log a user in on a fresh session."""
    kept = {key: session[key] for key in KEPT_ON_LOGIN if key in session}
    session.clear()
    session.update(kept)
    login_user(user, remember=remember)
    session[SEEN_KEY] = int(time.time())


def end_session(user):
    """Log out: the user's token changes, so no copy of this session works any more."""
    with transaction():
        record("logout", "user", user.id, f"Pengguna {user.username} keluar",
               instansi_id=user.instansi_id)
        user.end_sessions()
    logout_user()
    session.pop(SEEN_KEY, None)


def enforce_idle_timeout():
    """Log out a session idle for longer than the pemda's setting (hours, default 8)."""
    if request.endpoint in (None, "static", "errors.health"):
        return None
    now, seen = int(time.time()), session.get(SEEN_KEY)
    if seen is not None and now - seen < SEEN_EVERY:
        return None
    if not current_user.is_authenticated:
        return None
    hours = int(get_setting(current_user.instansi_id, "session_idle_hours"))
    if seen is not None and now - seen > hours * 3600:
        logout_user()  # also deletes the remember cookie
        session.pop(SEEN_KEY, None)
        flash(_("Sesi Anda berakhir karena tidak ada aktivitas selama %(hours)d jam; silakan "
                "masuk lagi.", hours=hours), "info")
        return redirect(url_for("auth.login"))
    session[SEEN_KEY] = now
    return None


@user_loaded_from_cookie.connect
def _restored_from_cookie(sender, user):  # noqa: ARG001
    """A session restored from the remember cookie starts its idle clock now."""
    session[SEEN_KEY] = int(time.time())


def client_address():
    """Return the address a request came from (behind TRUSTED_PROXIES, the client's)."""
    return (request.remote_addr or "?")[:45]


def audit_login(action, summary, user=None):
    """Write a login event to the audit log at once, whoever is (not) logged in."""

    def write():
        # Nobody is logged in yet: the entry names the address that tried.
        set_system_actor(f"anonim {client_address()}"[:100])
        with transaction():
            record(action, "user", user.id if user else None, summary[:300],
                   instansi_id=user.instansi_id if user else None)

    contextvars.copy_context().run(write)


def configure_cookies(app):
    """Flag the remember cookie like the session cookie (after any override of the latter)."""
    config = app.config
    config["REMEMBER_COOKIE_SECURE"] = config.get("SESSION_COOKIE_SECURE", False)
    config["REMEMBER_COOKIE_HTTPONLY"] = True
    config["REMEMBER_COOKIE_SAMESITE"] = config.get("SESSION_COOKIE_SAMESITE", "Lax")
    # The cookie's lifetime counts from the login; using the app does not stretch it.
    config["REMEMBER_COOKIE_REFRESH_EACH_REQUEST"] = False
