"""Read pip-audit's JSON report: fail on known vulnerabilities, not on an unreachable service.

Usage: pip_audit_summary.py REPORT.json EXIT_CODE STDERR_FILE
"""
import json
import sys
from pathlib import Path


def main(report_path, exit_code, stderr_path):
    """Print what pip-audit found; return the exit status for CI."""
    text = Path(report_path).read_text() if Path(report_path).exists() else ""
    try:
        report = json.loads(text) if text.strip() else None
    except ValueError:
        report = None
    if report is None:
        error = Path(stderr_path).read_text().strip().splitlines()[-1:] or ["no report"]
        print(f"pip-audit: the advisory service could not be reached ({error[0][:200]}); "
              "packages NOT checked for known vulnerabilities.")
        return 0
    deps = report.get("dependencies", [])
    audited = [d for d in deps if "skip_reason" not in d]
    vulnerable = [d for d in audited if d.get("vulns")]
    if not audited:
        print(f"pip-audit: the advisory service knows none of the {len(deps)} packages here "
              "(an index without vulnerability data); packages NOT checked.")
        return 0
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
            print(f"{dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    skipped = len(deps) - len(audited)
    print(f"pip-audit: {len(audited)} packages audited, {skipped} skipped, "
          f"{len(vulnerable)} with known vulnerabilities.")
    return 1 if vulnerable or (exit_code not in (0, 1)) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3]))
