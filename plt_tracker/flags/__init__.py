"""The rule engine that flags vacancies needing attention."""
from flask import Blueprint

bp = Blueprint("flags", __name__)

from plt_tracker.flags import views  # noqa: E402,F401
