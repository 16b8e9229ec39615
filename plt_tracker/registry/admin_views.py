"""Admin pages: the pemda's OPDs and their posts (deactivated, never deleted)."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from plt_tracker.auth.access import role_required
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import attach_violation
from plt_tracker.core.requests import get_owned
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
    del form.is_active
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
    """Rename, re-kind, or (de)activate an OPD."""
    opd = get_owned(Opd, opd_id, lambda o: o.instansi_id)
    form = OpdForm(obj=opd)
    if form.validate_on_submit():
        try:
            with transaction():
                update_opd(opd, name=form.name.data, kind=form.kind.data,
                           is_active=form.is_active.data)
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
    del form.is_active
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
    """Change a post's details or (de)activate it."""
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
                            is_active=form.is_active.data)
        except RuleViolation as exc:
            attach_violation(form, exc)
            return _post_form(form, post.opd, post), 422
        flash(_("Jabatan %(title)s disimpan.", title=post.title), "success")
        return redirect(url_for("registry.opds", _anchor=f"opd-{post.opd_id}"))
    return _post_form(form, post.opd, post), 400 if form.errors else 200


def _opd_form(form, opd):
    return render_template("registry/opd_form.html", form=form, opd=opd)


def _post_form(form, opd, post):
    return render_template("registry/post_form.html", form=form, opd=opd, post=post)
