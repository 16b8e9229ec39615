"""Corrections and voids of filling attempts and their stage records.

The inauguration that completed an attempt is the appointment's: its date is
corrected there (corrections.register), never on the stage record alone.
"""
from plt_tracker.core.db import RuleViolation
from plt_tracker.corrections.change import Change
from plt_tracker.selection.operations import ATTEMPT_FIELDS, END_STATUSES, RECORD_FIELDS


def _params(attempt):
    return {"route": attempt.route.name, "post": attempt.vacancy.post.title}


def correct_attempt(attempt, *, started_on, note, minister_approval_number,
                    minister_approval_date, ended_on, end_reason, why, version, today):
    """Correct an attempt's start, note, Minister's approval and, once ended, its end."""
    change = Change(attempt, "filling_attempt", ATTEMPT_FIELDS, attempt.vacancy.post,
                    version=version, why=why, today=today)
    if started_on is None:
        raise RuleViolation("Tanggal mulai proses wajib diisi", "started_on")
    attempt.started_on, attempt.note = started_on, note or None
    attempt.minister_approval_number = (minister_approval_number or "").strip() or None
    attempt.minister_approval_date = minister_approval_date
    if attempt.status in END_STATUSES:
        if ended_on is None or not (end_reason or "").strip():
            raise RuleViolation("Tanggal dan alasan berakhir wajib diisi", "ended_on")
        attempt.ended_on, attempt.end_reason = ended_on, end_reason.strip()[:300]
    elif attempt.status == "completed" and ended_on != attempt.ended_on:
        raise RuleViolation("Proses ini selesai dengan pelantikan: koreksi tanggal pelantikannya",
                            "ended_on")
    change.finish("correct", "attempt.correct", _params(attempt))
    return attempt


def void_attempt(attempt, *, why, version, today):
    """Void an attempt entered by mistake, with its stage records."""
    change = Change(attempt, "filling_attempt", ATTEMPT_FIELDS, attempt.vacancy.post,
                    version=version, why=why, today=today)
    if attempt.status == "completed":
        raise RuleViolation("Proses ini selesai dengan pelantikan; batalkan dulu pelantikannya",
                            "why")
    for row in attempt.records:
        change.void(row)
    change.void()
    change.finish("void", "attempt.void", _params(attempt))


def correct_stage_record(row, *, started_on, finished_on, document_number, note, why, version,
                         today, applicants=None, extensions=None):
    """Correct a stage record's dates, letter number or note (their order is checked)."""
    attempt = row.attempt
    change = Change(row, "stage_record", RECORD_FIELDS, attempt.vacancy.post, version=version,
                    why=why, today=today)
    if started_on is None:
        raise RuleViolation("Tanggal mulai tahap wajib diisi", "started_on")
    if attempt.status == "completed" and row is _last(attempt) and finished_on != row.finished_on:
        raise RuleViolation("Tanggal selesai tahap ini adalah tanggal pelantikan: koreksi "
                            "pelantikannya", "finished_on")
    row.started_on, row.finished_on = started_on, finished_on
    row.document_number, row.note = document_number or None, note or None
    row.applicants, row.extensions = applicants, extensions
    change.finish("correct", "stage.correct", dict(_params(attempt), number=row.stage.position,
                                                   stage=row.stage.name))
    return row


def void_stage_record(row, *, why, version, today):
    """Void the last stage record of a running attempt (earlier ones keep their order)."""
    attempt = row.attempt
    change = Change(row, "stage_record", RECORD_FIELDS, attempt.vacancy.post, version=version,
                    why=why, today=today)
    if attempt.status != "in_progress":
        raise RuleViolation("Hanya catatan tahap dari proses yang berjalan yang dapat dibatalkan",
                            "why")
    if row is not _last(attempt):
        raise RuleViolation("Hanya catatan tahap terakhir yang dapat dibatalkan; batalkan dulu "
                            "tahap sesudahnya", "why")
    change.void()
    change.finish("void", "stage.void", dict(_params(attempt), number=row.stage.position,
                                             stage=row.stage.name))


def _last(attempt):
    return max(attempt.records, key=lambda r: r.stage.position)
