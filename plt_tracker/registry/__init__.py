"""OPDs, posts, officials and definitive appointments."""
from flask import Blueprint

bp = Blueprint("registry", __name__)

from plt_tracker.registry import (admin_views, closing_views, official_views,  # noqa: E402,F401
                                  views)
