"""Reading URLs and query parameters safely: ids, numbers and dates within bounds."""
import re
import unicodedata

from flask import abort, request
from werkzeug.routing import IntegerConverter

from plt_tracker.core.dates import parse_date, today

# The largest INTEGER of PostgreSQL and MariaDB: a bigger id can name no record, and
# the database drivers raise on it instead of finding nothing.
MAX_ID = 2**31 - 1
_INTEGER = re.compile(r"^-?[0-9]{1,12}$")
# Characters that reorder how text is shown (a name can be made to read backwards).
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class BoundedIntConverter(IntegerConverter):
    """`<int:…>` that matches only ids a database integer can hold; a bigger one is a 404."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def has_control_characters(text, multiline=False):
    """Say whether text holds a control or text-direction character (tab and line breaks
    are allowed in multi-line text)."""
    for char in text:
        if multiline and char in "\t\n\r":
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            return True
    return False


def refuse_control_characters():
    """Answer 400 to a query string with control characters (no parameter needs them)."""
    for key, value in request.args.items(multi=True):
        if has_control_characters(key) or has_control_characters(value):
            abort(400)


def arg_int(name, default=None, *, minimum=1, maximum=MAX_ID):
    """Return an integer query parameter, `default` when absent; 400 when not a whole
    number between `minimum` and `maximum`."""
    raw = request.args.get(name, "").strip()
    if not raw:
        return default
    if not _INTEGER.match(raw) or not minimum <= int(raw) <= maximum:
        abort(400)
    return int(raw)


def as_of_from_request():
    """Return (as_of date, error message): `?as_of=YYYY-MM-DD`, else today."""
    raw = request.args.get("as_of", "").strip()
    if not raw:
        return today(), None
    try:
        return parse_date(raw), None
    except ValueError as exc:
        return today(), str(exc)


def register(app):
    """Bound every `<int:…>` route argument and refuse control characters in query strings.

    Call before the blueprints are registered: their rules take the converter then.
    """
    app.url_map.converters["int"] = BoundedIntConverter
    app.before_request(refuse_control_characters)
