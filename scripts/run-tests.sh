#!/usr/bin/env bash
# Run the whole test suite on SQLite, and on PostgreSQL and MariaDB when they are reachable.
# The tests create and drop their own databases; these are only the server URLs.
set -uo pipefail
cd "$(dirname "$0")/.."
PG_DEFAULT="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
MY_DEFAULT="mysql+pymysql://root@127.0.0.1:3306/mysql"
reachable() { .venv/bin/python - "$1" <<'PY'
import sys, sqlalchemy as sa
try:
    sa.create_engine(sys.argv[1]).connect().close()
except Exception:
    sys.exit(1)
PY
}
if [ -z "${PLT_TEST_POSTGRES_URL:-}" ] && reachable "$PG_DEFAULT"; then export PLT_TEST_POSTGRES_URL="$PG_DEFAULT"; fi
if [ -z "${PLT_TEST_MYSQL_URL:-}" ] && reachable "$MY_DEFAULT"; then export PLT_TEST_MYSQL_URL="$MY_DEFAULT"; fi
echo "PostgreSQL: ${PLT_TEST_POSTGRES_URL:-tidak tersedia (dilewati)}"
echo "MariaDB:    ${PLT_TEST_MYSQL_URL:-tidak tersedia (dilewati)}"
# tests/browser drive Debian's Chromium (never a browser Playwright downloads); the notulen
# tests read PDFs back with pdftotext (poppler-utils). Installed here when missing and allowed.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
if [ -n "$missing" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Memasang:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi
if [ -x /usr/bin/chromium ]; then echo "Chromium:   /usr/bin/chromium"
else echo "Chromium:   tidak ada; tests/browser gagal (pasang: apt-get install -y chromium)"; fi
exec .venv/bin/python -m pytest "$@"
