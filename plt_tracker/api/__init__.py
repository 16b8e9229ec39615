"""The read API for other systems: /api/v1/ with token authentication and an OpenAPI
document, and the admin's pages that make and revoke its tokens.

Two blueprints: `bp` holds the admin's token pages (sessions, forms, CSRF) and
carries `v1`, the JSON API itself (bearer tokens, no session, no CSRF: it only
reads), so its endpoints are named "api.v1.…".
"""
from flask import Blueprint

from plt_tracker.extensions import csrf

PREFIX = "/api/v1"

bp = Blueprint("api", __name__)
v1 = Blueprint("v1", __name__, url_prefix=PREFIX)
# The API reads only (GET) and authenticates each request by its token, never by a
# cookie, so there is no form whose origin CSRF protection would need to check.
csrf.exempt(v1)
bp.register_blueprint(v1)

# The modules that attach routes to `bp` and `v1` (imported by create_app).
VIEW_MODULES = ("endpoints", "report_endpoints", "token_views")
