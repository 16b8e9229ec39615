"""The rules as the law writes them: Pj Sekda, own post kinds, closed posts, entry dates, routes.

- post: `is_sekda` (an admin's mark), `closed_on`/`closed_kind`/`closed_note` (frozen or
  abolished from a date, by a new Perda SOTK);
- official: `post_kind`, the kind of their own post (who may act where, the BUP);
- acting_assignment: the governor's approval of a Pj Sekda; `created_at` on letters,
  extensions and appointments (the reporting delay), filled from the audit log where it
  has the record's creation; appointment: the Minister's approval (election windows);
- route_stage: `code` (the registration stage) and `is_active`; stage_record:
  `applicants` and `extensions` (of registration);
- routes: "Penunjukan Plt" leaves the open selection (naming a Plt is not a stage of
  filling the post; kept, inactive, where an attempt recorded it), "Baperjakat" becomes the
  Tim Penilai Kinerja (PP 11/2017), and the Sekda gets its own open selection with the
  governor's coordination (Perpres 3/2018).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 06:10:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

PLT_STAGE = "Penunjukan Plt"
OLD_BOARD, NEW_BOARD = "Pertimbangan Baperjakat", "Pertimbangan Tim Penilai Kinerja"
OLD_ADMIN_TEXT = ("Promosi atau mutasi oleh PPK setelah pertimbangan Baperjakat dan pertek BKN "
                  "melalui I-MUT.")
NEW_ADMIN_TEXT = ("Promosi atau mutasi oleh PPK setelah pertimbangan Tim Penilai Kinerja "
                  "(PP 11/2017, pengganti Baperjakat) dan pertek BKN melalui I-MUT.")
REGISTRATION = "Pengumuman dan pendaftaran"
SEKDA_ROUTE = ("seleksi_terbuka_sekda", "Seleksi terbuka Sekretaris Daerah",
               "Seleksi terbuka JPT untuk Sekda, dengan koordinasi gubernur atas calon yang "
               "diusulkan (Perpres 3/2018; PermenPANRB 15/2019).", "sekda")
# (name, expected days, Minister's approval check, appointment stage, ends vacancy, code)
SEKDA_STAGES = [
    ("Permohonan izin/rekomendasi BKN (dan persetujuan Mendagri bila perlu)", 30, True, False,
     False, None),
    ("SK panitia seleksi (pansel), berkoordinasi dengan gubernur", 14, False, False, False, None),
    (REGISTRATION, 15, False, False, False, "registration"),
    ("Seleksi administrasi", 14, False, False, False, None),
    ("Penelusuran rekam jejak dan tes kesehatan", 14, False, False, False, None),
    ("Asesmen kompetensi dan penulisan makalah", 14, False, False, False, None),
    ("Presentasi dan wawancara", 14, False, False, False, None),
    ("Penetapan dan pengumuman 3 terbaik oleh pansel", 14, False, False, False, None),
    ("Penyampaian 3 calon ke PPK dan laporan ke BKN", 14, False, False, False, None),
    ("Koordinasi dengan gubernur atas calon Sekda", 14, True, False, False, "governor"),
    ("PPK memilih satu dari tiga calon", 30, True, True, False, None),
    ("SK pengangkatan dan pelantikan", 14, True, True, True, None),
]


def upgrade():
    with op.batch_alter_table('post', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_sekda', sa.Boolean(), server_default=sa.false(),
                                      nullable=False))
        batch_op.add_column(sa.Column('closed_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('closed_kind', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('closed_note', sa.String(length=300), nullable=True))
    with op.batch_alter_table('official', schema=None) as batch_op:
        batch_op.add_column(sa.Column('post_kind', sa.String(length=20), nullable=True))
    with op.batch_alter_table('acting_assignment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('governor_approval_number', sa.String(length=100),
                                      nullable=True))
        batch_op.add_column(sa.Column('governor_approval_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('created_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('acting_extension', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('appointment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('minister_approval_number', sa.String(length=100),
                                      nullable=True))
        batch_op.add_column(sa.Column('minister_approval_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('created_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('route_stage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('code', sa.String(length=30), nullable=True))
        batch_op.add_column(sa.Column('is_active', sa.Boolean(), server_default=sa.true(),
                                      nullable=False))
    with op.batch_alter_table('stage_record', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applicants', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('extensions', sa.Integer(), nullable=True))

    for table, entity in (("acting_assignment", "acting"), ("acting_extension",
                                                            "acting_extension"),
                          ("appointment", "appointment")):
        op.execute(f"UPDATE {table} SET created_at = (SELECT MIN(a.at) FROM audit_entry a "  # nosec B608  # table and column names are this migration's constants
                   f"WHERE a.entity = '{entity}' AND a.action = 'create' "
                   f"AND a.entity_id = {table}.id)")
    _reshape_routes(op.get_bind())


def _reshape_routes(conn):
    """Drop the Plt stage, rename the board, mark registration, add the Sekda's route."""
    stage_ids = conn.execute(sa.text(
        "SELECT s.id, s.route_id, s.position FROM route_stage s JOIN route r "
        "ON r.id = s.route_id WHERE r.code = 'seleksi_terbuka' AND s.name = :name"),
        {"name": PLT_STAGE}).all()
    for stage_id, route_id, position in stage_ids:
        used = conn.execute(sa.text("SELECT COUNT(*) FROM stage_record WHERE stage_id = :id"),
                            {"id": stage_id}).scalar()
        if used:
            conn.execute(sa.text("UPDATE route_stage SET is_active = :no WHERE id = :id"),
                         {"no": False, "id": stage_id})
        else:
            conn.execute(sa.text("DELETE FROM route_stage WHERE id = :id"), {"id": stage_id})
        conn.execute(sa.text("UPDATE route_stage SET position = position - 1 "
                             "WHERE route_id = :route AND position > :position "
                             "AND is_active = :yes"),
                     {"route": route_id, "position": position, "yes": True})
    conn.execute(sa.text("UPDATE route_stage SET name = :new WHERE name = :old"),
                 {"new": NEW_BOARD, "old": OLD_BOARD})
    conn.execute(sa.text("UPDATE route SET description = :new WHERE description = :old"),
                 {"new": NEW_ADMIN_TEXT, "old": OLD_ADMIN_TEXT})
    conn.execute(sa.text("UPDATE route_stage SET code = 'registration' WHERE name = :name"),
                 {"name": REGISTRATION})
    code, name, description, kinds = SEKDA_ROUTE
    conn.execute(sa.text("INSERT INTO route (code, name, description, post_kinds, is_active, "
                         "version) VALUES (:code, :name, :description, :kinds, :yes, 1)"),
                 {"code": code, "name": name, "description": description, "kinds": kinds,
                  "yes": True})
    route_id = conn.execute(sa.text("SELECT id FROM route WHERE code = :code"),
                            {"code": code}).scalar()
    for position, (stage, days, check, appoint, ends, stage_code) in enumerate(SEKDA_STAGES, 1):
        conn.execute(sa.text(
            "INSERT INTO route_stage (route_id, position, name, expected_days, "
            "needs_minister_approval_check, is_appointment_stage, ends_vacancy, code, "
            "is_active, version) VALUES (:route, :position, :name, :days, :check, :appoint, "
            ":ends, :code, :yes, 1)"),
            {"route": route_id, "position": position, "name": stage, "days": days,
             "check": check, "appoint": appoint, "ends": ends, "code": stage_code, "yes": True})


def downgrade():
    conn = op.get_bind()
    route_id = conn.execute(sa.text("SELECT id FROM route WHERE code = :code"),
                            {"code": SEKDA_ROUTE[0]}).scalar()
    used = conn.execute(sa.text("SELECT COUNT(*) FROM filling_attempt WHERE route_id = :id"),
                        {"id": route_id}).scalar()
    if used:
        raise RuntimeError("The Sekda's route has filling attempts: this downgrade would lose "
                           "them. Void or move them first.")
    conn.execute(sa.text("DELETE FROM route_stage WHERE route_id = :id"), {"id": route_id})
    conn.execute(sa.text("DELETE FROM route WHERE id = :id"), {"id": route_id})
    conn.execute(sa.text("UPDATE route_stage SET name = :old WHERE name = :new"),
                 {"new": NEW_BOARD, "old": OLD_BOARD})
    conn.execute(sa.text("UPDATE route SET description = :old WHERE description = :new"),
                 {"new": NEW_ADMIN_TEXT, "old": OLD_ADMIN_TEXT})
    open_selection = conn.execute(sa.text("SELECT id FROM route WHERE code = 'seleksi_terbuka'")
                                  ).scalar()
    if open_selection is not None:
        retired = conn.execute(sa.text("SELECT id FROM route_stage WHERE route_id = :id AND "
                                       "is_active = :no"), {"id": open_selection, "no": False}
                               ).scalar()
        conn.execute(sa.text("UPDATE route_stage SET position = position + 1 "
                             "WHERE route_id = :id AND is_active = :yes"),
                     {"id": open_selection, "yes": True})
        if retired is None:
            conn.execute(sa.text(
                "INSERT INTO route_stage (route_id, position, name, expected_days, "
                "needs_minister_approval_check, is_appointment_stage, ends_vacancy, version) "
                "VALUES (:id, 1, :name, 14, :no, :no, :no, 1)"),
                {"id": open_selection, "name": PLT_STAGE, "no": False})
    for table, columns in (
            ("stage_record", ("extensions", "applicants")),
            ("route_stage", ("is_active", "code")),
            ("appointment", ("created_at", "minister_approval_date", "minister_approval_number")),
            ("acting_extension", ("created_at",)),
            ("acting_assignment", ("created_at", "governor_approval_date",
                                   "governor_approval_number")),
            ("official", ("post_kind",)),
            ("post", ("closed_note", "closed_kind", "closed_on", "is_sekda"))):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_column(column)
