"""A preview holds no write lock: another user's write during a preview goes through at once.

The preview is paused half way (inside its validation of the rows) while an operator
records an official over real HTTP on a threaded server. Had the preview taken the
database's write lock (SQLite's BEGIN IMMEDIATE, or the pemda row on PostgreSQL and
MariaDB), that write would wait for the lock timeout and answer 503.
"""
import io
import threading

import pytest

from plt_tracker.extensions import db
from plt_tracker.importer import operations
from plt_tracker.registry.models import Official
from tests.factories import make_nip
from tests.importer.helpers import counts, good_rows, write_csv
from tests.test_parallel import Browser, LiveServer


@pytest.fixture
def paused_preview(monkeypatch):
    """Make the import stop at the holder or vacancy of its second row until released;
    say when it got there.

    Every OPD, post and official of the file has then been written, as far as a
    preview writes: the point where a lock, if any, is held.
    """
    paused, release = threading.Event(), threading.Event()
    apply = operations._Importer.holding
    calls = []

    def slow_apply(self, row):
        calls.append(row)
        if len(calls) == 2:
            paused.set()
            assert release.wait(60), "the test never released the preview"
        return apply(self, row)

    monkeypatch.setattr(operations._Importer, "holding", slow_apply)
    yield paused, release
    release.set()


def test_a_write_during_a_preview_neither_fails_nor_waits(app, client, login_as, make_user,
                                                          tmp_path, paused_preview):
    paused, release = paused_preview
    login_as("admin")
    operator = make_user("operator")
    path = write_csv(tmp_path / "daftar.csv", good_rows())
    previews = []

    def preview():
        previews.append(client.post("/impor", content_type="multipart/form-data", data={
            "file": (io.BytesIO(path.read_bytes()), path.name), "csrf_token": client.csrf}))

    with LiveServer(app) as server:
        browser = Browser(server.url, operator.username)
        worker = threading.Thread(target=preview)
        worker.start()
        try:
            assert paused.wait(30), "the preview never reached its rows"
            nip = make_nip(seq=777)
            status, page = browser.post("/pejabat/baru", {"nip": nip, "nip_kind": "pns",
                                                          "name": "Pejabat Saat Pratinjau"})
            # Answered while the preview still waits in the middle of its rows.
            assert not release.is_set() and worker.is_alive()
            assert status == 302, page[:500]
        finally:
            release.set()
            worker.join(60)
    db.session.rollback()
    assert db.session.scalar(db.select(Official.name).filter_by(nip=nip)) == \
        "Pejabat Saat Pratinjau"
    html = previews[0].get_data(as_text=True)
    assert previews[0].status_code == 200, html[:1000]
    assert "jabatan: 3 baru" in html and "Terapkan impor" in html
    assert counts()["Post"] == 0  # the preview wrote nothing
