"""Throughput of the vacancy list under gunicorn with a few clients, against the hello page.

gunicorn serves the bench's own app (bench.scale_bench:bench_app(), with its hello page)
on a free port of 127.0.0.1; each client logs in with its own cookies and asks for one
page as fast as it is answered, for a fixed time.
"""
import socket
import statistics
import subprocess  # nosec B404  # starts this app's own gunicorn
import threading
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
HELLO = "/bench-hello"
SECRET = "bench-scale"  # nosec B105  # the session key of a throwaway bench server
USER = ("bench-nasional", "skala-nasional-552-bench")  # nosec B105  # a throwaway bench account


def _free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _client(base):
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    data = urllib.parse.urlencode({"username": USER[0], "password": USER[1]}).encode()
    opener.open(base + "/masuk", data=data, timeout=60).read()  # nosec B310  # http://127.0.0.1 only
    return opener


def _drive(base, path, clients, duration):
    """Let `clients` ask for `path` for `duration` seconds; return (per second, times)."""
    openers = [_client(base) for _ in range(clients)]
    times, stop = [], threading.Event()

    def run(opener):
        while not stop.is_set():
            started = time.perf_counter()
            with opener.open(base + path, timeout=120) as response:  # nosec B310  # http://127.0.0.1 only
                response.read()
            times.append(time.perf_counter() - started)

    threads = [threading.Thread(target=run, args=(o,)) for o in openers]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    time.sleep(duration)
    stop.set()
    for thread in threads:
        thread.join()
    return len(times) / (time.perf_counter() - started), times


def gunicorn_ratio(url, clients, duration, workers=4):
    """Return markdown lines: requests per second of the list and of hello, and their ratio."""
    import os

    import importlib.util
    import sys

    if importlib.util.find_spec("gunicorn") is None:
        return ["- gunicorn is not installed (`.venv/bin/pip install \"gunicorn>=23\"`, or "
                "`pip install --target DIR gunicorn` and PYTHONPATH=DIR): throughput not measured."]
    port = _free_port()
    # The parent's sys.path goes along, so a gunicorn installed beside the venv is found too.
    env = dict(os.environ, DATABASE_URL=url, SECRET_KEY=SECRET,
               PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    server = subprocess.Popen(  # nosec B603  # this app's own server, bound to 127.0.0.1
        [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"{HOST}:{port}",
         "--log-level", "warning", "bench.scale_bench:bench_app()"], env=env, cwd=ROOT)
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/masuk", timeout=5).read()  # nosec B310  # http://127.0.0.1 only
                break
            except OSError:
                time.sleep(0.5)
        rows = []
        for label, path in (("hello", HELLO), ("/kekosongan, nation, page 1",
                                               "/kekosongan?pemda=")):
            _drive(base, path, clients, 2)  # warm every worker
            per_second, times = _drive(base, path, clients, duration)
            rows.append((label, per_second, times))
    finally:
        server.terminate()
        server.wait(timeout=30)
    ratio = rows[1][1] / rows[0][1]
    lines = [f"Under gunicorn (-w {workers} sync, 127.0.0.1) with {clients} clients for "
             f"{duration:.0f} s each:", "", "| page | requests/s | p50 ms | p95 ms |",
             "|---|---:|---:|---:|"]
    for label, per_second, times in rows:
        ordered = sorted(times)
        lines.append(f"| {label} | {per_second:.1f} | {statistics.median(times) * 1000:.0f} | "
                     f"{ordered[int(0.95 * (len(ordered) - 1))] * 1000:.0f} |")
    lines.append(f"\nList throughput ÷ hello throughput: **{ratio:.2f}** (target ≥ 0.3).")
    return lines
