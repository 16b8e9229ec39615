"""The Rakor tests' fixtures (a small register, reports, settings) for the decisions tests."""
from tests.rakor.conftest import make_report, register, settings_of  # noqa: F401
