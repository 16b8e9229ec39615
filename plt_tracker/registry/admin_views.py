"""Admin pages: the pemda's OPDs and their posts (deactivated, never deleted).

Deactivating is its own button (a StatusForm posting the wanted state): a
form that lacks a field never changes whether a record is active.
"""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from plt_tracker.auth.access import role_required
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import StatusForm, attach_violation
from plt_tracker.auth.scope import get_owned
from plt_tracker.registry import bp
from plt_tracker.registry.forms import OpdForm, PostForm
from plt_tracker.registry.models import OPD_KINDS, Opd, Post
from plt_tracker.registry.operations import create_opd, create_post, update_opd, update_post
from plt_tracker.registry.official_views import post_url
from plt_tracker.registry.queries import opds_with_posts


@bp.route("/opd")
@role_required("admin")
def opds():
    """List the pemda's OPDs with their posts."""
    return render_template("registry/opds.html", opds=opds_with_posts(current_user.instansi_id),
                           opd_kinds=OPD_KINDS, post_url=post_url)


@bp.route("/opd/baru", methods=["GET", "POST"])
@role_required("admin")
def opd_new():
    """Add an OPD."""
    form = OpdForm()
    if form.validate_on_submit():
        try:
            with transaction():
                opd = create_opd(current_user.instansi_id, form.name.data, form.kind.data)
        except RuleViolation as exc:
            attach_violation(form, exc)
            return _opd_form(form, None), 422
        flash(_("OPD %(name)s ditambahkan.", name=opd.name), "success")
        return redirect(url_for("registry.opds"))
    return _opd_form(form, None), 400 if form.errors else 200


@bp.route("/opd/<int:opd_id>/ubah", methods=["GET", "POST"])
@role_required("admin")
def opd_edit(opd_id):
    """Rename or re-kind an OPD."""
    opd = get_owned(Opd, opd_id, lambda o: o.instansi_id)
    form = OpdForm(obj=opd)
    if form.validate_on_submit():
        try:
            with transaction():
                update_opd(opd, name=form.name.data, kind=form.kind.data,
                           is_active=opd.is_active)
        except RuleViolation as exc:
            attach_violation(form, exc)
            return _opd_form(form, opd), 422
        flash(_("OPD %(name)s disimpan.", name=opd.name), "success")
        return redirect(url_for("registry.opds"))
    return _opd_form(form, opd), 400 if form.errors else 200


@bp.route("/opd/<int:opd_id>/jabatan/baru", methods=["GET", "POST"])
@role_required("admin")
def post_new(opd_id):
    """Add a post to an OPD."""
    opd = get_owned(Opd, opd_id, lambda o: o.instansi_id)
    form = PostForm()
    if form.validate_on_submit():
        try:
            with transaction():
                post = create_post(opd, form.title.data, form.kind.data, form.eselon.data or None,
                                   is_head=form.is_head.data)
        except RuleViolation as exc:
            attach_violation(form, exc)
            return _post_form(form, opd, None), 422
        flash(_("Jabatan %(title)s ditambahkan ke %(opd)s.", title=post.title, opd=opd.name),
              "success")
        return redirect(url_for("registry.opds", _anchor=f"opd-{opd.id}"))
    return _post_form(form, opd, None), 400 if form.errors else 200


@bp.route("/opd/jabatan/<int:post_id>/ubah", methods=["GET", "POST"])
@role_required("admin")
def post_edit(post_id):
    """Change a post's title, kind, eselon or whether it heads its OPD."""
    post = get_owned(Post, post_id, lambda p: p.opd.instansi_id)
    form = PostForm(obj=post)
    if post.eselon and post.eselon not in {c.value for c in form.eselon.choices}:
        # An imported eselon written another way stays selectable.
        form.eselon.choices.append(SelectChoice(value=post.eselon, label=post.eselon))
    if form.validate_on_submit():
        try:
            with transaction():
                update_post(post, title=form.title.data, kind=form.kind.data,
                            eselon=form.eselon.data or None, is_head=form.is_head.data,
                            is_active=post.is_active)
        except RuleViolation as exc:
            attach_violation(form, exc)
            return _post_form(form, post.opd, post), 422
        flash(_("Jabatan %(title)s disimpan.", title=post.title), "success")
        return redirect(url_for("registry.opds", _anchor=f"opd-{post.opd_id}"))
    return _post_form(form, post.opd, post), 400 if form.errors else 200


@bp.route("/opd/<int:opd_id>/status", methods=["POST"])
@role_required("admin")
def opd_status(opd_id):
    """Deactivate or reactivate an OPD (its history stays)."""
    opd = get_owned(Opd, opd_id, lambda o: o.instansi_id)
    active = _wanted_state()
    try:
        with transaction():
            update_opd(opd, name=opd.name, kind=opd.kind, is_active=active)
    except RuleViolation as exc:
        flash(exc.shown(), "danger")
    else:
        flash(_("OPD %(name)s diaktifkan kembali.", name=opd.name) if active
              else _("OPD %(name)s dinonaktifkan.", name=opd.name), "success")
    return redirect(url_for("registry.opds", _anchor=f"opd-{opd.id}"))


@bp.route("/opd/jabatan/<int:post_id>/status", methods=["POST"])
@role_required("admin")
def post_status(post_id):
    """Deactivate or reactivate a post (its history stays)."""
    post = get_owned(Post, post_id, lambda p: p.opd.instansi_id)
    active = _wanted_state()
    try:
        with transaction():
            update_post(post, title=post.title, kind=post.kind, eselon=post.eselon,
                        is_head=post.is_head, is_active=active)
    except RuleViolation as exc:
        flash(exc.shown(), "danger")
    else:
        flash(_("Jabatan %(title)s diaktifkan kembali.", title=post.title) if active
              else _("Jabatan %(title)s dinonaktifkan.", title=post.title), "success")
    return redirect(url_for("registry.opds", _anchor=f"opd-{post.opd_id}"))


def _wanted_state():
    """Return the state a status button asks for; 400 when the post does not say."""
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    return form.active.data == "1"


def _opd_form(form, opd):
    return render_template("registry/opd_form.html", form=form, opd=opd,
                           status_form=StatusForm(formdata=None))


def _post_form(form, opd, post):
    return render_template("registry/post_form.html", form=form, opd=opd, post=post,
                           status_form=StatusForm(formdata=None))
