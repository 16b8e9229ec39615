"""Login, roles and user management."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from plt_tracker.auth import account_views, user_views, views  # noqa: E402,F401
