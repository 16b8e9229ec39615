"""Recording attempts and stages through the real operations, on every database."""
import datetime as dt

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.extensions import db
from plt_tracker.selection import operations as ops
from plt_tracker.selection.models import StageRecord
from plt_tracker.selection.queries import progress_by_vacancy
from tests.selection.helpers import FAR, route, stage, start

D = dt.date


def test_routes_are_seeded_with_their_stages(app):
    from plt_tracker.pemda.operations import default_pemda
    from plt_tracker.selection.models import Route

    templates = db.session.scalars(db.select(Route).filter(Route.instansi_id.is_(None))).all()
    assert len(templates) == 5  # the national template, copied to each pemda on creation
    assert route("seleksi_terbuka") is None
    with transaction():
        default_pemda()
    open_selection = route("seleksi_terbuka")
    # Naming a Plt covers the vacancy but is not a stage of filling it (migration 0005).
    assert len(open_selection.stages) == 11
    assert "Penunjukan Plt" not in [s.name for s in open_selection.stages]
    assert [s.expected_days for s in open_selection.stages][0:3] == [30, 14, 15]
    assert open_selection.stages[2].code == "registration"
    assert open_selection.stages[-1].ends_vacancy
    assert [len(route(c).stages) for c in ("job_fit", "manajemen_talenta", "administrator")] == [6, 4, 5]
    assert route("administrator").stages[1].name == "Pertimbangan Tim Penilai Kinerja"
    sekda = route("seleksi_terbuka_sekda")
    assert sekda.kinds == ["sekda"] and len(sekda.stages) == 12
    assert [s.code for s in sekda.stages].index("governor") == 9


def test_stages_in_order_and_progress(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 6, 10))
    stage(attempt, 1, D(2025, 6, 10), D(2025, 6, 12))
    stage(attempt, 2, D(2025, 6, 12), D(2025, 7, 1), document_number="800/1/BKPSDM")
    stage(attempt, 3, D(2025, 7, 2))
    item = progress_by_vacancy([vacancy.id], D(2025, 7, 10))[vacancy.id]
    assert (item.route, item.stage_index, item.stage_count) == ("Seleksi terbuka JPT", 3, 11)
    assert item.days_in_stage == 8
    # On an earlier date only what was recorded by then counts.
    earlier = progress_by_vacancy([vacancy.id], D(2025, 6, 20))[vacancy.id]
    assert (earlier.stage_index, earlier.days_in_stage) == (2, 8)
    assert progress_by_vacancy([vacancy.id], D(2025, 6, 9))[vacancy.id].current is None


def test_out_of_order_and_early_dates_are_refused(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy, on=D(2025, 6, 10))
    with pytest.raises(RuleViolation, match="Selesaikan dulu tahap 1"):
        stage(attempt, 2, D(2025, 6, 12))
    stage(attempt, 1, D(2025, 6, 10), D(2025, 6, 20))
    with pytest.raises(RuleViolation, match=r"sebelum tahap sebelumnya selesai \(20/06/2025\)"):
        stage(attempt, 2, D(2025, 6, 19))
    with pytest.raises(RuleViolation, match="sebelum tahap ini dimulai"):
        stage(attempt, 2, D(2025, 6, 21), D(2025, 6, 20))
    # A selection may start ahead of a known vacancy, up to 12 months (setting).
    ahead = factory.vacancy(start=D(2025, 6, 1))
    with pytest.raises(RuleViolation, match=r"paling awal 12 bulan sebelum jabatan kosong "
                                            r"\(01/06/2024\)"):
        start(ahead, on=D(2024, 5, 31))
    assert db.session.scalar(db.select(db.func.count()).select_from(StageRecord)) == 1
    assert start(ahead, on=D(2024, 6, 1)).started_on == D(2024, 6, 1)


def test_failed_attempt_keeps_history_and_a_new_one_can_start(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    first = start(vacancy, on=D(2025, 6, 10))
    with pytest.raises(RuleViolation, match="Masih ada proses"):
        start(vacancy, on=D(2025, 6, 11))
    with pytest.raises(RuleViolation, match="Alasan wajib"):
        with transaction():
            ops.end_attempt(first, "failed", D(2025, 7, 1), " ", today=FAR)
    with transaction():
        ops.end_attempt(first, "failed", D(2025, 7, 1), "Pelamar kurang dari 3", today=FAR)
    with pytest.raises(RuleViolation, match="sebelum proses sebelumnya berakhir"):
        start(vacancy, on=D(2025, 6, 30))
    second = start(vacancy, on=D(2025, 7, 2))
    item = progress_by_vacancy([vacancy.id], D(2025, 7, 5))[vacancy.id]
    assert [a.status for a in item.attempts] == ["failed", "in_progress"]
    assert item.current.attempt_id == second.id


def test_route_must_fit_the_post_kind(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    with pytest.raises(RuleViolation, match="tidak berlaku untuk jabatan JPT Pratama"):
        start(vacancy, "administrator")


def test_inauguration_records_the_appointment_in_the_same_transaction(app, factory):
    post = factory.post(kind="administrator", eselon="III.a", title="Camat Uji")
    vacancy = factory.vacancy(post=post, start=D(2025, 6, 1))
    attempt = start(vacancy, "administrator", on=D(2025, 6, 2))
    for position in range(1, 5):
        stage(attempt, position, D(2025, 6, position + 1), D(2025, 6, position + 2))
    with pytest.raises(RuleViolation, match="Pilih pejabat yang dilantik"):
        stage(attempt, 5, D(2025, 6, 6), D(2025, 6, 20))
    appointee = factory.official(name="Camat Baru")
    stage(attempt, 5, D(2025, 6, 6), D(2025, 6, 20), appointee=appointee, sk_number="821/9")
    db.session.refresh(vacancy)
    assert vacancy.end_date == D(2025, 6, 20)
    assert vacancy.filled_by.official_id == appointee.id
    assert attempt.status == "completed" and attempt.ended_on == D(2025, 6, 20)
    entities = set(db.session.scalars(db.select(AuditEntry.entity)))
    assert {"filling_attempt", "stage_record", "vacancy"} <= entities


def test_minister_approval_is_recorded_and_audited(app, factory):
    vacancy = factory.vacancy(start=D(2025, 6, 1))
    attempt = start(vacancy)
    with transaction():
        ops.record_minister_approval(attempt, "100.2.2.6/1234/OTDA", D(2025, 6, 15), today=FAR)
    item = progress_by_vacancy([vacancy.id], D(2025, 6, 20))[vacancy.id]
    assert item.current.has_minister_approval
    assert not progress_by_vacancy([vacancy.id], D(2025, 6, 14))[vacancy.id].current.has_minister_approval
    summaries = list(db.session.scalars(db.select(AuditEntry.summary)))
    assert any("Persetujuan Mendagri" in s for s in summaries)
