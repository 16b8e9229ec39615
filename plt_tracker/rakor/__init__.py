"""Rakor meetings, the scheduler and the monthly flagged-vacancy report."""
from flask import Blueprint

bp = Blueprint("rakor", __name__)

from plt_tracker.rakor import views  # noqa: E402,F401
