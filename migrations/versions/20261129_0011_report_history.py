"""The posts each Rakor report flagged warning or worse, kept beside the frozen snapshot.

The ESCALATED rule asks which posts the last reports flagged; reading that from a
small column spares decoding whole snapshots (megabytes at a national deployment)
every time flags are computed. Existing reports get the column from their snapshot.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29 08:00:00

"""
import json

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

ESCALATING = {"warning", "critical"}


def escalating_posts(snapshot):
    """Return the sorted post ids a snapshot flagged warning or worse."""
    return sorted({row["post_id"] for row in (snapshot or {}).get("rows", [])
                   if any(f["severity"] in ESCALATING for f in row.get("flags", []))})


def upgrade():
    with op.batch_alter_table('rakor_report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('escalating_post_ids', sa.JSON(), nullable=True))
    report = sa.table('rakor_report', sa.column('id', sa.Integer),
                      sa.column('snapshot', sa.JSON), sa.column('escalating_post_ids', sa.JSON))
    conn = op.get_bind()
    ids = [row.id for row in conn.execute(sa.select(report.c.id))]
    for report_id in ids:  # one at a time: a snapshot can be large
        snapshot = conn.execute(sa.select(report.c.snapshot)
                                .where(report.c.id == report_id)).scalar()
        if isinstance(snapshot, str):
            snapshot = json.loads(snapshot)
        conn.execute(report.update().where(report.c.id == report_id)
                     .values(escalating_post_ids=escalating_posts(snapshot)))


def downgrade():
    with op.batch_alter_table('rakor_report', schema=None) as batch_op:
        batch_op.drop_column('escalating_post_ids')
