"""The import's work grows with the rows, not with their square, and no row costs a statement.

A file three times as long runs exactly as many SQL statements, previewed and applied,
on every database: the register is read once per table and each step's records are
written together (importer.known, importer.operations). Per-row statements would add
dozens for every extra row; a statement per row and pair of rows would add thousands.
How long 10,000 rows take is measured by bench/import_bench.py, not here.
"""
import datetime as dt

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from plt_tracker.core.dates import today
from plt_tracker.extensions import db
from plt_tracker.importer.operations import run_import
from plt_tracker.importer.parse import parse_file
from plt_tracker.registry.models import Appointment, Post
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension
from tests.factories import make_nip
from tests.importer.helpers import HEADERS, HISTORY_HEADERS, counts, write_workbook

START = dt.date(2025, 3, 1)
LATER = dt.date(2025, 9, 1)


def _workbook(path, posts, first, later=False, early=False):
    """`posts` posts from number `first`, five to an OPD: two in five filled, the others
    vacant, each vacant one with a Plt letter on the history sheet, every other one extended.

    `later`: the same posts some months on: the filled ones fell vacant (their holders'
    holdings end) and every first letter ended early (written records change). `early`: every
    Plt of the register sheet starts before its vacancy (each such row is refused).
    """
    register, history = [], []
    for i in range(first, first + posts):
        opd, title = f"Dinas Uji {i // 5}", f"Kepala Bidang Uji {i}"
        kind = "JPT Pratama" if i % 5 == 0 else "Administrator"
        if i % 5 < 2 and later:
            register.append([opd, title, kind, "", "", LATER, "Mutasi",
                             "", "", "", "", "", "", "", ""])
            continue
        if i % 5 < 2:
            register.append([opd, title, kind, make_nip(seq=i, gender=1), f"Definitif {i}",
                             "", "", "", "", "", "", "", "", "", ""])
            continue
        nip, number = make_nip(seq=i, gender=2, tmt=(2001, 4)), f"800/{i}/2025"
        acting = ["Plt", nip, f"Plt {i}", "", number, START, START - dt.timedelta(days=10),
                  ""] if early else [""] * 8
        register.append([opd, title, kind, "", "", START, "Pensiun", *acting])
        if early:
            continue
        nip, number = make_nip(seq=i, gender=2, tmt=(2001, 4)), f"800/{i}/2025"
        own = "Administrator" if kind == "JPT Pratama" else "Pengawas"
        history.append([opd, title, START, "Plt", nip, f"Plt {i}", own, "", number, START,
                        START, "", "", START + dt.timedelta(days=30) if later else ""])
        if i % 2 and not later:
            history.append([opd, title, START, "Plt", nip, f"Plt {i}", "", "", number + "-P",
                            START + dt.timedelta(days=80), "", "", number, ""])
    return write_workbook(path, {"Daftar jabatan": (HEADERS, register),
                                 "riwayat_pelaksana": (HISTORY_HEADERS, history)})


def _statements(path, dry_run, instansi_id, refused=0):
    """Import a file into a pemda; return (its report, the SQL statements it ran on any
    engine)."""
    with open(path, "rb") as stream:
        parsed = parse_file(stream, path.name)
    assert parsed.ok, parsed.errors
    seen = []

    def count(conn, cursor, statement, *args):  # noqa: ARG001
        seen.append(statement)

    # On every engine: a SQLite preview runs on its own in-memory copy (importer.preview).
    event.listen(Engine, "before_cursor_execute", count)
    try:
        report = run_import(parsed, today=today(), dry_run=dry_run, instansi_id=instansi_id)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    assert len(report.errors) == refused, report.errors
    return report, seen


@pytest.mark.parametrize("dry_run", [True, False], ids=["preview", "apply"])
def test_three_times_the_rows_run_the_same_statements(app, instansi, tmp_path, dry_run):
    small, small_sql = _statements(_workbook(tmp_path / "kecil.xlsx", 10, 0), dry_run,
                                   instansi.id)
    large, large_sql = _statements(_workbook(tmp_path / "besar.xlsx", 30, 100), dry_run,
                                   instansi.id)

    assert small.created["post"] == 10 and large.created["post"] == 30
    assert large.created["acting"] == 18 and large.created["extension"] == 9
    assert len(large_sql) == len(small_sql), "\n".join(large_sql)
    assert len(large_sql) < 60


def test_refused_rows_run_no_statements_of_their_own(app, instansi, tmp_path):
    """A preview of 6 or of 18 refused Plt letters (each starting before its vacancy) runs the
    same statements: taking a refused letter back reads nothing."""
    _, small_sql = _statements(_workbook(tmp_path / "kecil.xlsx", 10, 0, early=True), True,
                               instansi.id, refused=6)
    _, large_sql = _statements(_workbook(tmp_path / "besar.xlsx", 30, 100, early=True), True,
                               instansi.id, refused=18)
    assert len(large_sql) == len(small_sql), "\n".join(large_sql)


def test_changes_to_written_records_run_the_same_statements(app, instansi, tmp_path):
    """Holders whose posts fell vacant and letters ended early: the records are updated
    together, one statement per table, whether 4 or 12 holdings and 6 or 18 letters."""
    for name, posts, first in (("kecil", 10, 0), ("besar", 30, 100)):
        _statements(_workbook(tmp_path / f"{name}.xlsx", posts, first), False, instansi.id)
    small, small_sql = _statements(_workbook(tmp_path / "kecil2.xlsx", 10, 0, later=True),
                                   False, instansi.id)
    large, large_sql = _statements(_workbook(tmp_path / "besar2.xlsx", 30, 100, later=True),
                                   False, instansi.id)

    assert (large.created["vacancy"], large.created["acting_end"]) == (12, 18)
    assert len(large_sql) == len(small_sql), "\n".join(large_sql)
    ended = db.session.scalars(db.select(ActingAssignment).filter(
        ActingAssignment.letter_number.like("800/1__/2025"))).all()
    assert len(ended) == 18 and all(a.ended_on == START + dt.timedelta(days=30) and
                                    a.version == 2 for a in ended)
    holdings = db.session.scalars(db.select(Appointment).join(Appointment.post).filter(
        Post.title.like("Kepala Bidang Uji 1__"))).all()
    assert len(holdings) == 12 and all(h.end_date == LATER and h.open_post_id is None
                                       and h.open_official_id is None and h.version == 2
                                       for h in holdings)


def test_the_records_and_their_audit_entries_are_all_written(app, instansi, tmp_path):
    before = counts()
    report, _ = _statements(_workbook(tmp_path / "besar.xlsx", 30, 0), False, instansi.id)

    assert report.applied
    after = {name: count - before[name] for name, count in counts().items()}
    created = sum(report.created.values())
    # One audit entry per record made, and one for the import itself.
    assert after["AuditEntry"] == created + 1
    assert after["Post"] == 30 and after["Vacancy"] == 18 and after["Appointment"] == 12
    extended = db.session.scalars(db.select(ActingAssignment).join(ActingExtension)).all()
    assert len(extended) == 9
    assert all(a.extensions[0].end_date > a.end_date for a in extended)


def test_an_update_of_a_record_changed_meanwhile_is_refused(app, factory):
    """update_together carries each record's version: a record written by someone else since
    it was read is refused (as the ORM's own versioned UPDATE would), and nothing is kept."""
    from plt_tracker.core.db import RuleViolation, transaction, update_together
    from sqlalchemy.orm import attributes

    official = factory.official("Pejabat Lama")
    with pytest.raises(RuleViolation, match="diubah orang lain"):
        with transaction():
            db.session.refresh(official)
            # Someone else's change, straight to the table: the version moves on.
            db.session.execute(db.text("UPDATE official SET version = version + 1 "
                                       "WHERE id = :id"), {"id": official.id})
            attributes.set_committed_value(official, "name", "Pejabat Baru")
            update_together([(official, {"name"})])
    db.session.expire_all()
    assert official.name == "Pejabat Lama" and official.version == 1
