"""Demo step: the reports of the last three Rakor, so the archive and "what changed" have content.

Each report is computed as of its own meeting date, exactly as the scheduler
would have made it then, oldest first so each one compares with the one before.
"""
from dateutil.relativedelta import relativedelta

from plt_tracker.rakor.operations import generate_report
from plt_tracker.rakor.queries import meetings_between

PAST_REPORTS = 3


def create_rakor_reports(ctx):
    """Make the reports of the last PAST_REPORTS meetings before today."""
    start = (ctx.today - relativedelta(months=PAST_REPORTS + 1)).replace(day=1)
    past = meetings_between(ctx.instansi.id, start, ctx.today)[-PAST_REPORTS:]
    for meeting in past:
        generate_report(ctx.instansi.id, meeting, trigger="demo", actor="demo")
    if past:
        ctx.notes.append(f"Laporan Rakor dibuat untuk {len(past)} Rakor terakhir "
                         f"({', '.join(f'{m.date:%d/%m/%Y}' for m in past)}).")
