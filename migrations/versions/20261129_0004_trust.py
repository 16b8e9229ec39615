"""A register the BKPSDM can trust: versions, voids, and rules the database keeps.

- `version` on every correctable record (optimistic locking: a stale form is refused);
- `voided_at`/`void_reason` on vacancies, letters, extensions, appointments, attempts and
  stage records (voided, never deleted);
- open keys with unique and check constraints: one open vacancy per post, one running
  attempt per vacancy, one current holder per post and one current definitive post per
  official;
- NIP unique within a pemda instead of across all of them;
- audit entries with an event code, its values, the reason and the record's version.

Rows that already break a new unique rule (made by parallel requests before this
version) are not deleted: the later duplicates are voided with a reason that says so.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 04:31:46.484448

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

VERSIONED = ["acting_assignment", "acting_extension", "appointment", "filling_attempt",
             "official", "opd", "post", "route", "route_stage", "stage_record", "user_account",
             "vacancy"]
VOIDABLE = ["acting_assignment", "acting_extension", "appointment", "filling_attempt",
            "stage_record", "vacancy"]
DUPLICATE_NOTE = "Duplikat yang tercatat bersamaan; dibatalkan oleh pembaruan basis data 0004"

VACANCY_OPEN = ("(end_date IS NULL AND voided_at IS NULL AND open_post_id = post_id) OR "
                "(open_post_id IS NULL AND (end_date IS NOT NULL OR voided_at IS NOT NULL))")
APPOINTMENT_OPEN = ("(end_date IS NULL AND voided_at IS NULL AND open_post_id = post_id "
                    "AND open_official_id = official_id) OR (open_post_id IS NULL AND "
                    "open_official_id IS NULL AND (end_date IS NOT NULL OR "
                    "voided_at IS NOT NULL))")
ATTEMPT_RUNNING = ("(status = 'in_progress' AND voided_at IS NULL AND "
                   "running_vacancy_id = vacancy_id) OR (running_vacancy_id IS NULL AND "
                   "(status <> 'in_progress' OR voided_at IS NOT NULL))")


def upgrade():
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1',
                                          nullable=False))
            if table in VOIDABLE:
                batch_op.add_column(sa.Column('voided_at', sa.DateTime(), nullable=True))
                batch_op.add_column(sa.Column('void_reason', sa.String(length=300),
                                              nullable=True))
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.add_column(sa.Column('open_post_id', sa.Integer(), nullable=True))
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('open_post_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('open_official_id', sa.Integer(), nullable=True))
    with op.batch_alter_table('filling_attempt', schema=None) as batch_op:
        batch_op.add_column(sa.Column('running_vacancy_id', sa.Integer(), nullable=True))

    _void_duplicates('vacancy', 'post_id', "end_date IS NULL")
    _void_duplicates('appointment', 'post_id', "end_date IS NULL")
    _void_duplicates('appointment', 'official_id', "end_date IS NULL AND voided_at IS NULL")
    _void_duplicates('filling_attempt', 'vacancy_id', "status = 'in_progress'")
    op.execute("UPDATE vacancy SET open_post_id = post_id "
               "WHERE end_date IS NULL AND voided_at IS NULL")
    op.execute("UPDATE appointment SET open_post_id = post_id, open_official_id = official_id "
               "WHERE end_date IS NULL AND voided_at IS NULL")
    op.execute("UPDATE filling_attempt SET running_vacancy_id = vacancy_id "
               "WHERE status = 'in_progress' AND voided_at IS NULL")

    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_vacancy_open_post_id'), ['open_post_id'])
        batch_op.create_check_constraint('open_post', VACANCY_OPEN)
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_appointment_open_official_id'),
                                          ['open_official_id'])
        batch_op.create_unique_constraint(batch_op.f('uq_appointment_open_post_id'),
                                          ['open_post_id'])
        batch_op.create_check_constraint('open_keys', APPOINTMENT_OPEN)
    with op.batch_alter_table('filling_attempt', schema=None) as batch_op:
        batch_op.create_unique_constraint(batch_op.f('uq_filling_attempt_running_vacancy_id'),
                                          ['running_vacancy_id'])
        batch_op.create_check_constraint('running', ATTEMPT_RUNNING)
    with op.batch_alter_table('official', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_official_nip'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_official_instansi_id_nip'),
                                          ['instansi_id', 'nip'])
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('event', sa.String(length=60), nullable=True))
        batch_op.add_column(sa.Column('params', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('reason', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('entity_version', sa.Integer(), nullable=True))


def _void_duplicates(table, key, condition):
    """Void every open row of `table` sharing `key` with an older one (lowest id kept)."""
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        f"SELECT id, {key} FROM {table} WHERE {condition} AND voided_at IS NULL "  # nosec B608  # table and column names are this migration's constants
        f"ORDER BY {key}, id")).all()
    seen, later = set(), []
    for row_id, value in rows:
        if value in seen:
            later.append(row_id)
        seen.add(value)
    for row_id in later:
        conn.execute(sa.text(f"UPDATE {table} SET voided_at = CURRENT_TIMESTAMP, "  # nosec B608  # table and column names are this migration's constants
                             f"void_reason = :note WHERE id = :id"),
                     {"note": DUPLICATE_NOTE, "id": row_id})


def downgrade():
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('entity_version')
        batch_op.drop_column('reason')
        batch_op.drop_column('params')
        batch_op.drop_column('event')
    with op.batch_alter_table('official', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_official_instansi_id_nip'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_official_nip'), ['nip'])
    with op.batch_alter_table('filling_attempt', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_filling_attempt_running'), type_='check')
        batch_op.drop_constraint(batch_op.f('uq_filling_attempt_running_vacancy_id'),
                                 type_='unique')
        batch_op.drop_column('running_vacancy_id')
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_appointment_open_keys'), type_='check')
        batch_op.drop_constraint(batch_op.f('uq_appointment_open_post_id'), type_='unique')
        batch_op.drop_constraint(batch_op.f('uq_appointment_open_official_id'), type_='unique')
        batch_op.drop_column('open_official_id')
        batch_op.drop_column('open_post_id')
    with op.batch_alter_table('vacancy', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_vacancy_open_post'), type_='check')
        batch_op.drop_constraint(batch_op.f('uq_vacancy_open_post_id'), type_='unique')
        batch_op.drop_column('open_post_id')
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in VOIDABLE:
                batch_op.drop_column('void_reason')
                batch_op.drop_column('voided_at')
            batch_op.drop_column('version')
