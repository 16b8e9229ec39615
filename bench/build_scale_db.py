"""Build a register of 1, 38 or 552 pemda with `flask plt synth`, and report time and rows.

    .venv/bin/python bench/build_scale_db.py --pemda 38 --database sqlite --path /tmp/plt_38.db
    .venv/bin/python bench/build_scale_db.py --pemda 552 --database postgresql --name plt_bench_552

The database is created fresh (an SQLite file, or a PostgreSQL database on the local
server, dropped first if it exists), migrated with `flask db upgrade`, then filled by
`flask plt synth` in a subprocess: the times include process start. Prints the
database URL (for bench/scale_bench.py), a markdown table of the rows per table and
the times. Nothing leaves 127.0.0.1.
"""
import argparse
import os
import platform
import subprocess  # nosec B404  # runs this app's own flask commands
import sys
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SECRET = "bench-scale"  # nosec B105  # the session key of a throwaway bench database
TABLES = ["instansi", "opd", "post", "official", "appointment", "vacancy", "acting_assignment",
          "acting_extension", "filling_attempt", "stage_record", "vacancy_state"]


def fresh_database(kind, path, name):
    """Create an empty database; return its URL."""
    if kind == "sqlite":
        target = Path(path)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{target.resolve()}"
    admin = sa.create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return sa.make_url(PG_SERVER).set(database=name).render_as_string(hide_password=False)


def flask(url, *args):
    """Run a flask command of this app on `url`; return its wall time in seconds."""
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=SECRET, FLASK_APP="wsgi")
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/flask"), "--app", "wsgi", *args], env=env, cwd=ROOT,  # nosec B603  # fixed arguments
                   check=True)
    return time.perf_counter() - started


def row_counts(url):
    """Return the rows of each table the synthetic register fills."""
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        counts = {t: conn.execute(sa.text(f"SELECT count(*) FROM {t}")).scalar()  # nosec B608  # fixed table names
                  for t in TABLES}
    engine.dispose()
    return counts


def size_of(url, kind, path):
    """Return the database's size on disk in MB."""
    if kind == "sqlite":
        return sum(Path(f"{path}{s}").stat().st_size for s in ("", "-wal")
                   if Path(f"{path}{s}").exists()) / 1e6
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        size = conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar()
    engine.dispose()
    return size / 1e6


def main():
    """Build, count, report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--pemda", type=int, default=1)
    parser.add_argument("--posts-per-pemda", type=int, default=335)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--as-of", default=None)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--path", default=None, help="SQLite file (default /tmp/plt_bench_N.db)")
    parser.add_argument("--name", default=None, help="PostgreSQL database (plt_bench_N)")
    args = parser.parse_args()
    path = args.path or f"/tmp/plt_bench_{args.pemda}.db"  # nosec B108  # a bench database, named on purpose
    url = fresh_database(args.database, path, args.name or f"plt_bench_{args.pemda}")
    upgrade = flask(url, "db", "upgrade")
    synth = ["plt", "synth", "--pemda", str(args.pemda), "--posts-per-pemda",
             str(args.posts_per_pemda), "--seed", str(args.seed)]
    synth += ["--as-of", args.as_of] if args.as_of else []
    seconds = flask(url, *synth)
    counts = row_counts(url)
    history = sum(v for k, v in counts.items() if k not in ("instansi", "opd", "post",
                                                             "vacancy_state"))
    print(f"\nDATABASE_URL={url}\n")
    print(f"Built {args.pemda} pemda × {args.posts_per_pemda} posts on {args.database} "
          f"({platform.python_version()}): `{' '.join(synth)}` in {seconds:.1f} s "
          f"(migrations {upgrade:.1f} s), {size_of(url, args.database, path):.0f} MB.\n")
    print("| table | rows |\n|---|---:|")
    for table, count in counts.items():
        print(f"| {table} | {count:,} |")
    print(f"| history rows (officials, appointments, vacancies, letters, attempts, stages) "
          f"| {history:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
