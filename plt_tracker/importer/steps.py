"""The bookkeeping of an import run in steps: what a row made or changed, written once per step.

The importer (importer.operations) runs every row through one step, then every row
through the next. Within a step nothing is written: a row adds the records it
makes (`made`) and changes records (`change`), and a refused row has all of that
taken back (`undo`). At the end of the step `write` inserts the new records (one
INSERT per table), updates the changed ones (one UPDATE per table), then writes
the audit entries, which need the records' ids and versions.

Audit entries follow the records as the forms' operations leave them: a record
made and then changed in the same step gets its creation entry as it was made
(version 1) and one entry for the change (version 2: it is inserted, then its
version raised with the step's updates); a written record changed by several
rows of a step gets one entry, from its values before the step to those after.
"""
from sqlalchemy.orm import attributes

from plt_tracker.audit.operations import snapshot, write_collected
from plt_tracker.core.db import reserve_ids, update_together
from plt_tracker.extensions import db


class Steps:
    """Records made and changed in the current step, and how to take back a row's part."""

    def __init__(self, known):
        self.known = known
        # [write the entry, record, its arguments, keyword overrides], once it has its id.
        self.audits = []
        self.entries = {}  # record made in this step: its creation entry
        self.changed = {}  # record changed in this step: (its `fields`, as they were before)
        self.updates = {}  # written record: the names of its attributes this step changed
        self.undo = []     # what to do, last first, when the current row is refused

    def made(self, record, audit, *args, indexed=False):
        """Add a record this row made (and to the importer's lookups when `indexed`)."""
        db.session.add(record)
        entry = [audit, record, args, {}]
        self.audits.append(entry)
        self.entries[record] = entry
        if indexed:
            self.known.add(record)

        def unmake():
            self.audits.remove(entry)
            del self.entries[record]
            if record in db.session:
                db.session.expunge(record)
            if indexed:
                self.known.remove(record)

        self.undo.append(unmake)

    def remember(self, cache, key, value):
        """Add a record made by this row to a lookup (taken out again if the row fails)."""
        cache[key] = value
        self.undo.append(lambda: cache.pop(key, None))

    def change(self, record, values, audit=None, fields=()):
        """Give attributes of a record new values; `audit(record, before)` writes the entry
        of the change, `before` being the record's `fields` before it (None: no entry)."""
        new = record in db.session.new
        old = {name: getattr(record, name) for name in values}
        before = snapshot(record, fields)
        first = record not in self.changed
        earlier = set(self.updates.get(record, ()))
        entry = [audit, record, (before,), {}]
        if new:  # inserted with the new values
            for name, value in values.items():
                setattr(record, name, value)
        else:  # written: the new values as written now, so the next checks see them
            for name, value in values.items():
                attributes.set_committed_value(record, name, value)
            self.updates[record] = earlier | set(values)
        if first:
            self.changed[record] = (fields, before, entry if audit is not None else None)
            if audit is not None:
                self.audits.append(entry)
                if new:  # its creation entry as it was made; the change one version on
                    self.entries[record][3].update(after=before, version=1)
                    self.updates[record] = set()  # (the ORM inserts version 1 whatever it holds)

        def undo():
            for name, value in old.items():
                if new:
                    setattr(record, name, value)
                else:
                    attributes.set_committed_value(record, name, value)
            if not new:
                if earlier:
                    self.updates[record] = earlier
                else:
                    self.updates.pop(record, None)
            if first:
                del self.changed[record]
                if audit is not None:
                    self.audits.remove(entry)
                    if new:
                        self.entries[record][3].clear()
                        del self.updates[record]

        self.undo.append(undo)

    def write(self):
        """Write the step: new records, changed records, then the audit entries."""
        self._drop_undone_changes()
        reserve_ids(db.session.new)
        db.session.flush()
        update_together(self.updates.items())
        for audit, record, args, overrides in self.audits:
            audit(record, *args, **overrides)
        self.audits, self.entries, self.updates, self.changed = [], {}, {}, {}
        write_collected()

    def _drop_undone_changes(self):
        """Forget the changes later rows of the step undid (a kind set, then set back): such a
        record keeps its version and gets no entry for them."""
        for record, (fields, before, entry) in self.changed.items():
            if entry is None or snapshot(record, fields) != before:
                continue
            self.audits.remove(entry)
            self.updates.pop(record, None)
            if record in self.entries:
                self.entries[record][3].clear()
