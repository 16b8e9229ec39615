"""The machine a scale run ran on, and writing a run into docs/performance.md."""
import datetime as dt
import os
import platform
import re
import sqlite3


def machine(url):
    """Describe the CPU, memory, system and versions in one line."""
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            names = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
        cpu = f"{len(names)} × {names[0]}" if names else cpu
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    versions = [f"Python {platform.python_version()}", f"SQLite {sqlite3.sqlite_version}"]
    if url.startswith("postgresql"):
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        with engine.connect() as conn:
            versions.append("PostgreSQL " + conn.execute(sa.text("SHOW server_version")).scalar())
        engine.dispose()
    try:
        from importlib.metadata import version

        versions += [f"Flask {version('flask')}", f"SQLAlchemy {version('sqlalchemy')}",
                     f"gunicorn {version('gunicorn')}"]
    except Exception:  # noqa: BLE001 — versions are informative only  # nosec B110
        pass
    return f"{cpu}, {memory:.1f} GiB RAM; {platform.platform()}; {', '.join(versions)}"


def write_section(path, label, text, argv, machine_line):
    """Replace (or add) this label's run inside the "Skala (issue 11)" section."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    document = path.read_text(encoding="utf-8")
    if "## Skala (issue 11)" not in document:
        document = document.rstrip() + "\n\n## Skala (issue 11)\n\n<!-- scale:end -->\n"
    command = " ".join([".venv/bin/python", "bench/scale_bench.py", *argv])
    block = (f"<!-- scale:{slug} -->\n### {label}\n\nRun on {dt.date.today():%d %B %Y}: `{command}`\n\n"
             f"Machine: {machine_line}.\n\n{text}\n<!-- /scale:{slug} -->\n")
    pattern = re.compile(rf"<!-- scale:{slug} -->.*?<!-- /scale:{slug} -->\n", re.S)
    if pattern.search(document):
        document = pattern.sub(lambda _m: block, document)
    else:
        document = document.replace("<!-- scale:end -->", block + "\n<!-- scale:end -->")
    path.write_text(document, encoding="utf-8")
