"""The rules as the law writes them, from dated cases: the boundary day before and after each limit.

Pure engine tests on hand-built facts (tests/flags/builders.py): no database, no clock.
"""
import dataclasses
import datetime as dt

import pytest

from plt_tracker.flags.engine import evaluate_holder, evaluate_vacancy
from plt_tracker.flags.facts import DateRange, HolderFacts
from plt_tracker.registry.levels import may_act
from plt_tracker.vacancies.rules import default_planned_end
from tests.flags.builders import attempt, codes, ctx, plt, stages, vacancy

D = dt.date
DAY = dt.timedelta(days=1)


def _codes(v, as_of, **context):
    return codes(evaluate_vacancy(v, ctx(as_of, **context)))


def _one(v, as_of, code, **context):
    found = [f for f in evaluate_vacancy(v, ctx(as_of, **context)) if f.code == code]
    return found[0] if found else None


# --- PLT_OVER_LIMIT: per person, over all letters --------------------------------------------

def test_a_compliant_three_plus_three_sequence_is_not_over_the_limit():
    first_end = default_planned_end(D(2026, 1, 1), 3)
    assert first_end == D(2026, 3, 31)
    second_end = default_planned_end(first_end + DAY, 3)
    assert second_end == D(2026, 6, 30)
    v = vacancy(D(2026, 1, 1), [plt(D(2026, 1, 1), first_end,
                                    extensions=[(second_end, D(2026, 3, 20))])])
    assert "PLT_OVER_LIMIT" not in _codes(v, second_end)  # its own last day: allowed
    v = vacancy(D(2026, 1, 1), [plt(D(2026, 1, 1), first_end,
                                    extensions=[(second_end + DAY, D(2026, 3, 20))])])
    flag = _one(v, second_end + DAY, "PLT_OVER_LIMIT")
    assert flag.severity == "critical"
    assert (flag.figures["days_person"], flag.figures["limit_days"]) == (182, 181)
    assert "Budi" in flag.reason and "182 hari" in flag.reason and "181 hari" in flag.reason


def test_another_official_for_a_day_does_not_reset_the_count():
    # Budi 1 Jan–30 Jun, Sari on 1 Jul only, Budi again from 2 Jul.
    v = vacancy(D(2026, 1, 1), [
        plt(D(2026, 1, 1), D(2026, 6, 30)),
        plt(D(2026, 7, 1), D(2026, 7, 1), official_id=2, name="Sari"),
        plt(D(2026, 7, 2), D(2026, 9, 30)),
    ])
    assert "PLT_OVER_LIMIT" not in _codes(v, D(2026, 7, 1))
    flag = _one(v, D(2026, 7, 2), "PLT_OVER_LIMIT")
    assert flag.figures["days_person"] == 182 and flag.figures["acting_name"] == "Budi"


def test_plh_days_count_toward_the_limit_like_plt_days():
    v = vacancy(D(2026, 1, 1), [
        plt(D(2026, 1, 1), D(2026, 3, 31), kind="plh"),
        plt(D(2026, 4, 1), D(2026, 9, 30)),
    ])
    assert "PLT_OVER_LIMIT" not in _codes(v, D(2026, 6, 30))
    assert _one(v, D(2026, 7, 1), "PLT_OVER_LIMIT").figures["days_person"] == 182


# --- PLH_OVER_LIMIT ---------------------------------------------------------------------------

def test_a_plh_on_a_vacancy_past_thirty_days():
    v = vacancy(D(2026, 3, 1), [plt(D(2026, 3, 1), D(2026, 5, 31), kind="plh")])
    assert "PLH_OVER_LIMIT" not in _codes(v, D(2026, 3, 30))  # day 30
    flag = _one(v, D(2026, 3, 31), "PLH_OVER_LIMIT")
    assert flag.severity == "warning" and flag.figures["plh_days"] == 31


def test_a_plh_of_the_sekda_past_fifteen_working_days():
    # From Monday 2 March 2026: 15 working days end Friday 20 March, with no holiday.
    v = dataclasses.replace(vacancy(D(2026, 3, 2), [plt(D(2026, 3, 2), D(2026, 4, 30),
                                                        kind="plh")]), is_sekda=True)
    assert "PLH_OVER_LIMIT" not in _codes(v, D(2026, 3, 22))  # the weekend adds nothing
    assert _one(v, D(2026, 3, 23), "PLH_OVER_LIMIT").figures["plh_days"] == 16
    # A holiday in between (from the calendar) moves the limit one working day on.
    holidays = frozenset({D(2026, 3, 19)})
    assert "PLH_OVER_LIMIT" not in _codes(v, D(2026, 3, 23), holidays=holidays)
    assert "PLH_OVER_LIMIT" in _codes(v, D(2026, 3, 24), holidays=holidays)


# --- SEKDA_GOVERNOR ---------------------------------------------------------------------------

def test_the_sekda_vacant_past_three_months():
    v = dataclasses.replace(vacancy(D(2026, 1, 15), [plt(D(2026, 1, 15), D(2026, 7, 14),
                                                         kind="pj")]), is_sekda=True)
    assert "SEKDA_GOVERNOR" not in _codes(v, D(2026, 4, 15))  # exactly 3 months: 90 days
    flag = _one(v, D(2026, 4, 16), "SEKDA_GOVERNOR")
    assert flag.severity == "critical" and flag.figures["limit_days"] == 90
    other_post = vacancy(D(2026, 1, 15))
    assert "SEKDA_GOVERNOR" not in _codes(other_post, D(2026, 9, 1))
    # A Pj Sekda's days do not count toward the Plt limit.
    assert "PLT_OVER_LIMIT" not in _codes(v, D(2026, 7, 14))


# --- ACTING_INELIGIBLE ------------------------------------------------------------------------

@pytest.mark.parametrize("own, post, allowed", [
    ("administrator", "jpt_pratama", True),     # one level up
    ("jpt_pratama", "jpt_pratama", True),       # same level
    ("pengawas", "jpt_pratama", False),         # two levels up
    ("jpt_pratama", "administrator", False),    # a lower post
    ("pengawas", "administrator", True),
    ("fungsional_utama", "jpt_pratama", True),  # ahli utama → JPT
    ("fungsional_madya", "jpt_pratama", False),
    ("fungsional_madya", "administrator", True),
    ("fungsional_muda", "pengawas", True),
    ("fungsional_pertama", "administrator", False),
    ("pelaksana", "pengawas", False),
])
def test_who_may_act_where(own, post, allowed):
    assert may_act(own, post)[0] is allowed


def test_an_ineligible_or_pppk_acting_official_is_flagged():
    kasi = dataclasses.replace(plt(D(2026, 1, 1), D(2026, 3, 31)), own_kind="pengawas")
    flag = _one(vacancy(D(2026, 1, 1), [kasi]), D(2026, 2, 1), "ACTING_INELIGIBLE")
    assert flag.severity == "warning" and "Pengawas" in flag.reason
    pppk = dataclasses.replace(kasi, own_kind="administrator", is_pppk=True)
    assert "PPPK" in _one(vacancy(D(2026, 1, 1), [pppk]), D(2026, 2, 1),
                          "ACTING_INELIGIBLE").reason
    fine = dataclasses.replace(kasi, own_kind="administrator")
    unknown = dataclasses.replace(kasi, own_kind=None)
    for acting in (fine, unknown):
        assert "ACTING_INELIGIBLE" not in _codes(vacancy(D(2026, 1, 1), [acting]), D(2026, 2, 1))


# --- ACTING_RETIRES ---------------------------------------------------------------------------

def test_an_acting_official_reaching_the_bup_within_the_letter():
    # An administrator (BUP 58) born 10 May 1968 turns 58 on 10 May 2026.
    letter = dataclasses.replace(plt(D(2026, 3, 1), D(2026, 5, 9)), own_kind="administrator",
                                 birth_date=D(1968, 5, 10))
    assert "ACTING_RETIRES" not in _codes(vacancy(D(2026, 3, 1), [letter]), D(2026, 3, 2))
    reaching = dataclasses.replace(letter, end_date=D(2026, 5, 10))
    flag = _one(vacancy(D(2026, 3, 1), [reaching]), D(2026, 3, 2), "ACTING_RETIRES")
    assert flag.figures["reaches_bup"] == "2026-05-10"
    assert flag.figures["retirement_date"] == "2026-06-01"
    # A JPT's BUP is 60: the same letter is fine.
    jpt = dataclasses.replace(reaching, own_kind="jpt_pratama")
    assert "ACTING_RETIRES" not in _codes(vacancy(D(2026, 3, 1), [jpt]), D(2026, 3, 2))


# --- ELECTION_WINDOW on recorded appointments --------------------------------------------------

def _holder(sk, approved=None):
    return HolderFacts(post_id=1, opd="Dinas A", post="Kepala Dinas A", post_kind="jpt_pratama",
                       official_id=5, official_name="Dedi", nip="x", birth_date=D(1975, 1, 1),
                       start_date=sk + DAY, sk_date=sk, minister_approval_date=approved)


def test_an_appointment_in_a_window_needs_the_approval_dated_on_or_before_the_sk():
    window = DateRange("Pilkada", D(2026, 3, 1), D(2026, 8, 31))
    context = ctx(D(2026, 10, 1), windows=(window,))
    assert [f.code for f in evaluate_holder(_holder(D(2026, 2, 28)), context)] == []
    assert [f.code for f in evaluate_holder(_holder(D(2026, 3, 1)), context)] == [
        "ELECTION_WINDOW"]
    assert evaluate_holder(_holder(D(2026, 3, 1), approved=D(2026, 3, 1)), context) == []
    late = evaluate_holder(_holder(D(2026, 3, 1), approved=D(2026, 3, 2)), context)
    assert [f.code for f in late] == ["ELECTION_WINDOW"] and "sesudah SK" in late[0].reason


# --- STAGE_STALLED at registration ------------------------------------------------------------

def _registration(started, applicants, extensions=0):
    states = stages((30, D(2026, 1, 1), D(2026, 1, 31)), (14, D(2026, 1, 31), D(2026, 2, 14)),
                    (15, started, None), (14, None, None))
    states = tuple(dataclasses.replace(s, code="registration", applicants=applicants,
                                       extensions=extensions) if s.position == 3 else s
                   for s in states)
    return vacancy(D(2025, 12, 1), [plt(D(2025, 12, 1), D(2026, 5, 31))],
                   [attempt(D(2026, 1, 1), states)])


def test_registration_closing_short_of_applicants():
    # Opened 14 February for 15 days: it closes 1 March.
    short = _registration(D(2026, 2, 14), applicants=2)
    assert "STAGE_STALLED" not in _codes(short, D(2026, 3, 1))
    flag = _one(short, D(2026, 3, 2), "STAGE_STALLED")
    assert (flag.figures["applicants"], flag.figures["min_applicants"]) == (2, 4)
    assert "perpanjangan ke-1" in flag.follow_up
    # Extended once by 7 days: it closes 8 March.
    extended = _registration(D(2026, 2, 14), applicants=2, extensions=1)
    assert "STAGE_STALLED" not in _codes(extended, D(2026, 3, 8))
    assert "STAGE_STALLED" in _codes(extended, D(2026, 3, 9))
    maxed = _registration(D(2026, 2, 14), applicants=3, extensions=2)
    assert "ulangi seleksi" in _one(maxed, D(2026, 3, 16), "STAGE_STALLED").follow_up
    enough = _registration(D(2026, 2, 14), applicants=4)
    assert "STAGE_STALLED" not in _codes(enough, D(2026, 3, 1))
    # Enough applicants: past its close it is only the usual stall of an unfinished stage.
    assert "applicants" not in _one(enough, D(2026, 3, 9), "STAGE_STALLED").figures


# --- RETIREMENT_SOON per post kind ------------------------------------------------------------

def test_retirement_warned_twelve_months_ahead_for_jpt_and_six_for_others():
    retiring = dataclasses.replace(_holder(D(2020, 1, 1)), birth_date=D(1966, 6, 15))
    # BUP 60 reached in June 2026: retires 1 July 2026.
    assert evaluate_holder(retiring, ctx(D(2025, 6, 30))) == []
    assert [f.code for f in evaluate_holder(retiring, ctx(D(2025, 7, 1)))] == ["RETIREMENT_SOON"]
    camat = dataclasses.replace(retiring, post_kind="administrator", birth_date=D(1968, 6, 15))
    assert evaluate_holder(camat, ctx(D(2025, 12, 31))) == []
    assert [f.code for f in evaluate_holder(camat, ctx(D(2026, 1, 1)))] == ["RETIREMENT_SOON"]
