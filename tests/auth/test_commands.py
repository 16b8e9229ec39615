"""`flask plt create-user` through the real CLI."""
from plt_tracker.auth.models import User
from plt_tracker.extensions import db
from tests.conftest import csrf_from


def test_create_user_then_login(app, runner, client):
    result = runner.invoke(args=["plt", "create-user", "Rina", "--password", "rahasia123",
                                 "--role", "viewer", "--name", "Rina Sekda"])
    assert result.exit_code == 0, result.output
    assert "rina (Sekda / pimpinan) dibuat" in result.output
    user = db.session.scalar(db.select(User).filter_by(username="rina"))
    assert user.role == "viewer" and user.instansi.name == app.config["PEMDA_NAME"]

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
