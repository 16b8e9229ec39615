"""Vacancies, acting officials and the Sekda's vacancy list."""
from flask import Blueprint

bp = Blueprint("vacancies", __name__)

from plt_tracker.vacancies import action_views, views  # noqa: E402,F401
