#!/usr/bin/env bash
# Install the few system libraries Python packages cannot bring: Pango for WeasyPrint's PDF
# reports (and fonts). Only when missing, and only where we may (root on Debian/Ubuntu).
set -euo pipefail
need=()
ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || need+=(libpango-1.0-0 libpangoft2-1.0-0)
# Without it WeasyPrint warns that it cannot subset fonts (and PDFs grow).
ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset.so' || need+=(libharfbuzz-subset0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
if [ "${#need[@]}" -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Memasang pustaka sistem: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "Perlu pustaka sistem: ${need[*]} (pasang dengan apt-get sebagai root)" >&2
  [ "${1:-}" = test ] && exit 1 || exit 0
fi
