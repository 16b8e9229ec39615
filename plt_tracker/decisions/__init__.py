"""What the Rakor decided, who follows it up, by when, and whether it was done."""
from flask import Blueprint

bp = Blueprint("decisions", __name__)

# The modules that attach routes to `bp` (imported by create_app when it registers it).
VIEW_MODULES = ("views", "notulen_views")

from plt_tracker.decisions import events as _events  # noqa: E402,F401  (audit sentences)
from plt_tracker.decisions import offers as _offers  # noqa: E402,F401  (session hooks)
