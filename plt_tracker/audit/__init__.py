"""The audit log of every change."""
from flask import Blueprint

bp = Blueprint("audit", __name__)

from plt_tracker.audit import views  # noqa: E402,F401
