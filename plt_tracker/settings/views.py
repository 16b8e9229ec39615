"""The admin's settings page: every run-time setting of the pemda in one form."""
import json

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.audit.render import format_value
from plt_tracker.auth.access import role_required
from plt_tracker.core.db import lock_pemda, transaction
from plt_tracker.settings import bp
from plt_tracker.settings.forms import grouped_fields, label_of, settings_form_class
from plt_tracker.settings.logic import defaults, get_settings, set_settings


@bp.route("/", methods=["GET", "POST"])
@role_required("admin")
def index():
    """Show and save the pemda's settings (one transaction, audited per changed key).

    The form carries the values it was opened with: if another admin saved a
    change meanwhile, nothing is saved and the page says what they changed.
    """
    known = defaults()
    current = get_settings(current_user.instansi_id)
    form = settings_form_class(known)(data={key: current.get(key) for key in known})
    if request.method == "GET":
        form.loaded.data = _fingerprint(current, known)
    conflicts = []
    if form.validate_on_submit():
        changes = {key: _clean(form[key].data, known[key]) for key in known}
        with transaction():
            lock_pemda(current_user.instansi_id)
            now = get_settings(current_user.instansi_id)
            conflicts = _changed_meanwhile(form.loaded.data, now, known)
            if not conflicts:
                set_settings(current_user.instansi_id, changes)
        if not conflicts:
            flash(_("Pengaturan disimpan."), "success")
            return redirect(url_for("settings.index"))
        flash(_("Pengaturan telah diubah admin lain sejak halaman ini dibuka; tidak ada yang "
                "disimpan. Isian Anda masih ada: periksa perubahannya lalu simpan lagi."),
              "danger")
        form.loaded.data = _fingerprint(now, known)
        form.loaded.raw_data = [form.loaded.data]
    status = 400 if form.errors or conflicts else 200
    return render_template("settings/index.html", form=form, conflicts=conflicts,
                           groups=grouped_fields(form, list(known))), status


def _clean(value, default):
    """Store a value in the type of its default (strings trimmed, code lists joined)."""
    if isinstance(value, list):
        return ",".join(value)
    if isinstance(default, str):
        return (value or "").strip()
    return value


def _fingerprint(values, known):
    return json.dumps({key: values.get(key) for key in known}, sort_keys=True, default=str)


def _changed_meanwhile(loaded, now, known):
    """Return (label, was, is) for every setting changed since the form was opened."""
    try:
        was = json.loads(loaded or "{}")
    except ValueError:
        was = {}
    return [(label_of(key), format_value("setting", key, was.get(key)),
             format_value("setting", key, now.get(key)))
            for key in known if key in was and was[key] != json.loads(
                json.dumps(now.get(key), default=str))]
