"""Applying checked import rows to the register, all or nothing.

The whole file runs in one transaction, checked by the same rule functions as
the forms (registry.operations, vacancies.operations and .integrity). A dry run
(and any file with an error) is rolled back at the end, so the preview shows
exactly what applying would do, conflicts with the database included; the
preview runs where it holds no lock (importer.preview). The file was read and
checked before (importer.parse), outside any transaction.

The work grows linearly with the rows: the pemda's register is read once, a
statement per table (importer.known), and the rows run in steps, each over
every row (OPDs, posts, officials, holders and vacancies, letters), with one
write per step (importer.steps): new records inserted together, changed ones
updated together, and each row's checks see the rows before it. A row refused
in a step has that step's records taken back (they are never written) and skips
the later steps; what it made in earlier steps stays for the other rows'
checks, so one mistake gives one error, not a cascade. A file with any error
writes nothing.
"""
import gc
import threading
from contextlib import contextmanager, nullcontext

from plt_tracker.audit.operations import collecting, record
from plt_tracker.core.db import RuleViolation, lock_pemda, transaction
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.extensions import db
from plt_tracker.importer.history import SHEET
from plt_tracker.importer.history_ops import HistoryMixin
from plt_tracker.importer.known import Known
from plt_tracker.importer.rows import RowError
from plt_tracker.importer.preview import (
    preview_database,
    skip_pemda_lock,
    without_parent_locks,
)
from plt_tracker.importer.report import ImportReport, RowOutcome
from plt_tracker.importer.steps import Steps
from plt_tracker.pemda.operations import default_pemda
from plt_tracker.registry import operations as registry
from plt_tracker.registry.models import Instansi
from plt_tracker.vacancies import integrity
from plt_tracker.vacancies import operations as vacancies

# Which spreadsheet column a refused field of each step points at.
_COLUMN_OF = {
    "opd": {"name": "opd", "kind": "opd"},
    "post": {"title": "jabatan", "kind": "jenis_jabatan", "is_head": "kepala_opd"},
    "holder_official": {"nip": "nip_pejabat", "name": "nama_pejabat"},
    "acting_official": {"nip": "nip_pelaksana", "name": "nama_pelaksana",
                        "post_kind": "jenis_jabatan_pelaksana"},
    "holder": {"official": "nip_pejabat"},
    "vacancy": {"start_date": "kosong_sejak", "reason": "alasan_kosong"},
    "acting": {"kind": "jenis_pelaksana", "start_date": "mulai_tugas", "end_date": "akhir_tugas",
               "letter_date": "tanggal_surat", "official": "nip_pelaksana"},
}


class _Rollback(Exception):
    """Raised to undo a dry run or a file with errors."""


def run_import(parsed, *, today, dry_run, source="berkas", instansi_id=None):
    """Apply a parsed file in one transaction; roll back on a dry run or any error.

    The rows go to the pemda `instansi_id` (the admin's own on the import page),
    or to the deployment's default pemda from the command line. A dry run runs
    on a copy (SQLite) or without the pemda lock, so it blocks no other writer.
    """
    report = ImportReport(dry_run=dry_run, errors=list(parsed.errors))
    if report.errors:
        return report
    with without_cycle_collection():
        if dry_run:
            with preview_database():
                _apply(parsed, report, today, source, instansi_id)
            return report
        if _apply(parsed, report, today, source, instansi_id):
            report.applied = True
    return report


# Imports running now in this process (threads of one worker), and whether the collector was
# on before the first of them began.
_pause = {"imports": 0, "was_enabled": True}
_pause_lock = threading.Lock()


@contextmanager
def without_cycle_collection():
    """Pause Python's cycle collector while an import makes its tens of thousands of objects.

    Each collection walks every live object, and an import keeps them all alive
    until its commit: a quarter of a 10,000-row import went to collections that
    found nothing (bench/import_bench.py). Reference counting still frees garbage
    meanwhile. Imports in several threads share one pause: the last to end puts
    the collector back as the first found it.
    """
    with _pause_lock:
        if _pause["imports"] == 0:
            _pause["was_enabled"] = gc.isenabled()
            gc.disable()
        _pause["imports"] += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pause["imports"] -= 1
            if _pause["imports"] == 0 and _pause["was_enabled"]:
                gc.enable()


def _apply(parsed, report, today, source, instansi_id):
    """Run every row; return True when the transaction was committed."""
    try:
        with transaction(), (without_parent_locks() if report.dry_run else nullcontext()):
            importer = _Importer(report, today, instansi_id)
            with collecting():
                importer.run(parsed)
            if not report.errors and report.changes:
                record("import", "import", None,
                       f"Impor {source}: " + "; ".join(report.summary_lines()),
                       instansi_id=importer.instansi.id,
                       after={"created": dict(report.created), "updated": dict(report.updated)})
            if report.dry_run or report.errors:
                raise _Rollback
    except _Rollback:
        return False
    except RuleViolation as exc:  # not a row's: a record changed by someone else meanwhile
        report.errors.append(RowError(0, "", exc.message, text=exc.text or message(exc.message)))
        return False
    return True


class _Importer(Steps, HistoryMixin):
    """Match the rows against the register and make what is missing, step by step."""

    def __init__(self, report, today, instansi_id=None):
        self.report, self.today = report, today
        self.instansi = (db.session.get(Instansi, instansi_id) if instansi_id
                         else default_pemda())
        if report.dry_run:
            skip_pemda_lock(self.instansi.id)
        else:
            lock_pemda(self.instansi.id)  # before reading: nobody writes this pemda meanwhile
        Steps.__init__(self, Known(self.instansi.id))
        self.opds, self.posts, self.officials = (self.known.opds, self.known.posts,
                                                 self.known.officials)
        self.settings = self.known.settings
        # The letters of the history sheet met so far, by (post id, nomor_surat).
        self.letters = {}
        self.outcomes, self.failed, self.found = {}, set(), {}

    def run(self, parsed):
        """Run the rows step by step, each step written at once; then the acting history."""
        with db.session.no_autoflush:
            for work in (self.opd, self.post, self.people, self.holding, self.acting):
                for row in parsed.rows:
                    self.step(row, work)
                self.write()
            for row in parsed.history:
                self.step(row, self.history_people, SHEET)
            self.write()
            for row in parsed.history:
                self.step(row, self.history_letters, SHEET)
            self.write()
        for key, outcome in self.outcomes.items():
            if key not in self.failed:
                outcome.changes = outcome.changes or ["tidak berubah"]
                self.report.rows.append(outcome)
        self.report.errors.sort(key=lambda error: (bool(error.sheet), error.row))

    def step(self, row, work, sheet=""):
        """Run one step of a row; a refused step becomes an error of the row, and what the
        row made in that step is taken back (from the session and the lookups)."""
        key = (sheet, row.row)
        if key in self.failed:
            return
        self.outcome = self.outcomes.setdefault(key, RowOutcome(row.row, row.opd, row.title,
                                                                sheet=sheet))
        # What this row found or made in its earlier steps, by name ("post", "vacancy", …).
        self.mine = self.found.setdefault(key, {})
        self.sheet, self.undo = sheet, []
        self.field_of, self.default_column = _COLUMN_OF["opd"], None
        try:
            work(row)
        except RuleViolation as exc:
            for action in reversed(self.undo):
                action()
            self.failed.add(key)
            self.report.errors.append(self.error(row, exc))

    def error(self, row, exc):
        """The row's error for a refused rule, on the column of the refused field."""
        column = (self.field_of.get(exc.field) or self.default_column
                  or next(iter(self.field_of.values())))
        return RowError(row.row, column, exc.message, self.sheet,
                        text=exc.text or message(exc.message))

    def _count(self, kind, key, text=None):
        getattr(self.report, kind)[key] += 1
        if text:
            self.outcome.changes.append(text)

    # The register sheet's steps, in order.

    def opd(self, row):
        opd = self.opds.get(row.opd.lower())
        if opd is not None:
            self._count("unchanged", "opd")
        else:
            opd = registry.new_opd(self.instansi.id, row.opd, row.opd_kind)
            self.made(opd, registry.audit_opd_created)
            self.remember(self.opds, opd.name.lower(), opd)
            self._count("created", "opd", "OPD baru")
        self.mine["opd"] = opd

    def post(self, row):
        self.field_of = _COLUMN_OF["post"]
        opd = self.mine["opd"]
        post = self.posts.get((opd.id, row.title.lower()))
        if post is not None and row.is_head not in (None, post.is_head):
            if post.is_sekda_post and not row.is_head:
                raise RuleViolation("Hanya jabatan kepala yang dapat ditandai sebagai jabatan "
                                    "Sekda", "is_head")
            self.change(post, {"is_head": row.is_head}, registry.audit_post_updated,
                        registry.POST_FIELDS)
            self._count("updated", "post", "kepala OPD" if row.is_head else "bukan kepala OPD")
        elif post is not None:
            self._count("unchanged", "post")
        else:
            post = registry.new_post(opd, row.title, row.kind, row.eselon,
                                     is_head=row.is_head is not False)
            self.made(post, registry.audit_post_created, opd)
            self.remember(self.posts, (opd.id, post.title.lower()), post)
            self._count("created", "post", "jabatan baru")
        self.mine["post"] = post

    def people(self, row):
        if row.holder is not None:
            self.field_of = _COLUMN_OF["holder_official"]
            self.mine["holder"] = self._official(row.holder)
        if row.acting is not None:
            self.field_of = _COLUMN_OF["acting_official"]
            self.mine["acting"] = self._official(row.acting.person)

    def holding(self, row):
        post = self.mine["post"]
        if row.holder is not None:
            self.field_of = _COLUMN_OF["holder"]
            self._holder(post, self.mine["holder"])
        else:
            self.field_of = _COLUMN_OF["vacancy"]
            self.mine["vacancy"] = self._vacancy(post, row)

    def acting(self, row):
        if row.acting is None:
            return
        self.field_of = _COLUMN_OF["acting"]
        found = self.mine
        self._acting(found["post"], found["acting"], found.get("vacancy"), row.acting)

    def _official(self, person):
        """Find the official by NIP in this pemda (only: NIPs are unique per pemda), or add them.

        A known official gets the own post and its kind the file gives, where the
        register has none yet or another kind (the kind is editable and imported).
        """
        official = self.officials.get(person.nip)
        if official is None:
            official = registry.new_official(self.instansi.id, person.nip, person.name,
                                             position_title=person.position_title,
                                             post_kind=person.post_kind)
            self.made(official, registry.audit_official_created)
            self.remember(self.officials, official.nip, official)
            self._count("created", "official", f"pejabat baru {person.name}")
            return official
        title = official.position_title or person.position_title
        kind = person.post_kind or official.post_kind
        if (title, kind) != (official.position_title, official.post_kind):
            self.change(official, {"position_title": title, "post_kind": kind},
                        registry.audit_official_updated, registry.OFFICIAL_FIELDS)
            self._count("updated", "official", f"data jabatan {official.name} dicatat")
        else:
            self._count("unchanged", "official")
        return official

    def _holder(self, post, official):
        current = self.known.current_holder(post)
        if current is not None and current.official_id == official.id:
            self._count("unchanged", "holder")
            return
        if current is not None:
            raise RuleViolation(message(
                N_("Di basis data %(post)s dijabat %(name)s (%(nip)s), bukan NIP ini"),
                post=post.title, name=current.official.name, nip=current.official.nip), "official")
        open_vacancy = self.known.open_vacancy(post)
        if open_vacancy is not None:
            raise RuleViolation(message(
                N_("Di basis data %(post)s tercatat kosong sejak %(day)s; catat pengangkatannya "
                   "di halaman jabatan"), post=post.title, day=dmy(open_vacancy.start_date)),
                "official")
        appointment = registry.new_holder(post, official)
        registry.check_holding(appointment, self.known.holdings_of[official.id])
        self.made(appointment, registry.audit_holder_recorded, indexed=True)
        self._count("created", "holder", f"pejabat definitif {official.name}")

    def _vacancy(self, post, row):
        same = self.known.vacancy_since(post, row.vacancy_start)
        if same is not None:
            self._count("unchanged", "vacancy")
            return same
        other = self.known.open_vacancy(post)
        if other is not None:
            raise RuleViolation(message(N_("Di basis data %(post)s sudah kosong sejak %(day)s"),
                                        post=post.title, day=dmy(other.start_date)),
                                "start_date")
        holder = self.known.current_holder(post)
        if vacancies.ends_holding(holder, row.vacancy_start):
            self.change(holder, {"end_date": row.vacancy_start})  # vacancy.open tells of it
        vacancy = vacancies.new_vacancy(post, row.vacancy_start, row.reason)
        self.made(vacancy, vacancies.audit_vacancy_opened, indexed=True)
        self.check(post, vacancy)
        self._count("created", "vacancy", f"kosong sejak {row.vacancy_start:%d/%m/%Y}")
        return vacancy

    def _acting(self, post, official, vacancy, acting):
        same = next((a for a in self.known.actings[post.id]
                     if a.official_id == official.id and a.start_date == acting.start), None)
        if same is not None:
            self._count("unchanged", "acting")
            return
        self.check_level(post, official, acting.kind, acting.start, self.outcome.row)
        named = self.name(post, official, acting.kind, acting.start, acting.end, vacancy=vacancy,
                          letter_number=acting.letter_number, letter_date=acting.letter_date)
        self._count("created", "acting", f"{acting.kind.capitalize()} {official.name} sampai "
                                         f"{named.end_date:%d/%m/%Y}")

    def name(self, post, official, kind, start, end, *, vacancy, letter_number, letter_date):
        """Name an acting official by a letter, checked as vacancies.operations.name_acting."""
        named = vacancies.new_acting(post, official, kind, start, end, settings=self.settings,
                                     letter_number=letter_number, letter_date=letter_date,
                                     vacancy=vacancy)
        if vacancy is not None:  # its letters list holds it now (a backref): out again,
            self.undo.append(lambda: setattr(named, "vacancy", None))  # without reading it
        self.made(named, vacancies.audit_acting_named, indexed=True)
        self.check(post, named)
        integrity.check_acting_load(named, max_posts=int(self.settings["max_acting_posts"]),
                                    candidates=self.known.actings_of[official.id])
        return named

    def check(self, post, focus):
        """Check the post's records with the new or changed `focus`, as every operation does."""
        integrity.check_post(post, today=self.today, focus=focus,
                             advance_months=int(self.settings["advance_entry_months"]),
                             records=self.known.records(post))
