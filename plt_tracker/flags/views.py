"""Views of this area."""
from plt_tracker.flags import bp  # noqa: F401
