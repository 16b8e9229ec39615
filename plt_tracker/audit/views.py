"""Views of this area."""
from plt_tracker.audit import bp  # noqa: F401
