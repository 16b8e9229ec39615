"""Every response carries the security headers; pages have no inline script or style."""
import re

import pytest

from tests.routes import sample_records, urls

EXPECTED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", re.I)


@pytest.fixture
def pages(app, client, login_as, factory, instansi):
    """Log in as an admin and return every GET URL of the URL map, ids filled."""
    admin = login_as("admin")
    return list(urls(app, sample_records(factory, instansi, admin)))


def _check(endpoint, response):
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, (endpoint, name)
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp, endpoint
    assert "script-src 'self'" in csp and "style-src 'self'" in csp, endpoint
    assert response.headers["Content-Type"].count("charset") <= 1, endpoint


def test_every_get_route_sends_the_headers(app, client, pages):
    statuses = {}
    for endpoint, url in pages:
        with client.get(url) as response:
            statuses[url] = response.status_code
            _check(endpoint, response)
            if endpoint != "static":
                assert response.headers["Cache-Control"] == "no-store", url
            if response.mimetype == "text/html" and "/unduh/" not in url:
                found = INLINE.findall(response.get_data(as_text=True))
                assert found == [], (url, found)
    assert [url for url, status in statuses.items() if status >= 500] == []
    assert sum(status == 200 for status in statuses.values()) >= 40, statuses


def test_downloads_name_their_charset_once(app, client, pages):
    for endpoint, url in pages:
        if endpoint == "rakor.download":
            response = client.get(url)
            assert response.status_code == 200, url
            kind = response.headers["Content-Type"]
            if kind.startswith("text/"):
                assert kind.endswith("charset=utf-8") and kind.count("charset") == 1, kind


def test_anonymous_pages_and_errors_send_the_headers(app, client):
    for url in ("/masuk", "/health", "/tidak-ada", "/"):
        _check(url, client.get(url))
    assert client.get("/masuk").headers["Cache-Control"] == "no-store"


def test_hsts_only_behind_https(app, client, another_app):
    assert "Strict-Transport-Security" not in client.get("/masuk").headers
    secure = another_app(SESSION_COOKIE_SECURE=True)
    response = secure.test_client().get("/masuk")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_progress_widths_come_in_steps_of_five():
    from plt_tracker.core.headers import pct_class

    assert [pct_class(v) for v in (0, 2, 3, 42, 98, 100, None, 140)] == [
        "pct-0", "pct-0", "pct-5", "pct-40", "pct-100", "pct-100", "pct-0", "pct-100"]
