"""The read API for other systems: /api/v1/, token authentication, an OpenAPI document."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

# The modules that attach routes to `bp` (imported by create_app).
VIEW_MODULES = ()
