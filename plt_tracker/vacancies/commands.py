"""`flask plt vacancies`: the vacancy list on the command line."""
import click

from plt_tracker.cli import listing_options, plt
from plt_tracker.core.output import render
from plt_tracker.pemda.operations import default_pemda

COLUMNS = ["opd", "post", "post_kind", "vacant_since", "days_vacant", "acting_kind", "acting_nip",
           "acting_name", "acting_until", "acting_status"]
# Filling progress and flags (issue 3).
EXTRA_COLUMNS = ["route", "stage", "stage_index", "stage_count", "days_in_stage", "severity",
                 "flags"]


def vacancy_records(instansi_id, as_of):
    """Return the vacancy list as plain dicts, the fields the CLI and exports share.

    Sorted by worst flag severity then days vacant; `flags` is the list of flag codes.
    """
    from plt_tracker.flags.queries import flagged_vacancies

    records = []
    for row in flagged_vacancies(instansi_id, as_of):
        flags = row.extra.get("flags", [])
        record = row.as_dict()
        record["flags"] = [f.code for f in flags]
        records.append(record)
    return records


@plt.command("vacancies")
@listing_options
def vacancies_command(as_of, fmt):
    """Tampilkan daftar jabatan kosong seperti yang dilihat Sekda."""
    records = vacancy_records(default_pemda().id, as_of)
    columns = COLUMNS + EXTRA_COLUMNS
    if fmt == "json":
        records = [{c: r.get(c) for c in columns} for r in records]
    else:
        records = [dict(r, flags=" ".join(r["flags"])) for r in records]
    click.echo(render(records, columns, fmt))
