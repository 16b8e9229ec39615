"""`flask plt create-user` through the real CLI."""
from plt_tracker.auth.models import User
from plt_tracker.extensions import db
from tests.conftest import csrf_from


def test_create_user_then_login(app, runner, client):
    result = runner.invoke(args=["plt", "create-user", "Rina", "--password", "rahasia123",
                                 "--role", "viewer", "--name", "Rina Sekda"])
    assert result.exit_code == 0, result.output
    assert "rina (Sekda / pimpinan, Satu pemda) dibuat" in result.output
    user = db.session.scalar(db.select(User).filter_by(username="rina"))
    assert user.role == "viewer" and user.instansi.name == app.config["PEMDA_NAME"]
    assert user.scope == "pemda"

    token = csrf_from(client.get("/masuk").data)
    response = client.post("/masuk", data={"username": "rina", "password": "rahasia123",
                                           "csrf_token": token})
    assert response.status_code == 302


def test_duplicate_or_short_password_refused_without_change(app, runner, make_user):
    make_user("operator", username="budi")
    result = runner.invoke(args=["plt", "create-user", "budi", "--password", "rahasia123"])
    assert result.exit_code == 1
    assert "sudah dipakai" in result.output
    result = runner.invoke(args=["plt", "create-user", "andi", "--password", "pendek"])
    assert result.exit_code == 1 and "minimal 10 karakter" in result.output
    assert db.session.scalar(db.select(db.func.count()).select_from(User)) == 1


def test_pemda_and_scoped_users_from_the_command_line(app, runner):
    result = runner.invoke(args=["plt", "pemda-add", "Pemerintah Provinsi Bengkulu",
                                 "--kind", "provinsi"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["plt", "pemda-add", "Pemerintah Kabupaten Kaur",
                                 "--province", "Pemerintah Provinsi Bengkulu"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["plt", "pemda-add", "Pemerintah Kabupaten Seluma",
                                 "--province", "Provinsi Tidak Ada"])
    assert result.exit_code == 1 and "tidak ditemukan" in result.output
    listing = runner.invoke(args=["plt", "pemda-list"]).output
    assert "Pemerintah Kabupaten Kaur\tPemerintah Provinsi Bengkulu" in listing
    assert "Seluma" not in listing

    # A province scope only for a province's user; national for any.
    result = runner.invoke(args=["plt", "create-user", "prov", "--password", "rahasia123",
                                 "--scope", "province", "--pemda", "Pemerintah Kabupaten Kaur"])
    assert result.exit_code == 1 and "hanya untuk pengguna pemda provinsi" in result.output
    result = runner.invoke(args=["plt", "create-user", "prov", "--password", "rahasia123",
                                 "--scope", "province", "--pemda", "Pemerintah Provinsi Bengkulu"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(args=["plt", "create-user", "pusat", "--password", "rahasia123",
                                 "--role", "admin", "--scope", "national"])
    assert result.exit_code == 0 and "Nasional" in result.output
    scopes = dict(db.session.execute(db.select(User.username, User.scope)).all())
    assert scopes == {"prov": "province", "pusat": "national"}
