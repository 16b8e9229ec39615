"""Rakor calendar changes, frozen flagged-vacancy reports, scheduler runs and deliveries.

- rakor_meeting: meetings an admin added, moved or cancelled (the rule itself
  lives in the settings); one override per rule month.
- rakor_report: each version of a meeting's report, its snapshot frozen as JSON.
- report_run: the claim a scheduled job makes before building a report; its
  unique key (pemda, meeting date, kind) lets only one scheduler process win.
- report_delivery: one email per recipient and report, with its attempts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 10:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rakor_meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=True),
    sa.Column('rule_month', sa.Date(), nullable=True),
    sa.Column('cancelled', sa.Boolean(), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_rakor_meeting_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rakor_meeting')),
    sa.UniqueConstraint('instansi_id', 'rule_month', name=op.f('uq_rakor_meeting_instansi_id_rule_month'))
    )
    with op.batch_alter_table('rakor_meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rakor_meeting_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('rakor_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trigger', sa.String(length=20), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_rakor_report_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rakor_report')),
    sa.UniqueConstraint('instansi_id', 'meeting_date', 'version', name=op.f('uq_rakor_report_instansi_id_meeting_date_version'))
    )
    with op.batch_alter_table('rakor_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_rakor_report_instansi_id'), ['instansi_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_rakor_report_meeting_date'), ['meeting_date'], unique=False)

    op.create_table('report_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_report_run_instansi_id_instansi')),
    sa.ForeignKeyConstraint(['report_id'], ['rakor_report.id'], name=op.f('fk_report_run_report_id_rakor_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_run')),
    sa.UniqueConstraint('instansi_id', 'meeting_date', 'kind', name=op.f('uq_report_run_instansi_id_meeting_date_kind'))
    )
    with op.batch_alter_table('report_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_run_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('report_delivery',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['report_id'], ['rakor_report.id'], name=op.f('fk_report_delivery_report_id_rakor_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_delivery')),
    sa.UniqueConstraint('report_id', 'recipient', name=op.f('uq_report_delivery_report_id_recipient'))
    )
    with op.batch_alter_table('report_delivery', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_delivery_report_id'), ['report_id'], unique=False)


def downgrade():
    with op.batch_alter_table('report_delivery', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_delivery_report_id'))
    op.drop_table('report_delivery')

    with op.batch_alter_table('report_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_run_instansi_id'))
    op.drop_table('report_run')

    with op.batch_alter_table('rakor_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rakor_report_meeting_date'))
        batch_op.drop_index(batch_op.f('ix_rakor_report_instansi_id'))
    op.drop_table('rakor_report')

    with op.batch_alter_table('rakor_meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rakor_meeting_instansi_id'))
    op.drop_table('rakor_meeting')
