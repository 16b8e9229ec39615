"""`flask plt demo`: load the demo kabupaten (once)."""
import click
from flask import current_app

from plt_tracker.audit.operations import set_system_actor
from plt_tracker.cli import fail, plt
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.demo import STEPS
from plt_tracker.demo.context import DemoContext
from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi, Opd, Post
from plt_tracker.pemda.operations import default_pemda
from plt_tracker.vacancies.queries import vacancy_rows


def demo_loaded():
    """Say whether the demo pemda already has OPDs (then the demo must not run again)."""
    name = current_app.config["PEMDA_NAME"]
    return db.session.scalar(db.select(Opd.id).join(Instansi).filter(Instansi.name == name)
                             .limit(1)) is not None


def load_demo(day):
    """Run every demo step in one transaction; return the context."""
    with transaction():
        ctx = DemoContext(instansi=default_pemda(), today=day)
        for step in STEPS:
            step(ctx)
    return ctx


def summary(instansi_id, day):
    """Count OPDs, posts and vacancies by who acts in them on `day`."""
    rows = vacancy_rows(instansi_id, day)
    kinds = [r.acting_kind.lower() for r in rows]
    count = db.select(db.func.count())
    heads = set(db.session.scalars(db.select(Post.id).join(Opd).filter(
        Opd.instansi_id == instansi_id, Post.is_head.is_(True))))
    return {
        "opd": db.session.scalar(count.select_from(Opd).filter_by(instansi_id=instansi_id)),
        "posts": db.session.scalar(count.select_from(Post).join(Opd)
                                   .filter(Opd.instansi_id == instansi_id)),
        "heads": len(heads),
        "vacant": len(rows),
        "vacant_heads": sum(1 for r in rows if r.post_id in heads),
        "plt": kinds.count("plt"),
        "plt_expired": sum(1 for r in rows if r.acting_kind.lower() == "plt"
                           and r.acting_status == "expired"),
        "plh": kinds.count("plh"),
        "none": kinds.count(""),
    }


@plt.command("demo")
@click.option("--if-empty", is_flag=True,
              help="Lewati tanpa galat bila data demo sudah ada (untuk `make demo`).")
def demo_command(if_empty):
    """Muat kabupaten demo (mirip Kabupaten Lebong, nama-nama fiktif)."""
    name = current_app.config["PEMDA_NAME"]
    if demo_loaded():
        message = (f"{name} sudah memiliki OPD: data demo tidak dimuat lagi. "
                   f"Tidak ada yang diubah.")
        if if_empty:
            click.echo(message)
            return
        fail(message)
    set_system_actor("demo")
    day = today()
    try:
        ctx = load_demo(day)
    except RuleViolation as exc:
        fail(f"Data demo tidak dapat dimuat: {exc.message}. Tidak ada yang diubah.")
    counts = summary(ctx.instansi.id, day)
    click.echo(f"Data demo {name} dimuat (per {day:%d/%m/%Y}):")
    click.echo(f"  OPD: {counts['opd']}, jabatan: {counts['posts']} (kepala OPD: {counts['heads']}), "
               f"kosong: {counts['vacant']} (kepala OPD: {counts['vacant_heads']})")
    click.echo(f"  dengan Plt: {counts['plt']} (surat habis: {counts['plt_expired']}), "
               f"dengan Plh: {counts['plh']}, tanpa pelaksana: {counts['none']}")
    for note in ctx.notes:
        click.echo(f"  {note}")
    click.echo("Akun demo:")
    for username, password, role_label in ctx.users:
        click.echo(f"  {username} / {password}  ({role_label})")
