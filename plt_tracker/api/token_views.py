"""The admin's pages on API tokens: list, make (the token is shown once), revoke."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from plt_tracker.api import bp
from plt_tracker.api.forms import RevokeForm, TokenForm, fit_token_scope
from plt_tracker.api.models import ApiToken
from plt_tracker.api.operations import create_token, revoke_token
from plt_tracker.auth.access import role_required
from plt_tracker.auth.scope import get_owned
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.forms import attach_violation
from plt_tracker.extensions import db


@bp.route("/token-api")
@role_required("admin")
def tokens():
    """List the pemda's tokens, working ones first, with when each was last used."""
    query = (db.select(ApiToken).filter_by(instansi_id=current_user.instansi_id)
             .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc(),
                       ApiToken.id.desc()))
    return render_template("api/tokens.html", tokens=db.session.scalars(query).all(),
                           revoke_form=RevokeForm(), today=today())


@bp.route("/token-api/baru", methods=["GET", "POST"])
@role_required("admin")
def token_new():
    """Make a token for the admin's pemda; the page shows it this once."""
    form = TokenForm()
    fit_token_scope(form, current_user)
    if form.validate_on_submit():
        try:
            with transaction():
                token, text = create_token(current_user.instansi_id, form.name.data,
                                           form.scope.data, creator=current_user,
                                           expires_on=form.expires_on.data, today=today())
        except RuleViolation as exc:
            attach_violation(form, exc)
            return render_template("api/token_form.html", form=form), 422
        # Shown in this answer only (no redirect: the session cookie is signed, not
        # secret, so the token never goes into it); Cache-Control: no-store keeps it
        # out of caches.
        return render_template("api/token_created.html", token=token, text=text)
    return render_template("api/token_form.html", form=form), 400 if form.errors else 200


@bp.route("/token-api/<int:token_id>/cabut", methods=["POST"])
@role_required("admin")
def token_revoke(token_id):
    """Revoke a token: systems using it are refused from now on."""
    token = get_owned(ApiToken, token_id, lambda t: t.instansi_id)
    if not RevokeForm().validate_on_submit():
        abort(400)
    try:
        with transaction():
            revoke_token(token)
    except RuleViolation as exc:
        flash(exc.shown(), "warning")
        return redirect(url_for("api.tokens"))
    flash(_("Token %(name)s dicabut.", name=token.name), "success")
    return redirect(url_for("api.tokens"))
