"""Admin actions on one post: freeze or abolish it from a date, mark it as the Sekda's."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from plt_tracker.auth.access import role_required
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import submit_change
from plt_tracker.auth.scope import get_owned
from plt_tracker.registry import bp
from plt_tracker.registry.forms import ClosePostForm, RecordStatusForm
from plt_tracker.registry.models import Post
from plt_tracker.registry.operations import close_post, mark_sekda


@bp.route("/jabatan/<int:post_id>/tutup", methods=["GET", "POST"])
@role_required("admin")
def post_close(post_id):
    """Freeze or abolish a post from a date; it leaves the vacancy list and flags from then."""
    post = get_owned(Post, post_id, lambda p: p.opd.instansi_id)
    form = ClosePostForm(obj=post if request.method == "GET" else None)
    if request.method == "GET":
        form.version.data = str(post.version)

    def change():
        close_post(post, closed_on=form.closed_on.data, kind=form.closed_kind.data,
                   note=form.closed_note.data, version=int(form.version.data))
        return (_("Jabatan %(post)s dibekukan/dihapus mulai %(date)s.", post=post.title,
                  date=form.closed_on.data.strftime("%d/%m/%Y")) if form.closed_on.data
                else _("Jabatan %(post)s aktif kembali.", post=post.title))

    return submit_change(form, change,
                         done_url=url_for("registry.post_detail", post_id=post.id),
                         render=lambda: render_template("registry/post_close.html", form=form,
                                                        post=post))


@bp.route("/jabatan/<int:post_id>/sekda", methods=["POST"])
@role_required("admin")
def post_sekda(post_id):
    """Mark or unmark the Sekda's post (an explicit button, never a missing check box)."""
    post = get_owned(Post, post_id, lambda p: p.opd.instansi_id)
    form = RecordStatusForm()
    if form.validate_on_submit():
        try:
            with transaction():
                mark_sekda(post, form.active.data == "1", version=int(form.version.data))
        except RuleViolation as exc:
            flash(exc.shown(), "danger")
        else:
            flash(_("Tanda jabatan Sekda disimpan."), "success")
    else:
        flash(_("Permintaan tidak sah; tidak ada yang diubah."), "danger")
    return redirect(url_for("registry.post_detail", post_id=post.id))
