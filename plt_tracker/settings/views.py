"""Views of this area."""
from plt_tracker.settings import bp  # noqa: F401
