"""`flask plt synth`: a synthetic register of 1 to 552 pemda with ten years of history."""
import sys
import time

import click

from plt_tracker.cli import fail, plt


@plt.command("synth")
@click.option("--pemda", "count", type=click.IntRange(1, 1000), default=1, show_default=True,
              help="Jumlah pemda (1 kabupaten; 38 = satu provinsi; 552 = nasional).")
@click.option("--posts-per-pemda", type=click.IntRange(5, 600), default=335, show_default=True,
              help="Jabatan struktural per pemda.")
@click.option("--seed", type=int, default=1, show_default=True,
              help="Benih acak: benih dan tanggal acuan yang sama memberi baris yang sama.")
@click.option("--as-of", "as_of", default=None, help="Akhir riwayat (YYYY-MM-DD); default hari ini.")
@click.option("--append", is_flag=True, help="Tambahkan ke basis data yang sudah berisi data.")
@click.option("--batch", type=click.IntRange(100, 100_000), default=5000, show_default=True,
              help="Baris per perintah INSERT (executemany).")
@click.option("--no-refresh", is_flag=True, help="Jangan hitung ulang penanda tersimpan.")
def synth_command(count, posts_per_pemda, seed, as_of, append, batch, no_refresh):
    """Buat data sintetis: pemda, OPD, jabatan, pejabat dan riwayat sepuluh tahun."""
    from plt_tracker.core.dates import parse_date, today
    from plt_tracker.core.db import RuleViolation
    from plt_tracker.synth.run import generate

    try:
        day = parse_date(as_of) if as_of else today()
    except ValueError as exc:
        fail(str(exc))
    started = time.perf_counter()

    def progress(done, total):
        if done == total or done % 25 == 0:
            click.echo(f"  {done}/{total} pemda", err=True)

    try:
        counts = generate(count, posts_per_pemda, seed, day, append=append, batch=batch,
                          refresh=not no_refresh, progress=progress)
    except RuleViolation as exc:
        fail(exc.message)
    for table, number in counts.items():
        click.echo(f"{table}\t{number}")
    click.echo(f"Selesai dalam {time.perf_counter() - started:.1f} detik "
               f"({sum(v for k, v in counts.items() if k != 'instansi')} baris).", file=sys.stdout)
