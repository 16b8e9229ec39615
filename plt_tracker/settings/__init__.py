"""Settings an admin changes while the app runs."""
from flask import Blueprint

bp = Blueprint("settings", __name__, url_prefix="/pengaturan")

# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("views",)
