"""Rakor decisions and their follow-up; the reminder emails before a Rakor.

- decision: an instruction of a Rakor about a post or the whole pemda, who follows it
  up (an OPD or BKPSDM), by when, and whether it was done or dropped; check
  constraints keep a closed decision's date and a responsible unit consistent.
- decision_reminder: one email per pemda, meeting and recipient (unique: queued
  once even with two schedulers), with its attempts.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-29 08:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('vacancy_id', sa.Integer(), nullable=True),
    sa.Column('flag_code', sa.String(length=30), nullable=True),
    sa.Column('instruction', sa.Text(), nullable=False),
    sa.Column('responsible_kind', sa.String(length=10), nullable=False),
    sa.Column('responsible_opd_id', sa.Integer(), nullable=True),
    sa.Column('responsible_email', sa.String(length=200), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('closed_note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.CheckConstraint("status IN ('open', 'done', 'dropped')", name=op.f('ck_decision_status')),
    sa.CheckConstraint("(status = 'open' AND closed_on IS NULL) OR "
                       "(status <> 'open' AND closed_on IS NOT NULL)",
                       name=op.f('ck_decision_closed')),
    sa.CheckConstraint("(responsible_kind = 'opd' AND responsible_opd_id IS NOT NULL) OR "
                       "(responsible_kind = 'bkpsdm' AND responsible_opd_id IS NULL)",
                       name=op.f('ck_decision_responsible')),
    sa.CheckConstraint("due_date >= meeting_date", name=op.f('ck_decision_due_after_meeting')),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_decision_instansi_id_instansi')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_decision_post_id_post')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_decision_vacancy_id_vacancy')),
    sa.ForeignKeyConstraint(['responsible_opd_id'], ['opd.id'], name=op.f('fk_decision_responsible_opd_id_opd')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision'))
    )
    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_instansi_id'), ['instansi_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_meeting_date'), ['meeting_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_decision_post_id'), ['post_id'], unique=False)

    op.create_table('decision_reminder',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('meeting_date', sa.Date(), nullable=False),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('decision_ids', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('last_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_decision_reminder_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_reminder')),
    sa.UniqueConstraint('instansi_id', 'meeting_date', 'recipient', name=op.f('uq_decision_reminder_instansi_id_meeting_date_recipient'))
    )
    with op.batch_alter_table('decision_reminder', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_reminder_instansi_id'), ['instansi_id'], unique=False)


def downgrade():
    # Tables first, not their indexes: MariaDB refuses to drop an index a foreign key needs.
    op.drop_table('decision_reminder')
    op.drop_table('decision')
