"""Applying checked import rows to the register, all or nothing.

The whole file runs through the real operations in one transaction. A dry run
(and any file with an error) is rolled back at the end, so the preview shows
exactly what applying would do, conflicts with the database included; the
preview runs where it holds no lock (importer.preview). The file was read and
checked before (importer.parse), outside any transaction. Lookups read each
table once per import (the pemda's OPDs, posts, officials), so the work grows
linearly with the rows.
"""
from contextlib import contextmanager, nullcontext

from plt_tracker.audit.operations import record
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.messages import N_, dmy, message
from plt_tracker.extensions import db
from plt_tracker.importer.history_ops import HistoryMixin
from plt_tracker.importer.parse import RowError
from plt_tracker.importer.preview import (
    preview_database,
    skip_pemda_lock,
    without_parent_locks,
)
from plt_tracker.importer.report import ImportReport, RowOutcome
from plt_tracker.pemda.operations import default_pemda
from plt_tracker.registry import operations as registry
from plt_tracker.registry.models import Instansi, Official, Opd, Post
from plt_tracker.vacancies import operations as vacancies
from plt_tracker.vacancies.models import ActingAssignment, Vacancy

# Which spreadsheet column a refused field of each step points at.
_COLUMN_OF = {
    "opd": {"name": "opd", "kind": "opd"},
    "post": {"title": "jabatan", "kind": "jenis_jabatan"},
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
    if dry_run:
        with preview_database():
            _apply(parsed, report, today, source, instansi_id)
        return report
    if _apply(parsed, report, today, source, instansi_id):
        report.applied = True
    return report


def _apply(parsed, report, today, source, instansi_id):
    """Run every row; return True when the transaction was committed."""
    try:
        with transaction(), (without_parent_locks() if report.dry_run else nullcontext()):
            importer = _Importer(report, today, instansi_id)
            if report.dry_run:
                skip_pemda_lock(importer.instansi.id)
            for row in parsed.rows:
                importer.apply(row)
            for row in parsed.history:
                importer.apply_history(row)
            if not report.errors and report.changes:
                record("import", "import", None,
                       f"Impor {source}: " + "; ".join(report.summary_lines()),
                       instansi_id=importer.instansi.id,
                       after={"created": dict(report.created), "updated": dict(report.updated)})
            if report.dry_run or report.errors:
                raise _Rollback
    except _Rollback:
        return False
    return True


class _Importer(HistoryMixin):
    """Match each row against the register and create what is missing."""

    def __init__(self, report, today, instansi_id=None):
        self.report, self.today = report, today
        self.instansi = (db.session.get(Instansi, instansi_id) if instansi_id
                         else default_pemda())
        # One query per table: every lookup below is then a dictionary read.
        opds = db.session.scalars(db.select(Opd).filter_by(instansi_id=self.instansi.id))
        self.opds = {o.name.lower(): o for o in opds}
        posts = db.session.scalars(db.select(Post).join(Post.opd)
                                   .filter(Opd.instansi_id == self.instansi.id))
        self.posts = {(p.opd_id, p.title.lower()): p for p in posts}
        officials = db.session.scalars(db.select(Official)
                                       .filter_by(instansi_id=self.instansi.id))
        self.officials = {o.nip: o for o in officials}
        # The letters of the history sheet met so far, by (post id, nomor_surat).
        self.letters = {}

    def apply(self, row):
        """Apply one row; a refused step becomes an error of that row."""
        self.outcome = RowOutcome(row.row, row.opd, row.title)
        step = "opd"
        try:
            with self.row_scope():
                opd = self._opd(row)
                step = "post"
                post = self._post(opd, row)
                vacancy = None
                if row.holder is not None:
                    step = "holder_official"
                    official = self._official(row.holder)
                    step = "holder"
                    self._holder(post, official)
                else:
                    step = "vacancy"
                    vacancy = self._vacancy(post, row)
                if row.acting is not None:
                    step = "acting_official"
                    official = self._official(row.acting.person)
                    step = "acting"
                    self._acting(post, official, vacancy, row.acting)
        except RuleViolation as exc:
            column = _COLUMN_OF[step].get(exc.field) or next(iter(_COLUMN_OF[step].values()))
            self.report.errors.append(RowError(row.row, column, exc.message,
                                               text=exc.text or message(exc.message)))
            return
        if not self.outcome.changes:
            self.outcome.changes.append("tidak berubah")
        self.report.rows.append(self.outcome)

    @contextmanager
    def row_scope(self):
        """Run one row in a savepoint: a refused row leaves nothing behind for the next rows,
        neither in the database nor in the lookups."""
        self.added = []
        savepoint = db.session.begin_nested()
        try:
            yield
        except RuleViolation:
            savepoint.rollback()
            for cache, key in self.added:
                cache.pop(key, None)
            raise
        savepoint.commit()

    def remember(self, cache, key, value):
        """Add a record made by this row to a lookup (taken out again if the row fails)."""
        cache[key] = value
        self.added.append((cache, key))

    def _count(self, kind, key, text=None):
        getattr(self.report, kind)[key] += 1
        if text:
            self.outcome.changes.append(text)

    def _opd(self, row):
        opd = self.opds.get(row.opd.lower())
        if opd is not None:
            self._count("unchanged", "opd")
            return opd
        opd = registry.create_opd(self.instansi.id, row.opd, row.opd_kind)
        self.remember(self.opds, opd.name.lower(), opd)
        self._count("created", "opd", "OPD baru")
        return opd

    def _post(self, opd, row):
        post = self.posts.get((opd.id, row.title.lower()))
        if post is not None:
            self._count("unchanged", "post")
            return post
        post = registry.create_post(opd, row.title, row.kind, row.eselon)
        self.remember(self.posts, (opd.id, post.title.lower()), post)
        self._count("created", "post", "jabatan baru")
        return post

    def _official(self, person):
        """Find the official by NIP in this pemda (only: NIPs are unique per pemda), or add them.

        A known official gets the own post and its kind the file gives, where the
        register has none yet or another kind (the kind is editable and imported).
        """
        official = self.officials.get(person.nip)
        if official is None:
            official = registry.create_official(self.instansi.id, person.nip, person.name,
                                                position_title=person.position_title,
                                                post_kind=person.post_kind)
            self.remember(self.officials, official.nip, official)
            self._count("created", "official", f"pejabat baru {person.name}")
            return official
        title = official.position_title or person.position_title
        kind = person.post_kind or official.post_kind
        if (title, kind) != (official.position_title, official.post_kind):
            registry.update_official(official, nip=official.nip, name=official.name,
                                     nip_kind=official.nip_kind, rank=official.rank,
                                     position_title=title, post_kind=kind,
                                     is_active=official.is_active)
            self._count("updated", "official", f"data jabatan {official.name} dicatat")
        else:
            self._count("unchanged", "official")
        return official

    def _holder(self, post, official):
        current = registry.current_appointment(post.id)
        if current is not None and current.official_id == official.id:
            self._count("unchanged", "holder")
            return
        if current is not None:
            raise RuleViolation(message(
                N_("Di basis data %(post)s dijabat %(name)s (%(nip)s), bukan NIP ini"),
                post=post.title, name=current.official.name, nip=current.official.nip), "official")
        open_vacancy = vacancies.open_vacancy_of(post.id)
        if open_vacancy is not None:
            raise RuleViolation(message(
                N_("Di basis data %(post)s tercatat kosong sejak %(day)s; catat pengangkatannya "
                   "di halaman jabatan"), post=post.title, day=dmy(open_vacancy.start_date)),
                "official")
        registry.set_holder(post, official)
        self._count("created", "holder", f"pejabat definitif {official.name}")

    def _vacancy(self, post, row):
        same = db.session.scalar(db.select(Vacancy).filter_by(post_id=post.id,
                                                               start_date=row.vacancy_start))
        if same is not None:
            self._count("unchanged", "vacancy")
            return same
        other = vacancies.open_vacancy_of(post.id)
        if other is not None:
            raise RuleViolation(message(N_("Di basis data %(post)s sudah kosong sejak %(day)s"),
                                        post=post.title, day=dmy(other.start_date)),
                                "start_date")
        vacancy = vacancies.open_vacancy(post, row.vacancy_start, row.reason, today=self.today)
        self._count("created", "vacancy", f"kosong sejak {row.vacancy_start:%d/%m/%Y}")
        return vacancy

    def _acting(self, post, official, vacancy, acting):
        same = db.session.scalar(db.select(ActingAssignment.id).filter_by(
            post_id=post.id, official_id=official.id, start_date=acting.start))
        if same is not None:
            self._count("unchanged", "acting")
            return
        self.check_level(post, official, acting.kind, acting.start, self.outcome.row)
        named = vacancies.name_acting(post, official, acting.kind, acting.start, acting.end,
                                      today=self.today, letter_number=acting.letter_number,
                                      letter_date=acting.letter_date, vacancy=vacancy)
        self._count("created", "acting", f"{acting.kind.capitalize()} {official.name} sampai "
                                         f"{named.end_date:%d/%m/%Y}")
