"""`flask plt api-token create|list|revoke`: tokens of the read API from the command line."""
import click

from plt_tracker.auth.models import SCOPES
from plt_tracker.cli import fail, plt


@plt.group("api-token")
def api_token():
    """Token API hanya-baca (/api/v1/): buat, daftar, cabut."""


@api_token.command("create")
@click.option("--name", required=True, help="Siapa atau sistem apa yang memakainya.")
@click.option("--scope", type=click.Choice(list(SCOPES)), default="pemda", show_default=True,
              help="Pemda yang boleh dibaca: pemdanya, provinsinya, atau semua (nasional).")
@click.option("--pemda", "pemda_name", default=None,
              help="Nama pemda pemilik token (default: pemda bawaan, PEMDA_NAME).")
@click.option("--expires", default=None, help="Hari terakhir berlaku (YYYY-MM-DD).")
def create(name, scope, pemda_name, expires):
    """Buat token; token dicetak sekali ini saja."""
    from plt_tracker.api.operations import create_token
    from plt_tracker.audit.operations import set_system_actor
    from plt_tracker.core.dates import parse_date, today
    from plt_tracker.core.db import RuleViolation, transaction

    set_system_actor("cli")
    try:
        expires_on = parse_date(expires) if expires else None
        with transaction():
            token, text = create_token(_pemda(pemda_name).id, name, scope,
                                       expires_on=expires_on, today=today())
    except (RuleViolation, ValueError) as exc:
        fail(getattr(exc, "message", str(exc)))
    click.echo(f"Token {token.name} (id {token.id}, {token.scope_label}) dibuat. Simpan "
               f"sekarang, token tidak dapat ditampilkan lagi:")
    click.echo(text)


@api_token.command("list")
@click.option("--pemda", "pemda_name", default=None, help="Hanya token pemda ini.")
def list_tokens(pemda_name):
    """Daftar token: id, awal token, nama, pemda, cakupan, status, terakhir dipakai."""
    from plt_tracker.api.models import ApiToken
    from plt_tracker.core.dates import today
    from plt_tracker.extensions import db

    query = db.select(ApiToken).order_by(ApiToken.id)
    if pemda_name:
        query = query.filter_by(instansi_id=_pemda(pemda_name).id)
    for token in db.session.scalars(query):
        status = ("dicabut" if token.revoked_at else
                  "kedaluwarsa" if token.expired_on(today()) else "aktif")
        used = token.last_used_at.isoformat(timespec="minutes") if token.last_used_at else "-"
        click.echo(f"{token.id}\t{token.prefix}…\t{token.name}\t{token.instansi.name}\t"
                   f"{token.scope}\t{status}\t{used}")


@api_token.command("revoke")
@click.argument("token_id", type=int)
def revoke(token_id):
    """Cabut token (menurut id-nya): sistem yang memakainya langsung ditolak."""
    from plt_tracker.api.models import ApiToken
    from plt_tracker.api.operations import revoke_token
    from plt_tracker.audit.operations import set_system_actor
    from plt_tracker.core.db import RuleViolation, transaction
    from plt_tracker.extensions import db

    set_system_actor("cli")
    try:
        with transaction():
            token = db.session.get(ApiToken, token_id)
            if token is None:
                raise RuleViolation(f"Token {token_id} tidak ditemukan", "token")
            revoke_token(token)
    except RuleViolation as exc:
        fail(exc.message)
    click.echo(f"Token {token.name} (id {token.id}) dicabut.")


def _pemda(name):
    from plt_tracker.core.db import RuleViolation
    from plt_tracker.extensions import db
    from plt_tracker.pemda.operations import default_pemda
    from plt_tracker.registry.models import Instansi

    if not name:
        return default_pemda()
    pemda = db.session.scalar(db.select(Instansi).filter_by(name=name))
    if pemda is None:
        raise RuleViolation(f"Pemda '{name}' tidak ditemukan", "pemda")
    return pemda
