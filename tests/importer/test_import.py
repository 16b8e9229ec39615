"""Importing a spreadsheet through the real operations and the CLI."""
import datetime as dt

from flask import current_app

from plt_tracker.extensions import db
from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.dates import today
from plt_tracker.importer.operations import run_import
from plt_tracker.importer.parse import parse_file
from plt_tracker.registry.models import Instansi, Official
from plt_tracker.registry.operations import current_appointment
from plt_tracker.vacancies.models import ActingAssignment, Vacancy
from plt_tracker.vacancies.rules import default_planned_end
from tests.importer.helpers import (ACTING_NIP, HEADERS, HOLDER_NIP, counts, good_rows, write_csv,
                                    write_xlsx)


def _import(path, dry_run=False):
    with open(path, "rb") as stream:
        parsed = parse_file(stream, path.name)
    return run_import(parsed, today=today(), dry_run=dry_run)


def test_good_csv_on_a_fresh_database_creates_the_default_pemda(app, tmp_path):
    assert counts()["Instansi"] == 0
    report = _import(write_csv(tmp_path / "daftar.csv", good_rows()))

    assert report.ok and report.applied, report.errors
    pemda = db.session.scalar(db.select(Instansi))
    assert pemda.name == current_app.config["PEMDA_NAME"]
    assert dict(report.created) == {"opd": 3, "post": 3, "official": 2, "holder": 1,
                                    "vacancy": 2, "acting": 1}
    holder = db.session.scalar(db.select(Official).filter_by(nip=HOLDER_NIP))
    assert holder.birth_date == dt.date(1970, 5, 12)
    vacancies = db.session.scalars(db.select(Vacancy).order_by(Vacancy.start_date)).all()
    assert [(v.post.title, v.start_date, v.reason) for v in vacancies] == [
        ("Kepala Dinas Sosial", dt.date(2025, 3, 1), "pensiun"),
        ("Camat Topos", dt.date(2025, 6, 1), "mutasi")]
    acting = db.session.scalar(db.select(ActingAssignment))
    assert (acting.kind, acting.official.nip, acting.letter_date, acting.letter_number) == (
        "plt", ACTING_NIP, dt.date(2025, 2, 28), "800/12/BKPSDM/2025")
    # akhir_tugas left empty: the default term from the settings.
    assert acting.end_date == default_planned_end(dt.date(2025, 3, 1), 3)
    assert acting.official.position_title == "Sekretaris Dinas Sosial"
    assert acting.post.opd.kind == "dinas" and vacancies[1].post.opd.kind == "kecamatan"


def test_good_xlsx_with_real_excel_dates(app, instansi, tmp_path):
    rows = good_rows()
    rows[1][5] = dt.datetime(2025, 3, 1)     # a real Excel date cell
    rows[1][12] = dt.datetime(2025, 2, 28)
    rows[1][13] = 45717                      # an Excel serial number: 1 March 2025
    rows[1][14] = dt.datetime(2025, 8, 31)
    rows[2][5] = dt.date(2025, 6, 1)
    path = write_xlsx(tmp_path / "daftar.xlsx", rows)

    report = _import(path)

    assert report.ok and report.applied, report.errors
    acting = db.session.scalar(db.select(ActingAssignment))
    assert (acting.start_date, acting.end_date, acting.letter_date) == (
        dt.date(2025, 3, 1), dt.date(2025, 8, 31), dt.date(2025, 2, 28))
    assert acting.vacancy.start_date == dt.date(2025, 3, 1)
    # The NIP typed as text keeps every digit (and its leading "19").
    assert db.session.scalar(db.select(Official.id).filter_by(nip=HOLDER_NIP))


def test_bad_rows_are_reported_and_nothing_changes(app, instansi, tmp_path):
    rows = good_rows()
    rows[0][3] = "19701312 199803 1 004"          # month 13: not a birth date
    rows[1][13] = "31/02/2025"                     # no such day
    rows[2][7], rows[2][8], rows[2][9], rows[2][13] = "Pjs", ACTING_NIP, "Drs. X", "2025-06-01"
    rows.append(["", "Kepala Dinas Pertanian", "JPT Pratama", "", "", "2025-01-01", "", "", "",
                 "", "", "", "", "", ""])
    before = counts()

    report = _import(write_csv(tmp_path / "salah.csv", rows))

    assert not report.applied
    found = {(e.row, e.column) for e in report.errors}
    assert found == {(2, "nip_pejabat"), (3, "mulai_tugas"), (4, "jenis_pelaksana"), (5, "opd")}
    messages = {e.column: e.message for e in report.errors}
    assert "tanggal lahir" in messages["nip_pejabat"]
    assert "kalender" in messages["mulai_tugas"]
    assert "bukan Plt, Plh atau Pj" in messages["jenis_pelaksana"]
    assert messages["opd"] == "OPD wajib diisi"
    assert counts() == before


def test_reimport_changes_nothing(app, tmp_path):
    path = write_csv(tmp_path / "daftar.csv", good_rows())
    _import(path)
    before = counts()

    report = _import(path)

    assert report.ok and report.changes == 0
    assert sum(report.unchanged.values()) == 12
    assert counts() == before


def test_dry_run_changes_nothing(app, tmp_path):
    before = counts()
    report = _import(write_csv(tmp_path / "daftar.csv", good_rows()), dry_run=True)
    assert report.ok and not report.applied
    assert report.created["post"] == 3
    assert counts() == before


def test_conflict_with_the_database_is_a_row_error(app, factory, tmp_path):
    opd = factory.opd("Dinas Sosial")
    post = factory.post("Kepala Dinas Sosial", opd=opd)
    factory.vacancy(post, start=dt.date(2024, 11, 1))
    before = counts()

    report = _import(write_csv(tmp_path / "daftar.csv", good_rows()))

    assert [(e.row, e.column) for e in report.errors] == [(3, "kosong_sejak")]
    assert "01/11/2024" in report.errors[0].message
    assert counts() == before


def test_a_different_holder_in_the_database_is_a_row_error(app, factory, tmp_path):
    post = factory.post("Kepala Dinas Kesehatan", opd=factory.opd("Dinas Kesehatan"))
    from plt_tracker.core.db import transaction
    from plt_tracker.registry.operations import set_holder
    with transaction():
        set_holder(post, factory.official("Orang Lain"))
    before = counts()

    report = _import(write_csv(tmp_path / "daftar.csv", good_rows()))

    assert [(e.row, e.column) for e in report.errors] == [(2, "nip_pejabat")]
    assert "Orang Lain" in report.errors[0].message
    assert counts() == before
    assert current_appointment(post.id).official.name == "Orang Lain"


def test_missing_required_column(app, tmp_path):
    headers = [h for h in HEADERS if h != "Jenis Jabatan"]
    rows = [r[:2] + r[3:] for r in good_rows()]
    report = _import(write_csv(tmp_path / "kurang.csv", rows, headers))
    assert [str(e) for e in report.errors] == ["berkas: Kolom wajib tidak ada: jenis_jabatan"]


def test_cli_import_dry_run_then_real_then_again(app, runner, tmp_path):
    path = str(write_csv(tmp_path / "daftar.csv", good_rows()))

    result = runner.invoke(args=["plt", "import", path, "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Uji coba" in result.output and "jabatan: 3 baru" in result.output
    assert counts()["Post"] == 0

    result = runner.invoke(args=["plt", "import", path])
    assert result.exit_code == 0, result.output
    assert "Impor selesai" in result.output and counts()["Post"] == 3
    actors = set(db.session.scalars(db.select(AuditEntry.actor)))
    assert actors == {"impor"}

    result = runner.invoke(args=["plt", "import", path])
    assert result.exit_code == 0 and "Tidak ada perubahan" in result.output


def test_cli_reports_bad_rows_and_exits_non_zero(app, runner, tmp_path):
    rows = good_rows()
    rows[1][8] = "12345"
    result = runner.invoke(args=["plt", "import", str(write_csv(tmp_path / "salah.csv", rows))])
    assert result.exit_code == 1
    assert "baris 3, kolom nip_pelaksana: NIP harus 18 angka" in result.output
    assert "tidak ada yang diubah" in result.output
    assert counts()["Post"] == 0


def test_plh_on_a_filled_post_and_plt_refused_there(app, tmp_path):
    rows = good_rows()
    rows[0][7:14] = ["Plh", ACTING_NIP, "Drs. Ahmad Fiktif, M.Si.", "Sekretaris Dinas Kesehatan",
                     "800/9/BKPSDM", "2025-07-01", "2025-07-01"]
    report = _import(write_csv(tmp_path / "plh.csv", rows))
    assert report.ok, report.errors
    plh = db.session.scalar(db.select(ActingAssignment).filter_by(kind="plh"))
    assert plh.vacancy_id is None and plh.post.title == "Kepala Dinas Kesehatan"

    rows[0][7] = "Plt"
    rows[0][12] = "2025-08-01"
    rows[0][13] = "2025-08-01"
    before = counts()
    report = _import(write_csv(tmp_path / "plt.csv", rows))
    assert [(e.row, e.column) for e in report.errors] == [(2, "jenis_pelaksana")]
    assert counts() == before


def test_a_vacancy_too_far_ahead_is_a_row_error(app, tmp_path):
    rows = good_rows()
    rows[2][5] = (today() + dt.timedelta(days=400)).isoformat()
    report = _import(write_csv(tmp_path / "masa_depan.csv", rows))
    assert [(e.row, e.column) for e in report.errors] == [(4, "kosong_sejak")]
    assert "paling jauh 12 bulan ke depan" in report.errors[0].message
    assert counts()["Post"] == 0


def test_kepala_opd_marks_the_posts_that_head_their_opd(app, tmp_path):
    from plt_tracker.registry.models import Post

    headers = HEADERS + ["Kepala OPD"]
    rows = [row + [""] for row in good_rows()]
    rows.append(["Dinas Kesehatan", "Sekretaris Dinas Kesehatan", "Administrator",
                 "198001012006041002", "Siti Contoh", "", "", "", "", "", "", "", "", "", "",
                 "tidak"])
    report = _import(write_csv(tmp_path / "semua.csv", rows, headers))
    assert report.applied, report.errors

    def heads():
        return dict(db.session.execute(db.select(Post.title, Post.is_head)).all())

    assert heads() == {"Kepala Dinas Kesehatan": True, "Kepala Dinas Sosial": True,
                       "Camat Topos": True, "Sekretaris Dinas Kesehatan": False}

    # A later file corrects one post: the change is audited; empty cells change nothing.
    rows[2][-1], rows[3][-1] = "Tidak", ""
    report = _import(write_csv(tmp_path / "koreksi.csv", rows, headers))
    assert report.applied and report.updated["post"] == 1, report.errors
    assert heads()["Camat Topos"] is False and heads()["Sekretaris Dinas Kesehatan"] is False
    entry = db.session.scalar(db.select(AuditEntry).filter_by(entity="post", action="update"))
    assert (entry.before["is_head"], entry.after["is_head"], entry.entity_version) == \
        (True, False, 2)

    rows[0][-1] = "mungkin"
    report = _import(write_csv(tmp_path / "salah.csv", rows, headers))
    assert [(e.row, e.column) for e in report.errors] == [(2, "kepala_opd")]
    assert "bukan ya atau tidak" in report.errors[0].message


def test_the_sekda_post_stays_a_head(app, factory, tmp_path):
    """The Sekda's post (by its title) cannot be marked as no OPD head by a file."""
    factory.post("Sekretaris Daerah", opd=factory.opd("Sekretariat Daerah"), kind="jpt_madya")
    before = counts()
    rows = [["Sekretariat Daerah", "Sekretaris Daerah", "JPT Madya", "", "", "2025-06-01",
             "Pensiun", "", "", "", "", "", "", "", "", "tidak"]]
    report = _import(write_csv(tmp_path / "sekda.csv", rows, HEADERS + ["kepala_opd"]))
    assert [(e.row, e.column) for e in report.errors] == [(2, "kepala_opd")]
    assert counts() == before
