"""The migrations build the whole schema from nothing, match the models, and undo cleanly."""
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
