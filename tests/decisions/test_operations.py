"""Recording, closing and dropping decisions: rules, audit, status over time."""
import datetime as dt

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.decisions import operations as ops
from plt_tracker.decisions.queries import counts_by_post, decisions_of, pending_counts
from plt_tracker.extensions import db
from tests.decisions.helpers import APR, FAR, FEB, MAR, close, decide

D = dt.date


def test_recording_defaults_the_due_date_to_the_next_rakor_and_audits(app, instansi, factory):
    vacancy = factory.vacancy(factory.post("Kepala Dinas Sosial"), start=D(2025, 6, 1))
    opd = vacancy.post.opd
    decision = decide(instansi, post=vacancy.post, flag="NO_ACTING", opd=opd,
                      email="dinsos@lebongkab.go.id")
    assert decision.due_date == MAR and decision.status == "open"
    assert decision.vacancy_id == vacancy.id and decision.responsible_label == opd.name
    entry = db.session.scalars(db.select(AuditEntry).filter_by(entity="decision")).one()
    assert entry.post_id == vacancy.post_id and entry.event == "decision.create"
    assert "02/02/2026" in entry.summary and "Segera tunjuk Plt" in entry.summary
    pemda_wide = decide(instansi, text="Percepat seleksi terbuka", due=D(2026, 2, 20))
    assert pemda_wide.post_id is None and pemda_wide.responsible_label == "BKPSDM"


@pytest.mark.parametrize("kwargs, field", [
    ({"meeting": D(2026, 2, 3)}, "meeting_date"),  # no Rakor that day
    ({"text": "   "}, "instruction"),
    ({"due": D(2026, 1, 30)}, "due_date"),
    ({"flag": "NOPE"}, "flag_code"),
    ({"email": "bukan email"}, "responsible_email"),
    ({"today": D(2026, 2, 1)}, "meeting_date"),  # a Rakor still ahead
])
def test_refused_decisions_write_nothing(app, instansi, kwargs, field):
    with pytest.raises(RuleViolation) as refused:
        decide(instansi, **kwargs)
    assert refused.value.field == field
    assert db.session.scalar(db.select(db.func.count()).select_from(AuditEntry)
                             .filter_by(entity="decision")) == 0


def test_status_over_time_done_dropped_overdue(app, instansi, factory):
    post = factory.vacancy().post
    done = decide(instansi, post=post)
    dropped = decide(instansi, post=post, text="Usulkan Pj")
    late = decide(instansi, post=post, text="Laporkan ke BKN")
    close(done, D(2026, 2, 20), "Plt ditunjuk 20/02/2026")
    with transaction():
        ops.drop_decision(dropped, D(2026, 2, 25), "Tidak lagi perlu", today=FAR)
    on = {d.id: d.standing for d in decisions_of({instansi.id}, D(2026, 2, 10))}
    assert on == {done.id: "open", dropped.id: "open", late.id: "open"}
    later = {d.id: (d.standing, d.overdue_days) for d in decisions_of({instansi.id}, APR)}
    assert later == {done.id: ("done", 0), dropped.id: ("dropped", 0), late.id: ("overdue", 35)}
    assert counts_by_post([post.id], D(2026, 2, 10)) == {post.id: (3, 0)}
    assert counts_by_post([post.id], MAR + dt.timedelta(days=1)) == {post.id: (0, 1)}
    with pytest.raises(RuleViolation, match="sudah ditutup"):
        close(done, D(2026, 2, 21))
    with pytest.raises(RuleViolation, match="sebelum Rakor"):
        close(late, D(2026, 1, 30))
    events = db.session.scalars(db.select(AuditEntry.event).filter_by(entity="decision")
                                .order_by(AuditEntry.id)).all()
    assert events == ["decision.create"] * 3 + ["decision.done", "decision.drop"]


def test_pending_counts_for_the_dashboard(app, instansi):
    decide(instansi, due=D(2026, 2, 20))
    decide(instansi)
    close(decide(instansi), D(2026, 2, 10))
    assert pending_counts({instansi.id}, D(2026, 2, 5)) == {"open": 3, "overdue": 0}
    assert pending_counts({instansi.id}, D(2026, 2, 25)) == {"open": 1, "overdue": 1}
    assert pending_counts({instansi.id + 1}, D(2026, 2, 25)) == {"open": 0, "overdue": 0}
