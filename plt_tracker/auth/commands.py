"""`flask plt create-user`."""
import click

from plt_tracker.auth.models import ROLES, SCOPES
from plt_tracker.auth.operations import create_user
from plt_tracker.cli import fail, plt
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.extensions import db
from plt_tracker.pemda.operations import default_pemda
from plt_tracker.registry.models import Instansi


@plt.command("create-user")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", type=click.Choice(list(ROLES)), default="operator", show_default=True)
@click.option("--name", "full_name", default=None, help="Nama lengkap (default: username).")
@click.option("--email", default=None)
@click.option("--scope", type=click.Choice(list(SCOPES)), default="pemda", show_default=True,
              help="Pemda yang boleh dilihat: pemdanya, provinsinya, atau semua (nasional).")
@click.option("--pemda", "pemda_name", default=None,
              help="Nama pemda pengguna (default: pemda bawaan, PEMDA_NAME).")
def create_user_command(username, password, role, full_name, email, scope, pemda_name):
    """Buat pengguna baru pada pemda bawaan (atau pemda --pemda)."""
    try:
        with transaction():
            instansi = _pemda(pemda_name) if pemda_name else default_pemda()
            user = create_user(instansi.id, username, password, role, full_name or username, email,
                               scope=scope)
    except RuleViolation as exc:
        fail(exc.message)
    click.echo(f"Pengguna {user.username} ({user.role_label}, {user.scope_label}) dibuat.")


def _pemda(name):
    pemda = db.session.scalar(db.select(Instansi).filter_by(name=name))
    if pemda is None:
        raise RuleViolation(f"Pemda '{name}' tidak ditemukan", "pemda")
    return pemda
