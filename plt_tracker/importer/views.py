"""Views of this area."""
from plt_tracker.importer import bp  # noqa: F401
