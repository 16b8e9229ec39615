"""`flask plt pemda-add` and `flask plt pemda-list`: pemda from the command line."""
import click

from plt_tracker.cli import fail, plt
from plt_tracker.registry.models import PEMDA_KINDS


@plt.command("pemda-add")
@click.argument("name")
@click.option("--kind", type=click.Choice(list(PEMDA_KINDS)), default="kabupaten",
              show_default=True)
@click.option("--province", default=None, help="Nama provinsinya (untuk kabupaten/kota).")
def pemda_add(name, kind, province):
    """Tambah pemda (dengan salinan jalur pengisian bawaan)."""
    from plt_tracker.core.db import RuleViolation, transaction
    from plt_tracker.extensions import db
    from plt_tracker.pemda.operations import create_pemda
    from plt_tracker.registry.models import Instansi

    try:
        with transaction():
            parent_id = None
            if province:
                parent_id = db.session.scalar(db.select(Instansi.id).filter_by(
                    name=province, kind="provinsi"))
                if parent_id is None:
                    raise RuleViolation(f"Provinsi '{province}' tidak ditemukan", "province")
            pemda = create_pemda(name, kind, parent_id)
    except RuleViolation as exc:
        fail(exc.message)
    click.echo(f"{pemda.name} ditambahkan (id {pemda.id}).")


@plt.command("pemda-list")
def pemda_list():
    """Daftar pemda: id, nama, provinsinya."""
    from plt_tracker.pemda.queries import switch_choices

    for instansi_id, name, province in switch_choices(None):
        click.echo(f"{instansi_id}\t{name}\t{province or ''}")
