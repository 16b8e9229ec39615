"""Views of this area."""
from plt_tracker.registry import bp  # noqa: F401
