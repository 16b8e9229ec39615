"""The demo kabupaten: loaded once, through the real operations, with a realistic mix."""
import datetime as dt
from collections import Counter

import pytest

from plt_tracker.audit.models import AuditEntry
from plt_tracker.core.dates import today
from plt_tracker.core.db import RuleViolation
from plt_tracker.demo import STEPS
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Official, Post
from plt_tracker.registry.nip import parse_nip
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy
from plt_tracker.vacancies.queries import vacancy_rows
from tests.conftest import csrf_from


def _load(runner):
    result = runner.invoke(args=["plt", "demo"])
    assert result.exit_code == 0, result.output
    return result.output


def _count(model):
    return db.session.scalar(db.select(db.func.count()).select_from(model))


def test_demo_has_the_lebong_mix(app, runner):
    output = _load(runner)
    day = today()
    every_post = db.session.scalars(db.select(Post)).all()
    posts = [p for p in every_post if p.is_head]
    kinds = Counter((p.kind, p.eselon) for p in posts)
    assert kinds[("jpt_pratama", "II.a")] == 1
    assert 28 <= kinds[("jpt_pratama", "II.b")] <= 34
    assert 12 <= kinds[("administrator", "III.a")] <= 13

    every_row = vacancy_rows(posts[0].opd.instansi_id, day)
    heads = {p.id for p in posts}
    rows = [r for r in every_row if r.post_id in heads]
    assert len(posts) / 3 <= len(rows) <= len(posts) / 2
    acting = Counter((r.acting_kind, r.acting_status) for r in rows)
    with_plt = acting[("Plt", "active")] + acting[("Plt", "expired")]
    assert with_plt > len(rows) / 2                       # most have a Plt
    assert acting[("Plt", "expired")] >= 2                # a couple of expired letters
    assert acting[("Plh", "active")] >= 2                 # a few Plh
    assert acting[("", "")] >= 3                          # some with nobody at all
    assert f"kosong: {len(every_row)} (kepala OPD: {len(rows)})" in output
    assert f"jabatan: {len(every_post)} (kepala OPD: {len(posts)})" in output
    assert f"tanpa pelaksana: {sum(1 for r in every_row if not r.acting_kind)}" in output

    # Three OPDs hold their other structural posts too, a few of them vacant.
    others = [p for p in every_post if not p.is_head]
    assert len(others) >= 20 and {p.kind for p in others} == {"administrator", "pengawas"}
    assert len({p.opd_id for p in others}) == 3
    other_rows = [r for r in every_row if r.post_id not in heads]
    assert len(other_rows) == 3
    assert any(r.acting_kind == "" and r.days_vacant > 365 for r in other_rows)
    assert any(r.acting_own_post.startswith("Kepala Subbagian") for r in other_rows)

    # Plt officials come from the same OPD, with their own post recorded.
    named = [r for r in rows if r.acting_kind == "Plt" and r.acting_own_post]
    assert any(r.acting_own_post.startswith("Sekretaris ") for r in named)
    assert any(r.acting_own_post.startswith("Kepala Bidang ") for r in named)
    # One official acts in two posts at once.
    active = Counter(r.acting_official_id for r in rows if r.acting_status == "active")
    assert max(active.values()) == 2

    # Extensions: some once or twice, and a mass extension signed on one day.
    per_acting = Counter(db.session.scalars(db.select(ActingExtension.assignment_id)))
    assert {1, 2} <= set(per_acting.values())
    signed = Counter(db.session.scalars(db.select(ActingExtension.letter_date)))
    assert max(signed.values()) >= 3
    assert all(day - dt.timedelta(days=60) < d <= day for d, n in signed.items() if n >= 3)

    # Posts filled definitively during the past year: history pages have content.
    closed = db.session.scalars(db.select(Vacancy).filter(Vacancy.end_date.is_not(None))).all()
    assert len(closed) >= 3
    assert all(v.filled_by is not None and day - v.end_date < dt.timedelta(days=366)
               for v in closed)
    # A Plh covering a filled post whose holder is away.
    assert db.session.scalar(db.select(ActingAssignment.id).filter(
        ActingAssignment.kind == "plh", ActingAssignment.vacancy_id.is_(None)))


def test_demo_officials_have_valid_nips_and_some_retire_soon(app, runner):
    _load(runner)
    day = today()
    officials = db.session.scalars(db.select(Official)).all()
    for official in officials:
        info = parse_nip(official.nip)
        assert info.birth_date == official.birth_date
        assert (info.tmt.year - info.birth_date.year) >= 18
        assert official.name != official.name.upper()
    serving = db.session.scalars(db.select(Appointment).filter(
        Appointment.end_date.is_(None))).all()

    def reached_bup(appointment):
        bup = 60 if appointment.post.kind.startswith("jpt") else 58
        birth = appointment.official.birth_date
        return birth.replace(year=birth.year + bup) <= day

    assert [a.official.name for a in serving if reached_bup(a)] == []

    def retires_within_a_year(appointment):
        bup = 60 if appointment.post.kind.startswith("jpt") else 58
        birth = appointment.official.birth_date
        return birth.replace(year=birth.year + bup) <= day.replace(year=day.year + 1)

    assert sum(retires_within_a_year(a) for a in serving) >= 3
    assert set(db.session.scalars(db.select(AuditEntry.actor))) == {"demo"}


def test_second_run_is_refused_and_changes_nothing(app, runner):
    _load(runner)
    before = [_count(m) for m in (Post, Official, Vacancy, ActingAssignment, AuditEntry)]

    result = runner.invoke(args=["plt", "demo"])
    assert result.exit_code == 1
    assert "sudah memiliki OPD" in result.output and "Tidak ada yang diubah" in result.output

    result = runner.invoke(args=["plt", "demo", "--if-empty"])
    assert result.exit_code == 0 and "sudah memiliki OPD" in result.output
    assert [_count(m) for m in (Post, Official, Vacancy, ActingAssignment, AuditEntry)] == before


def test_a_failing_later_step_leaves_nothing(app, runner):
    def broken_step(ctx):
        assert ctx.posts and ctx.vacancies and ctx.officials
        raise RuleViolation("langkah uji gagal")

    STEPS.append(broken_step)
    try:
        result = runner.invoke(args=["plt", "demo"])
    finally:
        STEPS.remove(broken_step)
    assert result.exit_code == 1 and "langkah uji gagal" in result.output
    assert _count(Post) == 0 and _count(AuditEntry) == 0


@pytest.mark.parametrize("username, password, role, can_import", [
    ("admin", "bukit-kaba-2026", "admin", 200),
    ("bkpsdm", "danau-tes-2026", "operator", 403),
    ("sekda", "air-ketahun-2026", "viewer", 403),
])
def test_demo_users_can_log_in(app, runner, client, username, password, role, can_import):
    output = _load(runner)
    assert f"{username} / {password}" in output
    token = csrf_from(client.get("/masuk").data)
    response = client.post("/masuk", data={"username": username, "password": password,
                                            "csrf_token": token})
    assert response.status_code == 302
    page = client.get("/kekosongan")
    assert page.status_code == 200 and "Kepala Dinas Sosial" in page.get_data(as_text=True)
    assert client.get("/impor").status_code == can_import
