"""Every route needs a login, declares its least role, and refuses lower roles on the server."""
import pytest

from plt_tracker.auth.access import PUBLIC_ENDPOINTS
from plt_tracker.auth.models import ROLE_RANK
from tests.routes import token_endpoints

# Logging out needs only a login: it is the one route every user must reach.
LOGIN_ONLY = {"auth.logout"}


def _routes(app, token=False):
    """Yield (endpoint, url, methods) for every non-public route, with sample arguments:
    the session routes, or (`token`) the read API's routes that take a bearer token."""
    tokens = token_endpoints(app)
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS or rule.endpoint in LOGIN_ONLY:
            continue
        if (rule.endpoint in tokens) != token:
            continue
        args = {name: _sample(conv) for name, conv in rule._converters.items()}
        url = rule.build(args)[1] if hasattr(rule, "build") else None
        methods = sorted(m for m in rule.methods if m in {"GET", "POST"})
        yield rule.endpoint, url, methods


def _sample(converter):
    """Return a value the converter accepts: an id, one of its words, or a date."""
    if "int" in type(converter).__name__.lower():
        return 1
    if hasattr(converter, "items"):
        return sorted(converter.items)[0]
    return "2025-09-15"


def test_every_route_declares_a_role(app):
    missing = [endpoint for endpoint, _, _ in _routes(app)
               if not hasattr(app.view_functions[endpoint], "required_role")]
    assert missing == [], f"routes without @role_required: {missing}"


def test_anonymous_is_sent_to_login_everywhere(app, client):
    for endpoint, url, methods in _routes(app):
        for method in methods:
            response = client.open(url, method=method)
            assert response.status_code == 302, (endpoint, method, response.status_code)
            assert "/masuk" in response.headers["Location"], endpoint


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_lower_roles_are_refused(app, client, login_as, role):
    login_as(role)
    checked = 0
    for endpoint, url, methods in _routes(app):
        required = app.view_functions[endpoint].required_role
        if ROLE_RANK[role] >= ROLE_RANK[required]:
            continue
        for method in methods:
            data = {"csrf_token": client.csrf} if method == "POST" else None
            response = client.open(url, method=method, data=data)
            assert response.status_code == 403, (endpoint, method, response.status_code)
            checked += 1
    assert checked > 0


def test_api_routes_need_a_token_not_a_session(app, client, login_as):
    routes = list(_routes(app, token=True))
    assert len(routes) >= 8
    for session in (False, True):
        if session:
            login_as("admin")  # a browser's session is no token
        for endpoint, url, methods in routes:
            assert url.startswith("/api/v1"), endpoint
            assert methods == ["GET"], endpoint
            response = client.get(url)
            assert response.status_code == 401, (endpoint, response.status_code)
            assert response.json["error"]["code"] == "missing_token", endpoint
