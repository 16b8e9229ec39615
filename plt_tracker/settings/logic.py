"""Reading and writing run-time settings, with defaults from config."""
from flask import current_app

from plt_tracker.audit.operations import record
from plt_tracker.extensions import db
from plt_tracker.settings.models import Setting


def defaults():
    """Return the default settings from configuration."""
    return dict(current_app.config["DEFAULT_SETTINGS"])


def get_settings(instansi_id):
    """Return every setting of a pemda: stored values over the defaults."""
    values = defaults()
    rows = db.session.scalars(db.select(Setting).filter_by(instansi_id=instansi_id))
    for row in rows:
        values[row.key] = row.value
    return values


def get_setting(instansi_id, key):
    """Return one setting of a pemda."""
    return get_settings(instansi_id)[key]


def set_settings(instansi_id, changes):
    """Store changed settings and audit them (inside the caller's transaction)."""
    current = get_settings(instansi_id)
    known = defaults()
    for key, value in changes.items():
        if key not in known:
            raise KeyError(key)
        if current.get(key) == value:
            continue
        row = db.session.scalar(db.select(Setting).filter_by(instansi_id=instansi_id, key=key))
        if row is None:
            row = Setting(instansi_id=instansi_id, key=key, value=value)
            db.session.add(row)
        else:
            row.value = value
        record("update", "setting", None, instansi_id=instansi_id, event="setting.update",
               params={"key": key}, before={key: current.get(key)}, after={key: value})
