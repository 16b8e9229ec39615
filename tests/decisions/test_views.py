"""The decisions pages over HTTP: record, list, post page, change, close, drop; bad input."""
import datetime as dt
import re

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.decisions.models import Decision
from plt_tracker.extensions import db
from tests.decisions.helpers import FEB, MAR, decide
from tests.vacancies.helpers import stored

D = dt.date
TODAY = D(2026, 3, 5)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    """Pin the clock after the February and March 2026 Rakor."""
    for module in ("plt_tracker.decisions.views", "plt_tracker.core.dates",
                   "plt_tracker.vacancies.action_views", "plt_tracker.registry.views",
                   "plt_tracker.selection.views", "plt_tracker.core.requests"):
        monkeypatch.setattr(f"{module}.today", lambda: TODAY)


def _text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def _post(client, url, **data):
    return client.post(url, data=dict(data, csrf_token=client.csrf))


def _count():
    return db.session.scalar(db.select(db.func.count()).select_from(Decision))


def test_record_from_the_post_page_and_see_it_everywhere(app, client, login_as, factory):
    vacancy = factory.vacancy(factory.post("Kepala Dinas Sosial"), start=D(2025, 6, 1))
    login_as("operator")
    post_page = client.get(f"/jabatan/{vacancy.post_id}")
    assert f"/keputusan/baru?jabatan={vacancy.post_id}" in post_page.get_data(as_text=True)
    form = client.get(f"/keputusan/baru?jabatan={vacancy.post_id}&flag=NO_ACTING")
    html = form.get_data(as_text=True)
    assert f'<option selected value="{vacancy.post_id}">' in html
    assert '<option selected value="NO_ACTING">' in html
    assert '<option selected value="2026-03-02">02/03/2026</option>' in html

    response = _post(client, "/keputusan/baru", meeting_date="2026-02-02",
                     post_id=str(vacancy.post_id), flag_code="NO_ACTING",
                     instruction="Tunjuk Plt Kepala Dinas Sosial",
                     responsible=f"opd:{vacancy.post.opd_id}",
                     responsible_email="dinsos@lebongkab.go.id", due_date="")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/jabatan/{vacancy.post_id}#keputusan")
    decision = db.session.scalar(db.select(Decision))
    assert (decision.due_date, decision.responsible_opd_id) == (MAR, vacancy.post.opd_id)

    text = _text(client.get(f"/jabatan/{vacancy.post_id}"))
    assert "Tunjuk Plt Kepala Dinas Sosial" in text and "Lewat tenggat" in text
    assert "3 hari lewat tenggat" in text
    listing = _text(client.get("/keputusan?status=overdue"))
    assert "Tunjuk Plt Kepala Dinas Sosial" in listing
    assert "Tunjuk Plt" not in _text(client.get("/keputusan?status=done"))
    assert "Tunjuk Plt" in _text(client.get("/keputusan?as_of=2026-02-10&status=open"))


@pytest.mark.parametrize("change", [
    {"instruction": "  "},
    {"responsible_email": "bukan-email"},
    {"responsible": "opd:99999"},
    {"meeting_date": "2026-02-03"},
    {"due_date": "2026-01-01"},
    {"due_date": "31/02/2026"},
    {"instruction": "x" * 1001},
    {"post_id": "99999"},
])
def test_bad_input_is_refused_and_writes_nothing(app, client, login_as, change):
    login_as("operator")
    before = stored()
    data = dict(meeting_date="2026-02-02", post_id="", flag_code="", instruction="Percepat",
                responsible="bkpsdm", responsible_email="", due_date="")
    response = _post(client, "/keputusan/baru", **dict(data, **change))
    assert response.status_code in (400, 422)
    assert stored() == before and _count() == 0


def test_change_close_and_drop_with_history(app, client, login_as, instansi, factory):
    post = factory.vacancy().post
    decision = decide(instansi, post=post, text="Tunjuk Plt")
    other = decide(instansi, text="Susun jadwal seleksi")
    login_as("operator")
    edited = _post(client, f"/keputusan/{decision.id}/ubah", version="1",
                   instruction="Tunjuk Plt dari sekretaris dinas", responsible="bkpsdm",
                   responsible_email="", due_date="2026-03-16")
    assert edited.status_code == 302
    refused = _post(client, f"/keputusan/{decision.id}/selesai", version="2",
                    closed_on="2026-03-06", note="Plt ditunjuk")
    assert refused.status_code == 400 and "sesudah hari ini" in _text(refused)
    done = _post(client, f"/keputusan/{decision.id}/selesai", version="2",
                 closed_on="2026-03-04", note="Plt ditunjuk 04/03/2026")
    assert done.status_code == 302
    dropped = _post(client, f"/keputusan/{other.id}/hentikan", version="1",
                    closed_on="2026-03-05", note="Digabung dengan keputusan lain")
    assert dropped.status_code == 302
    db.session.expire_all()
    assert (decision.status, decision.due_date, other.status) == ("done", D(2026, 3, 16),
                                                                  "dropped")
    page = _text(client.get(f"/keputusan/{decision.id}"))
    assert "Keputusan Rakor 02/02/2026 diubah" in page and "selesai 04/03/2026" in page
    assert "Tunjuk Plt → Tunjuk Plt dari sekretaris dinas" in page
    again = _post(client, f"/keputusan/{decision.id}/selesai", version="3",
                  closed_on="2026-03-04", note="lagi")
    assert again.status_code == 400 and "sudah ditutup" in _text(again)


def test_viewers_read_but_do_not_write(app, client, login_as, instansi):
    decision = decide(instansi)
    login_as("viewer")
    assert client.get(f"/keputusan/{decision.id}").status_code == 200
    assert "Tandai selesai" not in _text(client.get(f"/keputusan/{decision.id}"))
    assert client.get("/keputusan/baru").status_code == 403
    assert _post(client, f"/keputusan/{decision.id}/selesai", closed_on="2026-03-01",
                 note="x").status_code == 403
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)
                             .filter_by(event="decision.done")) == 0


def test_the_post_page_offers_a_decision_per_flag_today(app, client, login_as, factory,
                                                         monkeypatch):
    vacancy = factory.vacancy(start=D(2025, 6, 1))  # long vacant, nobody acting, no process
    login_as("operator")
    text = client.get(f"/jabatan/{vacancy.post_id}").get_data(as_text=True)
    assert "Catat keputusan untuk penanda:" in text
    assert f"/keputusan/baru?jabatan={vacancy.post_id}&amp;flag=NO_ACTING" in text
    past = client.get(f"/jabatan/{vacancy.post_id}?as_of=2025-12-01").get_data(as_text=True)
    assert "Catat keputusan untuk penanda:" not in past
