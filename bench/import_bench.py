"""Time and memory of importing a large BKPSDM workbook into a fresh database.

    .venv/bin/python bench/import_bench.py [--rows 10000] [--postgres-url URL] [--mysql-url URL]

Generates one .xlsx of `--rows` data rows: half on the register sheet (posts of
20 per OPD; two in five filled, the rest vacant) and half on the acting history
sheet (a Plt letter for each vacant post, then extensions of the earliest
letters). Then, on a fresh SQLite file (and on a new PostgreSQL database when
`--postgres-url` names a server, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres,
and on a new MariaDB database with `--mysql-url`, e.g. mysql+pymysql://root@127.0.0.1:3306/mysql):
read and check the file, preview it (dry run), apply it, and import it again
(nothing changes). Then, on another fresh database, what an admin waits for on
the import page (Flask's test client, the whole app but the socket): uploading
the file until the preview page is rendered (read, check, preview, a page of
every row), and confirming until the register is written (read, check, apply).
Prints a markdown table: seconds, and the process's peak resident memory after
each step (it only grows, so each figure is the peak so far).
"""
import argparse
import datetime as dt
import io
import logging
import re
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config import TestConfig  # noqa: E402
from plt_tracker import create_app  # noqa: E402
from plt_tracker.extensions import db  # noqa: E402

REGISTER = ["opd", "jabatan", "jenis_jabatan", "nip_pejabat", "nama_pejabat", "kosong_sejak",
            "alasan_kosong"]
HISTORY = ["opd", "jabatan", "kosong_sejak", "jenis_pelaksana", "nip_pelaksana",
           "nama_pelaksana", "jenis_jabatan_pelaksana", "nomor_surat", "tanggal_surat",
           "mulai_tugas", "akhir_tugas", "perpanjangan_dari"]
PER_OPD = 20
# The admin of the page run: a throwaway account in a throwaway database.
PASSWORD = "bangku-uji-impor-2026"  # nosec B105  # a benchmark's own database, dropped after


def nip(i, gender):
    """A valid, unique PNS NIP for person i (birth dates spread over 1965-1984)."""
    birth = dt.date(1965, 1, 1) + dt.timedelta(days=(i * 7) % 7300)
    return f"{birth:%Y%m%d}{birth.year + 25:04d}03{gender}{i % 1000:03d}"


def workbook(rows):
    """Return the .xlsx bytes and (register rows, history rows)."""
    import openpyxl

    posts = rows // 2
    vacant = [i for i in range(posts) if i % 5 >= 2]
    extensions = rows - posts - len(vacant)
    # A normal (not write-only) workbook: like Excel's own, it records each sheet's size
    # (<dimension>), which spares the reader a pass over the sheet to find it.
    book = openpyxl.Workbook()
    book.remove(book.active)
    register, history = book.create_sheet("Daftar jabatan"), book.create_sheet("riwayat_pelaksana")
    register.append(REGISTER)
    history.append(HISTORY)
    starts = {}
    for i in range(posts):
        opd, title = f"Dinas Uji {i // PER_OPD}", f"Kepala Bidang Uji {i}"
        kind = "JPT Pratama" if i % PER_OPD == 0 else "Administrator"
        if i % 5 < 2:
            register.append([opd, title, kind, nip(i, 1), f"Pejabat Definitif {i}", None, None])
        else:
            starts[i] = dt.date(2024, 1, 1) + dt.timedelta(days=i % 300)
            register.append([opd, title, kind, None, None, starts[i], "Pensiun"])
    for i in vacant:
        opd, title = f"Dinas Uji {i // PER_OPD}", f"Kepala Bidang Uji {i}"
        own = "Administrator" if i % PER_OPD == 0 else "Pengawas"
        history.append([opd, title, starts[i], "Plt", nip(posts + i, 2), f"Plt Uji {i}", own,
                        f"800/{i}/2024", starts[i], starts[i], None, None])
    for i in vacant[:extensions]:
        opd, title = f"Dinas Uji {i // PER_OPD}", f"Kepala Bidang Uji {i}"
        signed = starts[i] + dt.timedelta(days=80)
        history.append([opd, title, starts[i], "Plt", nip(posts + i, 2), f"Plt Uji {i}", None,
                        f"800/{i}/2024-P", signed, None, None, f"800/{i}/2024"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), (posts, len(vacant) + min(extensions, len(vacant)))


def peak_mb():
    """The process's peak resident memory so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(url, data, rows):
    """Import the workbook step by step into the empty database at `url`; return the results."""
    from flask_migrate import upgrade

    from plt_tracker.audit.operations import set_system_actor
    from plt_tracker.core.dates import today
    from plt_tracker.importer.operations import run_import
    from plt_tracker.importer.parse import parse_file

    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url, IMPORT_MAX_ROWS=rows)
    results = []
    with app.app_context():
        upgrade()
        logging.getLogger("alembic").setLevel(logging.WARNING)
        set_system_actor("impor")

        def step(name, work):
            started = time.perf_counter()
            value = work()
            results.append((name, time.perf_counter() - started, peak_mb()))
            return value

        parsed = step("read and check the file", lambda: parse_file(io.BytesIO(data), "uji.xlsx"))
        assert parsed.ok, parsed.errors[:5]  # nosec B101  # a benchmark check, run as is
        preview = step("preview (dry run)",
                       lambda: run_import(parsed, today=today(), dry_run=True))
        assert preview.ok, preview.errors[:5]  # nosec B101  # a benchmark check, run as is
        applied = step("apply", lambda: run_import(parsed, today=today(), dry_run=False))
        assert applied.applied, applied.errors[:5]  # nosec B101  # a benchmark check, run as is
        again = step("import again (no change)",
                     lambda: run_import(parsed, today=today(), dry_run=False))
        assert again.ok and not again.changes  # nosec B101  # a benchmark check, run as is
        db.session.remove()
        db.engine.dispose()
    return results, applied


def run_page(url, data, rows):
    """Preview and apply the workbook through the import page, as an admin; return results."""
    from flask_migrate import upgrade

    from plt_tracker.auth.operations import create_user
    from plt_tracker.core.db import transaction
    from plt_tracker.pemda.operations import default_pemda

    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url, IMPORT_MAX_ROWS=rows,
                     IMPORT_MAX_BYTES=50 * 1024 * 1024)
    results = []
    with app.app_context():
        upgrade()
        logging.getLogger("alembic").setLevel(logging.WARNING)
        with transaction():
            create_user(default_pemda().id, "bench-admin", PASSWORD, "admin", "Admin Uji")
        client = app.test_client()

        def token(page, name="csrf_token"):
            return re.search(rf'name="{name}"[^>]*value="([^"]+)"', page).group(1)

        login = client.get("/masuk").get_data(as_text=True)
        client.post("/masuk", data={"username": "bench-admin", "password": PASSWORD,
                                    "csrf_token": token(login)})
        form = client.get("/impor").get_data(as_text=True)
        started = time.perf_counter()
        preview = client.post("/impor", content_type="multipart/form-data", data={
            "file": (io.BytesIO(data), "uji.xlsx"), "csrf_token": token(form)})
        page = preview.get_data(as_text=True)
        results.append(("page: upload until the preview is shown", time.perf_counter() - started,
                        peak_mb()))
        ok = preview.status_code == 200 and "Terapkan impor" in page
        assert ok, page[:2000]  # nosec B101  # a benchmark check, run as is
        started = time.perf_counter()
        applied = client.post("/impor/terapkan", data={"token": token(page, "token"),
                                                       "csrf_token": token(page)})
        results.append(("page: confirm until written", time.perf_counter() - started, peak_mb()))
        text = applied.get_data(as_text=True)[:2000]
        assert applied.status_code == 302, text  # nosec B101  # a benchmark check, run as is
        db.session.remove()
        db.engine.dispose()
    return results


def new_database(server):
    """Create a new database on a PostgreSQL or MariaDB `server`; return (its URL, a function
    to drop it)."""
    import sqlalchemy as sa

    name = f"plt_bench_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    mysql = admin.dialect.name == "mysql"
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"  # nosec B608  # a generated name
                             + (" CHARACTER SET utf8mb4" if mysql else "")))

    def drop():
        with admin.connect() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"  # nosec B608  # as above
                                 + ("" if mysql else " WITH (FORCE)")))
        admin.dispose()

    return sa.make_url(server).set(database=name).render_as_string(hide_password=False), drop


def main():
    """Build the workbook, import it on each database, print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--postgres-url")
    parser.add_argument("--mysql-url")
    args = parser.parse_args()
    data, (posts, letters) = workbook(args.rows)
    print(f"Workbook: {args.rows} data rows ({posts} posts on the register sheet, {letters} "
          f"letters on riwayat_pelaksana), {len(data) / 1024:.0f} KB.\n")
    def sqlite():
        return f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}", None

    targets = [("SQLite", sqlite)]
    if args.postgres_url:
        targets.append(("PostgreSQL", lambda: new_database(args.postgres_url)))
    if args.mysql_url:
        targets.append(("MariaDB", lambda: new_database(args.mysql_url)))
    print("| database | step | seconds | peak RSS so far (MB) |")
    print("|---|---|---:|---:|")
    for label, database in targets:
        for work in (run, run_page):
            url, drop = database()
            try:
                results = work(url, data, args.rows)
            finally:
                if drop:
                    drop()
            if work is run:
                results, report = results
            for name, seconds, memory in results:
                print(f"| {label} | {name} | {seconds:.1f} | {memory:.0f} |", flush=True)
    print(f"\nCreated: {dict(report.created)}")


if __name__ == "__main__":
    main()
