"""A user's own account: change the password, log out everywhere."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from plt_tracker.auth import bp
from plt_tracker.auth.access import role_required
from plt_tracker.auth.forms import EndSessionsForm, PasswordChangeForm
from plt_tracker.auth.operations import change_own_password, end_all_sessions
from plt_tracker.auth.sessions import start_session
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import attach_violation


@bp.route("/akun", methods=["GET", "POST"])
@role_required("viewer")
def account():
    """Show the account page and change the user's own password."""
    form = PasswordChangeForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            with transaction():
                change_own_password(user, form.current_password.data, form.new_password.data)
        except RuleViolation as exc:
            attach_violation(form, exc, {"password": "new_password"})  # nosec B105  # field names
            return _page(form), 422
        # Every other session ended with the old token; this one goes on with the new.
        start_session(user)
        flash(_("Kata sandi diganti. Sesi di perangkat lain telah berakhir."), "success")
        return redirect(url_for("auth.account"))
    return _page(form), 400 if form.errors else 200


@bp.route("/akun/keluar-semua", methods=["POST"])
@role_required("viewer")
def end_sessions():
    """Log the user out on every device, this one included."""
    form = EndSessionsForm()
    if not form.validate_on_submit():
        return _page(PasswordChangeForm(formdata=None)), 400
    with transaction():
        end_all_sessions(current_user._get_current_object())
    logout_user()
    flash(_("Anda telah keluar dari semua perangkat. Silakan masuk lagi."), "info")
    return redirect(url_for("auth.login"))


def _page(form):
    return render_template("auth/account.html", form=form, end_form=EndSessionsForm(formdata=None))
