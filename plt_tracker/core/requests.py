"""Reading common query parameters, such as the as-of date."""
from flask import abort, request
from flask_login import current_user

from plt_tracker.core.dates import parse_date, today


def as_of_from_request():
    """Return (as_of date, error message): `?as_of=YYYY-MM-DD`, else today."""
    raw = request.args.get("as_of", "").strip()
    if not raw:
        return today(), None
    try:
        return parse_date(raw), None
    except ValueError as exc:
        return today(), str(exc)


def get_owned(model, object_id, instansi_of):
    """Load a live record of the user's own pemda, or answer 404 (voided ones too)."""
    from plt_tracker.extensions import db

    obj = db.session.get(model, object_id)
    if (obj is None or getattr(obj, "is_voided", False)
            or instansi_of(obj) != current_user.instansi_id):
        abort(404)
    return obj
