"""Log in (rate-limited, audited), log out (ending the session on the server)."""
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from plt_tracker.auth import bp
from plt_tracker.auth.access import require_login
from plt_tracker.auth.forms import LoginForm
from plt_tracker.auth.models import User
from plt_tracker.auth.passwords import verify
from plt_tracker.auth.ratelimit import (account_key, account_limit, address_limit,
                                        attempted_username, failed_login, limiter)
from plt_tracker.auth.sessions import (audit_login, client_address, end_session,
                                       enforce_idle_timeout, start_session)
from plt_tracker.extensions import db, login

login.login_view = "auth.login"
login.login_message = _l("Silakan masuk untuk membuka halaman ini.")
# Flask-Login flashes the message itself; str() resolves it in the request's language.
login.localize_callback = str
login.login_message_category = "info"
bp.before_app_request(enforce_idle_timeout)
bp.before_app_request(require_login)


def _lockout(request_limit):
    """Audit a login refused because too many passwords failed (account or address)."""
    name = attempted_username()
    user = db.session.scalar(db.select(User).filter_by(username=name)) if name else None
    scope = "nama pengguna" if "account:" in request_limit.key else "alamat"
    audit_login("login_blocked", f"Masuk diblokir sementara ({scope}): terlalu banyak kata sandi "
                f"salah untuk '{name}' dari {client_address()}", user)


@bp.route("/masuk", methods=["GET", "POST"])
@limiter.limit(account_limit, key_func=account_key, methods=["POST"], deduct_when=failed_login,
               on_breach=_lockout)
@limiter.limit(address_limit, methods=["POST"], deduct_when=failed_login, on_breach=_lockout)
def login():
    """Show the login form and log the user in."""
    if current_user.is_authenticated:
        return redirect(url_for("dashboard.index"))
    form = LoginForm()
    if form.validate_on_submit():
        name = form.username.data.strip().lower()
        user = db.session.scalar(db.select(User).filter_by(username=name))
        # The hash is checked for unknown and inactive users too: every refusal takes as long.
        if not verify(user, form.password.data) or not user.is_active:
            audit_login("login_failed", f"Gagal masuk sebagai '{name}' dari {client_address()}",
                        user)
            flash(_("Nama pengguna atau kata sandi salah."), "danger")
            return render_template("auth/login.html", form=form), 401
        start_session(user, remember=form.remember.data)
        audit_login("login", f"Pengguna {user.username} masuk dari {client_address()}", user)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form), 400 if form.errors else 200


@bp.route("/keluar", methods=["POST"])
def logout():
    """Log the user out (POST, so a link cannot do it behind their back)."""
    if current_user.is_authenticated:
        end_session(current_user._get_current_object())
    flash(_("Anda telah keluar dari semua sesi akun ini."), "info")
    return redirect(url_for("auth.login"))


def _safe_next(target):
    """Only follow a `next` that stays on this site."""
    # Browsers read "//host" and "/\\host" as another site: a path starts with one
    # slash and has no backslash.
    if (target and target.startswith("/") and not target.startswith("//")
            and "\\" not in target and not urlsplit(target).netloc):
        return target
    return url_for("dashboard.index")
