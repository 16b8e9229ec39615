"""Writes of decisions: record one, close it as done, drop it, change it.

Each runs inside the caller's transaction, takes the pemda's write lock, refuses a
broken rule with RuleViolation (Indonesian) and writes an audit entry.
"""
import datetime as dt
import re

from plt_tracker.audit.operations import current_actor, record, snapshot
from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import RuleViolation, lock_pemda
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.decisions.models import Decision
from plt_tracker.decisions.rules import STATUS_LABELS
from plt_tracker.extensions import db
from plt_tracker.flags.codes import FLAG_LABELS
from plt_tracker.rakor.queries import meeting_on, next_meeting
from plt_tracker.registry.models import Opd, Post

# What the audit keeps of a decision (with its responsible unit and status as they read).
FIELDS = ("meeting_date", "post_id", "vacancy_id", "flag_code", "instruction",
          "responsible_email", "due_date", "closed_on", "closed_note")
EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")
MAX_TEXT = 1000


def default_due_date(instansi_id, meeting_date):
    """Return the next Rakor after `meeting_date` (the default due date), or None."""
    following = next_meeting(instansi_id, meeting_date + dt.timedelta(days=1))
    return following.date if following else None


def record_decision(instansi_id, *, meeting_date, instruction, today, post=None, flag_code=None,
                    responsible_opd=None, responsible_email=None, due_date=None):
    """Record a decision of the Rakor on `meeting_date` (responsible_opd None: BKPSDM)."""
    lock_pemda(instansi_id, stale=False)
    if meeting_date is None or meeting_date > today:
        raise RuleViolation("Keputusan dicatat pada atau sesudah Rakor-nya", "meeting_date")
    if meeting_on(instansi_id, meeting_date) is None:
        raise RuleViolation(message(N_("Tidak ada Rakor pada %(day)s menurut kalender"),
                                    day=dmy(meeting_date)), "meeting_date")
    instruction = _text(instruction, "instruction", "Isi keputusan (arahan) wajib diisi")
    if post is not None and post.opd.instansi_id != instansi_id:
        raise RuleViolation("Jabatan tidak ditemukan", "post_id")
    if responsible_opd is not None and responsible_opd.instansi_id != instansi_id:
        raise RuleViolation("OPD tidak ditemukan", "responsible")
    if flag_code and flag_code not in FLAG_LABELS:
        raise RuleViolation("Kode penanda tidak dikenal", "flag_code")
    due_date = due_date or default_due_date(instansi_id, meeting_date)
    if due_date is None:
        raise RuleViolation("Belum ada Rakor berikutnya: isi tenggatnya", "due_date")
    if due_date < meeting_date:
        raise RuleViolation("Tenggat tidak boleh sebelum tanggal Rakor", "due_date")
    decision = Decision(
        instansi_id=instansi_id, meeting_date=meeting_date, post_id=post.id if post else None,
        vacancy_id=_open_vacancy_id(post), flag_code=flag_code or None, instruction=instruction,
        responsible_kind="opd" if responsible_opd else "bkpsdm", responsible_opd=responsible_opd,
        responsible_email=_email(responsible_email), due_date=due_date, status="open",
        created_at=utcnow(), created_by=current_actor())
    db.session.add(decision)
    db.session.flush()
    _audit("create", decision, "decision.create", date=due_date, after=_state(decision))
    return decision


def close_decision(decision, closed_on, note, *, today, version=None):
    """Mark an open decision done on `closed_on`, saying what was done."""
    return _close(decision, "done", closed_on, note, today=today, version=version,
                  missing=N_("Tuliskan apa yang sudah dilakukan"))


def drop_decision(decision, closed_on, reason, *, today, version=None):
    """Drop an open decision on `closed_on`, with the reason."""
    return _close(decision, "dropped", closed_on, reason, today=today, version=version,
                  missing=N_("Alasan wajib diisi"))


def _close(decision, status, closed_on, note, *, today, version, missing):
    lock_pemda(decision.instansi_id, stale=False)
    _check_version(decision, version)
    if decision.status != "open":
        raise RuleViolation("Keputusan ini sudah ditutup", "closed_on")
    if closed_on is None:
        raise RuleViolation("Tanggal wajib diisi", "closed_on")
    if closed_on < decision.meeting_date:
        raise RuleViolation("Tanggal tidak boleh sebelum Rakor yang memutuskannya", "closed_on")
    if closed_on > today:
        raise RuleViolation("Tanggal tidak boleh sesudah hari ini", "closed_on")
    note = _text(note, "note", missing)
    before = _state(decision)
    decision.status, decision.closed_on, decision.closed_note = status, closed_on, note
    db.session.flush()
    _audit("update", decision, f"decision.{'done' if status == 'done' else 'drop'}",
           date=closed_on, before=before, after=_state(decision))
    return decision


def update_decision(decision, *, instruction, due_date, responsible_opd=None,
                    responsible_email=None, version=None):
    """Change an open decision's instruction, due date or responsible unit."""
    lock_pemda(decision.instansi_id, stale=False)
    _check_version(decision, version)
    if decision.status != "open":
        raise RuleViolation("Keputusan yang sudah ditutup tidak diubah", "instruction")
    if responsible_opd is not None and responsible_opd.instansi_id != decision.instansi_id:
        raise RuleViolation("OPD tidak ditemukan", "responsible")
    if due_date is None or due_date < decision.meeting_date:
        raise RuleViolation("Tenggat tidak boleh sebelum tanggal Rakor", "due_date")
    before = _state(decision)
    decision.instruction = _text(instruction, "instruction", "Isi keputusan (arahan) wajib diisi")
    decision.due_date = due_date
    decision.responsible_kind = "opd" if responsible_opd else "bkpsdm"
    decision.responsible_opd = responsible_opd
    decision.responsible_email = _email(responsible_email)
    db.session.flush()
    after = _state(decision)
    if after != before:
        _audit("update", decision, "decision.update", before=before, after=after)
    return decision


def _state(decision):
    """Return the decision as the audit keeps it: its fields, who follows it up, its status."""
    return dict(snapshot(decision, FIELDS), responsible=decision.responsible_label,
                status=STATUS_LABELS[decision.status])


def _audit(action, decision, event, *, date=None, before=None, after=None):
    params = {"meeting": f"{decision.meeting_date:%d/%m/%Y}",
              "what": _short(decision.instruction)}
    if date is not None:
        params["date"] = date
    record(action, "decision", decision.id, instansi_id=decision.instansi_id,
           post_id=decision.post_id, event=event, params=params, before=before, after=after,
           version=decision.version)


def _check_version(decision, version):
    from plt_tracker.core.versions import check_version

    check_version(decision, version, "decision")


def _open_vacancy_id(post):
    if post is None:
        return None
    from plt_tracker.vacancies.operations import open_vacancy_of

    vacancy = open_vacancy_of(post.id)
    return vacancy.id if vacancy else None


def _text(value, field, missing):
    value = (value or "").strip()
    if not value:
        raise RuleViolation(missing, field)
    if len(value) > MAX_TEXT:
        raise RuleViolation(message(N_("Paling banyak %(count)d karakter"), count=MAX_TEXT), field)
    return value


def _email(value):
    value = (value or "").strip()
    if value and not EMAIL.match(value):
        raise RuleViolation(message(N_("Alamat email tidak sah: %(addresses)s"), addresses=value),
                            "responsible_email")
    return value or None


def _short(text, limit=80):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def own_post(instansi_id, post_id):
    """Return the pemda's post with this id, or None."""
    post = db.session.get(Post, post_id) if post_id else None
    return post if post is not None and post.opd.instansi_id == instansi_id else None


def own_opd(instansi_id, opd_id):
    """Return the pemda's OPD with this id, or None."""
    opd = db.session.get(Opd, opd_id) if opd_id else None
    return opd if opd is not None and opd.instansi_id == instansi_id else None
