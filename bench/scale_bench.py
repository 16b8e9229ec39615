"""Pages, `plt flags` and throughput at scale, on a register built by bench/build_scale_db.py.

    .venv/bin/python bench/scale_bench.py --url sqlite:////tmp/plt_bench_38.db --label "38 pemda, SQLite"
    .venv/bin/python bench/scale_bench.py --url postgresql+psycopg://postgres@127.0.0.1:5432/plt_bench_552 \
        --label "552 pemda, PostgreSQL" --write docs/performance.md

For each page (the vacancy list's first page for the nation and for one pemda, a
post page, the national ranking /wilayah, whatever `/` serves, the API's vacancy
list) it reports the median and p95 over repeated requests through the Flask test
client as a national admin, the SQL statements per request (an SQLAlchemy event),
the peak memory of one request (tracemalloc) and the ratio to an authenticated hello
page registered on the bench's own app object (never in production code). Then the
list's first page against the bare SQL query that fetches its 50 rows (the same
statement and parameters, captured from the request), `plt flags` in a subprocess
(process start included) for one pemda and for every pemda, and the list's
throughput under gunicorn with 4 clients against the hello page's (127.0.0.1 only).
Markdown tables go to stdout; --write replaces this size's part of the "Skala (issue
11)" section of the file.
"""
import argparse
import os
import platform
import statistics
import subprocess  # nosec B404  # this app's own flask and gunicorn commands
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.scale_serve import HELLO, SECRET, USER, gunicorn_ratio  # noqa: E402
from bench.scale_report import machine, write_section  # noqa: E402


def bench_app(url=None):
    """Return the app on the bench database with a login-only hello page (bench only)."""
    from flask import Response
    from flask_login import login_required

    from plt_tracker import create_app

    app = create_app(SQLALCHEMY_DATABASE_URI=url or os.environ["DATABASE_URL"],
                     WTF_CSRF_ENABLED=False, RATELIMIT_ENABLED=False)

    @login_required
    def hello():
        return Response("hello", mimetype="text/plain")

    app.add_url_rule(HELLO, "bench_hello", hello)
    return app


def ensure_user(app):
    """Create the national admin the bench logs in as (once per database)."""
    from plt_tracker.auth.models import User
    from plt_tracker.auth.operations import create_user
    from plt_tracker.core.db import transaction
    from plt_tracker.extensions import db
    from plt_tracker.registry.models import Instansi

    with app.app_context():
        if db.session.scalar(db.select(User.id).filter_by(username=USER[0])) is None:
            with transaction():
                first = db.session.scalar(db.select(Instansi.id).order_by(Instansi.id))
                create_user(first, USER[0], USER[1], "admin", "Bench Nasional", scope="national")


def targets(app):
    """Return the pemda (a kabupaten with the most open vacancies) and a post to measure."""
    from plt_tracker.extensions import db

    with app.app_context():
        row = db.session.execute(db.text(
            "SELECT i.id, i.name, count(*) FROM vacancy v JOIN post p ON p.id = v.post_id "
            "JOIN opd o ON o.id = p.opd_id JOIN instansi i ON i.id = o.instansi_id "
            "WHERE v.end_date IS NULL AND i.kind = 'kabupaten' GROUP BY i.id, i.name "
            "ORDER BY count(*) DESC, i.id LIMIT 1")).first()
        post_id = db.session.scalar(db.text(
            "SELECT v.post_id FROM vacancy v JOIN post p ON p.id = v.post_id JOIN opd o ON "
            "o.id = p.opd_id WHERE o.instansi_id = :i GROUP BY v.post_id "
            "ORDER BY count(*) DESC, v.post_id LIMIT 1"), {"i": row[0]})
    return row[0], row[1], post_id


class Counter:
    """Counts SQL statements (and keeps them) while listening on the engine."""

    def __init__(self, engine):
        from sqlalchemy import event

        self.statements = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many):
        self.statements.append((statement, parameters))


def measure(client, counter, path, repeat):
    """Return (status, times in s, statements per request, peak MB, captured statements)."""
    response = client.get(path)  # warm: templates compiled, caches filled
    if response.status_code == 404:
        return 404, [], 0, 0.0, []
    times = []
    for _ in range(repeat):
        counter.statements.clear()
        started = time.perf_counter()
        response = client.get(path)
        response.get_data()
        times.append(time.perf_counter() - started)
    statements = list(counter.statements)
    tracemalloc.start()
    client.get(path).get_data()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return response.status_code, times, len(statements), peak, statements


def p95(times):
    return sorted(times)[max(0, int(round(0.95 * len(times))) - 1)]


def bare_query(app, statements, repeat):
    """Time the list's own 50-row statement run alone (driver level); return median s."""
    from plt_tracker.extensions import db

    chosen = [s for s in statements if "vacancy_state" in s[0] and "LIMIT" in s[0].upper()]
    if not chosen:
        return None
    statement, parameters = max(chosen, key=lambda s: len(s[0]))
    times = []
    with app.app_context():
        with db.engine.connect() as conn:
            for _ in range(repeat + 1):
                started = time.perf_counter()
                conn.exec_driver_sql(statement, parameters).fetchall()
                times.append(time.perf_counter() - started)
    return statistics.median(times[1:])


def start_time(url):
    """Return the wall time of a process that only creates the app (the floor under `plt flags`)."""
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=SECRET)
    started = time.perf_counter()
    subprocess.run([str(ROOT / ".venv/bin/python"), "-c", "import wsgi"], env=env, cwd=ROOT,  # nosec B603  # fixed arguments
                   check=True)
    return time.perf_counter() - started


def flags_time(url, pemda_name, everyone):
    """Run `plt flags` (one pemda) or the same flags for every pemda in a subprocess; return s."""
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=SECRET, PEMDA_NAME=pemda_name)
    if everyone:
        code = ("from wsgi import app\nfrom plt_tracker.flags.commands import flag_records\n"
                "from plt_tracker.core.dates import today\nfrom plt_tracker.extensions import db\n"
                "with app.app_context():\n    n = 0\n"
                "    for (i,) in db.session.execute(db.text('SELECT id FROM instansi')):\n"
                "        n += len(flag_records(i, today()))\n    print(n)\n")
        command = [str(ROOT / ".venv/bin/python"), "-c", code]
    else:
        command = [str(ROOT / ".venv/bin/flask"), "--app", "wsgi", "plt", "flags", "--format",
                   "csv"]
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True, text=True)  # nosec B603  # fixed arguments
    seconds = time.perf_counter() - started
    lines = done.stdout.strip().splitlines()
    return seconds, (int(lines[-1]) if everyone else max(0, len(lines) - 1))


def main():
    """Measure and report."""
    args = _arguments()
    app = bench_app(args.url)
    ensure_user(app)
    pemda_id, pemda_name, post_id = targets(app)
    with app.app_context():
        from plt_tracker.extensions import db

        counter = Counter(db.engine)
    client = app.test_client()
    login = client.post("/masuk", data={"username": USER[0], "password": USER[1]})
    assert login.status_code == 302, login.status_code  # nosec B101  # a bench precondition
    pages = [("hello (login only)", HELLO), ("/kekosongan, nation, page 1", "/kekosongan?pemda="),
             ("/kekosongan, one pemda, page 1", f"/kekosongan?pemda={pemda_id}"),
             ("/jabatan/<id>, post page", f"/jabatan/{post_id}"),
             ("/wilayah, national ranking", "/wilayah?pemda="), ("/ (home)", "/?pemda="),
             ("/api/v1/vacancies", "/api/v1/vacancies?pemda=")]
    results, notes = [], []
    for label, path in pages:
        status, times, queries, peak, statements = measure(client, counter, path, args.repeat)
        if status == 404:
            notes.append(f"{label}: 404 on this branch (not measured).")
            continue
        results.append((label, path, status, times, queries, peak, statements))
    client.get("/kekosongan?pemda=")
    hello = statistics.median(results[0][3])
    lines = [f"Pages ({args.repeat} requests each after a warm-up; test client, national admin):",
             "", "| page | status | median ms | p95 ms | SQL statements | peak MB | ÷ hello |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for label, _path, status, times, queries, peak, _s in results:
        lines.append(f"| {label} | {status} | {statistics.median(times) * 1000:.1f} | "
                     f"{p95(times) * 1000:.1f} | {queries} | {peak:.1f} | "
                     f"{statistics.median(times) / hello:.1f}× |")
    for label, _path, _status, times, _q, _p, statements in results[1:3]:
        bare = bare_query(app, statements, args.repeat)
        if bare:
            lines.append(f"\n{label} ÷ its bare 50-row SQL statement ({bare * 1000:.1f} ms): "
                         f"**{statistics.median(times) / bare:.0f}×**.")
    lines += [""] + [f"- {n}" for n in notes]
    # Best of three: the machine is shared, and one pemda's run is short enough to repeat.
    one, count_one = min(flags_time(args.url, pemda_name, everyone=False) for _ in range(3))
    nation, count_all = flags_time(args.url, pemda_name, everyone=True)
    floor = min(start_time(args.url) for _ in range(3))
    lines += ["", "| `plt flags` (subprocess, process start included) | seconds | flags |",
              "|---|---:|---:|", f"| process start only (`python -c 'import wsgi'`, best of 3) | "
              f"{floor:.2f} | – |", f"| one pemda ({pemda_name}), best of 3 | {one:.2f} | {count_one} |",
              f"| every pemda, one process (no nation option: `flag_records` per pemda) | "
              f"{nation:.2f} | {count_all} |"]
    if not args.skip_gunicorn:
        lines += [""] + gunicorn_ratio(args.url, args.clients, args.duration)
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_section(ROOT / args.write, args.label, text, sys.argv[1:], machine(args.url))
    return 0


def _arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default=os.environ.get("DATABASE_URL"), required=False)
    parser.add_argument("--label", default="bench")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--duration", type=float, default=15.0)
    parser.add_argument("--skip-gunicorn", action="store_true")
    parser.add_argument("--write", default=None, help="e.g. docs/performance.md")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
