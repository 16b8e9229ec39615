"""The `flask --app wsgi plt …` command group; each area adds its commands."""
import click
from flask.cli import AppGroup

plt = AppGroup("plt", help="Perintah plt_tracker.")


def fail(message):
    """Stop a command with an Indonesian message and exit code 1."""
    raise click.ClickException(message)


# Each area's commands attach themselves to `plt` on import.
from plt_tracker.auth import commands as _auth  # noqa: E402,F401
from plt_tracker.vacancies import commands as _vacancies  # noqa: E402,F401
from plt_tracker.importer import commands as _importer  # noqa: E402,F401
from plt_tracker.rakor import commands as _rakor  # noqa: E402,F401
from plt_tracker.demo import commands as _demo  # noqa: E402,F401
from plt_tracker.flags import commands as _flags  # noqa: E402,F401
