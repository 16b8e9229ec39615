"""The register of posts and one post's history page."""
from flask import abort, flash, render_template, request, url_for
from flask_babel import gettext as _

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import current_pemda_id, get_owned
from plt_tracker.core.dates import today
from plt_tracker.core.requests import arg_int, as_of_from_request
from plt_tracker.core.sheets import download
from plt_tracker.registry import bp
from plt_tracker.registry.downloads import post_columns, post_rows
from plt_tracker.registry.models import POST_KINDS, Post
from plt_tracker.registry.post_queries import post_history, posts_on
from plt_tracker.registry.queries import opds_of
from plt_tracker.vacancies.delays import appointment_delay


@bp.route("/jabatan")
@role_required("viewer")
def posts():
    """List every post of the pemda by OPD, with its holder or vacancy on the as-of date."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    filters = {"opd_id": arg_int("opd"),
               "post_kind": request.args.get("jenis") or None}
    groups = posts_on(current_pemda_id(), as_of, **filters)
    opds = opds_of(current_pemda_id())
    return render_template("registry/posts.html", groups=groups, as_of=as_of, filters=filters,
                           opds=opds, post_kinds=POST_KINDS, official_url=official_url)


@bp.route("/jabatan.<any(csv, xlsx):file_type>")
@role_required("viewer")
def posts_download(file_type):
    """Download the register as the page shows it (same filters and date), CSV or Excel."""
    as_of, error = as_of_from_request()
    if error:
        abort(400, error)
    filters = {"opd_id": arg_int("opd"), "post_kind": request.args.get("jenis") or None}
    return download(file_type, _("Daftar jabatan"), post_columns(),
                    post_rows(current_pemda_id(), as_of, **filters),
                    f"daftar-jabatan-{as_of.isoformat()}")


@bp.route("/jabatan/<int:post_id>")
@role_required("viewer")
def post_detail(post_id):
    """Show a post's whole history, its state on the as-of date, and its audit log."""
    post = get_owned(Post, post_id, lambda p: p.opd.instansi_id)
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    history = post_history(post, as_of, today())
    return render_template("registry/post_detail.html", post=post, as_of=as_of,
                           history=history, is_today=as_of == today(), official_url=official_url,
                           appointment_delay=appointment_delay)


def official_url(official):
    """Link to an official's page (rangkap)."""
    return url_for("registry.official_detail", official_id=official.id)
