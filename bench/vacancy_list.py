"""Time the vacancy list page and count its SQL queries as the register grows.

    .venv/bin/python bench/vacancy_list.py [--sizes 30,300,3000] [--repeat 5]

Builds a throwaway SQLite register of N vacant posts (each with a Plt and an
extension), then renders "/" as a logged-in Sekda and reports the median time
and the number of SQL statements. The query count must not grow with N
(beyond SQLAlchemy's "select in" loading, which fetches related rows 500 ids
per statement).
"""
import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from config import TestConfig  # noqa: E402
from plt_tracker import create_app  # noqa: E402
from plt_tracker.extensions import db  # noqa: E402

FAR = dt.date(2100, 1, 1)


def build(n):
    """Create an app on a new SQLite file holding n vacant posts."""
    import logging

    from flask_migrate import upgrade

    from plt_tracker.pemda.operations import default_pemda

    from plt_tracker.auth.operations import create_user
    from plt_tracker.core.db import transaction
    from plt_tracker.registry import operations as reg
    from plt_tracker.vacancies import operations as vac

    path = Path(tempfile.mkdtemp()) / "bench.db"
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{path}", WTF_CSRF_ENABLED=False)
    with app.app_context():
        upgrade()
        logging.getLogger("alembic").setLevel(logging.WARNING)
        with transaction():
            pemda = default_pemda()
            create_user(pemda.id, "sekda", "rahasia123", "viewer", "Sekda")
            for i in range(n):
                opd = reg.create_opd(pemda.id, f"Dinas Bench {i}", "dinas")
                post = reg.create_post(opd, f"Kepala Dinas Bench {i}", "jpt_pratama", "II.b")
                start = dt.date(2025, 1, 1) + dt.timedelta(days=i % 300)
                vacancy = vac.open_vacancy(post, start, "pensiun", today=FAR)
                nip = f"1975{(i // 1000) % 12 + 1:02d}12200003{1}{i % 1000:03d}"
                official = reg.create_official(pemda.id, nip, f"Pejabat {i}")
                acting = vac.name_acting(post, official, "plt", start, start + dt.timedelta(days=90),
                                         today=FAR, vacancy=vacancy)
                vac.extend_acting(acting, start + dt.timedelta(days=180), today=FAR,
                                  letter_date=start + dt.timedelta(days=80))
    return app


def measure(app, repeat):
    """Return (median seconds, SQL statements) of rendering the vacancy list."""
    client = app.test_client()
    client.post("/masuk", data={"username": "sekda", "password": "rahasia123"})  # nosec B105  # a throwaway benchmark account
    counter = {"n": 0}
    with app.app_context():
        engine = db.engine

    def count(*_args):
        counter["n"] += 1

    event.listen(engine, "before_cursor_execute", count)
    times = []
    for _ in range(repeat):
        counter["n"] = 0
        started = time.perf_counter()
        response = client.get("/?as_of=2025-12-31")
        times.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status_code  # nosec B101  # a benchmark check, run as is
    event.remove(engine, "before_cursor_execute", count)
    return statistics.median(times), counter["n"]


def main():
    """Run the benchmark for each size and print a table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="30,300,3000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'posts':>6} {'median ms':>10} {'queries':>8}")
    for n in (int(s) for s in args.sizes.split(",")):
        seconds, queries = measure(build(n), args.repeat)
        print(f"{n:>6} {seconds * 1000:>10.1f} {queries:>8}", flush=True)


if __name__ == "__main__":
    main()
