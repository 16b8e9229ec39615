"""Writing a backup: SQLite's online backup, or a portable dump of every table."""
import json
import sqlite3
import zipfile

from sqlalchemy import select

from plt_tracker.backup.codec import to_json
from plt_tracker.extensions import db

DUMP_FORMAT = "plt_tracker-dump/1"
BATCH = 1000


def schema_revision(conn):
    """Return the Alembic revision a database is at (None when it was never migrated)."""
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def backup(path, fmt="auto"):
    """Write a backup of the app's database to `path`; return (format, {table: rows})."""
    if fmt == "auto":
        fmt = "sqlite" if db.engine.dialect.name == "sqlite" else "dump"
    if fmt == "sqlite":
        return fmt, _sqlite_backup(path)
    return fmt, _dump(path)


def _sqlite_backup(path):
    """Copy the SQLite database page by page while the app keeps running."""
    if db.engine.dialect.name != "sqlite":
        raise ValueError("Salinan berkas SQLite hanya untuk basis data SQLite; gunakan format dump")
    with db.engine.connect() as conn:
        target = sqlite3.connect(path)
        try:
            conn.connection.dbapi_connection.backup(target)
        finally:
            target.close()
    return _counts(f"sqlite:///{path}")


def _dump(path):
    """Write every table of db.metadata as JSON lines into a zip, from one snapshot."""
    counts = {}
    # One transaction that sees one moment of the database (PostgreSQL and MariaDB
    # take the snapshot at the first read), whatever the app writes meanwhile.
    options = {} if db.engine.dialect.name == "sqlite" else {"isolation_level": "REPEATABLE READ"}
    with db.engine.connect().execution_options(**options) as conn, conn.begin(), \
            zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        revision = schema_revision(conn)
        for table in db.metadata.sorted_tables:
            counts[table.name] = 0
            query = select(table).order_by(*table.primary_key.columns)
            with archive.open(f"tables/{table.name}.jsonl", "w") as member:
                result = conn.execution_options(yield_per=BATCH).execute(query).mappings()
                for row in result:
                    line = json.dumps(dict(row), default=to_json, ensure_ascii=False)
                    member.write(line.encode("utf-8") + b"\n")
                    counts[table.name] += 1
        manifest = {"format": DUMP_FORMAT, "revision": revision, "backend": db.engine.dialect.name,
                    "tables": [t.name for t in db.metadata.sorted_tables], "rows": counts}
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return counts


def _counts(url):
    """Count the rows of every table of a backup file."""
    from sqlalchemy import create_engine, func

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {t.name: conn.execute(select(func.count()).select_from(t)).scalar()
                    for t in db.metadata.sorted_tables}
    finally:
        engine.dispose()
