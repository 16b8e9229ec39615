"""Who may see which pemda: decided here, once, for every page, export and API call.

A user (or an API token) has a scope: their own pemda, their province (the
province's own posts and every kabupaten/kota in it), or national. Reading is
allowed within the scope; writing only in one's own pemda. A province or
national user picks the pemda a page shows (`?pemda=<id>`, kept in the session);
without a pick, the lists cover the whole scope.
"""
from flask import abort, current_app, g, has_request_context, request, session
from flask_login import current_user

from plt_tracker.extensions import db
from plt_tracker.registry.models import Instansi

SESSION_KEY = "pemda"


def visible_ids(owner):
    """Return the pemda ids `owner` (a user or an API token) may read; None means all."""
    if owner.scope == "national":
        return None
    if owner.scope == "province":
        province = owner.instansi_id
        children = db.session.scalars(db.select(Instansi.id).filter_by(parent_id=province))
        return {province, *children}
    return {owner.instansi_id}


def can_read(owner, instansi_id):
    """Say whether `owner` may read the records of a pemda."""
    ids = visible_ids(owner)
    return ids is None or instansi_id in ids


def requested_ids(owner, requested=None):
    """Return the pemda a read by `owner` (a user or an API token) covers.

    `requested` is the one pemda asked for (an id), or None for the owner's whole
    scope (None: every pemda). Raises OutOfScope when the owner may not read it;
    a pemda that does not exist is out of every scope but the national one, which
    finds nothing there.
    """
    if requested is None:
        return visible_ids(owner)
    if not can_read(owner, requested):
        raise OutOfScope(requested)
    return {requested}


class OutOfScope(LookupError):
    """A pemda the owner may not read was asked for."""


def can_write(owner, instansi_id):
    """Say whether `owner` may change the records of a pemda: only their own."""
    return instansi_id == owner.instansi_id


def chosen_pemda_id(strict=True):
    """Return the pemda the user picked (a query argument or the session), if any.

    `?pemda=` with an id outside the scope answers 404 (None when not `strict`: the
    navigation bar of an error page); `?pemda=` empty clears the pick.
    """
    if not has_request_context() or not current_user.is_authenticated:
        return None
    if "pemda" in request.args:
        raw = request.args.get("pemda", "").strip()
        if not raw:
            session.pop(SESSION_KEY, None)
            return None
        if not (raw.isdigit() and len(raw) < 10 and _exists(int(raw))
                and can_read(current_user, int(raw))):
            if not strict:
                return None
            abort(404)
        session[SESSION_KEY] = int(raw)
    picked = session.get(SESSION_KEY)
    if picked is not None and not can_read(current_user, picked):
        session.pop(SESSION_KEY, None)
        return None
    return picked


def _exists(instansi_id):
    return db.session.get(Instansi, instansi_id) is not None


def current_pemda_id():
    """Return the one pemda a page works on: the pick, else the user's own."""
    if "current_pemda_id" not in g:
        g.current_pemda_id = chosen_pemda_id() or current_user.instansi_id
    return g.current_pemda_id


def list_pemda_ids():
    """Return the pemda a list covers: the pick, else the user's whole scope (None: all)."""
    picked = chosen_pemda_id()
    if picked is not None:
        return {picked}
    return visible_ids(current_user)


def spans_several():
    """Say whether the current user sees more than their own pemda."""
    return current_user.is_authenticated and current_user.scope != "pemda"


def get_owned(model, object_id, instansi_of):
    """Load a live record the current user may reach, or answer 404.

    On a page that only reads (its least role is viewer) the record's pemda must be
    in the user's scope; on a page that writes, it must be the user's own pemda. A
    voided record is not found either.
    """
    obj = db.session.get(model, object_id)
    if obj is None or getattr(obj, "is_voided", False):
        abort(404)
    pemda = instansi_of(obj)
    view = current_app.view_functions.get(request.endpoint)
    writes = getattr(view, "required_role", "viewer") != "viewer"
    if not (can_write(current_user, pemda) if writes else can_read(current_user, pemda)):
        abort(404)
    return obj


def may_edit(role, instansi_id=None):
    """Say (in templates) whether the user may change things of a pemda with `role`: their
    role is high enough and it is their own pemda (the page's pemda when none is given)."""
    if not current_user.is_authenticated or not current_user.can(role):
        return False
    return can_write(current_user, instansi_id if instansi_id is not None else current_pemda_id())


def register(app):
    """Give templates the scope helpers."""
    app.jinja_env.globals.update(may_edit=may_edit, current_pemda_id=current_pemda_id,
                                 chosen_pemda_id=chosen_pemda_id, spans_several=spans_several)
