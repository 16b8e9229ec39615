"""The vacancy register: pemda, OPDs, posts, officials, appointments, vacancies,
acting assignments and their extensions, users, settings and the audit log.

Revision ID: 0001
Revises: 
Create Date: 2026-11-28 10:06:26.828816

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('instansi',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instansi')),
    sa.UniqueConstraint('name', name=op.f('uq_instansi_name'))
    )
    op.create_table('official',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('nip', sa.String(length=18), nullable=False),
    sa.Column('nip_kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('rank', sa.String(length=100), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=1), nullable=True),
    sa.Column('position_title', sa.String(length=200), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_official_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_official')),
    sa.UniqueConstraint('nip', name=op.f('uq_official_nip'))
    )
    with op.batch_alter_table('official', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_official_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('opd',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_opd_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opd')),
    sa.UniqueConstraint('instansi_id', 'name', name=op.f('uq_opd_instansi_id_name'))
    )
    with op.batch_alter_table('opd', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opd_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('setting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_setting_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_setting')),
    sa.UniqueConstraint('instansi_id', 'key', name=op.f('uq_setting_instansi_id_key'))
    )
    with op.batch_alter_table('setting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_setting_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('user_account',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_user_account_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_account')),
    sa.UniqueConstraint('username', name=op.f('uq_user_account_username'))
    )
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_account_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('post',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('opd_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('eselon', sa.String(length=10), nullable=True),
    sa.Column('is_head', sa.Boolean(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['opd_id'], ['opd.id'], name=op.f('fk_post_opd_id_opd')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post')),
    sa.UniqueConstraint('opd_id', 'title', name=op.f('uq_post_opd_id_title'))
    )
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_opd_id'), ['opd_id'], unique=False)

    op.create_table('appointment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('official_id', sa.Integer(), nullable=False),
    sa.Column('sk_number', sa.String(length=100), nullable=True),
    sa.Column('sk_date', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['official_id'], ['official.id'], name=op.f('fk_appointment_official_id_official')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_appointment_post_id_post')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appointment'))
    )
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appointment_official_id'), ['official_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_appointment_post_id'), ['post_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=50), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('before', sa.JSON(), nullable=True),
    sa.Column('after', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_audit_entry_instansi_id_instansi')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_audit_entry_post_id_post')),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_audit_entry_user_id_user_account')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_instansi_id'), ['instansi_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_post_id'), ['post_id'], unique=False)

    op.create_table('vacancy',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('reason', sa.String(length=30), nullable=False),
    sa.Column('reason_note', sa.String(length=300), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('filled_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['filled_by_id'], ['appointment.id'], name=op.f('fk_vacancy_filled_by_id_appointment')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_vacancy_post_id_post')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vacancy'))
    )
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vacancy_post_id'), ['post_id'], unique=False)

    op.create_table('acting_assignment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=True),
    sa.Column('official_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=3), nullable=False),
    sa.Column('letter_number', sa.String(length=100), nullable=True),
    sa.Column('letter_date', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_note', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['official_id'], ['official.id'], name=op.f('fk_acting_assignment_official_id_official')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_acting_assignment_post_id_post')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_acting_assignment_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acting_assignment'))
    )
    with op.batch_alter_table('acting_assignment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acting_assignment_official_id'), ['official_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_acting_assignment_post_id'), ['post_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_acting_assignment_vacancy_id'), ['vacancy_id'], unique=False)

    op.create_table('acting_extension',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assignment_id', sa.Integer(), nullable=False),
    sa.Column('letter_number', sa.String(length=100), nullable=True),
    sa.Column('letter_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['assignment_id'], ['acting_assignment.id'], name=op.f('fk_acting_extension_assignment_id_acting_assignment')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_acting_extension'))
    )
    with op.batch_alter_table('acting_extension', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acting_extension_assignment_id'), ['assignment_id'], unique=False)



def downgrade():
    # Dropping a table drops its indexes too; dropping an index first fails on MariaDB
    # while a foreign key still needs it.
    op.drop_table('acting_extension')
    op.drop_table('acting_assignment')
    op.drop_table('vacancy')
    op.drop_table('audit_entry')
    op.drop_table('appointment')
    op.drop_table('post')
    op.drop_table('user_account')
    op.drop_table('setting')
    op.drop_table('opd')
    op.drop_table('official')
    op.drop_table('instansi')
