"""Search across posts, OPDs and officials (name or NIP), from the navigation bar."""
from flask import Blueprint

bp = Blueprint("search", __name__)

# The modules that attach routes to `bp` (imported by create_app).
VIEW_MODULES = ("views",)
