"""Views of this area."""
from plt_tracker.rakor import bp  # noqa: F401
