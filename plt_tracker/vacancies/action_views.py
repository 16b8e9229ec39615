"""The BKPSDM operator's actions on a post: vacancy, Plt/Plh, extension, end, appointment."""
import datetime as dt

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.dates import today
from plt_tracker.core.forms import submit_change
from plt_tracker.core.i18n import long_date
from plt_tracker.auth.scope import get_owned
from plt_tracker.core.db import RuleViolation
from plt_tracker.registry.levels import may_act
from plt_tracker.registry.models import OFFICIAL_KINDS, Official, Post
from plt_tracker.registry.picker import offer_officials
from plt_tracker.registry.post_queries import own_post_kind
from plt_tracker.selection import operations as selection_ops
from plt_tracker.settings.logic import get_setting
from plt_tracker.vacancies import bp
from plt_tracker.vacancies import operations as ops
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.integrity import NeedsConfirmation, letter_end
from plt_tracker.vacancies.forms import (ActingForm, AppointmentForm, EndActingForm, ExtendForm,
                                         HolderForm, VacancyForm)
from plt_tracker.vacancies.models import ActingAssignment

# Operations name the official "official"; the forms call the select "official_id".
_FIELD_ALIASES = {"official": "official_id"}


@bp.route("/jabatan/<int:post_id>/kosong", methods=["GET", "POST"])
@role_required("operator")
def open_vacancy(post_id):
    """Record that a post became vacant."""
    post = _own_post(post_id)
    form = VacancyForm()

    def change():
        ops.open_vacancy(post, form.start_date.data, form.reason.data, today=today(),
                         reason_note=form.reason_note.data)
        return _("Kekosongan %(post)s dicatat.", post=post.title)

    return _handle(form, post, _("Catat jabatan kosong"), change)


@bp.route("/jabatan/<int:post_id>/pelaksana", methods=["GET", "POST"])
@role_required("operator")
def name_acting(post_id):
    """Name a Plt or Plh for a post (a Plh also while the holder is temporarily absent).

    Naming someone who already acts in another vacant post asks for an
    explicit confirmation listing those posts.
    """
    post = _own_post(post_id)
    vacancy = ops.open_vacancy_of(post.id)
    form = ActingForm()
    _offer_officials(form.official_id)
    if not post.is_sekda_post:  # a Pj Sekda acts only in the Sekda's post
        form.kind.choices = [c for c in form.kind.choices if c.value != "pj"]
        del form.governor_approval_number, form.governor_approval_date
    if vacancy is None:
        form.kind.data = form.kind.data or "plh"
    months = int(get_setting(current_user.instansi_id, "acting_default_months"))
    form.end_date.description = _("Kosongkan untuk mulai tugas + %(months)d bulan", months=months)

    def change():
        official = _own_official(form.official_id.data)
        _check_level(form, official, post)
        governor = ({"governor_approval_number": form.governor_approval_number.data,
                     "governor_approval_date": form.governor_approval_date.data}
                    if "governor_approval_number" in form else {})
        try:
            acting = ops.name_acting(post, official, form.kind.data, form.start_date.data,
                                     form.end_date.data, today=today(),
                                     letter_number=form.letter_number.data,
                                     letter_date=form.letter_date.data, vacancy=vacancy,
                                     confirmed_posts=form.confirmed_post_ids(), **governor)
        except NeedsConfirmation as exc:
            form.confirmed_posts.data = ",".join(str(p.id) for p in exc.posts)
            form.confirmed_posts.raw_data = [form.confirmed_posts.data]
            raise
        return _("%(name)s ditunjuk sebagai %(kind)s %(post)s sampai %(end)s.",
                 name=official.name, kind=acting.kind_label, post=post.title,
                 end=acting.end_date.strftime("%d/%m/%Y"))

    def render():
        if not form.confirmed_posts.data:
            del form.confirm
        if not form.confirm_level.errors and not form.confirm_level.data:
            del form.confirm_level
        return render_template("vacancies/action_form.html", form=form, post=post,
                               title=_("Tunjuk Plt / Plh"), acting=None)

    return submit_change(form, change, render=render, aliases=_FIELD_ALIASES,
                         done_url=url_for("registry.post_detail", post_id=post.id))


@bp.route("/pelaksana/<int:acting_id>/perpanjang", methods=["GET", "POST"])
@role_required("operator")
def extend_acting(acting_id):
    """Extend an acting letter by a new letter kept as its own record."""
    acting = _own_acting(acting_id)
    form = ExtendForm()
    if not form.is_submitted():
        # The usual extension: another letter of the default length after the last one ends.
        months = int(get_setting(current_user.instansi_id, "acting_default_months"))
        last = letter_end(acting, today())
        form.end_date.data = rules.default_planned_end(last + dt.timedelta(days=1), months)
        form.end_date.description = _("Bawaan: %(months)d bulan sesudah surat terakhir berakhir "
                                      "(%(day)s)", months=months, day=long_date(last))

    def change():
        ops.extend_acting(acting, form.end_date.data, today=today(),
                          letter_number=form.letter_number.data,
                          letter_date=form.letter_date.data, note=form.note.data)
        return _("Tugas %(kind)s %(name)s diperpanjang.", kind=acting.kind_label,
                 name=acting.official.name)

    title = _("Perpanjang tugas %(kind)s %(name)s", kind=acting.kind_label,
              name=acting.official.name)
    return _handle(form, acting.post, title, change, acting=acting)


@bp.route("/pelaksana/<int:acting_id>/akhiri", methods=["GET", "POST"])
@role_required("operator")
def end_acting(acting_id):
    """End an acting assignment on its last day of service."""
    acting = _own_acting(acting_id)
    form = EndActingForm()

    def change():
        ops.end_acting(acting, form.ended_on.data, today=today(), note=form.note.data)
        return _("Tugas %(kind)s %(name)s diakhiri.", kind=acting.kind_label,
                 name=acting.official.name)

    title = _("Akhiri tugas %(kind)s %(name)s", kind=acting.kind_label, name=acting.official.name)
    return _handle(form, acting.post, title, change, acting=acting)


@bp.route("/jabatan/<int:post_id>/pelantikan", methods=["GET", "POST"])
@role_required("operator")
def fill_vacancy(post_id):
    """Record the definitive appointment, which ends the vacancy and its acting officials."""
    post = _own_post(post_id)
    vacancy = ops.open_vacancy_of(post.id)
    if vacancy is None:
        flash(_("Jabatan ini tidak sedang kosong."), "warning")
        return redirect(url_for("registry.post_detail", post_id=post.id))
    form = AppointmentForm()
    _offer_officials(form.official_id)

    def change():
        official = _own_official(form.official_id.data)
        selection_ops.fill_vacancy(vacancy, official, form.start_date.data, today=today(),
                         sk_number=form.sk_number.data, sk_date=form.sk_date.data)
        return _("%(name)s dicatat sebagai pejabat definitif %(post)s.", name=official.name,
                 post=post.title)

    return _handle(form, post, _("Catat pelantikan pejabat definitif"), change)


@bp.route("/jabatan/<int:post_id>/pejabat-definitif", methods=["GET", "POST"])
@role_required("operator")
def record_holder(post_id):
    """Record the current definitive holder of a post that has no record yet."""
    post = _own_post(post_id)
    form = HolderForm()
    _offer_officials(form.official_id)

    def change():
        official = _own_official(form.official_id.data)
        ops.record_holder(post, official, form.start_date.data, today=today(),
                          sk_number=form.sk_number.data, sk_date=form.sk_date.data,
                          **_approval(form))
        return _("%(name)s dicatat sebagai pejabat definitif %(post)s.", name=official.name,
                 post=post.title)

    return _handle(form, post, _("Catat pejabat definitif"), change)


def _handle(form, post, title, change, *, after=None, acting=None):
    """Run the form's change and go back to the post page, or re-show the form."""
    return submit_change(
        form, change, done_url=url_for("registry.post_detail", post_id=post.id),
        render=lambda: render_template("vacancies/action_form.html", form=form, post=post,
                                       title=title, acting=acting),
        aliases=_FIELD_ALIASES, after=after)


def _approval(form):
    return {"minister_approval_number": form.minister_approval_number.data,
            "minister_approval_date": form.minister_approval_date.data}


def _check_level(form, official, post):
    """Ask for an explicit yes before naming someone whose own post is not of the level the
    rule allows (SE BKN 1/SE/I/2021): a warning, not a refusal."""
    own = own_post_kind(official, form.start_date.data)
    allowed, why = may_act(own, post.kind, is_pppk=official.nip_kind != "pns")
    if allowed or why == "unknown" or form.kind.data == "pj" or form.confirm_level.data:
        return
    what = _("PPPK") if why == "pppk" else OFFICIAL_KINDS.get(own, own)
    raise RuleViolation(_("%(name)s (%(own)s) tidak setingkat atau satu tingkat di bawah jabatan "
                          "%(post)s (SE BKN 1/SE/I/2021). Centang bila tetap ditunjuk.",
                          name=official.name, own=what, post=post.kind_label), "confirm_level")


def _own_post(post_id):
    return get_owned(Post, post_id, lambda p: p.opd.instansi_id)


def _own_acting(acting_id):
    return get_owned(ActingAssignment, acting_id, lambda a: a.post.opd.instansi_id)


def _own_official(official_id):
    return get_owned(Official, official_id, lambda o: o.instansi_id)


def _offer_officials(field):
    """Fill the official select; static/js/picker.js turns it into a search by name or NIP."""
    offer_officials(field, current_user.instansi_id)
