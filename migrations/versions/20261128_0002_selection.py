"""Filling processes and the flag rules' date ranges: routes and their stages
(seeded here as data an admin can edit), filling attempts and stage records,
election windows and Pj periods.

Routes are global (shared by every pemda); the seeded stage durations are the
suggested defaults of domain.md (permission 30 days, pansel 14, announcement 15,
each selection stage 14, PPK decision 30, SK to inauguration 14).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:12:09.874757

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

JPT = "jpt_pratama,jpt_madya"
ADMIN = "administrator,pengawas"

# (code, name, description, post kinds, stages); a stage is
# (name, expected days, needs Minister approval check, appointment stage, ends the vacancy).
ROUTES = [
    ("seleksi_terbuka", "Seleksi terbuka JPT",
     "Seleksi terbuka jabatan pimpinan tinggi (PermenPANRB 15/2019; PP 11/2017 jo. PP 17/2020).",
     JPT, [
         ("Penunjukan Plt", 14, False, False, False),
         ("Permohonan izin/rekomendasi BKN (dan persetujuan Mendagri bila perlu)", 30, True, False, False),
         ("SK panitia seleksi (pansel)", 14, False, False, False),
         ("Pengumuman dan pendaftaran", 15, False, False, False),
         ("Seleksi administrasi", 14, False, False, False),
         ("Penelusuran rekam jejak dan tes kesehatan", 14, False, False, False),
         ("Asesmen kompetensi dan penulisan makalah", 14, False, False, False),
         ("Presentasi dan wawancara", 14, False, False, False),
         ("Penetapan dan pengumuman 3 terbaik oleh pansel", 14, False, False, False),
         ("Penyampaian ke PPK dan laporan ke BKN", 14, False, False, False),
         ("PPK memilih satu dari tiga calon", 30, True, True, False),
         ("SK pengangkatan dan pelantikan", 14, True, True, True),
     ]),
    ("job_fit", "Uji kompetensi / job fit JPT",
     "Rotasi JPT yang telah 2-5 tahun menjabat ke jabatan kosong, dengan izin BKN dan uji kompetensi.",
     JPT, [
         ("Permohonan izin BKN (dan persetujuan Mendagri bila perlu)", 30, True, False, False),
         ("Pembentukan panitia uji kompetensi", 14, False, False, False),
         ("Uji kompetensi", 14, False, False, False),
         ("Penetapan hasil dan penyampaian ke PPK", 14, False, False, False),
         ("PPK menetapkan pejabat", 30, True, True, False),
         ("SK pengangkatan dan pelantikan", 14, True, True, True),
     ]),
    ("manajemen_talenta", "Manajemen talenta JPT",
     "Pengisian dari kelompok rencana suksesi tanpa seleksi terbuka (PermenPANRB 3/2020), "
     "bagi pemda dengan penilaian sistem merit yang baik.",
     JPT, [
         ("Penetapan calon dari kelompok rencana suksesi", 14, False, False, False),
         ("Permohonan rekomendasi BKN (dan persetujuan Mendagri bila perlu)", 30, True, False, False),
         ("PPK menetapkan pejabat", 30, True, True, False),
         ("SK pengangkatan dan pelantikan", 14, True, True, True),
     ]),
    ("administrator", "Pengangkatan administrator/pengawas",
     "Promosi atau mutasi oleh PPK setelah pertimbangan Baperjakat dan pertek BKN melalui I-MUT.",
     ADMIN, [
         ("Pengusulan calon", 14, False, False, False),
         ("Pertimbangan Baperjakat", 14, False, False, False),
         ("Pertimbangan teknis (pertek) BKN", 14, True, False, False),
         ("SK pengangkatan", 14, True, True, False),
         ("Pelantikan", 14, True, True, True),
     ]),
]


def upgrade():
    op.create_table('route',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('post_kinds', sa.String(length=100), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_route')),
    sa.UniqueConstraint('code', name=op.f('uq_route_code'))
    )
    op.create_table('election_window',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_election_window_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_election_window'))
    )
    with op.batch_alter_table('election_window', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_election_window_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('pj_period',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_pj_period_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pj_period'))
    )
    with op.batch_alter_table('pj_period', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pj_period_instansi_id'), ['instansi_id'], unique=False)

    op.create_table('route_stage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('route_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('expected_days', sa.Integer(), nullable=True),
    sa.Column('needs_minister_approval_check', sa.Boolean(), nullable=False),
    sa.Column('is_appointment_stage', sa.Boolean(), nullable=False),
    sa.Column('ends_vacancy', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['route_id'], ['route.id'], name=op.f('fk_route_stage_route_id_route')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_route_stage'))
    )
    with op.batch_alter_table('route_stage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_route_stage_route_id'), ['route_id'], unique=False)

    op.create_table('filling_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('route_id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.String(length=300), nullable=True),
    sa.Column('minister_approval_number', sa.String(length=100), nullable=True),
    sa.Column('minister_approval_date', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['route_id'], ['route.id'], name=op.f('fk_filling_attempt_route_id_route')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_filling_attempt_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_filling_attempt'))
    )
    with op.batch_alter_table('filling_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_filling_attempt_route_id'), ['route_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_filling_attempt_vacancy_id'), ['vacancy_id'], unique=False)

    op.create_table('stage_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=False),
    sa.Column('finished_on', sa.Date(), nullable=True),
    sa.Column('document_number', sa.String(length=100), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['attempt_id'], ['filling_attempt.id'], name=op.f('fk_stage_record_attempt_id_filling_attempt')),
    sa.ForeignKeyConstraint(['stage_id'], ['route_stage.id'], name=op.f('fk_stage_record_stage_id_route_stage')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage_record'))
    )
    with op.batch_alter_table('stage_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_record_attempt_id'), ['attempt_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_stage_record_stage_id'), ['stage_id'], unique=False)

    route = sa.table('route', sa.column('code', sa.String), sa.column('name', sa.String),
                     sa.column('description', sa.Text), sa.column('post_kinds', sa.String),
                     sa.column('is_active', sa.Boolean))
    stage = sa.table('route_stage', sa.column('route_id', sa.Integer),
                     sa.column('position', sa.Integer), sa.column('name', sa.String),
                     sa.column('expected_days', sa.Integer),
                     sa.column('needs_minister_approval_check', sa.Boolean),
                     sa.column('is_appointment_stage', sa.Boolean),
                     sa.column('ends_vacancy', sa.Boolean))
    op.bulk_insert(route, [dict(code=c, name=n, description=d, post_kinds=k, is_active=True)
                           for c, n, d, k, _ in ROUTES])
    # Let the database pick the ids (so sequences stay right), then look them up by code.
    ids = dict((code, id_) for id_, code in op.get_bind().execute(sa.text("SELECT id, code FROM route")))
    op.bulk_insert(stage, [
        dict(route_id=ids[code], position=pos, name=name, expected_days=days,
             needs_minister_approval_check=check, is_appointment_stage=appoint, ends_vacancy=ends)
        for code, _, _, _, stages in ROUTES
        for pos, (name, days, check, appoint, ends) in enumerate(stages, start=1)
    ])


def downgrade():
    # Dropping a table drops its indexes too; dropping an index first fails on MariaDB
    # while a foreign key still needs it.
    op.drop_table('stage_record')
    op.drop_table('filling_attempt')
    op.drop_table('route_stage')
    op.drop_table('pj_period')
    op.drop_table('election_window')
    op.drop_table('route')
