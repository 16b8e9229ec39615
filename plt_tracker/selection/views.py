"""Views of this area."""
from plt_tracker.selection import bp  # noqa: F401
