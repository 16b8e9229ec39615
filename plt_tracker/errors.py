"""Error pages and the health check."""
from flask import Blueprint, flash, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError

from plt_tracker.extensions import db

bp = Blueprint("errors", __name__)


@bp.app_errorhandler(400)
def bad_request(error):  # noqa: ARG001
    """Refuse a request whose address or parameters make no sense (nothing is changed)."""
    return render_template("errors/400.html"), 400


@bp.app_errorhandler(403)
def forbidden(error):  # noqa: ARG001
    """Tell the user their role may not do this."""
    return render_template("errors/403.html"), 403


@bp.app_errorhandler(CSRFError)
def csrf_failed(error):  # noqa: ARG001
    """Refuse a form without a valid CSRF token, and say why in the user's language."""
    flash(_("Formulir kedaluwarsa atau tidak sah; silakan ulangi. Tidak ada yang disimpan."),
          "danger")
    return render_template("errors/400.html"), 400


@bp.app_errorhandler(404)
def not_found(error):  # noqa: ARG001
    """Tell the user the page does not exist."""
    return render_template("errors/404.html"), 404


@bp.app_errorhandler(429)
def too_many_requests(error):  # noqa: ARG001
    """Pause logins after too many wrong passwords (Flask-Limiter adds Retry-After)."""
    return render_template("errors/429.html"), 429


@bp.app_errorhandler(500)
def server_error(error):  # noqa: ARG001
    """Apologise, and make sure nothing half-written stays in the session."""
    db.session.rollback()
    return render_template("errors/500.html"), 500


@bp.route("/health")
def health():
    """Answer a load balancer's or monitor's liveness probe."""
    db.session.execute(db.text("SELECT 1"))
    return {"status": "ok"}
