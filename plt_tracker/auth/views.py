"""Log in, log out."""
from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user, login_user, logout_user

from plt_tracker.auth import bp
from plt_tracker.auth.access import require_login
from plt_tracker.auth.forms import LoginForm
from plt_tracker.auth.models import User
from plt_tracker.extensions import db, login

login.login_view = "auth.login"
login.login_message = _l("Silakan masuk untuk membuka halaman ini.")
# Flask-Login flashes the message itself; str() resolves it in the request's language.
login.localize_callback = str
login.login_message_category = "info"
bp.before_app_request(require_login)


@bp.route("/masuk", methods=["GET", "POST"])
def login():
    """Show the login form and log the user in."""
    if current_user.is_authenticated:
        return redirect(url_for("vacancies.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(db.select(User).filter_by(username=form.username.data.strip().lower()))
        if user is None or not user.check_password(form.password.data) or not user.is_active:
            flash(_("Nama pengguna atau kata sandi salah."), "danger")
            return render_template("auth/login.html", form=form), 401
        login_user(user, remember=form.remember.data)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.route("/keluar", methods=["POST"])
def logout():
    """Log the user out (POST, so a link cannot do it behind their back)."""
    logout_user()
    flash(_("Anda telah keluar."), "info")
    return redirect(url_for("auth.login"))


def _safe_next(target):
    """Only follow a `next` that stays on this site."""
    # Browsers read "//host" and "/\\host" as another site: a path starts with one
    # slash and has no backslash.
    if (target and target.startswith("/") and not target.startswith("//")
            and "\\" not in target and not urlsplit(target).netloc):
        return target
    return url_for("vacancies.index")
