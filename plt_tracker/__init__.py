"""plt_tracker: who acts in each OPD head post, and how far its filling has gone."""
import importlib
import os
import sys
from pathlib import Path

from flask import Flask

from config import Config, load_secret_key
from plt_tracker.extensions import babel, csrf, db, login, migrate

# In a checkout the templates and migrations sit beside the package; a wheel
# (`pip install .`) puts them under <prefix>/share/plt_tracker instead.
_CHECKOUT = Path(__file__).resolve().parent.parent
if (_CHECKOUT / "templates").is_dir():
    ROOT, DEFAULT_INSTANCE = _CHECKOUT, _CHECKOUT / "instance"
else:
    ROOT = Path(sys.prefix) / "share" / "plt_tracker"
    DEFAULT_INSTANCE = Path(sys.prefix) / "var" / "plt_tracker-instance"


def create_app(config_class=Config, **overrides):
    """Create and configure the application."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        instance_path=os.environ.get("INSTANCE_PATH") or str(DEFAULT_INSTANCE),
        instance_relative_config=True,
    )
    app.config.from_object(config_class)
    app.config.update(overrides)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = load_secret_key(app.instance_path)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///plt_tracker.db"
    app.config["SQLALCHEMY_ENGINE_OPTIONS"] = _engine_options(app.config)

    from plt_tracker import models  # noqa: F401  (every table, for Alembic)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    login.init_app(app)
    _register_security(app)

    from plt_tracker.core import faults

    faults.register(app)

    from plt_tracker.auth import scope
    from plt_tracker.core import headers, i18n, nav, requests

    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    i18n.register_filters(app)
    nav.register(app)
    scope.register(app)
    headers.register(app)
    requests.register(app)

    from plt_tracker.core.sqlite import enable_sqlite_foreign_keys

    enable_sqlite_foreign_keys(app)
    _register_blueprints(app)
    # After the blueprints, so an anonymous POST is sent to the login page before its
    # CSRF token is checked.
    csrf.init_app(app)
    _register_cli(app)
    return app


def _engine_options(config):
    """Return the engine options for the configured database.

    MariaDB reads from a snapshot taken at the first read of a transaction
    (REPEATABLE READ); a write transaction must see what another committed
    while it waited for the pemda lock, so it reads committed data, as
    PostgreSQL does by default.
    """
    options = dict(config.get("SQLALCHEMY_ENGINE_OPTIONS") or {})
    if str(config["SQLALCHEMY_DATABASE_URI"]).startswith(("mysql", "mariadb")):
        options.setdefault("isolation_level", "READ COMMITTED")
    return options


def _register_security(app):
    """Bind the login limits and the cookie flags; trust the configured reverse proxies."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    from plt_tracker.auth.ratelimit import limiter
    from plt_tracker.auth.sessions import configure_cookies

    configure_cookies(app)
    limiter.init_app(app)
    if app.config.get("TRUSTED_PROXIES"):
        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)


def _register_blueprints(app):
    """Attach every area's blueprint."""
    from plt_tracker import (audit, auth, errors, flags, importer, rakor, registry, selection,
                             settings, vacancies)
    from plt_tracker import api, dashboard, decisions, pemda, search
    from plt_tracker.corrections import views as corrections

    areas = (errors, auth, settings, registry, vacancies, importer, selection, flags, rakor, audit,
             corrections, pemda, api, decisions, dashboard, search)
    for module in areas:
        # An area package declares its view modules; they attach their routes on import.
        for name in getattr(module, "VIEW_MODULES", ()):
            importlib.import_module(f"{module.__name__}.{name}")
        app.register_blueprint(module.bp)


def _register_cli(app):
    """Attach the `flask plt …` command group, with every area's commands on it."""
    from plt_tracker.cli import plt

    # Each area's commands attach themselves to `plt` when imported.
    from plt_tracker.api import commands as _api  # noqa: F401
    from plt_tracker.auth import commands as _auth  # noqa: F401
    from plt_tracker.backup import commands as _backup  # noqa: F401
    from plt_tracker.decisions import commands as _decisions  # noqa: F401
    from plt_tracker.demo import commands as _demo  # noqa: F401
    from plt_tracker.flags import commands as _flags  # noqa: F401
    from plt_tracker.importer import commands as _importer  # noqa: F401
    from plt_tracker.pemda import commands as _pemda  # noqa: F401
    from plt_tracker.rakor import commands as _rakor  # noqa: F401
    from plt_tracker.synth import commands as _synth  # noqa: F401
    from plt_tracker.vacancies import commands as _vacancies  # noqa: F401

    app.cli.add_command(plt)
