"""`flask plt create-user`."""
import click

from plt_tracker.auth.models import ROLES
from plt_tracker.auth.operations import create_user
from plt_tracker.cli import fail, plt
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.registry.operations import default_instansi


@plt.command("create-user")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", type=click.Choice(list(ROLES)), default="operator", show_default=True)
@click.option("--name", "full_name", default=None, help="Nama lengkap (default: username).")
@click.option("--email", default=None)
def create_user_command(username, password, role, full_name, email):
    """Buat pengguna baru pada pemda bawaan."""
    try:
        with transaction():
            instansi = default_instansi()
            user = create_user(instansi.id, username, password, role, full_name or username, email)
    except RuleViolation as exc:
        fail(exc.message)
    click.echo(f"Pengguna {user.username} ({user.role_label}) dibuat.")
