"""The admin's settings page: every run-time setting of the pemda in one form."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.db import transaction
from plt_tracker.settings import bp
from plt_tracker.settings.forms import grouped_fields, settings_form_class
from plt_tracker.settings.logic import defaults, get_settings, set_settings


@bp.route("/", methods=["GET", "POST"])
@role_required("admin")
def index():
    """Show and save the pemda's settings (one transaction, audited per changed key)."""
    known = defaults()
    current = get_settings(current_user.instansi_id)
    form = settings_form_class(known)(data={key: current.get(key) for key in known})
    if form.validate_on_submit():
        changes = {key: _clean(form[key].data, known[key]) for key in known}
        with transaction():
            set_settings(current_user.instansi_id, changes)
        flash(_("Pengaturan disimpan."), "success")
        return redirect(url_for("settings.index"))
    status = 400 if form.errors else 200
    return render_template("settings/index.html", form=form,
                           groups=grouped_fields(form, list(known))), status


def _clean(value, default):
    """Store a value in the type of its default (strings trimmed)."""
    if isinstance(default, str):
        return (value or "").strip()
    return value
