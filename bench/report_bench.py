"""Time and measure the Rakor report of one pemda in every format as the flagged list grows.

    .venv/bin/python bench/report_bench.py [--rows 20,200,400] [--repeat 3]

Loads the demo into a throwaway SQLite file, takes its newest frozen report and widens its
flagged table to N rows (copies of the demo's rows under new post names, so each row keeps a
realistic mix of flags, acting letters and stages). Each format is rendered in its own child
process, so the peak memory (max RSS, the app's imports included) is that format's alone. The issue's target: 400 posts
with 200 flagged vacancies, every format under 5 s and 300 MB.
"""
import argparse
import copy
import io
import json
import resource
import statistics
import subprocess  # nosec B404  # runs this same script as a child, no shell
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FORMATS = ("html", "pdf", "xlsx", "csv", "json")


def demo_snapshot():
    """Return the newest frozen report of the demo as a dict."""
    import datetime as dt

    from flask_migrate import upgrade

    from config import TestConfig
    from plt_tracker import create_app
    from plt_tracker.demo.commands import load_demo
    from plt_tracker.extensions import db
    from plt_tracker.rakor.models import RakorReport

    path = Path(tempfile.mkdtemp()) / "report.db"
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}")
    with app.app_context():
        upgrade()
        load_demo(dt.date.today())
        report = db.session.scalars(db.select(RakorReport)
                                    .order_by(RakorReport.id.desc())).first()
        return report.snapshot


def widen(snapshot, rows):
    """Return the snapshot with `rows` flagged rows cycled from its own."""
    wide = copy.deepcopy(snapshot)
    source = snapshot["rows"]
    wide["rows"] = []
    for i in range(rows):
        row = copy.deepcopy(source[i % len(source)])
        row["post"] = f"{row['post']} ({i + 1})"
        wide["rows"].append(row)
    return wide


def child(path, fmt, repeat):
    """Render one format `repeat` times; print the median seconds and the size."""
    from config import TestConfig
    from plt_tracker import create_app
    from plt_tracker.rakor.exports import render

    snapshot = json.loads(Path(path).read_text())
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI="sqlite://")
    times = []
    with app.test_request_context():
        for _ in range(repeat):
            start = time.perf_counter()
            body = render(snapshot, fmt)
            times.append(time.perf_counter() - start)
    pages = ""
    if fmt == "pdf":
        pages = len(__import__("pypdf").PdfReader(io.BytesIO(body)).pages) if _has_pypdf() else ""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": statistics.median(times), "bytes": len(body),
                      "peak_mb": peak, "pages": pages}))


def _has_pypdf():
    import importlib.util

    return importlib.util.find_spec("pypdf") is not None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="20,200,400")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(*args.child, args.repeat)
    base = demo_snapshot()
    print("| flagged rows | format | median s | peak MB | size KB | pages |")
    print("|---:|---|---:|---:|---:|---:|")
    for rows in (int(n) for n in args.rows.split(",")):
        snap = Path(tempfile.mkdtemp()) / "snapshot.json"
        snap.write_text(json.dumps(widen(base, rows)))
        for fmt in FORMATS:
            out = subprocess.run(  # nosec B603  # this interpreter and this script, fixed arguments
                [sys.executable, __file__, "--child", str(snap), fmt, "--repeat", str(args.repeat)],
                check=True, capture_output=True, text=True, cwd=ROOT)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {rows} | {fmt} | {result['seconds']:.2f} | {result['peak_mb']:.0f} | "
                  f"{result['bytes'] / 1024:.0f} | {result['pages']} |")


if __name__ == "__main__":
    main()
