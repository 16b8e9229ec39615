"""Vacancies, acting officials and the Sekda's vacancy list."""
from flask import Blueprint

bp = Blueprint("vacancies", __name__)

# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("action_views", "views")
