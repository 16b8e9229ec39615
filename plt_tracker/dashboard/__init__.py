"""The home page: headline figures, charts and what needs attention, on any date."""
from flask import Blueprint

bp = Blueprint("dashboard", __name__)

# The modules that attach routes to `bp` (imported by create_app).
VIEW_MODULES = ("views",)
