"""The demo kabupaten's flags are a plausible mix, and its filling processes show on the list."""
import datetime as dt
import json

from plt_tracker.demo.commands import load_demo

DAY = dt.date(2026, 1, 15)


def test_demo_flags_mix(app, runner):
    load_demo(DAY)
    result = runner.invoke(args=["plt", "flags", "--as-of", DAY.isoformat(), "--format", "json"])
    records = json.loads(result.output)
    severities = {r["severity"] for r in records}
    codes = {r["code"] for r in records}
    assert severities == {"critical", "warning", "info"}
    assert {"VACANT_LONG", "NO_ACTING", "NO_PROCESS", "STAGE_STALLED", "ATTEMPT_FAILED",
            "ELECTION_WINDOW", "RETIREMENT_SOON", "PLT_OVER_LIMIT"} <= codes
    critical = sum(1 for r in records if r["severity"] == "critical")
    assert 0 < critical < len(records)
    vacancies = json.loads(runner.invoke(args=["plt", "vacancies", "--as-of", DAY.isoformat(),
                                               "--format", "json"]).output)
    routes = [v["route"] for v in vacancies if v["route"]]
    assert len(routes) >= 8 and "Pengangkatan administrator/pengawas" in routes
    assert any(not v["route"] for v in vacancies)
