"""Creating regional governments: each gets its own copy of the national route template."""
from flask import current_app

from plt_tracker.audit.operations import record
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, message
from plt_tracker.extensions import db
from plt_tracker.registry.models import PEMDA_KINDS, Instansi
from plt_tracker.selection.route_operations import copy_template_routes


def create_pemda(name, kind, parent_id=None):
    """Add a pemda (a kabupaten or kota within its province, or a province) with its routes."""
    name = " ".join((name or "").split())
    if not name:
        raise RuleViolation("Nama pemda wajib diisi", "name")
    if kind not in PEMDA_KINDS:
        raise RuleViolation(message(N_("Jenis pemda '%(kind)s' tidak dikenal"), kind=kind), "kind")
    if kind == "provinsi" and parent_id:
        raise RuleViolation("Provinsi tidak berada di bawah pemda lain", "parent_id")
    if parent_id:
        parent = db.session.get(Instansi, parent_id)
        if parent is None or parent.kind != "provinsi":
            raise RuleViolation("Pilih provinsinya", "parent_id")
    if db.session.scalar(db.select(Instansi.id).filter_by(name=name)):
        raise RuleViolation(message(N_("Pemda '%(name)s' sudah ada"), name=name), "name")
    pemda = Instansi(name=name, kind=kind, parent_id=parent_id or None, is_active=True)
    db.session.add(pemda)
    db.session.flush()
    copy_template_routes(pemda.id)
    record("create", "instansi", pemda.id, instansi_id=pemda.id, event="instansi.create",
           params={"name": name}, after={"name": name, "kind": kind, "parent_id": parent_id})
    return pemda


def default_pemda():
    """Return the deployment's pemda (config PEMDA_NAME), creating it on a fresh database."""
    name = current_app.config["PEMDA_NAME"]
    pemda = db.session.scalar(db.select(Instansi).filter_by(name=name))
    if pemda is None:
        kind = "kota" if name.lower().startswith("pemerintah kota") else "kabupaten"
        pemda = create_pemda(name, kind)
    return pemda


def create_pemda_with_admin(name, kind, parent_id, username, password, full_name):
    """Add a pemda and the user who will administer it (inside the caller's transaction)."""
    from plt_tracker.auth.operations import create_user

    pemda = create_pemda(name, kind, parent_id)
    admin = create_user(pemda.id, username, password, "admin", full_name)
    if kind == "provinsi":
        # A province's admin sees its kabupaten and kota (and writes only its own posts).
        admin.scope = "province"
    return pemda, admin
