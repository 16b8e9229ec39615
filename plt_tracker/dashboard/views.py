"""The dashboard: the home page after login, for every role and scope, on any date."""
import datetime as dt

from flask import flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import list_pemda_ids
from plt_tracker.core.dates import today
from plt_tracker.core.requests import as_of_from_request
from plt_tracker.dashboard import bp, charts
from plt_tracker.dashboard.queries import computed_overview, post_counts, stored_overview
from plt_tracker.dashboard.series import monthly
from plt_tracker.decisions.queries import pending_counts
from plt_tracker.flags.state import ensure_fresh
from plt_tracker.rakor.upcoming import next_rakor_date
from plt_tracker.registry.models import OPD_KINDS
from plt_tracker.vacancies.delays import delays_entered
from plt_tracker.vacancies.listing import DURATIONS, PAST_PEMDA_LIMIT, computable_past

# "Pekerjaan saya" looks at the records entered in this many days.
RECENT_DAYS = 30


@bp.route("/")
@role_required("viewer")
def index():
    """Show the figures, charts and flagged vacancies of the user's scope on the as-of date."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    pemda_ids, all_posts = list_pemda_ids(), request.args.get("semua") == "1"
    single = pemda_ids is not None and len(pemda_ids) == 1
    if as_of != today() and not computable_past(pemda_ids):
        flash(_("Dasbor per tanggal lampau dihitung untuk paling banyak %(num)d pemda: pilih "
                "pemdanya dulu. Ditampilkan keadaan hari ini.", num=PAST_PEMDA_LIMIT), "warning")
        as_of = today()
    pemda_id = next(iter(pemda_ids)) if single else None
    stale = 0
    if as_of != today():
        overview = computed_overview(pemda_ids, as_of, all_posts)
    else:
        stale = ensure_fresh(pemda_ids, as_of)
        overview = stored_overview(pemda_ids, as_of, all_posts)
    overview.posts, overview.filled = post_counts(pemda_ids, as_of, all_posts)
    rakor = next_rakor_date(pemda_id, as_of) if single else None
    delays = (delays_entered(pemda_id, as_of - dt.timedelta(days=RECENT_DAYS - 1), as_of)
              if single and current_user.can("operator") else None)
    return render_template(
        "dashboard/index.html", o=overview, as_of=as_of, is_today=as_of == today(),
        all_posts=all_posts, stale=stale, single=single, rakor=rakor,
        past_lists=computable_past(pemda_ids), past_limit=PAST_PEMDA_LIMIT,
        rakor_days=(rakor - as_of).days if rakor else None, delays=delays,
        decisions=pending_counts(pemda_ids, as_of),
        charts=_charts(overview, monthly(pemda_ids, as_of, all_posts), as_of, all_posts),
        list_url=lambda **args: _list_url(as_of, all_posts, **args))


def _list_url(as_of, all_posts, day=None, **args):
    """Return the vacancy list's URL filtered by `args`, on `day` (else the page's date)."""
    day = day or as_of
    if day != today():
        args["as_of"] = day.isoformat()
    if all_posts:
        args["semua"] = "1"
    return url_for("vacancies.index", **args)


def _charts(overview, points, as_of, all_posts):
    """Build the four charts, each bar linking to the list filtered to it."""
    link = lambda **args: _list_url(as_of, all_posts, **args)  # noqa: E731
    durations = charts.horizontal(
        "lama", _("Kekosongan menurut lama kosong"),
        [(_("%(range)s bulan", range=code), overview.by_duration.get(code, 0), link(lama=code))
         for code in DURATIONS], _("Jabatan kosong"))
    kinds = charts.horizontal(
        "jenis_opd", _("Kekosongan menurut jenis OPD"),
        [(str(label), overview.by_opd_kind[code], link(jenis_opd=code))
         for code, label in OPD_KINDS.items() if overview.by_opd_kind.get(code)],
        _("Jabatan kosong"))
    funnel = charts.horizontal(
        "tahap", _("Proses pengisian menurut tahap"),
        [(f"{stage.index}. {stage.name}", stage.count, _stage_link(link, stage))
         for stage in overview.funnel], _("Proses berjalan"),
        groups=[stage.route for stage in overview.funnel])
    months = charts.monthly(points, lambda day: _list_url(as_of, all_posts, day=day),
                            lambda day: _list_url(as_of, all_posts, day=day, pelaksana="plt"))
    return [months, durations, funnel, kinds]


def _stage_link(link, stage):
    """Link a funnel bar: by the stage's id in one pemda, else by route and position."""
    if len(stage.stage_ids) == 1:
        return link(tahap=next(iter(stage.stage_ids)))
    return link(jalur=stage.route, tahap_ke=stage.index)
