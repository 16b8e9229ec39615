"""Language and time-zone selection, and the date filters templates use.

Message ids are written in Bahasa Indonesia, the app's first language, so the
app reads correctly even without a compiled catalogue; the `en` catalogue
(plt_tracker/translations) gives the English version.
"""
from flask import current_app, has_request_context, request, session
from flask_babel import format_date, format_datetime, get_locale, ngettext

import datetime as dt

from plt_tracker.core.dates import duration_parts, local_tz


def select_locale():
    """Pick the user's chosen language, else the configured default (id)."""
    if not has_request_context():
        # CLI commands and scheduler jobs have no request and no session.
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    lang = request.args.get("lang")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
    return session.get("lang") or current_app.config["BABEL_DEFAULT_LOCALE"]


def select_timezone():
    """Use the pemda's configured time zone."""
    return current_app.config["TIMEZONE"]


def long_date(value):
    """Format a date like "15 September 2025" (empty for None)."""
    if value is None or value == "":
        return ""
    return format_date(value, "d MMMM y")


def short_date(value):
    """Format a date like "15/09/2025" (empty for None)."""
    if value is None or value == "":
        return ""
    return format_date(value, "dd/MM/y")


def local_time(value):
    """Show a stored UTC time (naive, or ISO text from a snapshot) in the pemda's time zone:
    "04/12/2026 07:00 WIB" (empty for None)."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    local = value.astimezone(local_tz())
    return f"{local:%d/%m/%Y %H:%M} {local.tzname()}"


def duration_words(start, end):
    """Say the span start..end in years, months and days, e.g. "7 bulan 12 hari",
    "4 tahun 1 bulan 7 hari" (no part that is zero; "0 hari" for the same day)."""
    if start is None or end is None:
        return ""
    months, days = duration_parts(start, end)
    years, months = divmod(months, 12)
    # ngettext although Indonesian has one form: English needs "1 month" / "2 months".
    parts = [ngettext("%(num)d tahun", "%(num)d tahun", years) if years else "",
             ngettext("%(num)d bulan", "%(num)d bulan", months) if months else "",
             ngettext("%(num)d hari", "%(num)d hari", days) if days else ""]
    return " ".join(p for p in parts if p) or ngettext("%(num)d hari", "%(num)d hari", 0)


def days_and_duration(days, start, end):
    """Say a count of days and, when it is a month or more, the same span in words:
    "27 hari", "200 hari, 6 bulan 17 hari" (never "27 hari, 27 hari")."""
    day_words = ngettext("%(num)d hari", "%(num)d hari", days)
    words = duration_words(start, end)
    return day_words if not words or words == day_words else f"{day_words}, {words}"


def register_filters(app):
    """Expose the date helpers to templates."""
    app.jinja_env.filters["tanggal"] = long_date
    app.jinja_env.filters["tgl"] = short_date
    app.jinja_env.filters["waktu"] = local_time
    app.jinja_env.globals["duration_words"] = duration_words
    app.jinja_env.globals["days_and_duration"] = days_and_duration
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["format_datetime"] = format_datetime
