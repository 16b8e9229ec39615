"""The rule engine that flags vacancies needing attention."""
from flask import Blueprint

bp = Blueprint("flags", __name__)


@bp.record_once
def _register_template_globals(state):
    from plt_tracker.flags import codes

    codes.register(state.app)


# The modules that attach routes to `bp`; create_app imports them when it registers the
# blueprint, so importing this package for its models or rules pulls in no views.
VIEW_MODULES = ("range_views", "views")
