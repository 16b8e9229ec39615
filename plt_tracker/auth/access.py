"""Who may see and do what: every page needs a login, writes need a role."""
from functools import wraps

from flask import abort, current_app, request
from flask_login import current_user

from plt_tracker.extensions import db, login

# Endpoints that anyone may reach without logging in (the API's OpenAPI document holds
# no data).
PUBLIC_ENDPOINTS = {"auth.login", "static", "errors.health", "api.v1.openapi"}


@login.user_loader
def load_user(session_token):
    """Load the logged-in user by the session token their session carries."""
    from plt_tracker.auth.models import User

    if not session_token or len(session_token) > 64:
        return None
    return db.session.scalar(db.select(User).filter_by(session_token=session_token))


def require_login():
    """Send anonymous visitors of any non-public page to the login form."""
    if request.endpoint in PUBLIC_ENDPOINTS or request.endpoint is None:
        return None
    if getattr(current_app.view_functions.get(request.endpoint), "token_auth", False):
        return None  # the read API checks its bearer token itself (api.authentication)
    if not current_user.is_authenticated:
        return login.unauthorized()
    return None


def role_required(role, scope=None):
    """Allow a view only to users with at least `role` (admin > operator > viewer) and, when
    given, the `scope` (only "national": the deployment's own administration)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login.unauthorized()
            if not current_user.can(role) or (scope and current_user.scope != scope):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_role = role
        wrapped.required_scope = scope
        return wrapped

    return decorator
