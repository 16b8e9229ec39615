"""Writes on filling attempts and their stages, with the rules they must keep.

Each function runs inside the caller's transaction: it locks the pemda, makes
its change, and has `integrity.check_vacancy_attempts` check the vacancy's
attempts (RuleViolation with an Indonesian message on a broken rule). Every
change writes its own audit entry. Finishing the inauguration stage records
the appointment through `fill_vacancy`, the one way a vacancy ends: it also
completes the running attempt, whichever way it is recorded.
"""
from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment
from plt_tracker.registry.operations import check_holding
from plt_tracker.selection.integrity import check_vacancy_attempts
from plt_tracker.selection.models import FillingAttempt, StageRecord
from plt_tracker.vacancies import operations as vacancy_ops

ATTEMPT_FIELDS = ("vacancy_id", "route_id", "started_on", "status", "ended_on", "end_reason",
                  "minister_approval_number", "minister_approval_date", "note")
RECORD_FIELDS = ("attempt_id", "stage_id", "started_on", "finished_on", "document_number", "note",
                 "applicants", "extensions")
END_STATUSES = ("failed", "cancelled")
# The note of an inauguration stage recorded because the appointment was recorded directly.
AUTO_NOTE = "Dicatat dari pelantikan"


def audit(action, entity, obj, vacancy, event, params, **kwargs):
    """Write an audit entry about an attempt or stage record of `vacancy` (flushed first)."""
    db.session.flush()
    params = dict({"post": vacancy.post.title}, **params)
    record(action, entity, obj.id, instansi_id=vacancy.post.opd.instansi_id,
           post_id=vacancy.post_id, event=event, params=params, version=obj.version, **kwargs)


def check(vacancy, focus, today):
    """Check the vacancy's attempts after a change to `focus`, then write the change."""
    check_vacancy_attempts(vacancy, today=today, focus=focus)
    db.session.flush()


def start_attempt(vacancy, route, started_on, *, today, note=None):
    """Start filling a vacancy along a route (one running attempt at a time)."""
    vacancy_ops.lock_post(vacancy.post_id)
    db.session.refresh(vacancy)
    if vacancy.end_date is not None:
        raise RuleViolation("Jabatan ini sudah terisi definitif", "route_id")
    if route is None or not route.is_active or route.instansi_id != vacancy.post.opd.instansi_id:
        raise RuleViolation("Pilih jalur pengisian yang aktif", "route_id")
    if not route.applies_to(vacancy.post):
        raise RuleViolation(message(N_("Jalur %(route)s tidak berlaku untuk jabatan %(kind)s"),
                                    route=route.name, kind=vacancy.post.kind_label), "route_id")
    if not route.stages:
        raise RuleViolation(message(N_("Jalur %(route)s belum memiliki tahap"), route=route.name),
                            "route_id")
    if started_on is None:
        raise RuleViolation("Tanggal mulai proses wajib diisi", "started_on")
    attempt = FillingAttempt(vacancy_id=vacancy.id, vacancy=vacancy, route_id=route.id,
                             route=route, started_on=started_on, status="in_progress",
                             note=note or None)
    db.session.add(attempt)
    check(vacancy, attempt, today)
    audit("create", "filling_attempt", attempt, vacancy, "attempt.start",
          {"route": route.name, "date": started_on}, after=snapshot(attempt, ATTEMPT_FIELDS))
    return attempt


def attempts_of(vacancy_id):
    """Return a vacancy's attempts, oldest first."""
    return list(db.session.scalars(db.select(FillingAttempt).filter_by(vacancy_id=vacancy_id)
                                   .order_by(FillingAttempt.started_on, FillingAttempt.id)))


def running_attempt(vacancy_id):
    """Return the vacancy's running attempt, or None."""
    return db.session.scalar(db.select(FillingAttempt).filter_by(vacancy_id=vacancy_id,
                                                                 status="in_progress"))


def record_stage(attempt, stage, started_on, *, today, finished_on=None, document_number=None,
                 note=None, appointee=None, sk_number=None, sk_date=None, applicants=None,
                 extensions=None):
    """Record the current stage's dates, letter and note; stages go strictly in order.

    Finishing the route's last stage (the inauguration) records the definitive
    appointment of `appointee` in the same transaction, which completes the
    attempt and ends the vacancy.
    """
    vacancy = attempt.vacancy
    vacancy_ops.lock_post(vacancy.post_id)
    db.session.refresh(attempt)
    _running(attempt)
    if stage.route_id != attempt.route_id:
        raise RuleViolation("Tahap ini bukan bagian dari jalur proses ini", "stage_id")
    if started_on is None:
        raise RuleViolation("Tanggal mulai tahap wajib diisi", "started_on")
    row = next((r for r in attempt.records if r.stage_id == stage.id), None)
    later = [r for r in attempt.records if r.stage.position > stage.position]
    if later:
        raise RuleViolation(message(N_("Tahap sesudahnya (%(stage)s) sudah dicatat; koreksi "
                                       "catatan tahap ini dengan alasannya"),
                                    stage=later[0].stage.name), "started_on")
    before = snapshot(row, RECORD_FIELDS) if row else None
    if row is None:
        row = StageRecord(stage_id=stage.id, stage=stage, started_on=started_on)
        attempt.records.append(row)
    row.started_on, row.finished_on = started_on, finished_on
    row.document_number, row.note = document_number or None, note or None
    if stage.code == "registration":
        row.applicants, row.extensions = applicants, extensions
    check(vacancy, row, today)
    event = "stage.finish" if finished_on else "stage.start"
    audit("update" if before else "create", "stage_record", row, vacancy, event,
          {"number": stage.position, "stage": stage.name, "date": finished_on or started_on},
          before=before, after=snapshot(row, RECORD_FIELDS))
    is_last = stage.position == max(s.position for s in attempt.route.stages)
    if finished_on is not None and (stage.ends_vacancy or is_last):
        if appointee is None:
            raise RuleViolation("Pilih pejabat yang dilantik untuk menyelesaikan tahap ini",
                                "appointee")
        fill_vacancy(vacancy, appointee, finished_on, today=today, sk_number=sk_number,
                     sk_date=sk_date)
    return row


def fill_vacancy(vacancy, official, start_date, *, today, sk_number=None, sk_date=None,
                 minister_approval_number=None, minister_approval_date=None):
    """Record the definitive appointment: it ends the vacancy, its letters and its selection.

    The running attempt, if any, is completed on the inauguration day with its
    last stage (the inauguration) recorded as done.
    """
    post = vacancy_ops.lock_post(vacancy.post_id)
    db.session.refresh(vacancy)
    if vacancy.end_date is not None:
        raise RuleViolation("Kekosongan ini sudah terisi", "start_date")
    if start_date is None:
        raise RuleViolation("Tanggal pelantikan wajib diisi", "start_date")
    if start_date < vacancy.start_date:
        raise RuleViolation(message(N_("Tanggal pelantikan tidak boleh sebelum jabatan kosong "
                                       "(%(day)s)"), day=dmy(vacancy.start_date)), "start_date")
    for acting in vacancy.actings:
        if not acting.is_voided and acting.start_date >= start_date:
            raise RuleViolation(message(
                N_("Tanggal pelantikan harus sesudah mulai tugas %(kind)s %(name)s (%(day)s)"),
                kind=acting.kind_label, name=acting.official.name, day=dmy(acting.start_date)),
                "start_date")
    before = snapshot(vacancy, vacancy_ops.VACANCY_FIELDS)
    attempt = running_attempt(vacancy.id)
    if attempt is not None and not minister_approval_number:
        # The approval recorded on the selection is the appointment's.
        minister_approval_number = attempt.minister_approval_number
        minister_approval_date = attempt.minister_approval_date
    appointment = Appointment(post_id=post.id, post=post, official_id=official.id,
                              official=official, sk_number=sk_number or None, sk_date=sk_date,
                              start_date=start_date,
                              minister_approval_number=minister_approval_number or None,
                              minister_approval_date=minister_approval_date)
    check_holding(appointment)
    db.session.add(appointment)
    db.session.flush()
    vacancy_ops.close_vacancy(vacancy, appointment)
    if attempt is not None:
        complete_attempt(attempt, start_date)
    vacancy_ops.check(post, appointment, today)
    check(vacancy, appointment, today)
    record("update", "vacancy", vacancy.id, instansi_id=post.opd.instansi_id, post_id=post.id,
           event="vacancy.fill", params={"name": official.name, "post": post.title,
                                         "date": start_date},
           before=before, after=dict(snapshot(vacancy, vacancy_ops.VACANCY_FIELDS),
                                     official_id=official.id, sk_number=sk_number),
           version=vacancy.version)
    return appointment


def complete_attempt(attempt, day):
    """Complete a running attempt on the inauguration day, its last stage recorded as done.

    A stage still running ends that day; a last stage never recorded is
    recorded with AUTO_NOTE, so that voiding the appointment can take it back.
    """
    before = snapshot(attempt, ATTEMPT_FIELDS)
    last = attempt.route.stages[-1]
    for row in attempt.records:
        if row.finished_on is None:
            row.finished_on = max(day, row.started_on)
    if not any(r.stage_id == last.id for r in attempt.records):
        previous = [r.finished_on or r.started_on for r in attempt.records] + [attempt.started_on]
        attempt.records.append(StageRecord(stage_id=last.id, stage=last, note=AUTO_NOTE,
                                           started_on=min(day, max(previous)), finished_on=day))
    attempt.status, attempt.ended_on = "completed", day
    audit("update", "filling_attempt", attempt, attempt.vacancy, "attempt.complete",
          {"route": attempt.route.name, "date": day}, before=before,
          after=snapshot(attempt, ATTEMPT_FIELDS))


def reopen_attempt(attempt, day):
    """Undo `complete_attempt` for an appointment on `day` that is voided."""
    records = sorted(attempt.records, key=lambda r: r.stage.position)
    if records and records[-1].note == AUTO_NOTE:
        auto = records.pop()
        auto.voided_at, auto.void_reason = utcnow(), "Pelantikan dibatalkan"
    running = [r for r in records if r.finished_on == day]
    if running:
        running[-1].finished_on = None
    attempt.status, attempt.ended_on = "in_progress", None


def end_attempt(attempt, status, ended_on, reason, *, today):
    """Mark a running attempt failed or cancelled, with its reason; the history stays."""
    vacancy = attempt.vacancy
    vacancy_ops.lock_post(vacancy.post_id)
    db.session.refresh(attempt)
    _running(attempt)
    if status not in END_STATUSES:
        raise RuleViolation("Pilih gagal atau dibatalkan", "status")
    if not (reason or "").strip():
        raise RuleViolation("Alasan wajib diisi", "reason")
    if ended_on is None:
        raise RuleViolation("Tanggal berakhir wajib diisi", "ended_on")
    before = snapshot(attempt, ATTEMPT_FIELDS)
    attempt.status, attempt.ended_on, attempt.end_reason = status, ended_on, reason.strip()[:300]
    check(vacancy, attempt, today)
    audit("update", "filling_attempt", attempt, vacancy, f"attempt.{status}",
          {"route": attempt.route.name, "why": attempt.end_reason}, before=before,
          after=snapshot(attempt, ATTEMPT_FIELDS))
    return attempt


def record_minister_approval(attempt, number, approved_on, *, today):
    """Record the Minister's (Mendagri) written approval for an attempt's appointment."""
    vacancy = attempt.vacancy
    vacancy_ops.lock_post(vacancy.post_id)
    db.session.refresh(attempt)
    if not (number or "").strip():
        raise RuleViolation("Nomor surat persetujuan wajib diisi", "number")
    if approved_on is None:
        raise RuleViolation("Tanggal persetujuan wajib diisi", "approved_on")
    if approved_on > today:
        raise RuleViolation("Tanggal persetujuan tidak boleh di masa depan", "approved_on")
    before = snapshot(attempt, ATTEMPT_FIELDS)
    attempt.minister_approval_number = number.strip()[:100]
    attempt.minister_approval_date = approved_on
    audit("update", "filling_attempt", attempt, vacancy, "attempt.approval",
          {"number": attempt.minister_approval_number}, before=before,
          after=snapshot(attempt, ATTEMPT_FIELDS))
    return attempt


def _running(attempt):
    if attempt.status != "in_progress":
        raise RuleViolation(message(_ALREADY.get(attempt.status, N_("Proses ini sudah berakhir"))),
                            "started_on")


# Why a process that is no longer running cannot change, by its status.
_ALREADY = {"failed": N_("Proses ini sudah gagal"), "cancelled": N_("Proses ini sudah dibatalkan"),
            "completed": N_("Proses ini sudah selesai")}
