"""One correction or void in progress: the lock, the version, the reason, the checks, the audit.

Corrections (koreksi) and voids (batal) are how a records office repairs the
register. A correction changes a record's fields and is checked by the same
rules as a new record (vacancies.integrity, selection.integrity) over the
whole post it touches; a void takes a record entered by mistake out of lists,
flags and new reports, never deleting it. Both name their reason, are refused
on a stale form (core.versions) and are audited with before → after.
"""
from plt_tracker.audit.operations import record, snapshot
from plt_tracker.core.dates import utcnow
from plt_tracker.core.db import RuleViolation
from plt_tracker.core.versions import check_version
from plt_tracker.extensions import db
from plt_tracker.selection.integrity import check_vacancy_attempts
from plt_tracker.settings.logic import get_settings
from plt_tracker.vacancies import integrity
from plt_tracker.vacancies.models import Vacancy
from plt_tracker.vacancies.operations import lock_post

class Change:
    """One correction or void in progress: lock, version, reason, then check and audit."""

    def __init__(self, obj, entity, fields, post, *, version, why, today):
        self.obj, self.entity, self.fields, self.post, self.today = obj, entity, fields, post, today
        lock_post(post.id)
        check_version(obj, version, entity)
        self.why = (why or "").strip()
        if not self.why:
            raise RuleViolation("Alasan koreksi wajib diisi", "why")
        self.before = snapshot(obj, fields)

    def finish(self, action, event, params, focus=None):
        """Check every rule the change touches, then audit it (refuse a change of nothing)."""
        db.session.flush()
        focus = focus if focus is not None else self.obj
        months = int(get_settings(self.post.opd.instansi_id)["advance_entry_months"])
        integrity.check_post(self.post, today=self.today, focus=focus, advance_months=months)
        for vacancy in db.session.scalars(db.select(Vacancy).filter_by(post_id=self.post.id)):
            check_vacancy_attempts(vacancy, today=self.today, focus=focus)
        after = snapshot(self.obj, self.fields)
        if action == "correct" and after == self.before:
            raise RuleViolation("Tidak ada yang berubah; isi koreksinya atau batalkan formulir")
        record(action, self.entity, self.obj.id, instansi_id=self.post.opd.instansi_id,
               post_id=self.post.id, event=event, params=params, before=self.before,
               after=after, reason=self.why, version=self.obj.version)

    def void(self, obj=None):
        """Mark a record (this one by default) voided with the change's reason."""
        obj = obj if obj is not None else self.obj
        obj.voided_at, obj.void_reason = utcnow(), self.why[:300]


