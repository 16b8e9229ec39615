"""Query parameters of the API, read strictly: a bad value is a 400 that names it."""
import re

from flask import request, url_for

from plt_tracker.api.authentication import caller
from plt_tracker.api.errors import ApiError
from plt_tracker.auth.scope import OutOfScope, requested_ids
from plt_tracker.core.dates import parse_date
from plt_tracker.core.requests import MAX_ID

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 100_000
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TRUE, _FALSE = {"true", "1"}, {"false", "0"}


def _bad(name, message):
    return ApiError(400, "bad_parameter", f"Parameter '{name}': {message}", name)


def int_arg(name, default=None, *, minimum=1, maximum=MAX_ID):
    """Return a whole-number parameter between `minimum` and `maximum`, else a 400."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isdigit() and len(raw) <= 12 and minimum <= int(raw) <= maximum):
        raise _bad(name, f"harus bilangan bulat {minimum}–{maximum}.")
    return int(raw)


def date_arg(name):
    """Return a date parameter (YYYY-MM-DD), None when absent, else a 400."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    if not _ISO_DATE.match(raw):
        raise _bad(name, "harus tanggal berbentuk YYYY-MM-DD.")
    try:
        return parse_date(raw)
    except ValueError as exc:
        raise _bad(name, str(exc)) from None


def choice_arg(name, allowed):
    """Return one of the allowed codes, None when absent, else a 400 listing them."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return None
    if raw not in allowed:
        raise _bad(name, f"harus salah satu dari {', '.join(sorted(allowed))}.")
    return raw


def bool_arg(name, default=False):
    """Return a true/false parameter (true, false, 1, 0), else a 400."""
    raw = request.args.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in _TRUE | _FALSE:
        raise _bad(name, "harus true atau false.")
    return raw in _TRUE


def page_args():
    """Return (page, per_page): page from 1, per_page from 1 to MAX_PER_PAGE."""
    return (int_arg("page", 1, maximum=MAX_PAGE),
            int_arg("per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE))


def pemda_ids():
    """Return the pemda the request covers: `?pemda=<id>` if within the token's scope
    (403 otherwise), else the token's whole scope (None: every pemda)."""
    try:
        return requested_ids(caller(), int_arg("pemda"))
    except OutOfScope:
        raise ApiError(403, "out_of_scope", "Pemda ini di luar cakupan token.", "pemda") from None


def page_links(page, pages):
    """Return links to this list's first, previous, next and last pages (same filters)."""
    def link(number):
        args = request.args.to_dict()
        args["page"] = number
        return url_for(request.endpoint, **(request.view_args or {}), **args)

    return {"self": link(page), "first": link(1), "last": link(pages),
            "prev": link(page - 1) if page > 1 else None,
            "next": link(page + 1) if page < pages else None}


def paged(data, *, total, page, per_page, **meta):
    """Return the answer of a list: {"data": [...], "meta": {...}, "links": {...}}."""
    pages = max(1, -(-total // per_page))
    return {"data": data,
            "meta": {"page": page, "per_page": per_page, "total": total, "pages": pages, **meta},
            "links": page_links(page, pages)}
