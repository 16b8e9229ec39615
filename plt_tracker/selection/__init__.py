"""Filling routes, their stages, and each vacancy's filling attempts."""
from flask import Blueprint

bp = Blueprint("selection", __name__)

from plt_tracker.selection import route_views, views  # noqa: E402,F401
