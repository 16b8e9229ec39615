"""The acting history sheet riwayat_pelaksana: letters, extensions and early ends, with the
forms' rules, all or nothing, idempotent."""
import datetime as dt

import pytest

from plt_tracker.core.dates import today
from plt_tracker.extensions import db
from plt_tracker.importer.operations import run_import
from plt_tracker.importer.parse import parse_file
from plt_tracker.registry.models import Official
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension
from plt_tracker.vacancies.rules import default_planned_end
from tests.importer.helpers import (ACTING_NIP, HISTORY_HEADERS, SECOND_NIP, counts, good_rows,
                                    letter, register_and_history, write_csv)

D = dt.date


def _import(path, dry_run=False):
    with open(path, "rb") as stream:
        parsed = parse_file(stream, path.name)
    return run_import(parsed, today=today(), dry_run=dry_run)


def _errors(report):
    return [(e.sheet, e.row, e.column) for e in report.errors]


def _history():
    """The Plt of the register row, extended once; then a second Plt after the first ended."""
    return [
        letter("800/12/BKPSDM/2025", "2025-03-01", "2025-05-31", letter_date="2025-02-28"),
        letter("800/30/BKPSDM/2025", "2025-06-01", "2025-08-31", letter_date="2025-05-28",
               extends="800/12/BKPSDM/2025", ended="2025-07-15"),
        letter("800/41/BKPSDM/2025", "2025-07-16", "", nip=SECOND_NIP, name="Ir. Sari Contoh",
               own_kind="Administrator"),
    ]


def test_letters_extensions_and_ends_are_recorded(app, tmp_path):
    report = _import(register_and_history(tmp_path / "riwayat.xlsx", _history()))

    assert report.ok and report.applied, report.errors
    letters = db.session.scalars(db.select(ActingAssignment)
                                 .order_by(ActingAssignment.start_date)).all()
    assert [(a.official.nip, a.letter_number, a.start_date, a.end_date, a.ended_on)
            for a in letters] == [
        (ACTING_NIP, "800/12/BKPSDM/2025", D(2025, 3, 1), D(2025, 5, 31), D(2025, 7, 15)),
        # akhir_tugas empty: the default length (3 months - 1 day).
        (SECOND_NIP, "800/41/BKPSDM/2025", D(2025, 7, 16), D(2025, 10, 15), None)]
    extension = db.session.scalar(db.select(ActingExtension))
    assert (extension.assignment_id, extension.letter_number, extension.letter_date,
            extension.end_date) == (letters[0].id, "800/30/BKPSDM/2025", D(2025, 5, 28),
                                    D(2025, 8, 31))
    # The register row named the same first letter: it is not recorded twice.
    assert report.created["acting"] == 2 and report.unchanged["acting"] == 1
    assert report.created["extension"] == 1 and report.created["acting_end"] == 1
    second = db.session.scalar(db.select(Official).filter_by(nip=SECOND_NIP))
    assert second.post_kind == "administrator"


def test_reimport_and_dry_run_change_nothing(app, tmp_path):
    path = register_and_history(tmp_path / "riwayat.xlsx", _history())
    dry = _import(path, dry_run=True)
    assert dry.ok and not dry.applied and dry.created["extension"] == 1
    assert counts()["ActingAssignment"] == 0

    assert _import(path).applied
    before = counts()
    again = _import(path)
    assert again.ok and not again.changes, again.created
    assert again.unchanged["extension"] == 1 and again.unchanged["acting_end"] == 1
    assert counts() == before


def test_history_as_a_csv_of_its_own(app, tmp_path):
    assert _import(write_csv(tmp_path / "daftar.csv", good_rows())).applied
    history = write_csv(tmp_path / "riwayat.csv", _history()[1:], HISTORY_HEADERS)

    report = _import(history)

    assert report.ok, report.errors
    assert report.created["extension"] == 1 and report.created["acting"] == 1


def test_default_length_of_an_extension_follows_the_current_end(app, tmp_path):
    rows = _history()[:2]
    rows[1][11] = rows[1][10] = rows[1][13] = ""  # no start, no end, not ended
    assert _import(register_and_history(tmp_path / "r.xlsx", rows)).applied
    extension = db.session.scalar(db.select(ActingExtension))
    assert extension.end_date == default_planned_end(D(2025, 6, 1), 3) == D(2025, 8, 31)


@pytest.mark.parametrize("change, where, words", [
    # Plt only for a vacancy: the vacancy named must be the post's.
    (lambda r: r[0].__setitem__(2, "2025-04-01"), (2, "kosong_sejak"), "tidak tercatat kosong"),
    # Inside the vacancy.
    (lambda r: r[2].__setitem__(10, "2025-02-01"), (4, "mulai_tugas"), "sebelum jabatan kosong"),
    # The register's letter of that number says otherwise.
    (lambda r: r[0].__setitem__(10, "2025-03-02"), (2, "mulai_tugas"), "mulai 01/03/2025"),
    (lambda r: r[0].__setitem__(3, "Plh"), (2, "jenis_pelaksana"), "adalah Plt"),
    # No two Plt letters on the same days.
    (lambda r: r[2].__setitem__(10, "2025-07-01"), (4, "mulai_tugas"), "sudah memiliki Plt"),
    # A Pj only for the Sekda's post.
    (lambda r: r[2].__setitem__(3, "Pj"), (4, "jenis_pelaksana"), "Pj Sekda hanya"),
    # An extension of a letter that exists nowhere.
    (lambda r: r[1].__setitem__(12, "800/99/X"), (3, "perpanjangan_dari"), "tidak ada"),
    # An extension must end after the current end.
    (lambda r: r[1].__setitem__(slice(10, 12), ["", "2025-05-15"]), (3, "akhir_tugas"),
     "harus sesudah"),
    # An early end cannot lie ahead.
    (lambda r: r[1].__setitem__(13, (today() + dt.timedelta(days=5)).isoformat()),
     (3, "diakhiri"), "masa depan"),
    # A letter's date cannot lie ahead.
    (lambda r: r[2].__setitem__(9, (today() + dt.timedelta(days=5)).isoformat()),
     (4, "tanggal_surat"), "masa depan"),
])
def test_each_broken_rule_is_a_row_error_and_nothing_changes(app, tmp_path, change, where, words):
    rows = _history()
    change(rows)
    before = counts()

    report = _import(register_and_history(tmp_path / "salah.xlsx", rows))

    assert _errors(report) == [("riwayat_pelaksana", *where)], report.errors
    assert words in report.errors[0].message
    assert str(report.errors[0]).startswith(f"lembar riwayat_pelaksana, baris {where[0]}, "
                                            f"kolom {where[1]}: ")
    assert counts() == before


def test_one_official_in_too_many_posts_is_refused(app, tmp_path):
    register = good_rows()
    for title in ("Kepala Dinas Sosial", "Kepala Dinas Pangan", "Kepala Dinas Pariwisata"):
        register.append([title.replace("Kepala ", ""), title, "JPT Pratama", "", "",
                         "2025-03-01", "", "", "", "", "", "", "", "", ""])
    del register[1]  # Dinas Sosial without the register's own Plt
    rows = [letter(f"800/{day}/2025", f"2025-03-0{day}", "2025-05-31",
                   opd=title.replace("Kepala ", ""), post=title)
            for day, title in ((1, "Kepala Dinas Sosial"), (2, "Kepala Dinas Pangan"),
                               (3, "Kepala Dinas Pariwisata"))]
    before = counts()
    report = _import(register_and_history(tmp_path / "rangkap.xlsx", rows, register))
    assert _errors(report) == [("riwayat_pelaksana", 4, "nip_pelaksana")], report.errors
    assert "paling banyak 2" in report.errors[0].message
    assert counts() == before


def test_an_official_of_the_wrong_level_is_a_warning_and_recorded(app, tmp_path):
    rows = _history()
    rows[2][6] = "Pengawas"  # a pengawas may not act in a JPT post (SE BKN 1/SE/I/2021)

    report = _import(register_and_history(tmp_path / "tingkat.xlsx", rows))

    assert report.ok and report.applied, report.errors
    assert [(w.row, w.column) for w in report.warnings] == [(4, "jenis_jabatan_pelaksana")]
    assert "tidak setingkat" in report.warnings[0].message
    assert counts()["ActingAssignment"] == 2


def test_the_extension_must_be_for_the_same_official(app, tmp_path):
    rows = _history()
    rows[1][4] = SECOND_NIP
    report = _import(register_and_history(tmp_path / "nip.xlsx", rows))
    assert ("riwayat_pelaksana", 3, "nip_pelaksana") in _errors(report)
    assert counts()["ActingAssignment"] == 0


def test_a_post_not_in_the_register_is_named(app, tmp_path):
    rows = [letter("800/1/2025", "2025-03-01", opd="Dinas Entah", post="Kepala Dinas Entah")]
    report = _import(register_and_history(tmp_path / "entah.xlsx", rows))
    assert _errors(report) == [("riwayat_pelaksana", 2, "kosong_sejak")]
    assert "tidak ada di daftar jabatan" in report.errors[0].message
    assert counts()["Post"] == 0


def test_sheet_checks_before_the_database(app, tmp_path):
    rows = _history()
    rows.append(list(rows[0]))                    # the same letter twice
    rows[1][12] = "800/30/BKPSDM/2025"            # an extension of itself
    rows[2][3] = "Plt"
    rows[2][2] = ""                               # a Plt without its vacancy
    report = _import(register_and_history(tmp_path / "lembar.xlsx", rows))
    assert sorted(_errors(report)) == [("riwayat_pelaksana", 3, "perpanjangan_dari"),
                                       ("riwayat_pelaksana", 4, "kosong_sejak"),
                                       ("riwayat_pelaksana", 5, "nomor_surat")]
    assert counts()["Post"] == 0


def test_missing_history_columns_are_named(app, tmp_path):
    headers = [h for h in HISTORY_HEADERS if h not in ("nomor_surat", "mulai_tugas")]
    rows = [[c for h, c in zip(HISTORY_HEADERS, r) if h in headers] for r in _history()]
    report = _import(write_csv(tmp_path / "riwayat.csv", rows, headers))
    assert [str(e) for e in report.errors] == [
        "berkas: Lembar riwayat_pelaksana: kolom wajib tidak ada: nomor_surat, mulai_tugas"]


def test_register_sheet_records_the_acting_officials_own_post_kind(app, tmp_path):
    from tests.importer.helpers import HEADERS

    headers = HEADERS + ["Jenis Jabatan Pelaksana"]
    rows = [r + [""] for r in good_rows()]
    rows[1][-1] = "Fungsional ahli madya"
    assert _import(write_csv(tmp_path / "jenis.csv", rows, headers)).applied
    acting = db.session.scalar(db.select(Official).filter_by(nip=ACTING_NIP))
    assert acting.post_kind == "fungsional_madya"

    rows[1][-1] = "Kepala Seksi"
    report = _import(write_csv(tmp_path / "salah.csv", rows, headers))
    assert [(e.row, e.column) for e in report.errors] == [(3, "jenis_jabatan_pelaksana")]


def test_the_same_nip_in_another_pemda_is_another_official(app, tmp_path):
    from plt_tracker.core.db import transaction
    from plt_tracker.registry.operations import create_official
    from tests.registry.helpers import other_instansi

    other = other_instansi()
    with transaction():
        create_official(other.id, ACTING_NIP, "Pejabat Pemda Lain")

    report = _import(register_and_history(tmp_path / "riwayat.xlsx", _history()))

    assert report.applied, report.errors
    names = db.session.scalars(db.select(Official.name).filter_by(nip=ACTING_NIP)
                               .order_by(Official.id)).all()
    assert names == ["Pejabat Pemda Lain", "Drs. Ahmad Fiktif, M.Si."]


def test_cli_names_the_sheet_and_lists_warnings(app, runner, tmp_path):
    rows = _history()
    rows[2][6] = "Pengawas"
    path = register_and_history(tmp_path / "riwayat.xlsx", rows)
    result = runner.invoke(args=["plt", "import", str(path), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "1 peringatan (tetap dicatat):" in result.output
    assert "lembar riwayat_pelaksana, baris 4, kolom jenis_jabatan_pelaksana:" in result.output
    assert "riwayat_pelaksana baris 3: Dinas Sosial / Kepala Dinas Sosial: perpanjangan" \
        in result.output
    assert counts()["ActingAssignment"] == 0


def test_a_plh_stands_in_for_an_absent_holder_without_a_vacancy(app, tmp_path):
    rows = [letter("800/7/2025", "2025-07-01", "2025-07-10", kind="Plh", vacancy="",
                   opd="Dinas Kesehatan", post="Kepala Dinas Kesehatan")]
    report = _import(register_and_history(tmp_path / "plh.xlsx", rows))
    assert report.applied, report.errors
    plh = db.session.scalar(db.select(ActingAssignment).filter_by(letter_number="800/7/2025"))
    assert (plh.kind, plh.vacancy_id, plh.end_date) == ("plh", None, D(2025, 7, 10))

    rows[0][3] = "Plt"  # a Plt needs the vacancy it covers
    rows[0][8] = "800/8/2025"
    report = _import(register_and_history(tmp_path / "plt.xlsx", rows))
    assert _errors(report) == [("riwayat_pelaksana", 2, "kosong_sejak")]


def test_a_row_refused_at_its_letter_brings_no_follow_on_errors(app, tmp_path):
    """The register's row 3 (Dinas Sosial, vacant from 1 March 2025, with a Plt) is refused at
    its letter, after its vacancy passed its own checks. The history row naming that vacancy is
    checked against it, so the preview names only the error to fix; nothing is written."""
    register = good_rows()
    register[1][13] = "2025-02-01"  # the Plt starts before the post fell vacant
    history = [letter("800/77/BKPSDM/2025", "2025-07-01", "2025-09-30", nip=SECOND_NIP,
                      name="Ir. Sari Contoh")]
    before = counts()

    report = _import(register_and_history(tmp_path / "ditolak.xlsx", history, register))

    assert _errors(report) == [("", 3, "mulai_tugas")]
    assert "sebelum jabatan kosong (01/03/2025)" in report.errors[0].message
    assert counts() == before

    register[1][13] = "2025-03-01"  # fixed: both rows go in
    report = _import(register_and_history(tmp_path / "benar.xlsx", history, register))
    assert report.applied, report.errors
    assert report.created["acting"] == 2


def test_a_letter_refused_takes_its_extensions_down_with_it(app, tmp_path):
    """A refused letter is taken back within its step: the extension of it in the next row
    finds no letter to extend (and is not recorded on a letter that will not exist)."""
    rows = _history()
    rows[2][9:11] = ["2025-02-01", "2025-02-01"]  # 800/41 starts before the vacancy
    rows.append(letter("800/50/BKPSDM/2025", "", "2025-12-31", nip=SECOND_NIP,
                       name="Ir. Sari Contoh", letter_date="2025-09-01",
                       extends="800/41/BKPSDM/2025"))
    before = counts()

    report = _import(register_and_history(tmp_path / "ditolak.xlsx", rows))

    assert _errors(report) == [("riwayat_pelaksana", 4, "mulai_tugas"),
                               ("riwayat_pelaksana", 5, "perpanjangan_dari")], report.errors
    assert counts() == before


def test_the_audit_log_follows_each_letter_as_the_forms_would_write_it(app, tmp_path):
    """A letter made and ended early by one file gets its creation entry as made (version 1)
    and its end (version 2); an official named twice with two own-post kinds gets its creation
    with the first and an update to the second: as the forms, row by row, would have."""
    from plt_tracker.audit.models import AuditEntry

    rows = _history()
    rows.append(letter("800/50/BKPSDM/2025", "2025-10-16", "2026-01-15", nip=SECOND_NIP,
                       name="Ir. Sari Contoh", own_kind="Pengawas"))
    report = _import(register_and_history(tmp_path / "riwayat.xlsx", rows))
    assert report.applied, report.errors

    def entries(entity, entity_id):
        return db.session.scalars(db.select(AuditEntry).filter_by(
            entity=entity, entity_id=entity_id).order_by(AuditEntry.id)).all()

    first = db.session.scalar(db.select(ActingAssignment).filter_by(
        letter_number="800/12/BKPSDM/2025"))
    named, ended = entries("acting", first.id)
    assert (named.event, named.entity_version, named.after["ended_on"]) == ("acting.name", 1, None)
    assert (ended.event, ended.entity_version) == ("acting.end", 2)
    assert (ended.before["ended_on"], ended.after["ended_on"]) == (None, "2025-07-15")
    assert first.version == 2 and first.ended_on == D(2025, 7, 15)

    second = db.session.scalar(db.select(Official).filter_by(nip=SECOND_NIP))
    created, updated = entries("official", second.id)
    assert (created.entity_version, created.after["post_kind"]) == (1, "administrator")
    assert (updated.event, updated.entity_version) == ("official.update", 2)
    assert updated.after["post_kind"] == "pengawas" and second.version == 2


def test_a_kind_set_and_set_back_in_one_file_changes_nothing(app, tmp_path):
    """Two rows naming a recorded official's own post kind, the second putting back what the
    register had: no version raised, no audit entry (nothing changed)."""
    from plt_tracker.audit.models import AuditEntry

    report = _import(register_and_history(tmp_path / "awal.xlsx", _history()))
    assert report.applied, report.errors
    official = db.session.scalar(db.select(Official).filter_by(nip=SECOND_NIP))
    version, entries = official.version, db.session.scalar(
        db.select(db.func.count()).select_from(AuditEntry).filter_by(entity="official"))

    rows = _history()
    rows.append(letter("800/50/BKPSDM/2025", "2025-10-16", "2026-01-15", nip=SECOND_NIP,
                       name="Ir. Sari Contoh", own_kind="Pengawas"))
    rows.append(letter("800/51/BKPSDM/2025", "2026-01-16", "2026-04-15", nip=SECOND_NIP,
                       name="Ir. Sari Contoh", own_kind="Administrator"))
    report = _import(register_and_history(tmp_path / "bolak.xlsx", rows))
    assert report.applied, report.errors

    db.session.expire_all()
    assert official.post_kind == "administrator" and official.version == version
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry).filter_by(
        entity="official")) == entries
