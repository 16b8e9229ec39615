"""The migrations build the whole schema from nothing, match the models, and undo cleanly."""
import json

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.extensions import db


def _tables(engine):
    return set(sa.inspect(engine).get_table_names())


def test_upgrade_matches_models_and_downgrade_empties(empty_database_url):
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=empty_database_url)
    with app.app_context():
        assert _tables(db.engine) == set()

        upgrade()
        assert _tables(db.engine) >= {t.name for t in db.metadata.sorted_tables}
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
        assert diff == [], f"models and migrations differ: {diff}"

        downgrade(revision="base")
        assert _tables(db.engine) <= {"alembic_version"}

        upgrade()
        assert "vacancy" in _tables(db.engine)
        db.engine.dispose()


def test_upgrading_a_register_keeps_its_attempts_on_its_own_routes(empty_database_url):
    """0010 gives each existing pemda its own routes and moves its attempts onto them;
    0011 reads the flagged posts out of existing reports."""
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=empty_database_url)
    with app.app_context():
        upgrade(revision="0009")
        meta = sa.MetaData()
        meta.reflect(db.engine)
        t = meta.tables
        day = sa.func.current_date()
        with db.engine.begin() as conn:
            def add(table, **values):
                return conn.execute(t[table].insert().values(**values)).inserted_primary_key[0]

            pemda = add("instansi", name="Pemerintah Kabupaten Lama", is_active=True)
            opd = add("opd", instansi_id=pemda, name="Dinas Lama", kind="dinas", is_active=True)
            post = add("post", opd_id=opd, title="Kepala Dinas Lama", kind="jpt_pratama",
                       is_head=True, is_active=True)
            vacancy = add("vacancy", post_id=post, start_date=day, reason="pensiun")
            route, stage = conn.execute(
                sa.select(t["route"].c.id, t["route_stage"].c.id)
                .join(t["route_stage"], t["route_stage"].c.route_id == t["route"].c.id)
                .where(t["route"].c.code == "seleksi_terbuka", t["route_stage"].c.position == 1)
            ).one()
            attempt = add("filling_attempt", vacancy_id=vacancy, route_id=route, started_on=day,
                          status="in_progress")
            add("stage_record", attempt_id=attempt, stage_id=stage, started_on=day)
            snapshot = {"rows": [{"post_id": post, "flags": [{"severity": "critical"}]},
                                 {"post_id": 999, "flags": [{"severity": "info"}]}]}
            add("rakor_report", instansi_id=pemda, meeting_date=day,
                version=1, trigger="manual", created_by="uji", created_at=sa.func.now(),
                # MariaDB reflects its JSON columns as text.
                snapshot=snapshot if isinstance(t["rakor_report"].c.snapshot.type, sa.JSON)
                else json.dumps(snapshot))
        upgrade()
        with db.engine.connect() as conn:
            own_route = conn.execute(sa.text(
                "SELECT r.id, r.instansi_id, r.code FROM filling_attempt a "
                "JOIN route r ON r.id = a.route_id WHERE a.id = :a"), {"a": attempt}).one()
            assert own_route.instansi_id == pemda and own_route.code == "seleksi_terbuka"
            record_route = conn.execute(sa.text(
                "SELECT s.route_id, s.position FROM stage_record r "
                "JOIN route_stage s ON s.id = r.stage_id WHERE r.attempt_id = :a"),
                {"a": attempt}).one()
            assert tuple(record_route) == (own_route.id, 1)
            templates = conn.execute(sa.text(
                "SELECT COUNT(*) FROM route WHERE instansi_id IS NULL")).scalar()
            copies = conn.execute(sa.text(
                "SELECT COUNT(*) FROM route WHERE instansi_id = :p"), {"p": pemda}).scalar()
            assert templates == copies == 5
            flagged = conn.execute(sa.text("SELECT escalating_post_ids FROM rakor_report")
                                   ).scalar()
            assert (flagged if isinstance(flagged, list) else json.loads(flagged)) == [post]
        downgrade(revision="0009")
        with db.engine.connect() as conn:
            back = conn.execute(sa.text(
                "SELECT r.code FROM filling_attempt a JOIN route r ON r.id = a.route_id")).one()
            assert back.code == "seleksi_terbuka"
            assert conn.execute(sa.text("SELECT COUNT(*) FROM route")).scalar() == 5
        db.engine.dispose()
