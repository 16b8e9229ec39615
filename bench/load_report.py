"""Write the load drill's figures into docs/performance.md (one section per database)."""
import datetime as dt
import os
import platform
import sqlite3
from collections import Counter
from importlib import metadata

TITLES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
INTRO = """# Performance: the load drill

`bench/load.py` starts gunicorn (3 sync workers) on 127.0.0.1 over a fresh database holding
the demo kabupaten, logs in 50 readers (the Sekda account) and 5 editors (the BKPSDM
account), and lets them work for 2 minutes: readers open the vacancy list, the post list,
the officials, the upcoming vacancies, the Rakor pages and post pages at random, as fast as
the server answers; editors open the "new official" form and record an official with a
unique name and NIP, again and again. The clients run on the same machine as the server.
Afterwards the script checks every accepted write against the database (stored exactly
once) and the audit log (audited exactly once), and counts 5xx answers.

The clients never pause, so the server is saturated throughout: 55 clients share 3 sync
workers on two cores (which also run the clients and the database), and a request mostly waits
its turn. The latencies are therefore about 55 ÷ requests per second; requests per second is
the figure to compare between runs and databases.

Rerun: `.venv/bin/pip install -e ".[server]"` then the command under each heading.

Machine: (filled in by bench/load.py)
"""


def _machine():
    cpu = "unknown CPU"
    if os.path.exists("/proc/cpuinfo"):
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    if os.path.exists("/proc/meminfo"):
        kb = int(open("/proc/meminfo", encoding="utf-8").readline().split()[1])
        memory = f", {kb / 1024 / 1024:.1f} GiB RAM"
    system = platform.platform()
    if os.path.exists("/etc/os-release"):
        for line in open("/etc/os-release", encoding="utf-8"):
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip().strip('"')
    return (f"{os.cpu_count()} × {cpu}{memory}; {system}; Python {platform.python_version()}, "
            f"gunicorn {metadata.version('gunicorn')}, SQLite {sqlite3.sqlite_version}")


def _ms(values, share):
    if not values:
        return "—"
    ordered = sorted(values)
    return f"{ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000:.0f}"


def _section(args, result, command):
    log, elapsed = result["log"], result["elapsed"]
    rows = []
    for label, kinds in (("reads (GET)", {"read"}), ("writes (POST new official)", {"write"}),
                         ("all", {"read", "write"})):
        times = [t for kind, _s, t in log if kind in kinds]
        rows.append(f"| {label} | {len(times)} | {len(times) / elapsed:.1f} | {_ms(times, .50)} | "
                    f"{_ms(times, .95)} | {_ms(times, .99)} |")
    statuses = ", ".join(f"{code or 'no answer'}: {n}"
                         for code, n in sorted(Counter(s for _k, s, _t in log).items()))
    check = result["check"]
    verdict = "; ".join(check["problems"]) or "none lost, none duplicated, each audited once"
    return "\n".join([
        f"## {TITLES[args.database]}",
        "",
        f"Run on {dt.date.today():%d %B %Y}: `{command}` — {args.readers} readers, "
        f"{args.editors} editors, {args.duration:.0f} s, gunicorn -w {args.workers}.",
        "",
        "| requests | count | per second | p50 ms | p95 ms | p99 ms |",
        "|---|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"- Answers by status: {statuses}. 5xx: **{result['errors_5xx']}**.",
        f"- Writes: {check['accepted']} accepted, {check['stored']} in the database, "
        f"{check['audited']} audit entries — {verdict}.",
        "",
    ])


def write_report(path, args, result, command):
    """Replace this database's section of the report (the other one stays)."""
    begin, end = f"<!-- load:{args.database} -->", f"<!-- /load:{args.database} -->"
    text = path.read_text(encoding="utf-8") if path.exists() else INTRO
    block = f"{begin}\n{_section(args, result, command)}{end}"
    if begin in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    lines = [f"Machine: {_machine()}." if line.startswith("Machine: ") else line
             for line in text.splitlines()]
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")
