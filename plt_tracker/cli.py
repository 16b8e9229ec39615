"""The `flask --app wsgi plt …` command group and what its commands share.

Each area's `commands` module attaches its commands to `plt`; the application
factory imports those modules (plt_tracker._register_cli), so this module
imports none of them and no import runs in a circle.
"""
import click
from flask.cli import AppGroup

plt = AppGroup("plt", help="Perintah plt_tracker.")


def fail(message):
    """Stop a command with an Indonesian message and exit code 1."""
    raise click.ClickException(message)


def _as_of(_ctx, _param, value):
    """Turn --as-of into a date (today when absent); a bad date stops the command."""
    from plt_tracker.core.dates import parse_date, today

    try:
        return parse_date(value) if value else today()
    except ValueError as exc:
        fail(str(exc))


def pemda_id_named(name):
    """Return the id of the pemda `--pemda NAME` names (none: the deployment's default pemda);
    an unknown name stops the command."""
    from plt_tracker.extensions import db
    from plt_tracker.pemda.operations import default_pemda
    from plt_tracker.registry.models import Instansi

    if not name:
        return default_pemda().id
    found = db.session.scalar(db.select(Instansi.id).filter_by(name=name))
    if found is None:
        fail(f"Pemda '{name}' tidak ada (lihat `plt pemda-list`).")
    return found


def listing_options(command):
    """Add the options every listing command shares: --as-of DATE and --format."""
    command = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]),
                           default="table", show_default=True)(command)
    return click.option("--as-of", "as_of", default=None, callback=_as_of,
                        help="Tanggal acuan (YYYY-MM-DD); default hari ini.")(command)

