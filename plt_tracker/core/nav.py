"""The navigation bar: which pages each role sees."""
from urllib.parse import urlencode

from flask import current_app, request
from flask_babel import lazy_gettext as _l, lazy_pgettext
from flask_login import current_user

# (endpoint, label, least role). Pages appear once their area provides them.
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
    ("auth.users", _l("Pengguna"), "admin"),
    ("settings.index", _l("Pengaturan"), "admin"),
]


def nav_items():
    """Return the menu entries the current user may open."""
    if not current_user.is_authenticated:
        return []
    views = current_app.view_functions
    return [(e, label, role) for e, label, role in NAV if e in views and current_user.can(role)]


def lang_query(lang):
    """Return the current query string with `lang` switched."""
    args = request.args.to_dict()
    args["lang"] = lang
    return urlencode(args)


def register(app):
    """Expose the menu helpers to templates."""
    app.jinja_env.globals.update(nav_items=nav_items, lang_query=lang_query)
