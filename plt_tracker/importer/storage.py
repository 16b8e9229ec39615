"""Keeping an uploaded spreadsheet on the server between preview and confirm.

The parsed rows are never sent back to the browser: the confirm step reads the
same file again, found by a random token that only this user's session knows.
"""
import secrets
import time
from pathlib import Path

from flask import current_app, session

SESSION_KEY = "import_upload"
# Previews nobody confirmed are removed after a day.
MAX_AGE_SECONDS = 24 * 3600


def _folder():
    folder = Path(current_app.instance_path) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def save_upload(storage):
    """Store an uploaded file under a new random token; remember it in the session."""
    discard_upload()
    _remove_stale()
    suffix = Path(storage.filename or "").suffix.lower()
    token = secrets.token_urlsafe(24)
    storage.save(_folder() / f"{token}{suffix}")
    session[SESSION_KEY] = {"token": token, "suffix": suffix, "name": storage.filename}
    return token


def upload_path(token):
    """Return (path, original name) of this session's upload if `token` matches, else None."""
    stored = session.get(SESSION_KEY)
    if not stored or not token or not secrets.compare_digest(stored["token"], token):
        return None
    path = _folder() / f"{stored['token']}{stored['suffix']}"
    return (path, stored["name"]) if path.exists() else None


def discard_upload():
    """Delete this session's stored upload, if any."""
    stored = session.pop(SESSION_KEY, None)
    if stored:
        (_folder() / f"{stored['token']}{stored['suffix']}").unlink(missing_ok=True)


def _remove_stale():
    """Delete uploads older than a day whose preview was never confirmed."""
    limit = time.time() - MAX_AGE_SECONDS
    for path in _folder().iterdir():
        if path.is_file() and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
