"""Writes on the admin-managed date ranges: election windows and Pj periods (audited)."""
from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.db import RuleViolation
from plt_tracker.extensions import db
from plt_tracker.flags.models import ElectionWindow, PjPeriod

RANGE_FIELDS = ("name", "start_date", "end_date", "note", "is_active")
# entity code for the audit log, and its Indonesian name
KINDS = {"window": (ElectionWindow, "election_window", "Masa larangan pilkada"),
         "pj": (PjPeriod, "pj_period", "Masa Pj")}


def _check(name, start_date, end_date):
    name = (name or "").strip()
    if not name:
        raise RuleViolation("Nama wajib diisi", "name")
    if start_date is None or end_date is None:
        raise RuleViolation("Tanggal mulai dan akhir wajib diisi", "start_date")
    if end_date < start_date:
        raise RuleViolation("Tanggal akhir tidak boleh sebelum tanggal mulai", "end_date")
    return name[:200]


def create_range(kind, instansi_id, *, name, start_date, end_date, note=None, is_active=True):
    """Add an election window or a Pj period to a pemda."""
    model, entity, label = KINDS[kind]
    name = _check(name, start_date, end_date)
    row = model(instansi_id=instansi_id, name=name, start_date=start_date, end_date=end_date,
                note=note or None, is_active=bool(is_active))
    db.session.add(row)
    db.session.flush()
    record("create", entity, row.id, f"{label} {name} dibuat", instansi_id=instansi_id,
           after=snapshot(row, RANGE_FIELDS))
    return row


def update_range(kind, row, *, name, start_date, end_date, note=None, is_active=True):
    """Change a date range (deactivating it keeps it on file but stops the rule using it)."""
    _, entity, label = KINDS[kind]
    name = _check(name, start_date, end_date)
    before = snapshot(row, RANGE_FIELDS)
    row.name, row.start_date, row.end_date = name, start_date, end_date
    row.note, row.is_active = note or None, bool(is_active)
    record("update", entity, row.id, f"{label} {name} diubah", instansi_id=row.instansi_id,
           before=before, after=snapshot(row, RANGE_FIELDS))
    return row


def delete_range(kind, row):
    """Delete a date range entered by mistake (the audit log keeps what it was)."""
    _, entity, label = KINDS[kind]
    record("delete", entity, row.id, f"{label} {row.name} dihapus", instansi_id=row.instansi_id,
           before=snapshot(row, RANGE_FIELDS))
    db.session.delete(row)
