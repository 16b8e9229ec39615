"""Edits never overwrite each other: a save from a stale form is refused, saying what changed.

A form carries the version of the record it was opened on. An operation calls
`check_version` after taking its lock; when someone saved meanwhile, the
refusal lists their changes (from the audit log) and the current version, so
the form can be shown again with the user's input and saved deliberately.
"""
from plt_tracker.core.db import RuleViolation
from plt_tracker.extensions import db


class StaleRecord(RuleViolation):
    """The record changed since the form was opened."""

    def __init__(self, entries, current_version):
        super().__init__("Data ini telah diubah orang lain sejak formulir Anda dibuka. Periksa "
                         "perubahannya di bawah; isian Anda masih ada. Simpan lagi bila tetap "
                         "ingin menyimpannya.")
        self.entries = entries
        self.current_version = current_version


def check_version(obj, version, entity):
    """Refuse the change when `obj` is no longer at `version` (None: no form, no check)."""
    db.session.refresh(obj)
    if version is None or int(version) == obj.version:
        return
    from plt_tracker.audit.models import AuditEntry

    entries = list(db.session.scalars(
        db.select(AuditEntry).filter(AuditEntry.entity == entity,
                                     AuditEntry.entity_id == obj.id,
                                     AuditEntry.entity_version > int(version))
        .order_by(AuditEntry.at, AuditEntry.id)))
    raise StaleRecord(entries, obj.version)
