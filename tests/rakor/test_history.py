"""ESCALATED works from the history of frozen Rakor reports."""
import datetime as dt

from plt_tracker.flags.history import recent_flag_history
from plt_tracker.flags.queries import flagged_vacancies

MEETINGS = [dt.date(2026, 2, 2), dt.date(2026, 3, 2), dt.date(2026, 4, 6)]


def test_history_reads_the_latest_version_of_each_meeting_newest_first(register, make_report,
                                                                        factory):
    make_report(MEETINGS[0])
    make_report(MEETINGS[1])
    # A second version of March after PUPR is filled: only the latest version counts.
    factory.fill(register["active"], start=dt.date(2026, 2, 20))
    make_report(MEETINGS[1])
    history = recent_flag_history(register["plt"].post.opd.instansi_id, MEETINGS[2], 5)
    assert len(history) == 2
    march, february = history
    assert register["plt"].post_id in march and register["plt"].post_id in february
    assert register["active"].post_id in february and register["active"].post_id not in march
    # Reports on or after `before` are not history yet.
    assert len(recent_flag_history(register["plt"].post.opd.instansi_id, MEETINGS[1], 5)) == 1


def test_three_reports_flagging_the_same_post_escalate_it(register, make_report, instansi):
    assert _codes(instansi, dt.date(2026, 5, 4)).get("Kepala Dinas Pendidikan", set()).isdisjoint(
        {"ESCALATED"})
    for day in MEETINGS:
        make_report(day)
    codes = _codes(instansi, dt.date(2026, 5, 4))
    assert "ESCALATED" in codes["Kepala Dinas Pendidikan"]
    report = make_report(dt.date(2026, 5, 4)).snapshot
    escalated = [r["post"] for r in report["rows"]
                 if "ESCALATED" in [f["code"] for f in r["flags"]]]
    assert "Kepala Dinas Pendidikan" in escalated


def _codes(instansi, as_of):
    return {row.post: {f.code for f in row.extra["flags"]}
            for row in flagged_vacancies(instansi.id, as_of)}
