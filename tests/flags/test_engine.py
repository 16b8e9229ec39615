"""Each rule of the engine on its boundary, with explicit dates and no database."""
import datetime as dt

from plt_tracker.flags.engine import evaluate, evaluate_holder, evaluate_vacancy
from plt_tracker.flags.facts import DateRange, HolderFacts
from plt_tracker.flags.retirement import retirement_date
from tests.flags.builders import D, attempt, codes, ctx, plt, stages, vacancy

START = D(2025, 1, 1)
# A Plt covering the whole span, so only the rule under test speaks.
COVER = plt(START, D(2030, 1, 1))
BUSY = attempt(START, stages((None, START, None)))


def flags_on(as_of, actings=(COVER,), attempts=(BUSY,), start=START, **kwargs):
    return codes(evaluate_vacancy(vacancy(start, actings, attempts), ctx(as_of, **kwargs)))


def test_vacant_long_boundaries():
    assert "VACANT_LONG" not in flags_on(START + dt.timedelta(days=89))
    assert flags_on(START + dt.timedelta(days=90))["VACANT_LONG"] == "warning"
    assert flags_on(START + dt.timedelta(days=179))["VACANT_LONG"] == "warning"
    assert flags_on(START + dt.timedelta(days=180))["VACANT_LONG"] == "critical"


def test_threshold_comes_from_settings():
    as_of = START + dt.timedelta(days=60)
    assert "VACANT_LONG" not in flags_on(as_of)
    assert flags_on(as_of, thresholds={"vacant_warning_days": 60})["VACANT_LONG"] == "warning"


def test_no_acting_when_nobody_covers():
    assert flags_on(D(2025, 1, 10), actings=())["NO_ACTING"] == "critical"
    assert "NO_ACTING" not in flags_on(D(2025, 1, 10))


def test_acting_expired_on_the_day_after_the_letter_ends():
    letter = plt(START, D(2025, 3, 31))
    on_last_day = flags_on(D(2025, 3, 31), actings=[letter])
    assert "ACTING_EXPIRED" not in on_last_day and "NO_ACTING" not in on_last_day
    day_after = flags_on(D(2025, 4, 1), actings=[letter])
    assert day_after["ACTING_EXPIRED"] == "critical"
    assert "NO_ACTING" not in day_after


def test_extension_signed_in_time_prevents_expiry_but_a_later_one_does_not_count_yet():
    extended = plt(START, D(2025, 3, 31), extensions=[(D(2025, 6, 30), D(2025, 3, 25))])
    assert "ACTING_EXPIRED" not in flags_on(D(2025, 4, 1), actings=[extended])
    late = plt(START, D(2025, 3, 31), extensions=[(D(2025, 6, 30), D(2025, 4, 10))])
    assert "ACTING_EXPIRED" in flags_on(D(2025, 4, 1), actings=[late])
    assert "ACTING_EXPIRED" not in flags_on(D(2025, 4, 10), actings=[late])


def test_acting_ends_soon_uses_fourteen_days_without_rakor():
    letter = plt(START, D(2025, 3, 31))
    assert "ACTING_ENDS_SOON" not in flags_on(D(2025, 3, 16), actings=[letter])
    assert flags_on(D(2025, 3, 17), actings=[letter])["ACTING_ENDS_SOON"] == "warning"
    assert "ACTING_ENDS_SOON" in flags_on(D(2025, 3, 31), actings=[letter])


def test_acting_ends_soon_looks_to_the_next_rakor():
    letter = plt(START, D(2025, 3, 31))
    as_of = D(2025, 3, 1)
    assert "ACTING_ENDS_SOON" not in flags_on(as_of, actings=[letter], next_rakor=D(2025, 3, 30))
    flags = evaluate_vacancy(vacancy(START, [letter], [BUSY]), ctx(as_of, next_rakor=D(2025, 3, 31)))
    soon = [f for f in flags if f.code == "ACTING_ENDS_SOON"][0]
    assert soon.figures["next_rakor"] == "2025-03-31" and "Rakor" in soon.reason


def test_plt_over_limit_exactly_six_months_is_not_over():
    letter = plt(START, D(2025, 3, 31), extensions=[(D(2025, 12, 31), D(2025, 3, 20))])
    assert "PLT_OVER_LIMIT" not in flags_on(D(2025, 6, 30), actings=[letter])
    over = evaluate_vacancy(vacancy(START, [letter], [BUSY]), ctx(D(2025, 7, 1)))
    flag = [f for f in over if f.code == "PLT_OVER_LIMIT"][0]
    assert flag.severity == "critical"
    assert flag.figures["days_person"] == 182 and flag.figures["limit_days"] == 181


def test_plt_over_limit_is_counted_per_person():
    # The limit is each official's (SE BKN 1/SE/I/2021): two Plt one after the other are
    # each within it, however long the post has had a Plt.
    first = plt(START, D(2025, 3, 31), official_id=1)
    second = plt(D(2025, 4, 1), D(2025, 9, 30), official_id=2, name="Sari")
    assert "PLT_OVER_LIMIT" not in flags_on(D(2025, 9, 30), actings=[first, second])


def test_plt_multiple_across_vacancies():
    a = vacancy(START, [plt(START, D(2025, 12, 31), official_id=7)], [BUSY], vid=1, post="A")
    b = vacancy(START, [plt(D(2025, 2, 1), D(2025, 12, 31), official_id=7)], [BUSY], vid=2,
                post="B", post_id=11)
    before = evaluate([a, b], ctx(D(2025, 1, 31)))
    assert "PLT_MULTIPLE" not in codes(before[1])
    after = evaluate([a, b], ctx(D(2025, 2, 1)))
    assert codes(after[1])["PLT_MULTIPLE"] == "warning"
    assert codes(after[2])["PLT_MULTIPLE"] == "warning"


def test_no_process_29_vs_30_days():
    assert "NO_PROCESS" not in flags_on(START + dt.timedelta(days=29), attempts=())
    assert flags_on(START + dt.timedelta(days=30), attempts=())["NO_PROCESS"] == "warning"
    assert "NO_PROCESS" not in flags_on(START + dt.timedelta(days=30))


def test_stage_stalled_at_expected_plus_one_and_twice():
    stalled = attempt(START, stages((10, START, None)))
    assert "STAGE_STALLED" not in flags_on(START + dt.timedelta(days=10), attempts=[stalled])
    assert flags_on(START + dt.timedelta(days=11), attempts=[stalled])["STAGE_STALLED"] == "warning"
    assert flags_on(START + dt.timedelta(days=19), attempts=[stalled])["STAGE_STALLED"] == "warning"
    assert flags_on(START + dt.timedelta(days=20), attempts=[stalled])["STAGE_STALLED"] == "critical"


def test_stage_not_yet_recorded_counts_from_previous_finish():
    run = attempt(START, stages((5, START, D(2025, 1, 3)), (10, None, None)))
    assert "STAGE_STALLED" not in flags_on(D(2025, 1, 13), attempts=[run])
    assert "STAGE_STALLED" in flags_on(D(2025, 1, 14), attempts=[run])


def test_attempt_failed_until_a_new_one_starts():
    failed = attempt(START, stages((10, START, None)), status="failed", ended_on=D(2025, 2, 1),
                     end_reason="Pelamar kurang dari 3")
    found = evaluate_vacancy(vacancy(START, [COVER], [failed]), ctx(D(2025, 2, 5)))
    flag = [f for f in found if f.code == "ATTEMPT_FAILED"][0]
    assert flag.severity == "warning" and "Pelamar kurang dari 3" in flag.reason
    rerun = attempt(D(2025, 2, 10), stages((10, D(2025, 2, 10), None)), aid=2)
    assert "ATTEMPT_FAILED" not in flags_on(D(2025, 2, 12), attempts=[failed, rerun])


def test_election_window_with_and_without_approval():
    window = (DateRange("Pilkada 2029", D(2025, 3, 1), D(2025, 12, 31)),)
    plan = stages((10, START, None), (20, None, None, True))
    # The appointment stage is projected for 11 Jan – 31 Jan: before the window.
    assert "ELECTION_WINDOW" not in flags_on(D(2025, 1, 2), attempts=[attempt(START, plan)],
                                             windows=window)
    late_window = (DateRange("Pilkada 2029", D(2025, 1, 25), D(2025, 12, 31)),)
    flagged = flags_on(D(2025, 1, 2), attempts=[attempt(START, plan)], windows=late_window)
    assert flagged["ELECTION_WINDOW"] == "warning"
    approved = attempt(START, plan, approval="100.2.2.3/123/OTDA")
    assert "ELECTION_WINDOW" not in flags_on(D(2025, 1, 2), attempts=[approved], windows=late_window)


def test_escalated_needs_all_of_the_last_reports():
    two = ({10}, {10})
    assert "ESCALATED" not in flags_on(D(2025, 2, 1), escalation_history=two)
    three = ({10}, {10}, {10})
    assert flags_on(D(2025, 2, 1), escalation_history=three)["ESCALATED"] == "critical"
    gap = ({10}, set(), {10})
    assert "ESCALATED" not in flags_on(D(2025, 2, 1), escalation_history=gap)


def test_disabled_flags_setting_switches_a_rule_off():
    assert "NO_ACTING" in flags_on(D(2025, 1, 10), actings=())
    assert "NO_ACTING" not in flags_on(D(2025, 1, 10), actings=(),
                                       thresholds={"disabled_flags": "no_acting, VACANT_LONG"})


def test_retirement_date_is_first_of_next_month():
    assert retirement_date(D(1966, 5, 12), 60) == D(2026, 6, 1)
    assert retirement_date(D(1966, 12, 31), 58) == D(2025, 1, 1)


def holder(birth, kind="jpt_pratama"):
    return HolderFacts(post_id=1, opd="Dinas A", post="Kepala Dinas A", post_kind=kind,
                       official_id=1, official_name="Ani", nip="x", birth_date=birth)


def test_retirement_soon_twelve_months_ahead_for_a_jpt_six_for_an_administrator():
    # Born 12 Jun 1966: 60 in June 2026, retires 1 Jul 2026.
    assert codes(evaluate_holder(holder(D(1966, 6, 12)), ctx(D(2025, 7, 1)))) == {
        "RETIREMENT_SOON": "info"}
    assert evaluate_holder(holder(D(1966, 6, 12)), ctx(D(2025, 6, 30))) == []
    # An administrator retires at 58, warned six months ahead.
    assert evaluate_holder(holder(D(1968, 6, 12), "administrator"), ctx(D(2026, 1, 1)))
    assert evaluate_holder(holder(D(1968, 6, 12), "administrator"), ctx(D(2025, 12, 31))) == []
    assert evaluate_holder(holder(D(1968, 6, 12)), ctx(D(2026, 1, 1))) == []
