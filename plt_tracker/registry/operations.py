"""Writes on the register: pemda, OPDs, posts, officials and holders.

Each function runs inside the caller's transaction (core.db.transaction) and
writes its own audit entry; views, the importer and the demo all call these.
"""
import datetime as dt


from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.db import RuleViolation, lock_pemda
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.extensions import db
from plt_tracker.registry.models import (CLOSED_KINDS, OFFICIAL_KINDS, OPD_KINDS, POST_KINDS,
                                        Appointment, Official, Opd, Post)
from plt_tracker.registry.nip import parse_nip
from plt_tracker.core.versions import check_version

OPD_FIELDS = ("name", "kind", "is_active")
POST_FIELDS = ("opd_id", "title", "kind", "eselon", "is_head", "is_active", "is_sekda",
               "closed_on", "closed_kind", "closed_note")
APPOINTMENT_FIELDS = ("official_id", "sk_number", "sk_date", "start_date", "end_date",
                      "minister_approval_number", "minister_approval_date")
OFFICIAL_FIELDS = ("nip", "nip_kind", "name", "rank", "birth_date", "gender", "position_title",
                   "post_kind", "is_active")


def create_opd(instansi_id, name, kind="lainnya"):
    """Add an OPD to a pemda."""
    lock_pemda(instansi_id)
    opd = new_opd(instansi_id, name, kind)
    if db.session.scalar(db.select(Opd.id).filter_by(instansi_id=instansi_id, name=opd.name)):
        raise RuleViolation(message(N_("OPD '%(name)s' sudah ada"), name=opd.name), "name")
    db.session.add(opd)
    db.session.flush()
    audit_opd_created(opd)
    return opd


def new_opd(instansi_id, name, kind="lainnya"):
    """Return a checked new OPD, not yet added (its name's uniqueness is the caller's check)."""
    name = _required(name, N_("Nama OPD wajib diisi"), "name")
    if kind not in OPD_KINDS:
        raise RuleViolation(message(N_("Jenis OPD '%(kind)s' tidak dikenal"), kind=kind), "kind")
    return Opd(instansi_id=instansi_id, name=name, kind=kind, is_active=True)


def audit_opd_created(opd):
    """Write the audit entry of a new OPD (written: it has its id)."""
    record("create", "opd", opd.id, instansi_id=opd.instansi_id, event="opd.create",
           params={"name": opd.name}, after=snapshot(opd, OPD_FIELDS), version=opd.version)


def update_opd(opd, *, name, kind, is_active):
    """Rename, re-kind, activate or deactivate an OPD (never delete: it has history)."""
    lock_pemda(opd.instansi_id)
    name = _required(name, N_("Nama OPD wajib diisi"), "name")
    if kind not in OPD_KINDS:
        raise RuleViolation(message(N_("Jenis OPD '%(kind)s' tidak dikenal"), kind=kind), "kind")
    clash = db.session.scalar(db.select(Opd.id).filter(
        Opd.instansi_id == opd.instansi_id, Opd.name == name, Opd.id != opd.id))
    if clash:
        raise RuleViolation(message(N_("OPD '%(name)s' sudah ada"), name=name), "name")
    before = snapshot(opd, OPD_FIELDS)
    opd.name, opd.kind, opd.is_active = name, kind, bool(is_active)
    _audit_update(opd, "opd", "opd.update", {"name": name}, opd.instansi_id, None, before,
                  OPD_FIELDS)
    return opd


def create_post(opd, title, kind, eselon=None, is_head=True):
    """Add a post to an OPD."""
    lock_pemda(opd.instansi_id)
    post = new_post(opd, title, kind, eselon, is_head)
    if db.session.scalar(db.select(Post.id).filter_by(opd_id=opd.id, title=post.title)):
        raise RuleViolation(message(N_("Jabatan '%(title)s' sudah ada di %(opd)s"),
                                    title=post.title, opd=opd.name), "title")
    db.session.add(post)
    db.session.flush()
    audit_post_created(post, opd)
    return post


def new_post(opd, title, kind, eselon=None, is_head=True):
    """Return a checked new post of a written OPD, not yet added (its title's uniqueness in
    the OPD is the caller's check)."""
    title = _required(title, N_("Nama jabatan wajib diisi"), "title")
    if kind not in POST_KINDS:
        raise RuleViolation(message(N_("Jenis jabatan '%(kind)s' tidak dikenal"), kind=kind),
                            "kind")
    return Post(opd_id=opd.id, title=title, kind=kind, eselon=eselon or None, is_head=is_head,
                is_active=True)


def audit_post_created(post, opd, after=None, version=None):
    """Write the audit entry of a new post (written: it has its id); `after` and `version`
    as it was made, when it changed since."""
    record("create", "post", post.id, instansi_id=opd.instansi_id, post_id=post.id,
           event="post.create", params={"post": post.title},
           after=after or snapshot(post, POST_FIELDS), version=version or post.version)


def audit_post_updated(post, before):
    """Write the audit entry of a changed post (written), when anything changed."""
    after = snapshot(post, POST_FIELDS)
    if before != after:
        record("update", "post", post.id, instansi_id=post.opd.instansi_id, post_id=post.id,
               event="post.update", params={"post": post.title}, before=before, after=after,
               version=post.version)


def update_post(post, *, title, kind, eselon, is_head, is_active):
    """Change a post's details or deactivate it (never delete: it has history)."""
    lock_pemda(post.opd.instansi_id)
    title = _required(title, N_("Nama jabatan wajib diisi"), "title")
    if kind not in POST_KINDS:
        raise RuleViolation(message(N_("Jenis jabatan '%(kind)s' tidak dikenal"), kind=kind),
                            "kind")
    clash = db.session.scalar(db.select(Post.id).filter(
        Post.opd_id == post.opd_id, Post.title == title, Post.id != post.id))
    if clash:
        raise RuleViolation(message(N_("Jabatan '%(title)s' sudah ada di OPD ini"), title=title),
                            "title")
    before = snapshot(post, POST_FIELDS)
    post.title, post.kind, post.eselon = title, kind, eselon or None
    post.is_head, post.is_active = bool(is_head), bool(is_active)
    _audit_update(post, "post", "post.update", {"post": title}, post.opd.instansi_id, post.id,
                  before, POST_FIELDS)
    return post


def close_post(post, *, closed_on, kind, note, version=None):
    """Freeze or abolish a post from a date (a new Perda SOTK), or open it again (no date).

    From that day it leaves the vacancy list and the flags; its history stays.
    """
    lock_pemda(post.opd.instansi_id)
    check_version(post, version, "post")
    if closed_on is not None and kind not in CLOSED_KINDS:
        raise RuleViolation("Pilih dibekukan atau dihapus", "closed_kind")
    before = snapshot(post, POST_FIELDS)
    post.closed_on = closed_on
    post.closed_kind = kind if closed_on else None
    post.closed_note = ((note or "").strip() or None) if closed_on else None
    event = "post.closed" if closed_on else "post.reopened"
    _audit_update(post, "post", event, {"post": post.title, "date": closed_on},
                  post.opd.instansi_id, post.id, before, POST_FIELDS)
    return post


def mark_sekda(post, is_sekda, *, version=None):
    """Mark (or unmark) a head post as the Sekda's, when its title does not say so."""
    lock_pemda(post.opd.instansi_id)
    check_version(post, version, "post")
    if is_sekda and not post.is_head:
        raise RuleViolation("Hanya jabatan kepala yang dapat ditandai sebagai jabatan Sekda",
                            "is_sekda")
    before = snapshot(post, POST_FIELDS)
    post.is_sekda = bool(is_sekda)
    _audit_update(post, "post", "post.update", {"post": post.title}, post.opd.instansi_id,
                  post.id, before, POST_FIELDS)
    return post


def create_official(instansi_id, nip, name, *, nip_kind="pns", rank=None, position_title=None,
                    post_kind=None):
    """Record an official; the NIP is checked and gives the birth date and gender.

    A NIP is unique within a pemda; the refusal names no other pemda's data.
    """
    lock_pemda(instansi_id)
    official = new_official(instansi_id, nip, name, nip_kind=nip_kind, rank=rank,
                            position_title=position_title, post_kind=post_kind)
    _nip_free(instansi_id, official.nip)
    db.session.add(official)
    db.session.flush()
    audit_official_created(official)
    return official


def new_official(instansi_id, nip, name, *, nip_kind="pns", rank=None, position_title=None,
                 post_kind=None):
    """Return a checked new official, not yet added (the NIP's uniqueness in the pemda is the
    caller's check)."""
    info = _parse(nip, nip_kind)
    name = _required(name, N_("Nama pejabat wajib diisi"), "name")
    _known_kind(post_kind)
    return Official(instansi_id=instansi_id, nip=info.nip, nip_kind=info.kind, name=name,
                    rank=rank or None, birth_date=info.birth_date, gender=info.gender,
                    position_title=position_title or None, post_kind=post_kind or None,
                    is_active=True)


def audit_official_created(official, after=None, version=None):
    """Write the audit entry of a new official (written: it has its id); `after` and
    `version` as it was made, when it changed since (an import naming its own post)."""
    record("create", "official", official.id, instansi_id=official.instansi_id,
           event="official.create", params={"name": official.name, "nip": official.nip},
           after=after or snapshot(official, OFFICIAL_FIELDS),
           version=version or official.version)


def audit_official_updated(official, before, reason=None):
    """Write the audit entry of a changed official (written), when anything changed."""
    after = snapshot(official, OFFICIAL_FIELDS)
    if before != after:
        record("update", "official", official.id, instansi_id=official.instansi_id,
               event="official.update", params={"name": official.name}, before=before,
               after=after, reason=reason, version=official.version)


def update_official(official, *, nip, name, nip_kind="pns", rank=None, position_title=None,
                    post_kind=None, is_active=True, version=None, reason=None):
    """Correct an official's details (from a form opened at `version`, for `reason`)."""
    lock_pemda(official.instansi_id)
    check_version(official, version, "official")
    info = _parse(nip, nip_kind)
    name = _required(name, N_("Nama pejabat wajib diisi"), "name")
    _known_kind(post_kind)
    _nip_free(official.instansi_id, info.nip, official.id)
    before = snapshot(official, OFFICIAL_FIELDS)
    official.nip, official.nip_kind, official.name = info.nip, info.kind, name
    official.birth_date, official.gender = info.birth_date, info.gender
    official.rank, official.position_title = rank or None, position_title or None
    official.post_kind = post_kind or None
    official.is_active = bool(is_active)
    _audit_update(official, "official", "official.update", {"name": name}, official.instansi_id,
                  None, before, OFFICIAL_FIELDS, reason=reason)
    return official


def set_official_active(official, active, *, version=None):
    """Deactivate an official (no longer offered in forms) or reactivate them."""
    lock_pemda(official.instansi_id)
    check_version(official, version, "official")
    before = snapshot(official, OFFICIAL_FIELDS)
    official.is_active = bool(active)
    _audit_update(official, "official", "official.update", {"name": official.name},
                  official.instansi_id, None, before, OFFICIAL_FIELDS)
    return official


def current_appointment(post_id, day=None):
    """Return the appointment in force on `day` (or the open one when day is None)."""
    query = db.select(Appointment).filter_by(post_id=post_id)
    if day is None:
        query = query.filter(Appointment.end_date.is_(None))
    else:
        query = query.filter(
            (Appointment.start_date.is_(None)) | (Appointment.start_date <= day),
            (Appointment.end_date.is_(None)) | (Appointment.end_date > day),
        )
    return db.session.scalars(query.order_by(Appointment.id.desc())).first()


def set_holder(post, official, *, start_date=None, sk_number=None, sk_date=None,
               minister_approval_number=None, minister_approval_date=None):
    """Record the definitive holder of a post that is not vacant (e.g. from an import)."""
    if current_appointment(post.id) is not None:
        raise RuleViolation(message(N_("Jabatan %(post)s sudah memiliki pejabat definitif"),
                                    post=post.title), "official")
    appointment = new_holder(post, official, start_date=start_date, sk_number=sk_number,
                             sk_date=sk_date, minister_approval_number=minister_approval_number,
                             minister_approval_date=minister_approval_date)
    check_holding(appointment)
    db.session.add(appointment)
    db.session.flush()
    audit_holder_recorded(appointment)
    return appointment


def new_holder(post, official, *, start_date=None, sk_number=None, sk_date=None,
               minister_approval_number=None, minister_approval_date=None):
    """Return a new definitive holding, not yet added or checked (`check_holding`)."""
    return Appointment(post_id=post.id, post=post, official_id=official.id, official=official,
                       start_date=start_date, sk_number=sk_number, sk_date=sk_date,
                       minister_approval_number=minister_approval_number or None,
                       minister_approval_date=minister_approval_date)


def audit_holder_recorded(appointment):
    """Write the audit entry of a recorded holder (written: it has its id)."""
    post = appointment.post
    record("create", "appointment", appointment.id, instansi_id=post.opd.instansi_id,
           post_id=post.id, event="holder.record",
           params={"name": appointment.official.name, "post": post.title},
           after=snapshot(appointment, APPOINTMENT_FIELDS), version=appointment.version)


def check_holding(appointment, holdings=None):
    """Refuse a definitive holding that overlaps another one of the same official.

    `holdings` are the official's live appointments when the caller has them already
    (the importer); else they are read.
    """
    with db.session.no_autoflush:
        official = db.session.get(Official, appointment.official_id)
        if holdings is None:
            holdings = list(db.session.scalars(
                db.select(Appointment).filter(Appointment.official_id == official.id)))
    start, end = appointment.start_date or dt.date.min, appointment.end_date or dt.date.max
    for other in holdings:
        overlaps = ((other.start_date or dt.date.min) < end
                    and start < (other.end_date or dt.date.max))
        if other is not appointment and overlaps:
            values = dict(name=official.name, post=other.post.title, opd=other.post.opd.name)
            if other.start_date:
                text = message(N_("%(name)s sudah tercatat sebagai pejabat definitif %(post)s "
                                  "(%(opd)s) sejak %(day)s; catat dulu berakhirnya jabatan itu"),
                               day=dmy(other.start_date), **values)
            else:
                text = message(N_("%(name)s sudah tercatat sebagai pejabat definitif %(post)s "
                                  "(%(opd)s); catat dulu berakhirnya jabatan itu"), **values)
            raise RuleViolation(text, "official")


def _known_kind(post_kind):
    if post_kind and post_kind not in OFFICIAL_KINDS:
        raise RuleViolation(message(N_("Jenis jabatan '%(kind)s' tidak dikenal"), kind=post_kind),
                            "post_kind")


def _parse(nip, nip_kind):
    try:
        return parse_nip(nip, nip_kind)
    except ValueError as exc:
        raise RuleViolation(str(exc), "nip") from None


def _required(value, missing, field):
    value = (value or "").strip()
    if not value:
        raise RuleViolation(missing, field)
    return value


def _nip_free(instansi_id, nip, official_id=None):
    query = db.select(Official.id).filter(Official.instansi_id == instansi_id, Official.nip == nip)
    if official_id is not None:
        query = query.filter(Official.id != official_id)
    if db.session.scalar(query):
        raise RuleViolation(message(N_("NIP %(nip)s sudah terdaftar di pemda ini"), nip=nip),
                            "nip")


def _audit_update(obj, entity, event, params, instansi_id, post_id, before, fields, reason=None):
    db.session.flush()
    after = snapshot(obj, fields)
    if before != after:
        record("update", entity, obj.id, instansi_id=instansi_id, post_id=post_id, event=event,
               params=params, before=before, after=after, reason=reason, version=obj.version)
