"""Rakor meetings, the scheduler and the monthly flagged-vacancy report."""
from flask import Blueprint

bp = Blueprint("rakor", __name__)

# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("views",)
