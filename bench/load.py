"""Load drill: readers and editors against gunicorn on 127.0.0.1, then a check of every write.

    .venv/bin/python bench/load.py --database sqlite
    .venv/bin/python bench/load.py --database postgresql --readers 50 --editors 5 --duration 120

It builds a fresh database with the demo kabupaten, starts gunicorn (3 workers)
on a free port of 127.0.0.1, logs in 50 readers (Sekda) and 5 editors (BKPSDM);
readers open the list pages and post pages, editors record officials with
unique names through the real form. Afterwards every accepted write must be
in the database exactly once, with exactly one audit entry, and no response
may be a 5xx. Latencies (p50/p95/p99) and requests per second go to
docs/performance.md. Nothing leaves 127.0.0.1.
"""
import argparse
import os
import random
import re
import shutil
import socket
import subprocess  # nosec B404  # starts this app's own gunicorn and flask commands
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.load_report import write_report  # noqa: E402

HOST = "127.0.0.1"
PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
READER, EDITOR = ("sekda", "air-ketahun-2026"), ("bkpsdm", "danau-tes-2026")
READ_PAGES = ["/", "/jabatan", "/pejabat", "/akan-kosong", "/rakor", "/rakor/laporan"]
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class Client:
    """One simulated browser: its own cookies, every request timed."""

    def __init__(self, base, log):
        self.base, self.log = base, log
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()),
                                                  _NoRedirect())

    def request(self, kind, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=data, timeout=120) as response:  # nosec B310  # http://127.0.0.1 only
                status, body = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode("utf-8", "replace")
        except OSError as error:
            status, body = 0, str(error)
        self.log.append((kind, status, time.perf_counter() - started))
        return status, body

    def login(self, username, password):
        _status, page = self.request("login", "/masuk")
        status, _ = self.request("login", "/masuk", {"username": username, "password": password,
                                                    "csrf_token": TOKEN.search(page).group(1)})
        if status != 302:
            raise RuntimeError(f"login of {username} answered {status}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def reader(client, stop, post_ids):
    """Open list pages and post pages until told to stop."""
    rng = random.Random()  # nosec B311  # picks pages to read, nothing secret
    while not stop.is_set():
        path = rng.choice(READ_PAGES + [f"/jabatan/{rng.choice(post_ids)}"] * 3)
        client.request("read", path)


def editor(client, stop, number, run, accepted):
    """Record officials with unique names and NIPs through the real form."""
    count = 0
    while not stop.is_set():
        count += 1
        _status, page = client.request("read", "/pejabat/baru")
        name = f"Beban {run} E{number} N{count}"
        nip = f"99{int(run[:4], 16) % 10000:04d}{number:02d}{count:010d}"
        status, _ = client.request("write", "/pejabat/baru", {
            "nip": nip, "nip_kind": "other", "name": name,
            "csrf_token": TOKEN.search(page).group(1)})
        if status == 302:
            accepted.append(name)


def main():
    """Prepare, drive, check, report."""
    args = _arguments()
    run = uuid.uuid4().hex[:8]
    with _database(args.database) as (url, instance):
        env = dict(os.environ, DATABASE_URL=url, INSTANCE_PATH=str(instance),
                   SECRET_KEY=f"load-{run}", FLASK_APP="wsgi")
        flask = [str(ROOT / ".venv/bin/flask"), "--app", "wsgi"]
        subprocess.run(flask + ["db", "upgrade"], env=env, cwd=ROOT, check=True,  # nosec B603  # fixed arguments
                       capture_output=True)
        subprocess.run(flask + ["plt", "demo"], env=env, cwd=ROOT, check=True,  # nosec B603  # fixed arguments
                       capture_output=True)
        post_ids = _post_ids(url)
        port = _free_port()
        server = subprocess.Popen(  # nosec B603  # this app's own server, bound to 127.0.0.1
            [str(ROOT / ".venv/bin/gunicorn"), "-w", str(args.workers), "-b", f"{HOST}:{port}",
             "--log-level", "warning", "wsgi:app"], env=env, cwd=ROOT)
        try:
            base = f"http://{HOST}:{port}"
            _wait_until_up(base)
            result = _drive(base, args, run, post_ids)
        finally:
            server.terminate()
            server.wait(timeout=30)
        result["check"] = _check(url, run, result["accepted"])
    command = " ".join([".venv/bin/python", "bench/load.py"] + sys.argv[1:])
    write_report(ROOT / args.output, args, result, command)
    problems = result["check"]["problems"] + [f"{n} answers 5xx" for n in [result["errors_5xx"]] if n]
    print("\n".join(problems) or "no 5xx, no lost or duplicated write")
    return 1 if problems else 0


def _drive(base, args, run, post_ids):
    log, accepted, stop = [], [], threading.Event()
    readers = [Client(base, log) for _ in range(args.readers)]
    editors = [Client(base, log) for _ in range(args.editors)]
    for client in readers:
        client.login(*READER)
    for client in editors:
        client.login(*EDITOR)
    log.clear()
    threads = [threading.Thread(target=reader, args=(c, stop, post_ids)) for c in readers]
    threads += [threading.Thread(target=editor, args=(c, stop, i, run, accepted))
                for i, c in enumerate(editors, start=1)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(args.duration)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"log": list(log), "elapsed": elapsed, "accepted": list(accepted),
            "errors_5xx": sum(1 for _k, status, _t in log if status >= 500),
            "failed": sum(1 for _k, status, _t in log if status == 0)}


def _check(url, run, accepted):
    """Compare the accepted writes with the officials and the audit log in the database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(text(
            "SELECT name FROM official WHERE name LIKE :p"), {"p": f"Beban {run} %"})]
        audits = [r[0] for r in conn.execute(text(
            "SELECT summary FROM audit_entry WHERE entity = 'official' AND action = 'create' "
            "AND summary LIKE :p"), {"p": f"%Beban {run} %"})]
    engine.dispose()
    audited = [re.search(rf"(Beban {run} E\d+ N\d+)", s).group(1) for s in audits]
    problems = []
    lost = set(accepted) - set(names)
    duplicated = {n for n in names if names.count(n) > 1}
    unaudited = set(names) - set(audited)
    twice_audited = {n for n in audited if audited.count(n) > 1}
    unexpected = set(names) - set(accepted)
    for label, found in (("lost", lost), ("duplicated", duplicated), ("not audited", unaudited),
                         ("audited twice", twice_audited), ("stored but refused", unexpected)):
        if found:
            problems.append(f"{len(found)} writes {label}: {sorted(found)[:5]}")
    return {"accepted": len(accepted), "stored": len(names), "audited": len(audited),
            "problems": problems}


def _post_ids(url):
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        ids = [r[0] for r in conn.execute(text("SELECT id FROM post"))]
    engine.dispose()
    return ids


class _database:
    """A fresh database for the drill (SQLite file or a new PostgreSQL database), removed after."""

    def __init__(self, kind):
        self.kind, self.folder = kind, Path(tempfile.mkdtemp(prefix="plt-load-"))

    def __enter__(self):
        if self.kind == "sqlite":
            return f"sqlite:///{self.folder / 'load.db'}", self.folder
        from sqlalchemy import create_engine, make_url, text

        self.name = f"plt_load_{uuid.uuid4().hex[:8]}"
        self.admin = create_engine(PG_SERVER, isolation_level="AUTOCOMMIT")
        with self.admin.connect() as conn:
            conn.execute(text(f"CREATE DATABASE {self.name}"))
        url = make_url(PG_SERVER).set(database=self.name).render_as_string(hide_password=False)
        return url, self.folder

    def __exit__(self, *exc):
        if self.kind != "sqlite":
            from sqlalchemy import text

            with self.admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)"))
            self.admin.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _wait_until_up(base):
    for _ in range(100):
        try:
            with urllib.request.urlopen(base + "/health", timeout=2) as response:  # nosec B310  # http://127.0.0.1 only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--editors", type=int, default=5)
    parser.add_argument("--duration", type=float, default=120, help="seconds (default 120)")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    parser.add_argument("--output", default="docs/performance.md")
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(main())
