"""The audit log of every change."""
from flask import Blueprint

bp = Blueprint("audit", __name__)

# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("views",)
