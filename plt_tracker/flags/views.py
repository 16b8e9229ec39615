"""Pages of the flags area: upcoming vacancies, and the flags on a post's page."""
from flask import flash, render_template
from flask_babel import format_date

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import current_pemda_id
from plt_tracker.core.dates import today
from plt_tracker.core.requests import MAX_ID, arg_int, as_of_from_request
from plt_tracker.extensions import db
from plt_tracker.flags import bp
from plt_tracker.flags.queries import (
    context_for,
    flagged_vacancies,
    holder_flags,
    upcoming_retirements,
)
from plt_tracker.flags.state import ensure_fresh, stored_flags
from plt_tracker.registry.models import Post


@bp.app_context_processor
def _post_flag_helper():
    """Let the post page include its flags without its view knowing about the engine."""
    return {"post_flags": post_flags}


def post_flags(post_id, as_of):
    """Return the flags of one post on `as_of`: its vacancy's, then its holder's.

    Today's come from the stored states (a few rows, whatever the pemda's size); a
    past date is computed for the pemda as the list's as-of view does.
    """
    post = db.session.get(Post, post_id)
    instansi_id = post.opd.instansi_id
    ctx = context_for(instansi_id, as_of)
    if as_of == today():
        ensure_fresh([instansi_id], as_of)
        found = stored_flags(post_id)
    else:
        found = [f for row in flagged_vacancies(instansi_id, as_of, context=ctx)
                 if row.post_id == post_id for f in row.extra["flags"]]
    found += [f for h in holder_flags(instansi_id, as_of, context=ctx, post_id=post_id)
              for f in h.flags]
    return found


@bp.route("/akan-kosong")
@role_required("viewer")
def upcoming():
    """List holders who reach retirement age in the next 12 months, by month."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    months = arg_int("bulan", 12, minimum=-MAX_ID)
    months = min(max(months, 1), 36)
    groups = upcoming_retirements(current_pemda_id(), as_of, months)
    return render_template("flags/upcoming.html", groups=groups, as_of=as_of, months=months,
                           month_name=lambda day: format_date(day, "MMMM y"))
