"""`flask plt flags`: every flag of a pemda (or of every pemda) on a date."""
import click

from plt_tracker.cli import fail, listing_options, pemda_id_named, plt
from plt_tracker.core.output import render

COLUMNS = ["opd", "post", "code", "severity", "reason", "follow_up"]


def flag_records(instansi_id, as_of):
    """Return one dict per flag, computed: vacancies (most severe first), then holders."""
    from plt_tracker.flags.queries import context_for, flagged_vacancies

    ctx = context_for(instansi_id, as_of)
    records = [_record(row.opd, row.post, row.post_id, flag, days_vacant=row.days_vacant)
               for row in flagged_vacancies(instansi_id, as_of, context=ctx)
               for flag in row.extra["flags"]]
    return records + _holder_records(instansi_id, as_of, ctx)


def stored_records(pemda_ids, day):
    """Return today's flags of these pemda (None: every pemda) from the stored states.

    Stale pemda are computed first (as the nightly job would), so the answer is today's;
    then the vacancies' flags are read back in a few statements whatever the number of
    pemda, and the holders' flags are computed per pemda (their own settings).
    """
    from plt_tracker.flags.queries import context_for
    from plt_tracker.flags.state import ensure_fresh, stored_rows

    ensure_fresh(pemda_ids, day, limit=None)
    records = [dict(_record(opd, post, post_id, flag, days_vacant=days), pemda=pemda)
               for _, pemda, opd, post, post_id, days, flag in stored_rows(pemda_ids, day)]
    holders = []
    for pemda_id, pemda in _pemda_names(pemda_ids):
        ctx = context_for(pemda_id, day)
        holders += [dict(r, pemda=pemda) for r in _holder_records(pemda_id, day, ctx)]
    return records + holders


def _holder_records(instansi_id, as_of, ctx):
    from plt_tracker.flags.queries import holder_flags

    return [_record(h.opd, h.post, h.post_id, flag)
            for h in holder_flags(instansi_id, as_of, context=ctx) for flag in h.flags]


def _pemda_names(pemda_ids):
    from plt_tracker.extensions import db
    from plt_tracker.registry.models import Instansi

    query = db.select(Instansi.id, Instansi.name).order_by(Instansi.name)
    if pemda_ids is not None:
        query = query.filter(Instansi.id.in_(list(pemda_ids)))
    return db.session.execute(query).all()


def _record(opd, post, post_id, flag, days_vacant=None):
    return {"opd": opd, "post": post, "post_id": post_id, "code": flag.code,
            "severity": flag.severity, "reason": flag.reason, "follow_up": flag.follow_up,
            "days_vacant": days_vacant, "figures": flag.figures}


@plt.command("flags")
@listing_options
@click.option("--pemda", "pemda_name", default=None,
              help="Nama pemda (default: pemda bawaan, PEMDA_NAME).")
@click.option("--all", "every_pemda", is_flag=True,
              help="Semua pemda (hari ini dari penanda tersimpan; tanggal lampau dihitung).")
def flags_command(as_of, fmt, pemda_name, every_pemda):
    """Tampilkan penanda (flag) kekosongan dan pejabat yang akan pensiun."""
    from plt_tracker.core.dates import today

    if every_pemda and pemda_name:
        fail("Pilih --pemda atau --all, tidak keduanya.")
    if every_pemda:
        if as_of == today():
            records = stored_records(None, as_of)
        else:
            records = [dict(r, pemda=name) for pemda_id, name in _pemda_names(None)
                       for r in flag_records(pemda_id, as_of)]
        click.echo(render(records, ["pemda"] + COLUMNS, fmt))
        return
    click.echo(render(flag_records(pemda_id_named(pemda_name), as_of), COLUMNS, fmt))

