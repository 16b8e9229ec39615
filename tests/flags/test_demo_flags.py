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


# The figures each new rule reports, by code (issue: the rules as the law writes them).
NEW_CODES = {
    "PLT_OVER_LIMIT": {"days_person", "limit_days"},
    "PLH_OVER_LIMIT": {"plh_days", "limit"},
    "SEKDA_GOVERNOR": {"days_vacant", "limit_days"},
    "ACTING_INELIGIBLE": {"own_kind", "post_kind"},
    "ACTING_RETIRES": {"reaches_bup", "acting_until"},
    "ELECTION_WINDOW": {"window"},
}


def test_demo_shows_each_rule_of_the_law_with_its_figures(app, runner):
    load_demo(DAY)
    result = runner.invoke(args=["plt", "flags", "--as-of", DAY.isoformat(), "--format", "json"])
    records = json.loads(result.output)
    for code, figures in NEW_CODES.items():
        found = [r for r in records if r["code"] == code]
        assert found, f"the demo shows no {code}"
        assert figures <= set(found[0]["figures"]), (code, found[0]["figures"])
    appointed = [r for r in records if r["code"] == "ELECTION_WINDOW"
                 and "sk_date" in r["figures"]]
    assert appointed, "an appointment recorded in a window without the approval"
    short = [r for r in records if r["code"] == "STAGE_STALLED" and "applicants" in r["figures"]]
    assert short and short[0]["figures"]["applicants"] < short[0]["figures"]["min_applicants"]
