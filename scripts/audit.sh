#!/usr/bin/env bash
# Security scanners: bandit (the code) and pip-audit (known vulnerabilities of the installed
# packages). Fails on any bandit finding not explained by a "# nosec BXXX  # reason" (or a
# commented exclusion in pyproject's [tool.bandit]) and on any known vulnerability; when
# the advisory service cannot be reached, says so and does not fail.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SCANNED="plt_tracker config.py wsgi.py migrations bench"
status=0

echo "== bandit"
# A nosec must name its test and give a reason after a second "#".
unexplained=$(grep -rnE "#\s*nosec" $SCANNED --include=*.py \
  | grep -vE "#\s*nosec\s+B[0-9]{3}(,\s*B[0-9]{3})*\s+#\s*\S" || true)
if [ -n "$unexplained" ]; then
  echo "nosec without a test id and a reason:"; echo "$unexplained"; status=1
fi
if .venv/bin/bandit -q -c pyproject.toml -r $SCANNED; then
  echo "bandit: no unexplained findings"
else
  status=1
fi

echo "== pip-audit"
report=$(mktemp)
timeout 300 .venv/bin/pip-audit --progress-spinner off --skip-editable --format json \
  --output "$report" >/dev/null 2>"$report.err"
audit_rc=$?
$PY scripts/pip_audit_summary.py "$report" "$audit_rc" "$report.err" || status=1
rm -f "$report" "$report.err"
exit $status
