"""Tokens are made and revoked by admins on their own pemda (scope at most their own),
shown once, audited; the same from the command line."""
import re

from plt_tracker.api.models import ApiToken, token_digest
from plt_tracker.audit.models import AuditEntry
from plt_tracker.auth.operations import create_user
from plt_tracker.core.db import transaction
from plt_tracker.extensions import db
from tests.conftest import csrf_from

TOKEN = re.compile(r'<code id="api-token">(plt_[A-Za-z0-9_\-]+)</code>')


def _make(client, **data):
    page = client.get("/token-api/baru")
    assert page.status_code == 200
    return client.post("/token-api/baru", data={"csrf_token": csrf_from(page.data), **data})


def test_admin_makes_a_token_shown_once(app, client, login_as, instansi):
    admin = login_as("admin")
    response = _make(client, name="Dasbor Provinsi", scope="pemda", expires_on="")
    assert response.status_code == 200
    text = TOKEN.search(response.get_data(as_text=True))[1]
    assert response.headers["Cache-Control"] == "no-store"
    token = db.session.scalar(db.select(ApiToken))
    assert token.digest == token_digest(text) and text not in (token.digest, token.prefix)
    assert token.instansi_id == instansi.id and token.created_by_id == admin.id
    listing = client.get("/token-api").get_data(as_text=True)
    assert "Dasbor Provinsi" in listing and token.prefix in listing and text not in listing
    entry = db.session.scalar(db.select(AuditEntry).filter_by(entity="api_token"))
    assert entry.action == "create" and entry.actor == admin.username
    assert "Dasbor Provinsi" in entry.summary and text not in str(entry.after)
    api = client.get("/api/v1/", headers={"Authorization": f"Bearer {text}"})
    assert api.status_code == 200 and api.json["token"]["name"] == "Dasbor Provinsi"


def test_admin_revokes_a_token(app, client, login_as, make_token):
    login_as("admin")
    token, text = make_token()
    page = client.get("/token-api")
    response = client.post(f"/token-api/{token.id}/cabut",
                           data={"csrf_token": csrf_from(page.data)})
    assert response.status_code == 302
    assert db.session.get(ApiToken, token.id).revoked_at is not None
    entry = db.session.scalar(db.select(AuditEntry).filter_by(entity="api_token",
                                                              action="revoke"))
    assert entry.entity_id == token.id
    refused = client.get("/api/v1/", headers={"Authorization": f"Bearer {text}"})
    assert refused.status_code == 401
    again = client.post(f"/token-api/{token.id}/cabut", data={"csrf_token": client.csrf})
    assert again.status_code == 302
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)
                             .filter_by(entity="api_token", action="revoke")) == 1


def test_scope_of_a_token_is_at_most_the_admins(app, client, login_as):
    login_as("admin")  # a pemda admin: the form offers one scope
    page = client.get("/token-api/baru").get_data(as_text=True)
    assert 'value="national"' not in page and 'value="province"' not in page
    response = _make(client, name="Nasional", scope="national")
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count()).select_from(ApiToken)) == 0


def test_refused_tokens_change_nothing(app, client, login_as):
    login_as("admin")
    for data in ({"name": ""}, {"name": "x" * 101}, {"name": "Kemarin", "expires_on": "2000-01-01"},
                 {"name": "a\u202eb"}):
        response = _make(client, scope="pemda", **data)
        assert response.status_code in (400, 422), data
    assert db.session.scalar(db.select(db.func.count()).select_from(ApiToken)) == 0
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)
                             .filter_by(entity="api_token")) == 0


def test_an_admin_reaches_only_their_pemdas_tokens(app, client, login_as, make_token, world):
    login_as("admin")
    theirs, _text = make_token("pemda", world["pemda"]["rejang"])
    assert theirs.name not in client.get("/token-api").get_data(as_text=True)
    page = client.get("/token-api")
    response = client.post(f"/token-api/{theirs.id}/cabut",
                           data={"csrf_token": csrf_from(page.data)})
    assert response.status_code == 404
    assert db.session.get(ApiToken, theirs.id).revoked_at is None


def test_a_province_admin_may_make_a_province_token(app, client, world):
    with transaction():
        create_user(world["pemda"]["bengkulu"].id, "prov", "Kata-Sandi-Uji-9", "admin",
                    "Admin Provinsi", scope="province")
    token = csrf_from(client.get("/masuk").data)
    client.post("/masuk", data={"username": "prov", "password": "Kata-Sandi-Uji-9",
                                "csrf_token": token})
    response = _make(client, name="Dasbor Bengkulu", scope="province")
    assert response.status_code == 200
    text = TOKEN.search(response.get_data(as_text=True))[1]
    names = {p["name"] for p in client.get("/api/v1/pemda", headers={
        "Authorization": f"Bearer {text}"}).json["data"]}
    assert names == {"Pemerintah Provinsi Bengkulu", "Pemerintah Kabupaten Lebong",
                     "Pemerintah Kabupaten Rejang Lebong"}
    assert _make(client, name="Nasional", scope="national").status_code == 400


def test_only_admins_see_the_token_pages(app, client, login_as):
    login_as("operator")
    assert client.get("/token-api").status_code == 403
    assert client.get("/token-api/baru").status_code == 403


def test_tokens_from_the_command_line(app, runner, client, world):
    result = runner.invoke(args=["plt", "api-token", "create", "--name", "SIASN",
                                 "--scope", "province", "--pemda", "Pemerintah Provinsi Bengkulu",
                                 "--expires", "2099-12-31"])
    assert result.exit_code == 0, result.output
    text = result.output.strip().splitlines()[-1]
    assert text.startswith("plt_")
    answer = client.get("/api/v1/pemda", headers={"Authorization": f"Bearer {text}"})
    assert answer.status_code == 200 and answer.json["meta"]["total"] == 3
    token = db.session.scalar(db.select(ApiToken).filter_by(name="SIASN"))
    assert str(token.expires_on) == "2099-12-31"
    assert db.session.scalar(db.select(AuditEntry).filter_by(entity="api_token")).actor == "cli"

    listing = runner.invoke(args=["plt", "api-token", "list"])
    assert listing.exit_code == 0 and "SIASN" in listing.output and "aktif" in listing.output
    assert text not in listing.output

    refused = runner.invoke(args=["plt", "api-token", "create", "--name", "Salah",
                                  "--scope", "province"])  # the default pemda is a kabupaten
    assert refused.exit_code == 1 and "provinsi" in refused.output
    refused = runner.invoke(args=["plt", "api-token", "create", "--name", "Salah",
                                  "--expires", "31-31-2099"])
    assert refused.exit_code == 1

    revoked = runner.invoke(args=["plt", "api-token", "revoke", str(token.id)])
    assert revoked.exit_code == 0, revoked.output
    assert client.get("/api/v1/", headers={"Authorization": f"Bearer {text}"}).status_code == 401
    assert "dicabut" in runner.invoke(args=["plt", "api-token", "list"]).output
    again = runner.invoke(args=["plt", "api-token", "revoke", str(token.id)])
    assert again.exit_code == 1 and "sudah dicabut" in again.output
    assert runner.invoke(args=["plt", "api-token", "revoke", "999"]).exit_code == 1
