"""Onboarding the register from a BKPSDM spreadsheet."""
from flask import Blueprint

bp = Blueprint("importer", __name__)

# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("views",)
