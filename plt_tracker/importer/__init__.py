"""Onboarding the register from a BKPSDM spreadsheet."""
from flask import Blueprint

bp = Blueprint("importer", __name__)

from plt_tracker.importer import views  # noqa: E402,F401
