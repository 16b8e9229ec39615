"""The official picker: officials found by name or NIP, with their own post and level.

The acting forms keep a plain <select> (it works without JavaScript); static/picker.js
turns it into a search over `officials_matching`, served as JSON by registry.official_search.
"""
from flask import url_for
from flask_babel import gettext as _
from wtforms.fields.choices import SelectChoice

from plt_tracker.extensions import db
from plt_tracker.registry.models import OFFICIAL_KINDS, Appointment, Official, Post
from plt_tracker.registry.nip import format_nip, normalize_nip

LIMIT = 15


def offer_officials(field, instansi_id):
    """Fill an official select with the pemda's active officials and the picker's settings."""
    from plt_tracker.registry.post_queries import official_choices

    options = [(0, _("— pilih pejabat —"))] + official_choices(instansi_id)
    field.choices = [SelectChoice(value=value, label=label) for value, label in options]
    field.render_kw = {
        "data-picker-url": url_for("registry.official_search"),
        "data-picker-placeholder": _("Ketik nama atau NIP"),
        "data-picker-chosen": _("Dipilih"),
        "data-picker-none": _("Tidak ada pejabat aktif dengan nama atau NIP itu"),
        "data-picker-results": _("Pejabat yang cocok"),
    }


def officials_matching(instansi_id, text, day, limit=LIMIT):
    """Return up to `limit` active officials of the pemda whose name or NIP contains `text`,
    as dicts with id, name, NIP (in its groups), own post and level on `day`."""
    text = (text or "").strip()[:100]
    if not text:
        return []
    condition = Official.name.icontains(text, autoescape=True)
    digits = normalize_nip(text)
    if digits.isdigit():
        condition = condition | Official.nip.contains(digits, autoescape=True)
    officials = list(db.session.scalars(
        db.select(Official).filter_by(instansi_id=instansi_id, is_active=True).filter(condition)
        .order_by(Official.name, Official.id).limit(limit)))
    held = _held_posts([o.id for o in officials], day)
    return [_match(official, held.get(official.id)) for official in officials]


def _match(official, post):
    kind = post.kind if post else official.post_kind
    level = str(OFFICIAL_KINDS.get(kind, kind or ""))
    if post and post.eselon:
        level = f"{level} ({post.eselon})"
    return {"id": official.id, "name": official.name, "nip": format_nip(official.nip),
            "post": post.title if post else (official.position_title or ""), "level": level}


def _held_posts(official_ids, day):
    """Return {official id: the definitive post held on `day`}."""
    if not official_ids:
        return {}
    query = (db.select(Appointment.official_id, Post).join(Appointment.post).join(Post.opd)
             .filter(Appointment.official_id.in_(official_ids))
             .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= day))
             .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > day)))
    return {official_id: post for official_id, post in db.session.execute(query)}
