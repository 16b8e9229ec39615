"""The selection pages through real HTTP: roles, CSRF, recording and refusals, audited admin edits."""
import datetime as dt

from plt_tracker.audit.models import AuditEntry
from plt_tracker.extensions import db
from plt_tracker.flags.models import ElectionWindow
from plt_tracker.selection.models import FillingAttempt, RouteStage, StageRecord
from tests.conftest import csrf_from
from tests.selection.helpers import route, stage, start

D = dt.date


def _post(client, url, data):
    return client.post(url, data={**data, "csrf_token": client.csrf})


def test_operator_starts_an_attempt_and_records_stages(client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    login_as("operator")
    form = client.get(f"/kekosongan/{vacancy.id}/proses/baru")
    assert form.status_code == 200 and "Seleksi terbuka JPT" in form.get_data(as_text=True)
    assert "Pengangkatan administrator" not in form.get_data(as_text=True)
    response = _post(client, f"/kekosongan/{vacancy.id}/proses/baru",
                     {"route_id": route("seleksi_terbuka").id, "started_on": "2025-06-10"})
    assert response.status_code == 302
    attempt = db.session.scalar(db.select(FillingAttempt))
    first, second = attempt.route.stages[:2]
    ok = _post(client, f"/proses/{attempt.id}/tahap/{first.id}",
               {"started_on": "10/06/2025", "finished_on": "2025-06-20", "document_number": "800/1"})
    assert ok.status_code == 302
    refused = _post(client, f"/proses/{attempt.id}/tahap/{second.id}", {"started_on": "2025-06-19"})
    assert refused.status_code == 400
    assert "tidak boleh sebelum tahap sebelumnya selesai (20/06/2025)" in refused.get_data(as_text=True)
    assert db.session.scalar(db.select(db.func.count()).select_from(StageRecord)) == 1
    page = client.get(f"/kekosongan/{vacancy.id}/proses?as_of=2025-06-25").get_data(as_text=True)
    assert "tahap 2 dari 11" in page and "800/1" in page


def test_fail_and_approval_forms(client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 6, 2))
    login_as("operator")
    assert _post(client, f"/proses/{attempt.id}/persetujuan-mendagri",
                 {"number": "100.2.2.6/77/OTDA", "approved_on": "2025-06-05"}).status_code == 302
    missing = _post(client, f"/proses/{attempt.id}/akhiri",
                    {"status": "failed", "ended_on": "2025-07-01", "reason": ""})
    assert missing.status_code == 400
    assert _post(client, f"/proses/{attempt.id}/akhiri",
                 {"status": "cancelled", "ended_on": "2025-07-01",
                  "reason": "Dibatalkan PPK"}).status_code == 302
    db.session.refresh(attempt)
    assert (attempt.status, attempt.minister_approval_number) == ("cancelled", "100.2.2.6/77/OTDA")


def test_viewer_cannot_record_and_csrf_is_required(client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 6, 2))
    stage_id = attempt.route.stages[0].id
    login_as("viewer")
    assert client.get(f"/kekosongan/{vacancy.id}/proses").status_code == 200
    for url in (f"/kekosongan/{vacancy.id}/proses/baru", f"/proses/{attempt.id}/tahap/{stage_id}",
                f"/proses/{attempt.id}/akhiri", f"/proses/{attempt.id}/persetujuan-mendagri",
                "/jalur", f"/jalur/{attempt.route_id}/ubah", f"/jalur/tahap/{stage_id}/ubah",
                "/rentang/masa-pilkada"):
        assert client.get(url).status_code == 403, url


def test_operator_cannot_edit_routes(client, login_as):
    login_as("operator")
    assert client.get("/jalur").status_code == 403
    stage_id = route("administrator").stages[0].id
    assert client.post(f"/jalur/tahap/{stage_id}/pindah",
                       data={"direction": "1", "csrf_token": client.csrf}).status_code == 403


def test_posts_without_csrf_are_refused(client, login_as, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    login_as("admin")
    response = client.post(f"/kekosongan/{vacancy.id}/proses/baru",
                           data={"route_id": route("seleksi_terbuka").id, "started_on": "2025-06-10"})
    assert response.status_code == 400
    stage_id = route("administrator").stages[0].id
    assert client.post(f"/jalur/tahap/{stage_id}/pindah", data={"direction": "1"}).status_code == 400
    assert db.session.scalar(db.select(db.func.count()).select_from(FillingAttempt)) == 0


def test_admin_edits_routes_and_stages_audited(client, login_as):
    login_as("admin")
    admin_route = route("administrator")
    page = client.get("/jalur").get_data(as_text=True)
    assert "Pertimbangan Tim Penilai Kinerja" in page and "Pertimbangan Baperjakat" not in page
    first, second = admin_route.stages[:2]
    assert _post(client, f"/jalur/tahap/{first.id}/ubah",
                 {"name": "Pengusulan calon oleh OPD", "expected_days": "21"}).status_code == 302
    assert _post(client, f"/jalur/tahap/{second.id}/pindah", {"direction": "-1"}).status_code == 302
    assert _post(client, f"/jalur/{admin_route.id}/ubah",
                 {"name": "Pengangkatan administrator", "post_kinds": ["administrator"],
                  "is_active": "y"}).status_code == 302
    assert _post(client, f"/jalur/{admin_route.id}/tahap-baru",
                 {"name": "Verifikasi berkas", "expected_days": "7"}).status_code == 302
    db.session.expire_all()
    stages = {s.name: s for s in db.session.scalars(
        db.select(RouteStage).filter_by(route_id=admin_route.id))}
    assert stages["Pengusulan calon oleh OPD"].expected_days == 21
    assert stages["Pengusulan calon oleh OPD"].position == 2
    assert stages["Pertimbangan Tim Penilai Kinerja"].position == 1
    assert stages["Verifikasi berkas"].position == 5 and stages["Pelantikan"].position == 6
    assert route("administrator").post_kinds == "administrator"
    audited = db.session.scalars(db.select(AuditEntry.entity).filter(
        AuditEntry.entity.in_(["route", "route_stage"]))).all()
    assert audited.count("route_stage") == 3 and audited.count("route") == 1
    refused = _post(client, f"/jalur/tahap/{first.id}/ubah",
                    {"name": "x", "expected_days": "3", "ends_vacancy": "y"})
    assert refused.status_code == 400 and "Hanya tahap terakhir" in refused.get_data(as_text=True)


def test_admin_manages_election_windows(client, login_as):
    login_as("admin")
    form = client.get("/rentang/masa-pilkada/baru")
    token = csrf_from(form.data)
    bad = client.post("/rentang/masa-pilkada/baru", data={
        "name": "Pilkada", "start_date": "2029-03-01", "end_date": "2029-01-01", "csrf_token": token})
    assert bad.status_code == 400 and "tidak boleh sebelum tanggal mulai" in bad.get_data(as_text=True)
    assert client.post("/rentang/masa-pilkada/baru", data={
        "name": "Pilkada 2029", "start_date": "2029-03-01", "end_date": "2029-11-30",
        "is_active": "y", "csrf_token": token}).status_code == 302
    window = db.session.scalar(db.select(ElectionWindow))
    assert client.post(f"/rentang/masa-pilkada/{window.id}/ubah", data={
        "name": "Pilkada 2029", "start_date": "2029-03-01", "end_date": "2029-11-30",
        "csrf_token": token}).status_code == 302
    db.session.refresh(window)
    assert window.is_active is True  # an absent box changes nothing
    assert client.post(f"/rentang/masa-pilkada/{window.id}/ubah", data={
        "name": "Pilkada 2029", "start_date": "2029-03-01", "end_date": "2029-11-30",
        "is_active": "n", "csrf_token": token}).status_code == 302
    db.session.refresh(window)
    assert window.is_active is False
    assert client.post(f"/rentang/masa-pilkada/{window.id}/hapus",
                       data={"csrf_token": token}).status_code == 302
    assert db.session.scalar(db.select(ElectionWindow)) is None
    actions = db.session.scalars(db.select(AuditEntry.action).filter_by(entity="election_window")).all()
    assert sorted(actions) == ["create", "delete", "update", "update"]
    assert client.get("/rentang/masa-pj").status_code == 200
    assert client.get("/rentang/lainnya").status_code == 404


def test_inauguration_form_fills_the_post(client, login_as, factory):
    post = factory.post(kind="administrator", eselon="III.a", title="Camat Form")
    vacancy = factory.vacancy(post=post, start=D(2025, 6, 1))
    attempt = start(vacancy, "administrator", on=D(2025, 6, 2))
    for position in range(1, 5):
        stage(attempt, position, D(2025, 6, position + 1), D(2025, 6, position + 2))
    appointee = factory.official(name="Camat Dilantik")
    last = attempt.route.stages[-1]
    login_as("operator")
    # First the start only, then the finish: the same record is updated.
    assert _post(client, f"/proses/{attempt.id}/tahap/{last.id}",
                 {"started_on": "2025-06-06", "appointee": "0"}).status_code == 302
    form = client.get(f"/proses/{attempt.id}/tahap/{last.id}").get_data(as_text=True)
    assert "Camat Dilantik" in form and 'value="2025-06-06"' in form
    missing = _post(client, f"/proses/{attempt.id}/tahap/{last.id}",
                    {"started_on": "2025-06-06", "finished_on": "2025-06-20", "appointee": "0"})
    assert missing.status_code == 400 and "Pilih pejabat yang dilantik" in missing.get_data(as_text=True)
    done = _post(client, f"/proses/{attempt.id}/tahap/{last.id}",
                 {"started_on": "2025-06-06", "finished_on": "2025-06-20",
                  "appointee": str(appointee.id), "sk_number": "821/5/SK"})
    assert done.status_code == 302
    db.session.expire_all()
    assert vacancy.end_date == D(2025, 6, 20) and vacancy.filled_by.official.name == "Camat Dilantik"
    assert db.session.get(FillingAttempt, attempt.id).status == "completed"
    assert db.session.scalar(db.select(db.func.count()).select_from(StageRecord).filter_by(
        attempt_id=attempt.id)) == 5
