"""`flask plt backup FILE` and `flask plt restore FILE`."""
import click

from plt_tracker.cli import fail, plt


@plt.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@click.option("--format", "fmt", type=click.Choice(["auto", "sqlite", "dump"]), default="auto",
              show_default=True,
              help="sqlite: salinan berkas SQLite (hanya dari SQLite); dump: zip JSON portabel.")
def backup_command(path, fmt):
    """Cadangkan seluruh basis data ke berkas (aplikasi boleh tetap berjalan)."""
    from plt_tracker.backup.dump import backup

    try:
        fmt, counts = backup(path, fmt)
    except ValueError as exc:
        fail(str(exc))
    kind = "salinan SQLite" if fmt == "sqlite" else "dump portabel"
    click.echo(f"Cadangan ({kind}) ditulis ke {path}: {len(counts)} tabel, "
               f"{sum(counts.values())} baris.")


@plt.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def restore_command(path):
    """Pulihkan cadangan ke basis data kosong yang sudah di-upgrade (SQLite, PostgreSQL, MariaDB)."""
    from plt_tracker.backup.restore import RestoreRefused, restore

    try:
        counts = restore(path)
    except RestoreRefused as exc:
        fail(str(exc))
    click.echo(f"Cadangan {path} dipulihkan: {len(counts)} tabel, {sum(counts.values())} baris.")
