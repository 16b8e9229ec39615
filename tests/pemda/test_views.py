"""The province and national view, and adding a pemda, through the real stack."""
import datetime as dt

from plt_tracker.audit.models import AuditEntry
from plt_tracker.auth.models import User
from plt_tracker.auth.operations import create_user
from plt_tracker.core.dates import today
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.pemda.operations import create_pemda
from plt_tracker.pemda.queries import pemda_figures
from plt_tracker.registry.models import Instansi
from plt_tracker.registry.operations import create_post
from plt_tracker.selection.models import Route
from tests.conftest import csrf_from
from tests.factories import Factory

PASSWORD = "Kata-Sandi-Uji-9"


def _login(client, username):
    token = csrf_from(client.get("/masuk").data)
    assert client.post("/masuk", data={"username": username, "password": PASSWORD,
                                       "csrf_token": token}).status_code == 302
    client.csrf = token


def _national_admin(instansi):
    with transaction():
        return create_user(instansi.id, "pusat", PASSWORD, "admin", "Admin Pusat",
                           scope="national")


def test_figures_per_pemda_agree_with_the_register_and_rank(app, client, instansi):
    day = today()
    with transaction():
        other = create_pemda("Pemerintah Kabupaten Kaur", "kabupaten")
    ours, theirs = Factory(instansi), Factory(other)
    opd = ours.opd("Dinas Kesehatan")
    heads = [ours.post(f"Kepala {name}") for name in ("Dinas A", "Dinas B", "Dinas C")]
    for title in ("Sekretaris Dinas Kesehatan", "Kepala Bidang Pelayanan"):
        with transaction():
            create_post(opd, title, "administrator", "III.a", is_head=False)
    ours.acting(ours.vacancy(heads[0], start=day - dt.timedelta(days=400)),
                start=day - dt.timedelta(days=30), end=day + dt.timedelta(days=60))
    ours.vacancy(heads[1], start=day - dt.timedelta(days=20))
    their_post = theirs.post("Kepala Dinas Kaur")
    theirs.acting(theirs.vacancy(their_post, start=day - dt.timedelta(days=100)),
                  start=day - dt.timedelta(days=10), end=day + dt.timedelta(days=80))
    _national_admin(instansi)
    _login(client, "pusat")

    page = _table(client.get("/wilayah"))
    rows = pemda_figures(None, day)
    ours_row = next(r for r in rows if r.instansi_id == instansi.id)
    # 3 head posts + 2 other structural posts; 2 heads vacant, one held by a Plt.
    assert (ours_row.head_posts, ours_row.vacant, ours_row.vacant_heads) == (3, 2, 2)
    assert ours_row.posts == 5 and ours_row.acting == 1 and ours_row.no_acting == 1
    assert ours_row.longest_days == 400
    # Kaur: its one post held by a Plt, so it ranks first by acting share.
    assert [r.name for r in rows][:2] == ["Pemerintah Kabupaten Kaur", instansi.name]
    assert page.index("Pemerintah Kabupaten Kaur") < page.index(instansi.name)
    assert "20.0 %" in page and "100.0 %" in page
    by_longest = _table(client.get("/wilayah?urut=terlama"))
    assert by_longest.index(instansi.name) < by_longest.index("Pemerintah Kabupaten Kaur")
    # The drill-down opens the pemda's list.
    listed = client.get(f"/kekosongan?pemda={other.id}").data.decode()
    assert "Kepala Dinas Kaur" in listed and "Kepala Dinas A" not in listed


def _table(response):
    return response.data.decode().split('id="peringkat-pemda"')[1]


def test_a_national_admin_adds_a_pemda_with_its_admin_and_routes(app, client, instansi):
    _national_admin(instansi)
    with transaction():
        province = create_pemda("Pemerintah Provinsi Bengkulu", "provinsi")
    _login(client, "pusat")
    form = client.get("/wilayah/pemda/baru")
    assert form.status_code == 200 and "Pemerintah Provinsi Bengkulu" in form.data.decode()
    data = {"name": "Pemerintah Kabupaten Seluma", "kind": "kabupaten",
            "parent_id": str(province.id), "admin_username": "admin_seluma",
            "admin_full_name": "Admin Seluma", "admin_password": "Seluma-Tais-2026",
            "csrf_token": csrf_from(form.data)}
    response = client.post("/wilayah/pemda/baru", data=data)
    assert response.status_code == 302
    seluma = db.session.scalar(db.select(Instansi).filter_by(name="Pemerintah Kabupaten Seluma"))
    assert seluma.parent_id == province.id and seluma.kind == "kabupaten"
    admin = db.session.scalar(db.select(User).filter_by(username="admin_seluma"))
    assert admin.instansi_id == seluma.id and admin.role == "admin" and admin.scope == "pemda"
    routes = db.session.scalars(db.select(Route).filter_by(instansi_id=seluma.id)).all()
    assert len(routes) == 5 and all(r.stages for r in routes)
    assert db.session.scalar(db.select(AuditEntry).filter_by(entity="instansi",
                                                             entity_id=seluma.id))
    # The same name again changes nothing and says why.
    again = client.post("/wilayah/pemda/baru", data={**data, "admin_username": "kedua"})
    assert again.status_code == 422 and "sudah ada" in again.data.decode()
    assert db.session.scalar(db.select(User.id).filter_by(username="kedua")) is None
    assert db.session.scalar(db.select(db.func.count()).select_from(Instansi).filter_by(
        name="Pemerintah Kabupaten Seluma")) == 1
    # A province under another province is refused.
    bad = client.post("/wilayah/pemda/baru", data={**data, "name": "Pemerintah Provinsi X",
                                                   "kind": "provinsi", "admin_username": "x1"})
    assert bad.status_code == 422 and "Provinsi tidak berada di bawah" in bad.data.decode()


def test_only_national_admins_add_pemda(app, client, instansi, login_as):
    login_as("admin")
    assert client.get("/wilayah/pemda/baru").status_code == 403
    assert client.post("/wilayah/pemda/baru", data={"csrf_token": client.csrf}).status_code == 403
    assert b"/wilayah/pemda/baru" not in client.get("/kekosongan").data


def test_the_pemda_switch_shows_only_the_scope(app, client, instansi):
    with transaction():
        province = create_pemda("Pemerintah Provinsi Bengkulu", "provinsi")
        create_pemda("Pemerintah Kabupaten Kaur", "kabupaten", province.id)
        create_pemda("Pemerintah Kabupaten Jauh", "kabupaten")
        create_user(province.id, "prov", PASSWORD, "viewer", "Pengguna Provinsi",
                    scope="province")
    _login(client, "prov")
    page = client.get("/kekosongan").data.decode()
    assert 'id="pilih-pemda"' in page
    assert "Pemerintah Kabupaten Kaur" in page and "Jauh" not in page


def test_the_region_report_lists_each_pemda_and_every_flagged_vacancy_worst_first(
        app, client, instansi):
    import io

    import openpyxl

    day = today()
    with transaction():
        other = create_pemda("Pemerintah Kabupaten Kaur", "kabupaten")
    ours, theirs = Factory(instansi), Factory(other)
    ours.vacancy(ours.post("Kepala Dinas Tanpa Pelaksana"), start=day - dt.timedelta(days=200))
    theirs.acting(theirs.vacancy(theirs.post("Kepala Dinas Kaur"),
                                 start=day - dt.timedelta(days=100)),
                  start=day - dt.timedelta(days=10), end=day + dt.timedelta(days=80))
    calm = ours.post("Kepala Dinas Terisi")
    assert calm is not None
    _national_admin(instansi)
    _login(client, "pusat")
    response = client.get("/wilayah/laporan.xlsx")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].endswith(f'laporan-wilayah-{day}.xlsx"')
    book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    per_pemda, flagged = (list(sheet.iter_rows(values_only=True)) for sheet in book)
    names = {row[0]: row for row in per_pemda[1:]}
    assert set(names) == {instansi.name, "Pemerintah Kabupaten Kaur"}
    assert names["Pemerintah Kabupaten Kaur"][7] == 1  # held by an acting official
    header, rows = flagged[0], flagged[1:]
    posts = [row[header.index("Jabatan")] for row in rows]
    assert "Kepala Dinas Terisi" not in posts
    assert posts[0] == "Kepala Dinas Tanpa Pelaksana"  # no acting official: critical, first
    assert rows[0][header.index("Tingkat")] == "Kritis"
    assert {row[header.index("Tingkat")] for row in rows} <= {"Kritis", "Peringatan"}
