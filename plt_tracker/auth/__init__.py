"""Login, roles and user management."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("account_views", "user_views", "views")
