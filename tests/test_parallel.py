"""Eight submits of one form at once, against a real threaded server on 127.0.0.1.

The rules about what may coexist hold (one open vacancy per post, no
overlapping letters of one kind, one running attempt per vacancy, one NIP per
pemda): exactly one request wins, the others get the same clear 400 message a
sequential request gets, and none gets a server error. Runs on every database.
"""
import datetime as dt
import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from werkzeug.serving import make_server

from plt_tracker.extensions import db
from plt_tracker.registry.models import Official
from plt_tracker.selection.models import FillingAttempt, Route
from plt_tracker.vacancies.models import ActingAssignment, Vacancy
from tests.factories import make_nip

D = dt.date
PARALLEL = 8


class LiveServer:
    """The test's app served by werkzeug on a free port, one thread per request."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(10)


class Browser:
    """A logged-in user with cookies; posts forms with the session's CSRF token."""

    def __init__(self, base, username):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect())
        self.csrf = self._token("/masuk")
        status, _ = self.post("/masuk", {"username": username, "password": "rahasia123"})
        assert status == 302
        self.csrf = self._token("/kekosongan")

    def _token(self, path):
        with self.opener.open(self.base + path, timeout=30) as response:
            html = response.read().decode()
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)

    def post(self, path, data):
        body = urllib.parse.urlencode(dict(data, csrf_token=self.csrf)).encode()
        try:
            with self.opener.open(self.base + path, body, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _at_once(browser, path, forms):
    """Post every form in `forms` to `path` at the same moment; return the statuses and pages."""
    barrier = threading.Barrier(len(forms), timeout=120)  # never a hung suite

    def send(form):
        barrier.wait(10)
        return browser.post(path, form)

    with ThreadPoolExecutor(len(forms)) as pool:
        return list(pool.map(send, forms))


def _one_won(results, message):
    statuses = sorted(status for status, _ in results)
    assert 500 not in statuses, [page[:300] for status, page in results if status >= 500]
    assert statuses == [302] + [400] * (len(results) - 1), statuses
    refused = [page for status, page in results if status == 400]
    assert all(message in re.sub(r"\s+", " ", page) for page in refused)


@pytest.fixture
def live(app, make_user):
    user = make_user("operator")
    with LiveServer(app) as server:
        yield Browser(server.url, user.username)


def test_parallel_submits_cannot_break_the_rules(app, factory, live):
    post = factory.post("Kepala Dinas Sosial")
    results = _at_once(live, f"/jabatan/{post.id}/kosong",
                       [{"start_date": "2025-09-01", "reason": "pensiun"}] * PARALLEL)
    _one_won(results, "sudah tercatat kosong")
    db.session.rollback()
    vacancy = db.session.scalar(db.select(Vacancy).filter_by(post_id=post.id))
    assert db.session.scalar(db.select(db.func.count(Vacancy.id))
                             .filter_by(post_id=post.id)) == 1

    officials = [factory.official() for _ in range(PARALLEL)]
    results = _at_once(live, f"/jabatan/{post.id}/pelaksana", [
        {"kind": "plt", "official_id": o.id, "start_date": "2025-09-02",
         "end_date": "2025-12-01", "letter_number": f"800/{i}"} for i, o in enumerate(officials)])
    _one_won(results, "Jabatan ini sudah memiliki Plt")
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count(ActingAssignment.id))
                             .filter_by(vacancy_id=vacancy.id)) == 1

    route = db.session.scalar(db.select(Route).filter_by(code="seleksi_terbuka",
                                                         instansi_id=post.opd.instansi_id))
    results = _at_once(live, f"/kekosongan/{vacancy.id}/proses/baru",
                       [{"route_id": route.id, "started_on": "2025-09-10"}] * PARALLEL)
    _one_won(results, "Masih ada proses pengisian yang berjalan")
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count(FillingAttempt.id))
                             .filter_by(vacancy_id=vacancy.id)) == 1

    nip = make_nip(birth=D(1980, 2, 3))
    results = _at_once(live, "/pejabat/baru", [
        {"nip": nip, "nip_kind": "pns", "name": f"Pejabat Serentak {i}"} for i in range(PARALLEL)])
    _one_won(results, "sudah terdaftar di pemda ini")
    db.session.rollback()
    assert db.session.scalar(db.select(db.func.count(Official.id)).filter_by(nip=nip)) == 1
