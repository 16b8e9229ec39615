"""Back up, restore into a new database (of the same or another kind), find everything equal."""
import datetime as dt
import json
import zipfile

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.extensions import db
from tests.conftest import _fresh_database


@pytest.fixture
def demo(app, runner):
    """The demo kabupaten, loaded through its command (every area, the audit log, users)."""
    result = runner.invoke(args=["plt", "demo"])
    assert result.exit_code == 0, result.output
    return _snapshot(app, whole_seconds=False)


def _snapshot(app, whole_seconds):
    """Return every row of every table, by table, in primary-key order."""
    def plain(value):
        if whole_seconds and isinstance(value, dt.datetime):
            return value.replace(microsecond=0)
        return value

    with app.app_context():
        rows = {}
        with db.engine.connect() as conn:
            for table in db.metadata.sorted_tables:
                if table.name == "rate_limit":
                    continue  # counters of failed logins, not records
                result = conn.execute(sa.select(table).order_by(*table.primary_key.columns))
                rows[table.name] = [{k: plain(v) for k, v in r.items()} for r in result.mappings()]
        return rows


def _target_app(url):
    target = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=url)
    with target.app_context():
        upgrade()
    return target


def _invoke(target, command, path):
    """Run a command on another app (the CLI uses the app whose context is current)."""
    with target.app_context():
        return target.test_cli_runner().invoke(args=["plt", command, str(path)])


def _roundtrip(source_app, demo_rows, target_backend, tmp_path_factory, tmp_path, fmt="auto"):
    path = tmp_path / "cadangan.bin"
    result = source_app.test_cli_runner().invoke(args=["plt", "backup", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Cadangan" in result.output
    with _fresh_database(target_backend, tmp_path_factory) as url:
        target = _target_app(url)
        result = _invoke(target, "restore", path)
        assert result.exit_code == 0, result.output
        whole = "mysql" in (target_backend, source_app.config["SQLALCHEMY_DATABASE_URI"][:5])
        restored = _snapshot(target, whole_seconds=whole)
        expected = {name: [{k: (v.replace(microsecond=0) if whole and isinstance(v, dt.datetime)
                                else v) for k, v in row.items()} for row in rows]
                    for name, rows in demo_rows.items()}
        assert restored.keys() == expected.keys()
        for name in expected:
            assert restored[name] == expected[name], name
        assert len(restored["audit_entry"]) > 100 and restored["user_account"]
        # New records get new ids after the restore (sequences moved past the old ones).
        with target.app_context():
            from plt_tracker.core.db import transaction
            from plt_tracker.pemda.operations import default_pemda
            from plt_tracker.registry.operations import create_opd

            with transaction():
                opd = create_opd(default_pemda().id, "Dinas Baru Setelah Pemulihan", "dinas")
            assert opd.id > max(r["id"] for r in expected["opd"])
            db.session.remove()
            db.engine.dispose()


def test_backup_and_restore_on_the_same_kind(app, backend, demo, tmp_path_factory, tmp_path):
    _roundtrip(app, demo, backend, tmp_path_factory, tmp_path)


def test_sqlite_backup_restores_into_postgresql(app, backend, demo, tmp_path_factory, tmp_path):
    if backend != "sqlite":
        pytest.skip("SQLite to PostgreSQL")
    _roundtrip(app, demo, "postgresql", tmp_path_factory, tmp_path)


def test_postgresql_dump_restores_into_mariadb(app, backend, demo, tmp_path_factory, tmp_path):
    if backend != "postgresql":
        pytest.skip("PostgreSQL to MariaDB")
    _roundtrip(app, demo, "mysql", tmp_path_factory, tmp_path)


def test_sqlite_can_also_write_the_portable_dump(app, backend, demo, tmp_path_factory, tmp_path):
    if backend != "sqlite":
        pytest.skip("the dump of an SQLite database")
    _roundtrip(app, demo, "sqlite", tmp_path_factory, tmp_path, fmt="dump")


def test_restore_refuses_a_database_with_data(app, runner, demo, tmp_path):
    path = tmp_path / "cadangan.zip"
    assert runner.invoke(args=["plt", "backup", str(path), "--format", "dump"]).exit_code == 0
    result = runner.invoke(args=["plt", "restore", str(path)])
    assert result.exit_code == 1
    assert "Basis data tujuan tidak kosong" in result.output
    assert _snapshot(app, whole_seconds=False) == demo


def test_restore_refuses_another_schema_revision(app, backend, runner, demo, tmp_path,
                                                  tmp_path_factory):
    path, edited = tmp_path / "cadangan.zip", tmp_path / "lama.zip"
    assert runner.invoke(args=["plt", "backup", str(path), "--format", "dump"]).exit_code == 0
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(edited, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["revision"] = "0002"
                data = json.dumps(manifest).encode()
            new.writestr(item, data)
    with _fresh_database(backend, tmp_path_factory) as url:
        target = _target_app(url)
        result = _invoke(target, "restore", edited)
        assert result.exit_code == 1 and "berskema revisi 0002" in result.output
        with target.app_context():
            db.engine.dispose()


def test_restore_refuses_a_file_that_is_no_backup(app, runner, tmp_path):
    path = tmp_path / "bukan.txt"
    path.write_text("halo")
    result = runner.invoke(args=["plt", "restore", str(path)])
    assert result.exit_code == 1 and "bukan berkas cadangan" in result.output
