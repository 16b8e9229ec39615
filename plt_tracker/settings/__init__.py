"""Settings an admin changes while the app runs."""
from flask import Blueprint

bp = Blueprint("settings", __name__, url_prefix="/pengaturan")

from plt_tracker.settings import views  # noqa: E402,F401
