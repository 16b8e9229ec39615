"""`flask plt report` and `flask plt scheduler`: the report job on the command line."""
import logging
import sys

import click
from flask import current_app

from plt_tracker.audit.operations import set_system_actor
from plt_tracker.cli import fail, plt
from plt_tracker.core.dates import now_local, parse_date
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.rakor import exports
from plt_tracker.rakor.mail import deliver_pending
from plt_tracker.rakor.operations import generate_report
from plt_tracker.rakor.queries import meeting_on
from plt_tracker.rakor.scheduler import build_scheduler, tick
from plt_tracker.pemda.operations import default_pemda


@plt.command("report")
@click.option("--rakor", "rakor", required=True, help="Tanggal Rakor (YYYY-MM-DD).")
@click.option("--format", "fmt", type=click.Choice(list(exports.FORMATS)), default=None,
              help="Tulis laporan dalam format ini.")
@click.option("--output", "output", type=click.Path(dir_okay=False), default=None,
              help="Berkas tujuan (default: layar, untuk html/json/csv).")
@click.option("--no-send", is_flag=True, help="Jangan kirim email ke penerima.")
def report_command(rakor, fmt, output, no_send):
    """Buat laporan Rakor (versi baru) per tanggal Rakor, seperti tugas terjadwal."""
    try:
        day = parse_date(rakor)
    except ValueError as exc:
        fail(str(exc))
    if fmt in ("pdf", "xlsx") and not output:
        fail(f"Format {fmt} perlu --output BERKAS")
    set_system_actor("cli")
    instansi = default_pemda()
    meeting = meeting_on(instansi.id, day)
    if meeting is None:
        fail(f"Tidak ada Rakor pada {day:%d/%m/%Y} menurut kalender (lihat halaman Rakor)")
    try:
        with transaction():
            report = generate_report(instansi.id, meeting, trigger="cli", actor="cli")
    except RuleViolation as exc:
        fail(exc.message)
    click.echo(f"Laporan Rakor {day:%d/%m/%Y} versi {report.version} dibuat "
               f"({report.snapshot['summary']['flagged']} jabatan ditandai).", err=True)
    if not no_send and report.deliveries:
        sent, failed = deliver_pending(instansi.id)
        click.echo(f"Email terkirim: {sent}, gagal: {failed}.", err=True)
    if fmt:
        data = exports.render(report.snapshot, fmt)
        if output:
            with open(output, "wb") as handle:
                handle.write(data)
            click.echo(f"Ditulis ke {output}", err=True)
        else:
            click.echo(data.decode("utf-8"))


@plt.command("scheduler")
@click.option("--once", is_flag=True, help="Jalankan tugas yang jatuh tempo sekali, lalu selesai.")
@click.option("--interval", default=60, show_default=True, type=click.IntRange(5, 3600),
              help="Detik antara dua pemeriksaan.")
def scheduler_command(once, interval):
    """Jalankan penjadwal laporan Rakor (proses tersendiri di samping server web)."""
    set_system_actor("scheduler")
    if once:
        outcomes = tick(now_local())
        for outcome in outcomes:
            click.echo(f"Rakor {outcome.meeting_date:%d/%m/%Y}: {outcome.status}"
                       + (f" ({outcome.error})" if outcome.error else ""))
        if not outcomes:
            click.echo("Tidak ada laporan yang jatuh tempo.")
        if any(o.status == "failed" for o in outcomes):
            sys.exit(1)
        return
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    current_app.logger.setLevel(logging.INFO)
    scheduler = build_scheduler(interval, current_app.config["SQLALCHEMY_DATABASE_URI"])
    click.echo(f"Penjadwal Rakor berjalan (pemeriksaan tiap {interval} detik); "
               f"Ctrl+C untuk berhenti.")
    try:
        scheduler.start()
    except (KeyboardInterrupt, SystemExit):
        click.echo("Penjadwal berhenti.")
