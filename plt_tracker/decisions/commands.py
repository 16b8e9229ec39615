"""`flask plt decisions`: the Rakor decisions and their follow-up on the command line."""
import click

from plt_tracker.cli import listing_options, pemda_id_named, plt
from plt_tracker.core.output import render
from plt_tracker.decisions.queries import as_record, decisions_of

COLUMNS = ["id", "meeting_date", "opd", "post", "flag_code", "instruction", "responsible",
           "responsible_email", "due_date", "status", "days_overdue", "closed_on", "closed_note"]
# The table on a terminal: long texts cut, the email left out.
TABLE_COLUMNS = ["id", "meeting_date", "post", "instruction", "responsible", "due_date",
                 "status", "days_overdue"]


@plt.command("decisions")
@listing_options
@click.option("--status", type=click.Choice(["pending", "open", "overdue", "done", "dropped"]),
              default=None, help="Hanya keputusan dengan status ini (pending: terbuka dan lewat "
                                 "tenggat).")
@click.option("--pemda", "pemda_name", default=None,
              help="Nama pemda (default: pemda bawaan, PEMDA_NAME).")
def decisions_command(as_of, fmt, status, pemda_name):
    """Tampilkan keputusan Rakor dan statusnya per tanggal (terbuka, lewat tenggat, selesai,
    dihentikan)."""
    found = decisions_of({pemda_id_named(pemda_name)}, as_of, status=status)
    records = [as_record(d) for d in found]
    if fmt == "table":
        records = [dict(r, post=_cut(r["post"] or "Seluruh pemda", 36),
                        instruction=_cut(r["instruction"], 50), responsible=_cut(r["responsible"], 24))
                   for r in records]
        click.echo(render(records, TABLE_COLUMNS, fmt))
        return
    click.echo(render(records, COLUMNS, fmt))


def _cut(text, width):
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[:width - 1] + "…"
