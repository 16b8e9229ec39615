"""The rules of a vacancy's filling attempts and their stage records, checked after every change.

Like vacancies.integrity: an operation changes, flushes, then calls
`check_vacancy_attempts`, which reads the live attempts back and checks them
all; `focus` is the record just changed, whose broken rule is reported first.
"""
from sqlalchemy.orm import selectinload

from plt_tracker.core.dates import add_months
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.settings.logic import get_settings
from plt_tracker.extensions import db
from plt_tracker.selection.models import FillingAttempt


def _not_before(day, limit, label, what, field):
    if day < limit:
        raise RuleViolation(message(N_("%(label)s tidak boleh sebelum %(what)s (%(day)s)"),
                                    label=label, what=what, day=dmy(limit)), field)


def _not_future(day, today, label, field):
    if day is not None and day > today:
        raise RuleViolation(message(N_("%(label)s tidak boleh di masa depan"), label=label),
                            field)


def check_vacancy_attempts(vacancy, *, today, focus=None):
    """Check every rule of a vacancy's attempts; raise RuleViolation for the first one broken.

    Like vacancies.integrity.check_post, it runs before the change is written.
    """
    with db.session.no_autoflush:
        attempts = list(db.session.scalars(
            db.select(FillingAttempt).filter_by(vacancy_id=vacancy.id)
            .options(selectinload(FillingAttempt.records))
            .order_by(FillingAttempt.started_on, FillingAttempt.id)))
        if isinstance(focus, FillingAttempt) and focus not in attempts and not focus.is_voided:
            attempts.append(focus)
        months = int(get_settings(vacancy.post.opd.instansi_id)["attempt_advance_months"])
        _check_all(vacancy, attempts, today, focus, (add_months(vacancy.start_date, -months),
                                                     months))


def _check_all(vacancy, attempts, today, focus, earliest):
    attempts.sort(key=lambda a: not (a is focus or any(r is focus for r in a.records)))
    running = [a for a in attempts if a.status == "in_progress"]
    if len(running) > 1:
        raise RuleViolation(
            "Masih ada proses pengisian yang berjalan; tandai gagal/batal atau selesaikan dulu",
            "route_id")
    if running and vacancy.end_date is not None:
        raise RuleViolation("Jabatan ini sudah terisi definitif", "route_id")
    for attempt in attempts:
        is_focus = attempt is focus
        _check_attempt(vacancy, attempt, attempts, today, is_focus, earliest)
        _check_records(vacancy, attempt, today, focus, earliest)


def _check_attempt(vacancy, attempt, attempts, today, is_focus, earliest):
    """A selection may start ahead of a known vacancy (a retirement), but not too far."""
    label = message(N_("Tanggal mulai proses"))
    if attempt.started_on is None:
        raise RuleViolation("Tanggal mulai proses wajib diisi", "started_on")
    if is_focus:
        _not_future(attempt.started_on, today, label, "started_on")
    first, months = earliest
    if attempt.started_on < first:
        raise RuleViolation(message(N_("%(label)s paling awal %(months)d bulan sebelum jabatan "
                                       "kosong (%(day)s)"), label=label, months=months,
                                    day=dmy(first)), "started_on")
    for earlier in attempts:
        if earlier is attempt or earlier.ended_on is None:
            continue
        if (earlier.started_on, earlier.id) < (attempt.started_on, attempt.id or 0):
            _not_before(attempt.started_on, earlier.ended_on, label,
                        message(N_("proses sebelumnya berakhir")), "started_on")
    if attempt.status == "completed" and vacancy.end_date is None:
        raise RuleViolation("Proses hanya selesai dengan pelantikan pejabat definitif", "status")
    if attempt.ended_on is not None:
        what = message(N_("Tanggal berakhir"))
        if is_focus:
            _not_future(attempt.ended_on, today, what, "ended_on")
        _not_before(attempt.ended_on, attempt.started_on, what, message(N_("proses dimulai")),
                    "ended_on")
        for row in attempt.records:
            if not row.is_voided:
                _not_before(attempt.ended_on, row.started_on, what,
                            message(N_("tahap %(stage)s dimulai"),
                                    stage=_stage_name(attempt, row)), "ended_on")


def _stage_name(attempt, row):
    return next((s.name for s in attempt.route.stages if s.id == row.stage_id), "")


def _check_records(vacancy, attempt, today, focus, earliest):
    stages = attempt.route.stages
    records = [r for r in attempt.records if not r.is_voided]
    by_stage = {r.stage_id: r for r in records}
    if len(by_stage) != len(records):
        raise RuleViolation("Tahap ini sudah dicatat pada proses ini", "started_on")
    previous_end = attempt.started_on
    last_recorded = max((s.position for s in stages if s.id in by_stage), default=0)
    # An appointment recorded directly completes the attempt and may skip stages.
    skipped_allowed = attempt.status == "completed"
    for stage in stages:
        row = by_stage.get(stage.id)
        if stage.position > last_recorded:
            break
        if row is None and skipped_allowed:
            continue
        if row is None or (row.finished_on is None and stage.position < last_recorded):
            raise RuleViolation(message(N_("Selesaikan dulu tahap %(position)d. %(stage)s"),
                                        position=stage.position, stage=stage.name),
                                "started_on")
        label, finish = message(N_("Tanggal mulai tahap")), message(N_("Tanggal selesai tahap"))
        _not_before(row.started_on, attempt.started_on, label, message(N_("proses dimulai")),
                    "started_on")
        _not_before(row.started_on, previous_end, label,
                    message(N_("tahap sebelumnya selesai")), "started_on")
        if row is focus:
            _not_future(row.started_on, today, label, "started_on")
            _not_future(row.finished_on, today, finish, "finished_on")
        if row.finished_on is not None:
            _not_before(row.finished_on, row.started_on, finish,
                        message(N_("tahap ini dimulai")), "finished_on")
            previous_end = row.finished_on
    for row in attempt.records:
        if row.stage_id not in {s.id for s in stages}:
            raise RuleViolation("Tahap ini bukan bagian dari jalur proses ini", "stage_id")
