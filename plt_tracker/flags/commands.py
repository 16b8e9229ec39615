"""`flask plt flags`: every flag of the pemda on a date."""
import click

from plt_tracker.cli import fail, plt
from plt_tracker.core.dates import parse_date, today
from plt_tracker.core.output import render
from plt_tracker.flags.queries import flagged_vacancies, holder_flags
from plt_tracker.registry.operations import default_instansi

COLUMNS = ["opd", "post", "code", "severity", "reason", "follow_up"]


def flag_records(instansi_id, as_of):
    """Return one dict per flag: vacancies (most severe first), then holders."""
    records = []
    for row in flagged_vacancies(instansi_id, as_of):
        for flag in row.extra["flags"]:
            records.append(_record(row.opd, row.post, row.post_id, flag, days_vacant=row.days_vacant))
    for holder in holder_flags(instansi_id, as_of):
        for flag in holder.flags:
            records.append(_record(holder.opd, holder.post, holder.post_id, flag))
    return records


def _record(opd, post, post_id, flag, days_vacant=None):
    return {"opd": opd, "post": post, "post_id": post_id, "code": flag.code,
            "severity": flag.severity, "reason": flag.reason, "follow_up": flag.follow_up,
            "days_vacant": days_vacant, "figures": flag.figures}


@plt.command("flags")
@click.option("--as-of", "as_of", default=None, help="Tanggal acuan (YYYY-MM-DD); default hari ini.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
def flags_command(as_of, fmt):
    """Tampilkan penanda (flag) kekosongan dan pejabat yang akan pensiun."""
    try:
        day = parse_date(as_of) if as_of else today()
    except ValueError as exc:
        fail(str(exc))
    records = flag_records(default_instansi().id, day)
    click.echo(render(records, COLUMNS, fmt))
