"""Restoring a backup (SQLite copy or portable dump) into an empty database of any kind."""
import json
import zipfile

from sqlalchemy import Integer, create_engine, delete, func, select, text

from plt_tracker.audit.models import AuditEntry
from plt_tracker.auth.models import User
from plt_tracker.backup.codec import from_json
from plt_tracker.backup.dump import DUMP_FORMAT, schema_revision
from plt_tracker.extensions import db

BATCH = 500
SQLITE_MAGIC = b"SQLite format 3\x00"


class RestoreRefused(Exception):
    """The backup or the target does not allow a restore; the message is Indonesian."""


def restore(path):
    """Load a backup into the app's (migrated, empty) database; return {table: rows}."""
    source = _open(path)
    try:
        with db.engine.begin() as conn:
            _check_target(conn, source.revision)
            for table in reversed(db.metadata.sorted_tables):
                conn.execute(delete(table))  # what the migrations seeded, rate-limit counters
            counts = {}
            for table in db.metadata.sorted_tables:
                counts[table.name] = 0
                for rows in source.batches(table):
                    conn.execute(table.insert(), rows)
                    counts[table.name] += len(rows)
            _reset_sequences(conn)
    finally:
        source.close()
    analyze()
    return counts


def analyze():
    """Give the planner statistics of the rows just loaded.

    Until autovacuum gets to them, PostgreSQL plans a restored register as if it were
    empty (a post page of a national register took 540 ms instead of 48).
    """
    with db.engine.connect() as conn:
        if conn.dialect.name == "mysql":
            for table in db.metadata.sorted_tables:
                conn.exec_driver_sql(f"ANALYZE TABLE {table.name}")  # nosec B608  # names from the app's own metadata
        else:
            conn.exec_driver_sql("ANALYZE")
        conn.commit()


def _check_target(conn, revision):
    """Refuse a target at another schema revision, or one that already holds data."""
    current = schema_revision(conn)
    if current is None:
        raise RestoreRefused("Basis data tujuan belum berskema; jalankan dulu "
                             "`flask --app wsgi db upgrade`.")
    if current != revision:
        raise RestoreRefused(f"Cadangan berskema revisi {revision}, basis data tujuan revisi "
                             f"{current}; samakan dulu dengan `flask --app wsgi db upgrade` "
                             f"(atau pakai versi aplikasi yang membuat cadangan).")
    # Every change the app makes writes an audit entry, and every account is a user:
    # a database with neither holds only what the migrations seeded.
    entries = conn.execute(select(func.count()).select_from(AuditEntry.__table__)).scalar()
    users = conn.execute(select(func.count()).select_from(User.__table__)).scalar()
    if entries or users:
        raise RestoreRefused(f"Basis data tujuan tidak kosong ({entries} entri log audit, "
                             f"{users} pengguna). Pulihkan hanya ke basis data baru yang "
                             f"sudah di-upgrade dan belum berisi data.")


def _reset_sequences(conn):
    """Move PostgreSQL's id sequences past the restored ids (others follow by themselves)."""
    if conn.dialect.name != "postgresql":
        return
    for table in db.metadata.sorted_tables:
        for column in table.primary_key.columns:
            if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
                name, col = table.name, column.name
                sql = (f"SELECT setval(pg_get_serial_sequence('{name}', '{col}'), "  # nosec B608  # names from the app's own metadata, never input
                       f"coalesce(max({col}), 1), max({col}) IS NOT NULL) FROM {name}")
                conn.execute(text(sql))


def _open(path):
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head == SQLITE_MAGIC:
        return _SqliteSource(path)
    if zipfile.is_zipfile(path):
        return _DumpSource(path)
    raise RestoreRefused(f"{path} bukan berkas cadangan plt_tracker (SQLite atau dump .zip).")


class _SqliteSource:
    """Rows of an SQLite backup file, read with the app's table definitions."""

    def __init__(self, path):
        self.engine = create_engine(f"sqlite:///{path}")
        self.conn = self.engine.connect()
        self.revision = schema_revision(self.conn)

    def batches(self, table):
        result = self.conn.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        while rows := result.fetchmany(BATCH):
            yield [dict(row) for row in rows]

    def close(self):
        self.conn.close()
        self.engine.dispose()


class _DumpSource:
    """Rows of a portable dump: one JSON-lines file per table, and a manifest."""

    def __init__(self, path):
        self.archive = zipfile.ZipFile(path)
        try:
            manifest = json.loads(self.archive.read("manifest.json"))
        except (KeyError, ValueError):
            raise RestoreRefused(f"{path} tidak memuat manifest.json cadangan plt_tracker.") from None
        if manifest.get("format") != DUMP_FORMAT:
            raise RestoreRefused(f"Format cadangan {manifest.get('format')!r} tidak dikenal.")
        self.revision = manifest.get("revision")
        self.tables = set(manifest.get("tables", []))

    def batches(self, table):
        if table.name not in self.tables:
            raise RestoreRefused(f"Cadangan tidak memuat tabel {table.name}.")
        columns = {c.name: c for c in table.columns}
        rows = []
        with self.archive.open(f"tables/{table.name}.jsonl") as member:
            for line in member:
                raw = json.loads(line)
                rows.append({name: from_json(columns[name], value) for name, value in raw.items()})
                if len(rows) == BATCH:
                    yield rows
                    rows = []
        if rows:
            yield rows

    def close(self):
        self.archive.close()
