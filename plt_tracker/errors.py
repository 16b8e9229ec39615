"""Error pages and the health check."""
from flask import Blueprint, current_app, flash, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from plt_tracker.api.errors import error_response, is_api_request
from plt_tracker.core.faults import RETRY_AFTER_SECONDS, is_unavailable, unavailable_response
from plt_tracker.extensions import db

bp = Blueprint("errors", __name__)


def _page(template, status):
    """Render an error page; should the database fail meanwhile (the menu reads the
    user), answer the database-free 503 page instead. The read API answers JSON."""
    if is_api_request():
        return error_response(status)
    try:
        return render_template(template), status
    except Exception as exc:
        if is_unavailable(exc):
            return unavailable_response()
        raise


@bp.app_errorhandler(400)
def bad_request(error):  # noqa: ARG001
    """Refuse a request whose address or parameters make no sense (nothing is changed)."""
    return _page("errors/400.html", 400)


@bp.app_errorhandler(403)
def forbidden(error):  # noqa: ARG001
    """Tell the user their role may not do this."""
    return _page("errors/403.html", 403)


@bp.app_errorhandler(CSRFError)
def csrf_failed(error):  # noqa: ARG001
    """Refuse a form without a valid CSRF token, and say why in the user's language."""
    flash(_("Formulir kedaluwarsa atau tidak sah; silakan ulangi. Tidak ada yang disimpan."),
          "danger")
    return _page("errors/400.html", 400)


@bp.app_errorhandler(404)
def not_found(error):  # noqa: ARG001
    """Tell the user the page does not exist."""
    return _page("errors/404.html", 404)


@bp.app_errorhandler(405)
def method_not_allowed(error):
    """Refuse a method a route does not take (the API in JSON; pages as Werkzeug does)."""
    return error_response(405) if is_api_request() else error


@bp.app_errorhandler(429)
def too_many_requests(error):  # noqa: ARG001
    """Pause logins after too many wrong passwords (Flask-Limiter adds Retry-After)."""
    return _page("errors/429.html", 429)


@bp.app_errorhandler(500)
def server_error(error):
    """Apologise, and make sure nothing half-written stays in the session."""
    if is_unavailable(getattr(error, "original_exception", None)):
        return unavailable_response()
    db.session.rollback()
    return _page("errors/500.html", 500)


@bp.route("/health")
def health():
    """Answer a monitor: 200 when the database answers a read, else 503."""
    try:
        # A read of a real table: SQLite answers "SELECT 1" even while another
        # process holds it locked.
        db.session.execute(db.text("SELECT version_num FROM alembic_version")).all()
        db.session.rollback()
    except Exception as exc:  # noqa: BLE001  (any failure means "not usable now")
        unavailable_response()
        current_app.logger.warning("health: database unavailable: %s", exc)
        return ({"status": "error", "database": "unavailable"}, 503,
                {"Retry-After": str(RETRY_AFTER_SECONDS)})
    return {"status": "ok", "database": "ok"}
