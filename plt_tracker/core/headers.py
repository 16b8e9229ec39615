"""Security headers on every response (a small after-request hook, see the README)."""
from flask import request

# Everything the pages load is served by the app itself: no inline script or style
# (Bootstrap's CSS draws its icons from data: images).
CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
# About two years; only sent when the cookies are marked Secure (the site is on HTTPS).
HSTS = "max-age=63072000"


def add_security_headers(response):
    """Set the security headers; pages and downloads are never stored by a browser or proxy."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.endpoint != "static":
        # Every page and download shows personal data (names, NIPs, posts).
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Expires", None)
    return response


def pct_class(percent):
    """Return the CSS class of a width in 5% steps (pages carry no inline style)."""
    step = 5 * round(min(max(float(percent or 0), 0), 100) / 5)
    return f"pct-{step}"


def register(app):
    """Attach the header hook (and HSTS when the app runs behind HTTPS) and pct_class."""
    app.after_request(add_security_headers)
    app.jinja_env.filters["pct_class"] = pct_class
    if app.config.get("SESSION_COOKIE_SECURE"):
        app.after_request(_hsts)


def _hsts(response):
    response.headers.setdefault("Strict-Transport-Security", HSTS)
    return response
