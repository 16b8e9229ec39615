"""The list's order and default filter kept on the stored states themselves.

The national list sorts every open head vacancy by severity and date: with the date on
`vacancy` and "head of OPD" on `post`, PostgreSQL joined and sorted all of them before
taking 50 (about 190 ms at 552 pemda). With `is_head` and `start_date` on
`vacancy_state` and an index in the list's order, the first page is an index scan of
50 rows. The states are recomputed (every pemda is marked stale), so the table is
emptied first and the new columns need no default.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 08:30:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("DELETE FROM vacancy_state")
    op.execute("UPDATE instansi SET flags_valid_for = NULL")
    with op.batch_alter_table('vacancy_state', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_head', sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
        batch_op.add_column(sa.Column('start_date', sa.Date(), nullable=False,
                                      server_default='2000-01-01'))
        batch_op.create_index('ix_vacancy_state_order',
                              ['is_head', 'severity_rank', 'start_date', 'vacancy_id'])
        batch_op.create_index('ix_vacancy_state_pemda_order',
                              ['instansi_id', 'is_head', 'severity_rank', 'start_date',
                               'vacancy_id'])


def downgrade():
    with op.batch_alter_table('vacancy_state', schema=None) as batch_op:
        batch_op.drop_index('ix_vacancy_state_pemda_order')
        batch_op.drop_index('ix_vacancy_state_order')
        batch_op.drop_column('start_date')
        batch_op.drop_column('is_head')
