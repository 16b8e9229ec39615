"""BKPSDM pages on officials: the searchable list, the form, and each official's "rangkap"."""
from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import pgettext
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import current_pemda_id, get_owned
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import submit_change
from plt_tracker.core.requests import as_of_from_request
from plt_tracker.core.sheets import download
from plt_tracker.registry import bp
from plt_tracker.registry.downloads import official_columns, official_rows
from plt_tracker.registry.forms import OfficialForm, RecordStatusForm
from plt_tracker.registry.models import OFFICIAL_KINDS, Official
from plt_tracker.registry.nip import format_nip, parse_nip
from plt_tracker.registry.picker import officials_matching
from plt_tracker.registry.operations import (
    create_official,
    set_official_active,
    update_official,
)
from plt_tracker.registry.post_queries import own_post_kind
from plt_tracker.registry.queries import rangkap_of, search_officials


@bp.app_template_filter("nip")
def nip_filter(nip):
    """Show a NIP in its usual groups."""
    return format_nip(nip)


@bp.route("/pejabat/cari")
@role_required("operator")
def official_search():
    """Answer the official picker: officials whose name or NIP contains ?q= (JSON)."""
    text = request.args.get("q", "")[:100]
    return jsonify(officials_matching(current_pemda_id(), text, today()))


@bp.route("/pejabat")
@role_required("viewer")
def officials():
    """List the pemda's officials, searchable by name or NIP, a page at a time."""
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    text = request.args.get("q", "").strip()[:200]
    page = search_officials(current_pemda_id(), text, request.args.get("page", 1, type=int))
    rangkap = rangkap_of([o.id for o in page.items], as_of)
    return render_template("registry/officials.html", page=page, q=text, rangkap=rangkap,
                           as_of=as_of, post_url=post_url)


@bp.route("/pejabat.<any(csv, xlsx):file_type>")
@role_required("viewer")
def officials_download(file_type):
    """Download every official of the pemda, CSV or Excel."""
    return download(file_type, pgettext("menu", "Pejabat"), official_columns(),
                    official_rows(current_pemda_id()), "daftar-pejabat")


@bp.route("/pejabat/<int:official_id>")
@role_required("viewer")
def official_detail(official_id):
    """Show an official: identity read from the NIP, definitive posts and acting ones."""
    official = get_owned(Official, official_id, lambda o: o.instansi_id)
    as_of, error = as_of_from_request()
    if error:
        flash(error, "danger")
    rangkap = rangkap_of([official.id], as_of)[official.id]
    return render_template("registry/official_detail.html", official=official, rangkap=rangkap,
                           as_of=as_of, tmt=_tmt(official), post_url=post_url,
                           own_kind=own_post_kind(official, as_of), official_kinds=OFFICIAL_KINDS)


@bp.route("/pejabat/baru", methods=["GET", "POST"])
@role_required("operator")
def official_new():
    """Record an official."""
    form = OfficialForm()
    del form.version, form.why
    created = {}

    def change():
        created["official"] = create_official(
            current_user.instansi_id, form.nip.data, form.name.data, nip_kind=form.nip_kind.data,
            rank=form.rank.data, position_title=form.position_title.data,
            post_kind=form.post_kind.data)
        return _("Pejabat %(name)s dicatat.", name=created["official"].name)

    return submit_change(form, change, render=lambda: _form(form, None),
                         done_url=lambda: url_for("registry.official_detail",
                                                  official_id=created["official"].id))


@bp.route("/pejabat/<int:official_id>/ubah", methods=["GET", "POST"])
@role_required("operator")
def official_edit(official_id):
    """Correct an official's details; a save from a stale form shows what changed meanwhile."""
    official = get_owned(Official, official_id, lambda o: o.instansi_id)
    form = OfficialForm(obj=official if request.method == "GET" else None)
    if request.method == "GET":
        form.nip.data = format_nip(official.nip)
        form.version.data = str(official.version)

    def change():
        update_official(official, nip=form.nip.data, name=form.name.data,
                        nip_kind=form.nip_kind.data, rank=form.rank.data,
                        position_title=form.position_title.data, post_kind=form.post_kind.data,
                        is_active=official.is_active,
                        version=int(form.version.data), reason=form.why.data)
        return _("Data pejabat %(name)s disimpan.", name=official.name)

    return submit_change(form, change, render=lambda: _form(form, official),
                         done_url=url_for("registry.official_detail", official_id=official.id))


@bp.route("/pejabat/<int:official_id>/status", methods=["POST"])
@role_required("operator")
def official_status(official_id):
    """Deactivate or reactivate an official: an explicit action, never a missing check box."""
    official = get_owned(Official, official_id, lambda o: o.instansi_id)
    form = RecordStatusForm()
    if form.validate_on_submit():
        active = form.active.data == "1"
        try:
            with transaction():
                set_official_active(official, active, version=int(form.version.data))
        except RuleViolation as exc:
            flash(exc.shown(), "danger")
        else:
            flash(_("Pejabat %(name)s diaktifkan kembali.", name=official.name) if active else
                  _("Pejabat %(name)s dinonaktifkan.", name=official.name), "success")
    else:
        flash(_("Permintaan tidak sah; tidak ada yang diubah."), "danger")
    return redirect(url_for("registry.official_detail", official_id=official.id))


def _form(form, official):
    return render_template("registry/official_form.html", form=form, official=official)


def _tmt(official):
    """Return the TMT CPNS read from a PNS NIP (None for other numbers)."""
    if official.nip_kind != "pns":
        return None
    try:
        return parse_nip(official.nip).tmt
    except ValueError:
        return None


def post_url(post_id):
    """Link to a post's history page."""
    return url_for("registry.post_detail", post_id=post_id)
