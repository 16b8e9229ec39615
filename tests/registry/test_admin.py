"""Admin pages for OPDs and their posts: list, add, change, deactivate; never delete."""
import pytest

from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from plt_tracker.registry.models import Opd, Post
from plt_tracker.registry.operations import create_opd
from tests.registry.helpers import audit_entries, other_instansi, text_of


def _count(model):
    return db.session.scalar(db.select(db.func.count(model.id)))


def test_admin_sees_opds_with_their_posts(app, client, login_as, factory):
    opd = factory.opd("Dinas Pendidikan")
    factory.post("Kepala Dinas Pendidikan", opd=opd)
    inactive = factory.opd("Dinas Lama")
    with transaction():
        inactive.is_active = False
    login_as("admin")
    page = text_of(client.get("/opd"))
    assert "Dinas Pendidikan" in page and "Kepala Dinas Pendidikan" in page
    assert "Dinas Lama" in page and "Nonaktif" in page


def test_opds_of_another_pemda_stay_hidden(app, client, login_as, factory):
    other = other_instansi()
    with transaction():
        foreign = create_opd(other.id, "Dinas Tetangga", "dinas")
    login_as("admin")
    assert "Dinas Tetangga" not in text_of(client.get("/opd"))
    assert client.get(f"/opd/{foreign.id}/ubah").status_code == 404
    assert client.get(f"/opd/{foreign.id}/jabatan/baru").status_code == 404


def test_admin_adds_an_opd_and_it_is_audited(app, client, login_as, instansi):
    login_as("admin")
    response = client.post("/opd/baru", data={"name": "  Dinas Kesehatan ", "kind": "dinas",
                                               "csrf_token": client.csrf})
    assert response.status_code == 302
    opd = db.session.scalar(db.select(Opd).filter_by(name="Dinas Kesehatan"))
    assert opd.instansi_id == instansi.id and opd.kind == "dinas" and opd.is_active
    entry = audit_entries("opd", "create")[-1]
    assert entry.entity_id == opd.id and entry.after["name"] == "Dinas Kesehatan"
    assert entry.actor == client.user.username


def test_duplicate_opd_name_is_refused_and_nothing_changes(app, client, login_as, factory):
    factory.opd("Dinas Kesehatan")
    login_as("admin")
    before = (_count(Opd), len(audit_entries("opd")))
    response = client.post("/opd/baru", data={"name": "Dinas Kesehatan", "kind": "dinas",
                                               "csrf_token": client.csrf})
    assert response.status_code == 422
    assert "OPD 'Dinas Kesehatan' sudah ada" in text_of(response)
    assert (_count(Opd), len(audit_entries("opd"))) == before


def test_renaming_onto_another_opd_is_refused(app, client, login_as, factory):
    factory.opd("Dinas Kesehatan")
    opd = factory.opd("Dinas Sosial")
    login_as("admin")
    response = client.post(f"/opd/{opd.id}/ubah", data={
        "name": "Dinas Kesehatan", "kind": "dinas", "is_active": "y", "csrf_token": client.csrf})
    assert response.status_code == 422
    assert "sudah ada" in text_of(response)
    db.session.expire_all()
    assert db.session.get(Opd, opd.id).name == "Dinas Sosial"


def test_admin_deactivates_an_opd_with_before_and_after(app, client, login_as, factory):
    opd = factory.opd("Dinas Sosial")
    login_as("admin")
    assert "Nonaktifkan OPD" in client.get(f"/opd/{opd.id}/ubah").get_data(as_text=True)
    response = client.post(f"/opd/{opd.id}/status", data={"active": "0",
                                                          "csrf_token": client.csrf})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Opd, opd.id).is_active is False
    entry = audit_entries("opd", "update")[-1]
    assert entry.before["is_active"] is True and entry.after["is_active"] is False
    assert "Aktifkan kembali OPD" in client.get(f"/opd/{opd.id}/ubah").get_data(as_text=True)
    client.post(f"/opd/{opd.id}/status", data={"active": "1", "csrf_token": client.csrf})
    db.session.expire_all()
    assert db.session.get(Opd, opd.id).is_active is True


def test_an_empty_admin_post_flips_no_flag(app, client, login_as, factory, make_user):
    opd = factory.opd("Dinas Sosial")
    post = factory.post("Kepala Dinas Sosial", opd=opd)
    user = make_user("operator")
    login_as("admin")
    posts = {f"/opd/{opd.id}/ubah": {"name": opd.name, "kind": opd.kind},
             f"/opd/jabatan/{post.id}/ubah": {"title": post.title, "kind": post.kind,
                                              "eselon": post.eselon},
             f"/pengguna/{user.id}/ubah": {"full_name": user.full_name, "role": user.role}}
    for url, data in posts.items():
        assert client.post(url, data=dict(data, csrf_token=client.csrf)).status_code == 302, url
    for url in (f"/opd/{opd.id}/status", f"/opd/jabatan/{post.id}/status",
                f"/pengguna/{user.id}/status"):
        assert client.post(url, data={"csrf_token": client.csrf}).status_code == 400, url
    db.session.expire_all()
    assert db.session.get(Opd, opd.id).is_active is True
    assert (db.session.get(Post, post.id).is_active, db.session.get(Post, post.id).is_head) == (
        True, True)
    assert db.session.get(type(user), user.id).is_active is True
    assert audit_entries("opd", "update") == [] and audit_entries("post", "update") == []


def test_admin_adds_and_changes_a_post(app, client, login_as, factory):
    opd = factory.opd("Dinas Pendidikan")
    login_as("admin")
    response = client.post(f"/opd/{opd.id}/jabatan/baru", data={
        "title": "Kepala Dinas Pendidikan", "kind": "jpt_pratama", "eselon": "II.b",
        "is_head": "y", "csrf_token": client.csrf})
    assert response.status_code == 302
    post = db.session.scalar(db.select(Post).filter_by(title="Kepala Dinas Pendidikan"))
    assert (post.opd_id, post.kind, post.eselon, post.is_head) == (
        opd.id, "jpt_pratama", "II.b", True)
    assert audit_entries("post", "create")[-1].post_id == post.id

    # An unticked box still sends its hidden "n": the post stops heading its OPD.
    response = client.post(f"/opd/jabatan/{post.id}/ubah", data={
        "title": "Sekretaris Dinas Pendidikan", "kind": "administrator", "eselon": "III.a",
        "is_head": "n", "csrf_token": client.csrf})
    assert response.status_code == 302
    db.session.expire_all()
    post = db.session.get(Post, post.id)
    assert (post.title, post.kind, post.is_head, post.is_active) == (
        "Sekretaris Dinas Pendidikan", "administrator", False, True)
    entry = audit_entries("post", "update")[-1]
    assert entry.post_id == post.id
    assert entry.before["kind"] == "jpt_pratama" and entry.after["kind"] == "administrator"
    assert entry.before["is_head"] is True and entry.after["is_head"] is False
    client.post(f"/opd/jabatan/{post.id}/status", data={"active": "0", "csrf_token": client.csrf})
    db.session.expire_all()
    assert db.session.get(Post, post.id).is_active is False
    assert audit_entries("post", "update")[-1].after["is_active"] is False


def test_an_official_edit_without_the_box_keeps_the_official_active(app, client, login_as, factory):
    from plt_tracker.registry.models import Official

    official = factory.official("Budi Santoso")
    login_as("operator")
    response = client.post(f"/pejabat/{official.id}/ubah", data={
        "nip": official.nip, "nip_kind": "pns", "name": "Budi Santoso, S.H.", "version": "1",
        "why": "Gelar", "csrf_token": client.csrf})
    assert response.status_code == 302
    db.session.rollback()
    assert db.session.get(Official, official.id).is_active is True
    # Deactivation is its own button.
    response = client.post(f"/pejabat/{official.id}/status", data={
        "active": "0", "version": "2", "csrf_token": client.csrf})
    assert response.status_code == 302
    db.session.rollback()
    assert db.session.get(Official, official.id).is_active is False


def test_the_post_form_renders_a_marker_before_its_check_box(app, client, login_as, factory):
    post = factory.post("Kepala Dinas Uji")
    login_as("admin")
    page = client.get(f"/opd/jabatan/{post.id}/ubah").get_data(as_text=True)
    assert '<input type="hidden" name="is_head" value="n"><input checked' in page


def test_edit_form_keeps_an_imported_eselon(app, client, login_as, factory):
    post = factory.post("Camat Uji", kind="administrator", eselon="III/a")
    login_as("admin")
    page = text_of(client.get(f"/opd/jabatan/{post.id}/ubah"))
    assert '<option selected value="III/a">' in page or 'value="III/a" selected' in page


def test_duplicate_post_title_is_refused(app, client, login_as, factory):
    post = factory.post("Kepala Dinas Sosial")
    login_as("admin")
    before = (_count(Post), len(audit_entries("post")))
    response = client.post(f"/opd/{post.opd_id}/jabatan/baru", data={
        "title": "Kepala Dinas Sosial", "kind": "jpt_pratama", "eselon": "", "is_head": "y",
        "csrf_token": client.csrf})
    assert response.status_code == 422
    assert "Jabatan 'Kepala Dinas Sosial' sudah ada" in text_of(response)
    assert (_count(Post), len(audit_entries("post"))) == before


def test_unknown_kind_is_refused_by_the_form(app, client, login_as):
    login_as("admin")
    response = client.post("/opd/baru", data={"name": "Badan X", "kind": "kementerian",
                                               "csrf_token": client.csrf})
    assert response.status_code == 400
    assert _count(Opd) == 0


def test_post_without_csrf_token_changes_nothing(app, client, login_as, factory):
    opd = factory.opd("Dinas Sosial")
    login_as("admin")
    response = client.post("/opd/baru", data={"name": "Dinas Baru", "kind": "dinas"})
    assert response.status_code == 400
    response = client.post(f"/opd/{opd.id}/ubah", data={"name": "Dinas Ganti", "kind": "dinas"})
    assert response.status_code == 400
    db.session.expire_all()
    assert [o.name for o in db.session.scalars(db.select(Opd))] == ["Dinas Sosial"]
    assert db.session.get(Opd, opd.id).is_active is True


def test_there_is_no_delete_route(app):
    assert not [r for r in app.url_map.iter_rules()
                if r.endpoint.startswith("registry.") and "DELETE" in r.methods]


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_lower_roles_cannot_manage_opds(app, client, login_as, factory, role):
    post = factory.post()
    login_as(role)
    for url in ("/opd", "/opd/baru", f"/opd/{post.opd_id}/ubah",
                f"/opd/{post.opd_id}/jabatan/baru", f"/opd/jabatan/{post.id}/ubah"):
        assert client.get(url).status_code == 403, url
    response = client.post("/opd/baru", data={"name": "Dinas Baru", "kind": "dinas",
                                               "csrf_token": client.csrf})
    assert response.status_code == 403
    assert _count(Opd) == 1


def test_anonymous_is_sent_to_login(app, client):
    for url in ("/opd", "/opd/baru"):
        response = client.get(url)
        assert response.status_code == 302 and "/masuk" in response.headers["Location"]
