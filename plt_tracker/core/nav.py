"""The navigation bar: which pages each role sees."""
from urllib.parse import urlencode

from flask import current_app, request, url_for
from flask_babel import lazy_gettext as _l, lazy_pgettext
from flask_login import current_user

# (endpoint, label, least role[, url arguments]). Pages appear once their area provides them.
# "menu" context: English needs the plural here ("Posts") and the singular in table headers.
NAV = [
    ("vacancies.index", _l("Daftar kekosongan"), "viewer"),
    ("registry.posts", lazy_pgettext("menu", "Jabatan"), "viewer"),
    ("registry.officials", lazy_pgettext("menu", "Pejabat"), "viewer"),
    ("flags.upcoming", _l("Akan kosong"), "viewer"),
    ("rakor.meetings", _l("Rakor"), "viewer"),
    ("rakor.reports", _l("Laporan"), "viewer"),
    ("importer.upload", _l("Impor"), "admin"),
    ("registry.opds", _l("OPD"), "admin"),
    ("selection.routes", _l("Jalur pengisian"), "admin"),
    ("flags.ranges", _l("Masa pilkada"), "admin", {"segment": "masa-pilkada"}),
    ("flags.ranges", _l("Masa Pj"), "admin", {"segment": "masa-pj"}),
    ("auth.users", _l("Pengguna"), "admin"),
    ("settings.index", _l("Pengaturan"), "admin"),
]


def nav_items():
    """Return the menu entries the current user may open, as (url, label, role)."""
    if not current_user.is_authenticated:
        return []
    views = current_app.view_functions
    return [(url_for(entry[0], **(entry[3] if len(entry) > 3 else {})), entry[1], entry[2])
            for entry in NAV if entry[0] in views and current_user.can(entry[2])]


def lang_query(lang):
    """Return the current query string with `lang` switched."""
    args = request.args.to_dict()
    args["lang"] = lang
    return urlencode(args)


def register(app):
    """Expose the menu helpers to templates."""
    app.jinja_env.globals.update(nav_items=nav_items, lang_query=lang_query)
