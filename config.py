"""Configuration read from environment variables (a `.env` file is allowed).

Every default runs on SQLite with no set-up. Settings that an admin changes
while the app runs (thresholds, Rakor schedule, recipients) live in the
database; the values here are only their defaults (see DEFAULT_SETTINGS).
"""
import datetime as dt
import os
import secrets
from pathlib import Path

from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent
load_dotenv(BASE_DIR / ".env")


def _env_bool(name, default=False):
    """Read a yes/no environment variable."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on", "ya"}


def load_secret_key(instance_path):
    """Return SECRET_KEY from the environment, or one kept in the instance folder.

    A fixed default would let anyone forge sessions, so when none is set we
    generate one once and keep it beside the database.
    """
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    path = Path(instance_path) / "secret_key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


# Defaults of the settings an admin can change at run time (stored per pemda).
DEFAULT_SETTINGS = {
    # Vacancy register
    "acting_default_months": 3,
    # How far ahead a vacancy may be recorded (a retirement known to come).
    "advance_entry_months": 12,
    # Vacant posts one official may act in on the same day (0: no limit).
    "max_acting_posts": 2,
    # Flags (issue: rule engine)
    "vacant_warning_days": 90,
    "vacant_critical_days": 180,
    "acting_ends_soon_days": 14,
    "plt_limit_months": 6,
    # A Plh bridges a vacant post only briefly (UU 30/2014 Pasal 14; the days are a setting).
    "plh_max_days": 30,
    # The Sekda: a Plh for under 15 working days; the governor names the Pj after 3 months.
    "plh_sekda_max_workdays": 15,
    "sekda_governor_months": 3,
    "no_process_days": 30,
    "stage_stalled_factor_critical": 2,
    # Open selection: applicants needed at the close of registration, and its extensions.
    "min_applicants": 4,
    "registration_extension_days": 7,
    "registration_max_extensions": 2,
    # How far ahead of a forecast retirement a filling attempt may start.
    "attempt_advance_months": 12,
    "retirement_warning_months_jpt": 12,
    "retirement_warning_months": 6,
    "escalation_reports": 3,
    "bup_jpt": 60,
    "bup_administrator": 58,
    "bup_pengawas": 58,
    "bup_fungsional_utama": 65,
    "bup_fungsional_madya": 60,
    "bup_fungsional_ahli": 58,
    "bup_pelaksana": 58,
    # Flag codes switched off, comma-separated (e.g. "PLT_OVER_LIMIT" for a rule a pemda disputes)
    "disabled_flags": "",
    # Rakor
    "rakor_weekday": 0,          # Monday
    "rakor_week_of_month": 1,    # first
    "rakor_time": "09:00",
    "report_lead_days": 3,
    "report_time": "07:00",
    "report_recipients": "",
    # Rakor decisions: their responsible people are reminded this many days before a Rakor.
    "decision_reminder_days": 3,
    # Security
    "session_idle_hours": 8,     # a session unused this long ends
}


class Config:
    """Settings for a normal run."""

    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL")  # None: SQLite in instance/
    # pool_pre_ping: a connection the server dropped is replaced before use.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # Seconds a request waits for a locked database (SQLite's busy timeout, PostgreSQL's
    # lock_timeout, MariaDB's lock wait) or a connection before it answers 503.
    DATABASE_LOCK_TIMEOUT = float(os.environ.get("DATABASE_LOCK_TIMEOUT", "5"))
    # Longest single statement on PostgreSQL (seconds).
    DATABASE_STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "60"))
    SECRET_KEY = None  # filled by create_app via load_secret_key
    TIMEZONE = os.environ.get("TIMEZONE", "Asia/Jakarta")
    PEMDA_NAME = os.environ.get("PEMDA_NAME", "Pemerintah Kabupaten Lebong")
    BABEL_DEFAULT_LOCALE = os.environ.get("DEFAULT_LOCALE", "id")
    BABEL_DEFAULT_TIMEZONE = TIMEZONE
    LANGUAGES = ["id", "en"]
    WTF_CSRF_TIME_LIMIT = None  # long forms are filled slowly; the session bounds the token
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024  # spreadsheet uploads
    # The spreadsheet import refuses, before parsing, a file larger than this, a workbook
    # of more sheets or parts, or one that unpacks larger (or more compressed: a zip bomb),
    # and stops reading past the row cap (data rows of all sheets together).
    IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(10 * 1024 * 1024)))
    IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "5000"))
    IMPORT_MAX_SHEETS = int(os.environ.get("IMPORT_MAX_SHEETS", "10"))
    IMPORT_MAX_COLUMNS = 60
    IMPORT_MAX_CELL_CHARS = 1000
    IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("IMPORT_MAX_UNPACKED_BYTES",
                                                   str(64 * 1024 * 1024)))
    IMPORT_MAX_ZIP_ENTRIES = 200
    IMPORT_MAX_ZIP_RATIO = 200
    LIST_PAGE_SIZE = int(os.environ.get("LIST_PAGE_SIZE", "50"))  # rows per page of a list
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", False)
    # "Ingat saya" (off unless ticked): the cookie lasts this long from the login; its
    # Secure/HttpOnly/SameSite flags follow the session cookie's.
    REMEMBER_COOKIE_DURATION = dt.timedelta(days=int(os.environ.get("REMEMBER_DAYS", "14")))
    # Failed logins allowed per user name and per address before a pause (Flask-Limiter
    # notation); the counters are kept in the database, shared by every worker.
    LOGIN_LIMIT_ACCOUNT = os.environ.get("LOGIN_LIMIT_ACCOUNT", "5 per 15 minutes")
    LOGIN_LIMIT_ADDRESS = os.environ.get("LOGIN_LIMIT_ADDRESS", "20 per 15 minutes")
    RATELIMIT_STORAGE_URI = "plt-db://"
    RATELIMIT_HEADERS_ENABLED = True
    # Reverse proxies in front of the app whose X-Forwarded-For/-Proto to trust (0: none).
    TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
    DEFAULT_SETTINGS = DEFAULT_SETTINGS

    # Mail (report delivery)
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT", "25"))
    MAIL_USE_TLS = _env_bool("MAIL_USE_TLS", False)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "plt-tracker@localhost")

    # Where generated report files are kept (relative: inside the instance folder).
    REPORT_DIR = os.environ.get("REPORT_DIR", "reports")


class TestConfig(Config):
    """Settings for the test suite: its own database, no CSRF shortcuts."""

    TESTING = True
    SECRET_KEY = "test-secret-key"  # nosec B105  # the test suite's own; Config has none fixed
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    WTF_CSRF_ENABLED = True
    MAIL_SERVER = ""
