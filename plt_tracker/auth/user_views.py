"""Admin pages on users: list, add, change, deactivate (users are never deleted)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth import bp
from plt_tracker.auth.access import role_required
from plt_tracker.auth.forms import UserForm, fit_scope_field
from plt_tracker.auth.models import User
from plt_tracker.auth.operations import create_user, set_user_active, update_user
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import StatusForm, attach_violation
from plt_tracker.auth.scope import get_owned
from plt_tracker.extensions import db


@bp.route("/pengguna")
@role_required("admin")
def users():
    """List the pemda's users, active first."""
    query = (db.select(User).filter_by(instansi_id=current_user.instansi_id)
             .order_by(User.is_active_flag.desc(), User.username))
    return render_template("auth/users.html", users=db.session.scalars(query).all())


@bp.route("/pengguna/baru", methods=["GET", "POST"])
@role_required("admin")
def user_new():
    """Add a user to the admin's pemda."""
    form = UserForm()
    fit_scope_field(form, current_user)
    form.password.description = _("Minimal 10 karakter, bukan kata sandi umum, tidak memuat "
                                  "nama pengguna.")
    if form.validate_on_submit():
        try:
            with transaction():
                user = create_user(current_user.instansi_id, form.username.data,
                                   form.password.data, form.role.data, form.full_name.data,
                                   form.email.data, scope=_scope(form), granter=current_user)
        except RuleViolation as exc:
            attach_violation(form, exc)
            return _form(form, None), 422
        flash(_("Pengguna %(username)s ditambahkan.", username=user.username), "success")
        return redirect(url_for("auth.users"))
    return _form(form, None), 400 if form.errors else 200


@bp.route("/pengguna/<int:user_id>/ubah", methods=["GET", "POST"])
@role_required("admin")
def user_edit(user_id):
    """Change a user's name, email, role or password."""
    user = get_owned(User, user_id, lambda u: u.instansi_id)
    form = UserForm(obj=user)
    fit_scope_field(form, current_user)
    # The username is the login and what the audit log names: it does not change.
    del form.username
    form.password.description = _("Kosongkan bila kata sandi tidak diubah.")
    if form.validate_on_submit():
        try:
            with transaction():
                update_user(user, full_name=form.full_name.data, email=form.email.data,
                            role=form.role.data, password=form.password.data or None,
                            actor=current_user, scope=_scope(form) if "scope" in form else None)
        except RuleViolation as exc:
            attach_violation(form, exc)
            return _form(form, user), 422
        flash(_("Pengguna %(username)s disimpan.", username=user.username), "success")
        return redirect(url_for("auth.users"))
    return _form(form, user), 400 if form.errors else 200


@bp.route("/pengguna/<int:user_id>/status", methods=["POST"])
@role_required("admin")
def user_status(user_id):
    """Deactivate or reactivate a user: an explicit button, never an absent check box."""
    user = get_owned(User, user_id, lambda u: u.instansi_id)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    active = form.active.data == "1"
    try:
        with transaction():
            set_user_active(user, active, actor=current_user)
    except RuleViolation as exc:
        flash(exc.shown(), "danger")
        return redirect(url_for("auth.user_edit", user_id=user.id))
    flash(_("Pengguna %(username)s diaktifkan kembali.", username=user.username) if active
          else _("Pengguna %(username)s dinonaktifkan.", username=user.username), "success")
    return redirect(url_for("auth.users"))


def _scope(form):
    return form.scope.data if "scope" in form else "pemda"


def _form(form, user):
    return render_template("auth/user_form.html", form=form, user=user,
                           status_form=StatusForm(formdata=None))
