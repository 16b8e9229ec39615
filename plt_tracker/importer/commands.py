"""`flask plt import FILE [--dry-run]`: load the register from a spreadsheet."""
from pathlib import Path

import click

from plt_tracker.audit.operations import set_system_actor
from plt_tracker.cli import fail, plt
from plt_tracker.core.dates import today
from plt_tracker.importer.operations import run_import
from plt_tracker.importer.parse import parse_file


def report_lines(report):
    """Describe an import report for the terminal, in Indonesian."""
    if report.errors:
        lines = [f"{len(report.errors)} kesalahan; tidak ada yang diubah:"]
        lines += [f"  - {error}" for error in report.errors]
        return lines
    if report.dry_run:
        head = "Uji coba (--dry-run): tidak ada yang disimpan. Yang akan terjadi:"
    elif report.changes:
        head = "Impor selesai:"
    else:
        head = "Tidak ada perubahan: semua data di berkas sudah tercatat."
    lines = [head] + [f"  {line}" for line in report.summary_lines()]
    if report.warnings:
        lines.append(f"  {len(report.warnings)} peringatan (tetap dicatat):")
        lines += [f"    - {warning}" for warning in report.warnings]
    for outcome in report.rows:
        lines.append(f"  {outcome.where}: {outcome.opd} / {outcome.post}: "
                     + ", ".join(outcome.changes))
    return lines


@plt.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Tampilkan apa yang akan berubah tanpa menyimpan.")
def import_command(path, dry_run):
    """Impor daftar jabatan dan riwayat Plt/Plh dari berkas .xlsx atau .csv BKPSDM."""
    set_system_actor("impor")
    with path.open("rb") as stream:
        parsed = parse_file(stream, path.name)
    report = run_import(parsed, today=today(), dry_run=dry_run, source=path.name)
    lines = report_lines(report)
    if report.errors:
        for line in lines[1:]:
            click.echo(line, err=True)
        fail(lines[0])
    click.echo("\n".join(lines))
