"""Province and national pages: figures per pemda side by side, the switch between pemda,
and the deployment admin's page to add a pemda."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import chosen_pemda_id, visible_ids
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import attach_violation
from plt_tracker.flags.state import ensure_fresh
from plt_tracker.pemda import bp
from plt_tracker.pemda import report as region_report
from plt_tracker.pemda.forms import PemdaForm
from plt_tracker.pemda.operations import create_pemda_with_admin
from plt_tracker.extensions import db
from plt_tracker.pemda.queries import RANKINGS, pemda_figures, provinces, switch_choices, totals
from plt_tracker.registry.models import PEMDA_KINDS, Instansi


@bp.route("/wilayah")
@role_required("viewer")
def overview():
    """Show each pemda of the user's scope side by side, ranked (acting share by default)."""
    day = today()
    ids = visible_ids(current_user)
    stale = ensure_fresh(ids, day)
    ranking = request.args.get("urut") if request.args.get("urut") in RANKINGS else "pelaksana"
    rows = pemda_figures(ids, day, ranking)
    return render_template("pemda/overview.html", rows=rows, total=totals(rows), today=day,
                           ranking=ranking, stale=stale,
                           pemda_kinds={k: str(v) for k, v in PEMDA_KINDS.items()},
                           # Translated once, filled per row (hundreds of rows nationally).
                           t_days=_("%(num)s hari"), t_since=_("sejak %(date)s"))


@bp.route("/wilayah/laporan.xlsx")
@role_required("viewer")
def report():
    """Download every pemda's figures and every flagged vacancy of the scope, as Excel."""
    day = today()
    ids = visible_ids(current_user)
    ensure_fresh(ids, day)
    return region_report.respond(ids, day)


@bp.route("/wilayah/pemda/baru", methods=["GET", "POST"])
@role_required("admin", scope="national")
def new():
    """Add a pemda with its first admin (the deployment's admins only)."""
    form = PemdaForm()
    form.parent_id.choices = [(0, _("— bukan bagian provinsi (provinsi) —"))] + [
        (p.id, p.name) for p in provinces()]
    if form.validate_on_submit():
        try:
            with transaction():
                pemda, admin = create_pemda_with_admin(
                    form.name.data, form.kind.data, form.parent_id.data or None,
                    form.admin_username.data, form.admin_password.data,
                    form.admin_full_name.data)
        except RuleViolation as exc:
            attach_violation(form, exc, aliases={"username": "admin_username",
                                                 "password": "admin_password",  # nosec B105  # a form field's name, not a password
                                                 "full_name": "admin_full_name"})
            return _form(form), 422
        flash(_("%(name)s ditambahkan dengan jalur pengisian bawaan; admin pertamanya "
                "%(username)s.", name=pemda.name, username=admin.username), "success")
        return redirect(url_for("pemda.overview", urut="nama"))
    return _form(form), 400 if form.errors else 200


def _form(form):
    return render_template("pemda/new.html", form=form)


@bp.app_context_processor
def _pemda_switch_helpers():
    """Give the navigation bar the pemda a province or national user may pick."""
    return {"pemda_choices": lambda: switch_choices(visible_ids(current_user)),
            "picked_pemda_name": _picked_name}


def _picked_name():
    picked = chosen_pemda_id(strict=False)
    if picked is None:
        return current_user.instansi.name
    return db.session.get(Instansi, picked).name
