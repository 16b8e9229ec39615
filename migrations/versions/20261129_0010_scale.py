"""From one kabupaten to the nation: pemda within provinces, scoped users, routes per pemda,
stored vacancy states, API tokens.

- instansi: `kind` (kabupaten, kota, provinsi), `parent_id` (the province), and
  `flags_valid_for` (when its stored vacancy states were computed);
- user_account: `scope` (pemda, province, national);
- route: `instansi_id`. The routes so far become the national template (no pemda), and
  every existing pemda gets its own copy of each route and stage; its filling attempts and
  stage records are moved onto its copies, so editing one pemda's routes never touches
  another's;
- vacancy_state: each open vacancy's flags and acting official as computed for a day, so
  lists sort, filter and page in SQL;
- api_token: bearer tokens of the read API (only their SHA-256 is kept).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 07:20:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

STAGE_COLUMNS = ("position", "name", "expected_days", "needs_minister_approval_check",
                 "is_appointment_stage", "ends_vacancy", "code", "is_active")


def upgrade():
    with op.batch_alter_table('instansi', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=10), server_default='kabupaten',
                                      nullable=False))
        batch_op.add_column(sa.Column('parent_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('flags_valid_for', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_instansi_parent_id'), ['parent_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_instansi_parent_id_instansi'), 'instansi',
                                    ['parent_id'], ['id'])
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('scope', sa.String(length=10), server_default='pemda',
                                      nullable=False))
    with op.batch_alter_table('route', schema=None) as batch_op:
        batch_op.add_column(sa.Column('instansi_id', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_route_code'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_route_instansi_id_code'),
                                          ['instansi_id', 'code'])
        batch_op.create_index(batch_op.f('ix_route_instansi_id'), ['instansi_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_route_instansi_id_instansi'), 'instansi',
                                    ['instansi_id'], ['id'])
    conn = op.get_bind()
    for (instansi_id,) in conn.execute(sa.text("SELECT id FROM instansi ORDER BY id")).all():
        _copy_routes(conn, instansi_id)

    op.create_table('vacancy_state',
    sa.Column('vacancy_id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=False),
    sa.Column('computed_for', sa.Date(), nullable=False),
    sa.Column('severity_rank', sa.Integer(), nullable=False),
    sa.Column('codes', sa.String(length=400), nullable=False),
    sa.Column('severities', sa.String(length=40), nullable=False),
    sa.Column('acting_kind', sa.String(length=10), nullable=False),
    sa.Column('acting_status', sa.String(length=10), nullable=False),
    sa.Column('acting_official_id', sa.Integer(), nullable=True),
    sa.Column('acting_name', sa.String(length=200), nullable=False),
    sa.Column('acting_nip', sa.String(length=18), nullable=False),
    sa.Column('acting_own_post', sa.String(length=200), nullable=False),
    sa.Column('acting_since', sa.Date(), nullable=True),
    sa.Column('acting_until', sa.Date(), nullable=True),
    sa.Column('route', sa.String(length=200), nullable=False),
    sa.Column('attempt_status', sa.String(length=12), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=True),
    sa.Column('stage', sa.String(length=200), nullable=False),
    sa.Column('stage_index', sa.Integer(), nullable=True),
    sa.Column('stage_count', sa.Integer(), nullable=True),
    sa.Column('days_in_stage', sa.Integer(), nullable=True),
    sa.Column('percent', sa.Integer(), nullable=False),
    sa.Column('flags', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_vacancy_state_instansi_id_instansi')),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_vacancy_state_post_id_post')),
    sa.ForeignKeyConstraint(['vacancy_id'], ['vacancy.id'], name=op.f('fk_vacancy_state_vacancy_id_vacancy')),
    sa.PrimaryKeyConstraint('vacancy_id', name=op.f('pk_vacancy_state'))
    )
    with op.batch_alter_table('vacancy_state', schema=None) as batch_op:
        batch_op.create_index('ix_vacancy_state_rank', ['instansi_id', 'severity_rank'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_state_instansi_id'), ['instansi_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vacancy_state_post_id'), ['post_id'], unique=False)

    op.create_table('api_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('instansi_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('scope', sa.String(length=10), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('prefix', sa.String(length=8), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_used_at', sa.DateTime(), nullable=True),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['user_account.id'], name=op.f('fk_api_token_created_by_id_user_account')),
    sa.ForeignKeyConstraint(['instansi_id'], ['instansi.id'], name=op.f('fk_api_token_instansi_id_instansi')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_token')),
    sa.UniqueConstraint('digest', name=op.f('uq_api_token_digest'))
    )
    with op.batch_alter_table('api_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_token_instansi_id'), ['instansi_id'], unique=False)


def _copy_routes(conn, instansi_id):
    """Give a pemda its own copy of the template routes; move its attempts onto them."""
    templates = conn.execute(sa.text(
        "SELECT id, code, name, description, post_kinds, is_active FROM route "
        "WHERE instansi_id IS NULL ORDER BY id")).all()
    for route_id, code, name, description, kinds, active in templates:
        conn.execute(sa.text(
            "INSERT INTO route (instansi_id, code, name, description, post_kinds, is_active, "
            "version) VALUES (:pemda, :code, :name, :description, :kinds, :active, 1)"),
            {"pemda": instansi_id, "code": code, "name": name, "description": description,
             "kinds": kinds, "active": active})
        copy_id = conn.execute(sa.text("SELECT id FROM route WHERE instansi_id = :pemda AND "
                                       "code = :code"), {"pemda": instansi_id, "code": code}
                               ).scalar()
        attempts = [row[0] for row in conn.execute(sa.text(
            "SELECT a.id FROM filling_attempt a JOIN vacancy v ON v.id = a.vacancy_id "
            "JOIN post p ON p.id = v.post_id JOIN opd o ON o.id = p.opd_id "
            "WHERE o.instansi_id = :pemda AND a.route_id = :route"),
            {"pemda": instansi_id, "route": route_id})]
        stages = conn.execute(sa.text(
            f"SELECT id, {', '.join(STAGE_COLUMNS)} FROM route_stage WHERE route_id = :route "  # nosec B608  # table and column names are this migration's constants
            f"ORDER BY id"), {"route": route_id}).all()
        for stage_id, *values in stages:
            conn.execute(sa.text(
                f"INSERT INTO route_stage (route_id, {', '.join(STAGE_COLUMNS)}, version) "  # nosec B608  # table and column names are this migration's constants
                f"VALUES (:route, {', '.join(':' + c for c in STAGE_COLUMNS)}, 1)"),
                dict(zip(STAGE_COLUMNS, values), route=copy_id))
            new_id = conn.execute(sa.text("SELECT MAX(id) FROM route_stage WHERE route_id = :r"),
                                  {"r": copy_id}).scalar()
            for attempt_id in attempts:
                conn.execute(sa.text("UPDATE stage_record SET stage_id = :new WHERE "
                                     "stage_id = :old AND attempt_id = :attempt"),
                             {"new": new_id, "old": stage_id, "attempt": attempt_id})
        for attempt_id in attempts:
            conn.execute(sa.text("UPDATE filling_attempt SET route_id = :new WHERE id = :id"),
                         {"new": copy_id, "id": attempt_id})


def downgrade():
    conn = op.get_bind()
    # Attempts go back onto the template routes (by code and stage position), then the
    # copies are dropped.
    copies = conn.execute(sa.text(
        "SELECT c.id, t.id FROM route c JOIN route t ON t.code = c.code "
        "WHERE c.instansi_id IS NOT NULL AND t.instansi_id IS NULL")).all()
    for copy_id, template_id in copies:
        for stage_id, position, active in conn.execute(sa.text(
                "SELECT id, position, is_active FROM route_stage WHERE route_id = :r"),
                {"r": copy_id}).all():
            target = conn.execute(sa.text(
                "SELECT id FROM route_stage WHERE route_id = :t AND position = :p AND "
                "is_active = :a"), {"t": template_id, "p": position, "a": active}).scalar()
            conn.execute(sa.text("UPDATE stage_record SET stage_id = :new WHERE stage_id = :old"),
                         {"new": target, "old": stage_id})
        conn.execute(sa.text("UPDATE filling_attempt SET route_id = :t WHERE route_id = :c"),
                     {"t": template_id, "c": copy_id})
        conn.execute(sa.text("DELETE FROM route_stage WHERE route_id = :c"), {"c": copy_id})
        conn.execute(sa.text("DELETE FROM route WHERE id = :c"), {"c": copy_id})
    op.drop_table('api_token')
    op.drop_table('vacancy_state')
    with op.batch_alter_table('route', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_route_instansi_id_instansi'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_route_instansi_id'))
        batch_op.drop_constraint(batch_op.f('uq_route_instansi_id_code'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_route_code'), ['code'])
        batch_op.drop_column('instansi_id')
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('scope')
    with op.batch_alter_table('instansi', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_instansi_parent_id_instansi'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_instansi_parent_id'))
        batch_op.drop_column('flags_valid_for')
        batch_op.drop_column('parent_id')
        batch_op.drop_column('kind')
