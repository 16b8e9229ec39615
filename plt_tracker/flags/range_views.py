"""The admin's pages for election windows and Pj periods (audited)."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.db import transaction
from plt_tracker.core.forms import submit_change
from plt_tracker.auth.scope import get_owned
from plt_tracker.extensions import db
from plt_tracker.flags import bp
from plt_tracker.flags import operations as ops
from plt_tracker.flags.forms import DateRangeForm, DeleteForm

# URL segment -> (operations kind, page title)
SEGMENTS = {"masa-pilkada": "window", "masa-pj": "pj"}


def _kind(segment):
    if segment not in SEGMENTS:
        abort(404)
    return SEGMENTS[segment]


def _titles():
    return {"window": _("Masa larangan pilkada (pemilihan kepala daerah)"),
            "pj": _("Masa penjabat (Pj) kepala daerah")}


@bp.route("/rentang/<segment>")
@role_required("admin")
def ranges(segment):
    """List the pemda's election windows or Pj periods."""
    kind = _kind(segment)
    model = ops.KINDS[kind][0]
    rows = db.session.scalars(db.select(model).filter_by(instansi_id=current_user.instansi_id)
                              .order_by(model.start_date.desc())).all()
    return render_template("flags/ranges.html", rows=rows, segment=segment,
                           title=_titles()[kind], delete_form=DeleteForm(), segments=SEGMENTS,
                           titles=_titles())


@bp.route("/rentang/<segment>/baru", methods=["GET", "POST"])
@role_required("admin")
def add_range(segment):
    """Add an election window or Pj period."""
    kind = _kind(segment)
    form = DateRangeForm()

    def change():
        ops.create_range(kind, current_user.instansi_id, name=form.name.data,
                         start_date=form.start_date.data, end_date=form.end_date.data,
                         note=form.note.data, is_active=form.is_active.data)

    return _handle(form, segment, _titles()[kind], change)


@bp.route("/rentang/<segment>/<int:range_id>/ubah", methods=["GET", "POST"])
@role_required("admin")
def edit_range(segment, range_id):
    """Edit (or deactivate) an election window or Pj period."""
    kind = _kind(segment)
    row = get_owned(ops.KINDS[kind][0], range_id, lambda r: r.instansi_id)
    form = DateRangeForm(obj=row)

    def change():
        ops.update_range(kind, row, name=form.name.data, start_date=form.start_date.data,
                         end_date=form.end_date.data, note=form.note.data,
                         is_active=form.is_active.data)

    return _handle(form, segment, _titles()[kind], change)


@bp.route("/rentang/<segment>/<int:range_id>/hapus", methods=["POST"])
@role_required("admin")
def delete_range(segment, range_id):
    """Delete a date range entered by mistake."""
    kind = _kind(segment)
    row = get_owned(ops.KINDS[kind][0], range_id, lambda r: r.instansi_id)
    if not DeleteForm().validate_on_submit():
        abort(400)
    with transaction():
        ops.delete_range(kind, row)
    flash(_("Rentang tanggal dihapus."), "success")
    return redirect(url_for("flags.ranges", segment=segment))


def _handle(form, segment, title, change):
    """Run the form's change and go back to the list of ranges, or re-show the form."""

    def saved():
        change()
        return _("Rentang tanggal disimpan.")

    return submit_change(form, saved, done_url=url_for("flags.ranges", segment=segment),
                         render=lambda: render_template("flags/range_form.html", form=form,
                                                        title=title, segment=segment))
