"""The navigation bar: which pages each role sees."""
from urllib.parse import urlencode

from flask import current_app, request, url_for
from flask_babel import lazy_gettext as _l, lazy_pgettext
from flask_login import current_user

# (endpoint, label, least role[, url arguments]). Pages appear once their area provides them.
# "menu" context: English needs the plural here ("Posts") and the singular in table headers.
NAV = [
    ("dashboard.index", _l("Dasbor"), "viewer"),
    ("pemda.overview", _l("Wilayah"), "viewer"),
    ("vacancies.index", _l("Daftar kekosongan"), "viewer"),
    ("registry.posts", lazy_pgettext("menu", "Jabatan"), "viewer"),
    ("registry.officials", lazy_pgettext("menu", "Pejabat"), "viewer"),
    ("flags.upcoming", _l("Akan kosong"), "viewer"),
    ("rakor.meetings", _l("Rakor"), "viewer"),
    ("rakor.reports", _l("Laporan"), "viewer"),
    ("decisions.index", _l("Keputusan Rakor"), "viewer"),
    ("importer.upload", _l("Impor"), "admin"),
    ("registry.opds", _l("OPD"), "admin"),
    ("selection.routes", _l("Jalur pengisian"), "admin"),
    ("flags.ranges", _l("Masa pilkada"), "admin", {"segment": "masa-pilkada"}),
    ("flags.ranges", _l("Masa Pj"), "admin", {"segment": "masa-pj"}),
    ("auth.users", _l("Pengguna"), "admin"),
    ("api.tokens", _l("Token API"), "admin"),
    ("settings.index", _l("Pengaturan"), "admin"),
    ("pemda.new", _l("Tambah pemda"), "admin"),
]
# Pages only some scopes see: the side-by-side view (more than one pemda to compare) and
# adding a pemda (the deployment's own admins).
SCOPED = {"pemda.overview": ("province", "national"), "pemda.new": ("national",)}


def nav_items():
    """Return the menu entries the current user may open, as (url, label, role)."""
    if not current_user.is_authenticated:
        return []
    views = current_app.view_functions
    return [(url_for(entry[0], **(entry[3] if len(entry) > 3 else {})), entry[1], entry[2])
            for entry in NAV if entry[0] in views and current_user.can(entry[2])
            and current_user.scope in SCOPED.get(entry[0], (current_user.scope,))]


def lang_query(lang):
    """Return the current query string with `lang` switched."""
    args = request.args.to_dict()
    args["lang"] = lang
    return urlencode(args)


def args_url(endpoint=None, **changes):
    """Return this page's URL (or `endpoint`'s) with some query arguments changed or removed
    (None removes one): for sort links, pages and downloads that keep the filters."""
    args = request.args.to_dict()
    for key, value in changes.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return url_for(endpoint or request.endpoint, **(request.view_args or {}), **args)


def register(app):
    """Expose the menu helpers to templates."""
    app.jinja_env.globals.update(nav_items=nav_items, lang_query=lang_query, args_url=args_url)
