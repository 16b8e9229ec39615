"""The report's snapshot: figures against the records, frozen, versioned, what changed."""
import datetime as dt

from plt_tracker.extensions import db
from plt_tracker.rakor.models import RakorReport
from tests.factories import Factory
from tests.rakor.conftest import FEB_RAKOR

MARCH_RAKOR = dt.date(2026, 3, 2)


def test_summary_figures_match_the_records_as_of_the_meeting(register, make_report):
    snap = make_report().snapshot
    assert snap["pemda"] == "Pemerintah Kabupaten Lebong"
    assert snap["meeting_date"] == "2026-02-02" and snap["meeting_time"] == "09:00"
    s = snap["summary"]
    # The Pendidikan Plt's letter ran out on 31 January: on the meeting date nobody acts there.
    assert (s["head_posts"], s["vacant"], s["plt"], s["plh"], s["no_acting"]) == (5, 4, 1, 1, 2)
    assert s["acting_expired"] == 1  # of the two with nobody acting, one letter ran out
    assert s["max_days_vacant"] == 246
    assert s["avg_days_vacant"] == round((246 + 154 + 63 + 124) / 4, 1)
    assert s["longest_post"].startswith("Kepala Dinas Pendidikan")


def test_flagged_rows_sorted_by_severity_then_days_with_reasons(register, make_report):
    snap = make_report().snapshot
    rows = snap["rows"]
    assert rows, "the long vacancies must be flagged"
    ranks = {"critical": 0, "warning": 1, "info": 2}
    keys = [(ranks[r["severity"]], -r["days_vacant"]) for r in rows]
    assert keys == sorted(keys)
    first = rows[0]
    assert first["post"] == "Kepala Dinas Pendidikan" and first["severity"] == "critical"
    assert first["vacant_since"] == "2025-06-01" and first["duration"] == "8 bulan 1 hari"
    assert "VACANT_LONG" in [f["code"] for f in first["flags"]]
    assert all(f["reason"] for r in rows for f in r["flags"])
    s = snap["summary"]
    assert s["flagged"] == len(rows)
    assert s["flagged_critical"] == sum(r["severity"] == "critical" for r in rows)
    assert s["flagged_warning"] == sum(r["severity"] == "warning" for r in rows)
    pupr = next(r for r in rows + snap["vacancies"] if r["post"] == "Kepala Dinas PUPR")
    assert pupr["vacant_since"] == "2025-10-01"


def test_acting_official_and_own_post_in_the_rows(register, make_report, factory):
    snap = make_report().snapshot
    by_post = {r["post"]: r for r in snap["rows"]}
    kesehatan = by_post["Kepala Dinas Kesehatan"]
    assert kesehatan["acting_kind"] == "Plh" and kesehatan["acting_until"] == "2026-06-30"
    pendidikan = by_post["Kepala Dinas Pendidikan"]
    assert pendidikan["acting_status"] == "expired" and pendidikan["acting_name"] == ""
    assert pendidikan["acting_until"] == "2026-01-31"


def test_frozen_snapshot_stays_the_same_after_the_records_change(register, make_report, factory):
    report = make_report()
    before = dict(report.snapshot)
    factory.fill(register["empty"], start=dt.date(2026, 1, 10))
    factory.vacancy(factory.post("Kepala Dinas Sosial"), start=dt.date(2025, 7, 1))
    db.session.expire_all()
    stored = db.session.get(RakorReport, report.id)
    assert stored.snapshot == before
    assert stored.snapshot["summary"]["vacant"] == 4


def test_regenerating_makes_a_new_version_and_keeps_the_old(register, make_report, factory):
    first = make_report()
    factory.vacancy(factory.post("Kepala Dinas Sosial"), start=dt.date(2025, 7, 1))
    second = make_report()
    assert (first.version, second.version) == (1, 2)
    assert first.snapshot["summary"]["vacant"] == 4
    assert second.snapshot["summary"]["vacant"] == 5
    versions = db.session.scalars(db.select(RakorReport.version).filter_by(
        meeting_date=FEB_RAKOR).order_by(RakorReport.version)).all()
    assert versions == [1, 2]


def test_what_changed_since_the_previous_rakor(register, make_report, factory):
    make_report(FEB_RAKOR)
    factory.fill(register["plh"], start=dt.date(2026, 2, 10))
    sosial = factory.vacancy(factory.post("Kepala Dinas Sosial"), start=dt.date(2025, 7, 1))
    changes = make_report(MARCH_RAKOR).snapshot["changes"]
    assert changes["previous_meeting"] == "2026-02-02"
    assert [v["post"] for v in changes["new_vacancies"]] == ["Kepala Dinas Sosial"]
    assert [v["post"] for v in changes["filled"]] == ["Kepala Dinas Kesehatan"]
    assert {(f["post"], f["code"]) for f in changes["resolved_flags"]} >= {
        ("Kepala Dinas Kesehatan", "VACANT_LONG")}
    assert ("Kepala Dinas Sosial", "VACANT_LONG") in {(f["post"], f["code"])
                                                       for f in changes["new_flags"]}
    assert "Kepala Dinas Pendidikan" in [v["post"] for v in changes["flagged_again"]]
    assert sosial.id in [v["vacancy_id"] for v in changes["new_vacancies"]]


def test_first_report_has_nothing_to_compare(register, make_report):
    changes = make_report().snapshot["changes"]
    assert changes["previous_meeting"] is None and changes["new_vacancies"] == []


def test_reports_are_per_pemda(register, make_report, app):
    from plt_tracker.core.db import transaction
    from plt_tracker.registry.models import Instansi

    with transaction():
        other = Instansi(name="Pemerintah Kabupaten Contoh")
        db.session.add(other)
    Factory(other).vacancy(start=dt.date(2025, 1, 1))
    assert make_report().snapshot["summary"]["vacant"] == 4
