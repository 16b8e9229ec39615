"""Writes on filling attempts and their stages, with the rules they must keep.

Each function runs inside the caller's transaction, refuses a broken rule with
RuleViolation (Indonesian message) and writes its own audit entry.
"""
from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.db import RuleViolation
from plt_tracker.extensions import db
from plt_tracker.selection.models import FillingAttempt, StageRecord
from plt_tracker.vacancies import operations as vacancy_ops

ATTEMPT_FIELDS = ("vacancy_id", "route_id", "started_on", "status", "ended_on", "end_reason",
                  "minister_approval_number", "minister_approval_date", "note")
RECORD_FIELDS = ("attempt_id", "stage_id", "started_on", "finished_on", "document_number", "note")
END_STATUSES = {"failed": "gagal", "cancelled": "dibatalkan"}


def _d(day):
    return day.strftime("%d/%m/%Y")


def _audit(action, entity, entity_id, summary, vacancy, **kwargs):
    record(action, entity, entity_id, summary, instansi_id=vacancy.post.opd.instansi_id,
           post_id=vacancy.post_id, **kwargs)


def start_attempt(vacancy, route, started_on, *, today, note=None):
    """Start filling a vacancy along a route (one running attempt at a time)."""
    vacancy_ops.lock_post(vacancy.post_id)
    if vacancy.end_date is not None:
        raise RuleViolation("Jabatan ini sudah terisi definitif", "route_id")
    if route is None or not route.is_active:
        raise RuleViolation("Pilih jalur pengisian yang aktif", "route_id")
    if not route.applies_to(vacancy.post.kind):
        raise RuleViolation(
            f"Jalur {route.name} tidak berlaku untuk jabatan {vacancy.post.kind_label}", "route_id")
    if not route.stages:
        raise RuleViolation(f"Jalur {route.name} belum memiliki tahap", "route_id")
    _required_date(started_on, "Tanggal mulai proses", "started_on")
    _not_future(started_on, today, "Tanggal mulai proses", "started_on")
    _not_before(started_on, vacancy.start_date, "Tanggal mulai proses",
                "jabatan kosong", "started_on")
    attempts = attempts_of(vacancy.id)
    if any(a.status == "in_progress" for a in attempts):
        raise RuleViolation(
            "Masih ada proses pengisian yang berjalan; tandai gagal/batal atau selesaikan dulu",
            "route_id")
    for earlier in attempts:
        if earlier.ended_on is not None:
            _not_before(started_on, earlier.ended_on, "Tanggal mulai proses",
                        "proses sebelumnya berakhir", "started_on")
    attempt = FillingAttempt(vacancy_id=vacancy.id, route_id=route.id, started_on=started_on,
                             status="in_progress", note=note or None)
    db.session.add(attempt)
    db.session.flush()
    _audit("create", "filling_attempt", attempt.id,
           f"Proses {route.name} untuk {vacancy.post.title} dimulai {_d(started_on)}", vacancy,
           after=snapshot(attempt, ATTEMPT_FIELDS))
    return attempt


def attempts_of(vacancy_id):
    """Return a vacancy's attempts, oldest first."""
    return list(db.session.scalars(db.select(FillingAttempt).filter_by(vacancy_id=vacancy_id)
                                   .order_by(FillingAttempt.started_on, FillingAttempt.id)))


def record_stage(attempt, stage, started_on, *, today, finished_on=None, document_number=None,
                 note=None, appointee=None, sk_number=None, sk_date=None):
    """Record (or update) a stage's dates, letter and note; stages go strictly in order.

    Finishing the stage that ends the vacancy (inauguration) records the
    definitive appointment of `appointee` in the same transaction, and
    completes the attempt.
    """
    vacancy = attempt.vacancy
    vacancy_ops.lock_post(vacancy.post_id)
    _running(attempt)
    if stage.route_id != attempt.route_id:
        raise RuleViolation("Tahap ini bukan bagian dari jalur proses ini", "stage_id")
    _required_date(started_on, "Tanggal mulai tahap", "started_on")
    records = {r.stage_id: r for r in attempt.records}
    stages = attempt.route.stages
    previous_end = attempt.started_on
    for earlier in stages:
        if earlier.position >= stage.position:
            if earlier.position > stage.position and earlier.id in records:
                raise RuleViolation(
                    f"Tahap sesudahnya ({earlier.name}) sudah dicatat; tahap ini tidak dapat "
                    f"diubah lagi", "started_on")
            continue
        done = records.get(earlier.id)
        if done is None or done.finished_on is None:
            raise RuleViolation(
                f"Selesaikan dulu tahap {earlier.position}. {earlier.name}", "started_on")
        previous_end = done.finished_on
    _not_before(started_on, vacancy.start_date, "Tanggal mulai tahap", "jabatan kosong",
                "started_on")
    _not_before(started_on, attempt.started_on, "Tanggal mulai tahap", "proses dimulai",
                "started_on")
    _not_before(started_on, previous_end, "Tanggal mulai tahap", "tahap sebelumnya selesai",
                "started_on")
    _not_future(started_on, today, "Tanggal mulai tahap", "started_on")
    if finished_on is not None:
        _not_before(finished_on, started_on, "Tanggal selesai tahap", "tahap ini dimulai",
                    "finished_on")
        _not_future(finished_on, today, "Tanggal selesai tahap", "finished_on")
    row = records.get(stage.id)
    before = snapshot(row, RECORD_FIELDS) if row else None
    if row is None:
        row = StageRecord(attempt_id=attempt.id, stage_id=stage.id, started_on=started_on)
        db.session.add(row)
        attempt.records.append(row)
    row.started_on, row.finished_on = started_on, finished_on
    row.document_number, row.note = document_number or None, note or None
    db.session.flush()
    state = f"selesai {_d(finished_on)}" if finished_on else f"mulai {_d(started_on)}"
    _audit("update" if before else "create", "stage_record", row.id,
           f"{vacancy.post.title}: tahap {stage.position}. {stage.name} {state}", vacancy,
           before=before, after=snapshot(row, RECORD_FIELDS))
    is_last = stage.position == max(s.position for s in stages)
    if finished_on is not None and (stage.ends_vacancy or is_last):
        _complete(attempt, stage, finished_on, today, appointee, sk_number, sk_date)
    return row


def _complete(attempt, stage, finished_on, today, appointee, sk_number, sk_date):
    """Close the attempt; an inauguration stage also records the definitive appointment."""
    vacancy = attempt.vacancy
    if stage.ends_vacancy and vacancy.end_date is None:
        if appointee is None:
            raise RuleViolation("Pilih pejabat yang dilantik untuk menyelesaikan tahap ini",
                                "appointee")
        vacancy_ops.fill_vacancy(vacancy, appointee, finished_on, today=today,
                                 sk_number=sk_number, sk_date=sk_date)
    before = snapshot(attempt, ATTEMPT_FIELDS)
    attempt.status, attempt.ended_on = "completed", finished_on
    _audit("update", "filling_attempt", attempt.id,
           f"Proses {attempt.route.name} untuk {vacancy.post.title} selesai {_d(finished_on)}",
           vacancy, before=before, after=snapshot(attempt, ATTEMPT_FIELDS))


def end_attempt(attempt, status, ended_on, reason, *, today):
    """Mark a running attempt failed or cancelled, with its reason; the history stays."""
    vacancy = attempt.vacancy
    vacancy_ops.lock_post(vacancy.post_id)
    _running(attempt)
    if status not in END_STATUSES:
        raise RuleViolation("Pilih gagal atau dibatalkan", "status")
    if not (reason or "").strip():
        raise RuleViolation("Alasan wajib diisi", "reason")
    _required_date(ended_on, "Tanggal berakhir", "ended_on")
    _not_before(ended_on, attempt.started_on, "Tanggal berakhir", "proses dimulai", "ended_on")
    for row in attempt.records:
        _not_before(ended_on, row.started_on, "Tanggal berakhir",
                    f"tahap {row.stage.name} dimulai", "ended_on")
    _not_future(ended_on, today, "Tanggal berakhir", "ended_on")
    before = snapshot(attempt, ATTEMPT_FIELDS)
    attempt.status, attempt.ended_on, attempt.end_reason = status, ended_on, reason.strip()[:300]
    _audit("update", "filling_attempt", attempt.id,
           f"Proses {attempt.route.name} untuk {vacancy.post.title} {END_STATUSES[status]}: "
           f"{attempt.end_reason}", vacancy, before=before, after=snapshot(attempt, ATTEMPT_FIELDS))
    return attempt


def record_minister_approval(attempt, number, approved_on, *, today):
    """Record the Minister's (Mendagri) written approval for an attempt's appointment."""
    vacancy = attempt.vacancy
    vacancy_ops.lock_post(vacancy.post_id)
    if not (number or "").strip():
        raise RuleViolation("Nomor surat persetujuan wajib diisi", "number")
    _required_date(approved_on, "Tanggal persetujuan", "approved_on")
    _not_future(approved_on, today, "Tanggal persetujuan", "approved_on")
    before = snapshot(attempt, ATTEMPT_FIELDS)
    attempt.minister_approval_number = number.strip()[:100]
    attempt.minister_approval_date = approved_on
    _audit("update", "filling_attempt", attempt.id,
           f"Persetujuan Mendagri {attempt.minister_approval_number} untuk {vacancy.post.title} "
           f"dicatat", vacancy, before=before, after=snapshot(attempt, ATTEMPT_FIELDS))
    return attempt


def _running(attempt):
    if attempt.status != "in_progress":
        raise RuleViolation(f"Proses ini sudah {attempt.status_label.lower()}", "started_on")


def _required_date(day, label, field):
    if day is None:
        raise RuleViolation(f"{label} wajib diisi", field)


def _not_before(day, limit, label, what, field):
    if day < limit:
        raise RuleViolation(f"{label} tidak boleh sebelum {what} ({_d(limit)})", field)


def _not_future(day, today, label, field):
    if day > today:
        raise RuleViolation(f"{label} tidak boleh di masa depan", field)
