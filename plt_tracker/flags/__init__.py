"""The rule engine that flags vacancies needing attention."""
from flask import Blueprint

bp = Blueprint("flags", __name__)


@bp.record_once
def _register_template_globals(state):
    from plt_tracker.flags import codes

    codes.register(state.app)


from plt_tracker.flags import range_views, views  # noqa: E402,F401
