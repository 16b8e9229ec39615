"""`flask plt flags`: every flag of the pemda on a date."""
import click

from plt_tracker.cli import listing_options, plt
from plt_tracker.core.output import render
from plt_tracker.flags.queries import context_for, flagged_vacancies, holder_flags
from plt_tracker.pemda.operations import default_pemda

COLUMNS = ["opd", "post", "code", "severity", "reason", "follow_up"]


def flag_records(instansi_id, as_of):
    """Return one dict per flag: vacancies (most severe first), then holders."""
    records = []
    ctx = context_for(instansi_id, as_of)
    for row in flagged_vacancies(instansi_id, as_of, context=ctx):
        for flag in row.extra["flags"]:
            records.append(_record(row.opd, row.post, row.post_id, flag, days_vacant=row.days_vacant))
    for holder in holder_flags(instansi_id, as_of, context=ctx):
        for flag in holder.flags:
            records.append(_record(holder.opd, holder.post, holder.post_id, flag))
    return records


def _record(opd, post, post_id, flag, days_vacant=None):
    return {"opd": opd, "post": post, "post_id": post_id, "code": flag.code,
            "severity": flag.severity, "reason": flag.reason, "follow_up": flag.follow_up,
            "days_vacant": days_vacant, "figures": flag.figures}


@plt.command("flags")
@listing_options
def flags_command(as_of, fmt):
    """Tampilkan penanda (flag) kekosongan dan pejabat yang akan pensiun."""
    records = flag_records(default_pemda().id, as_of)
    click.echo(render(records, COLUMNS, fmt))
