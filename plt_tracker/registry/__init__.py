"""OPDs, posts, officials and definitive appointments."""
from flask import Blueprint

bp = Blueprint("registry", __name__)

# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("admin_views", "closing_views", "official_views", "views")
