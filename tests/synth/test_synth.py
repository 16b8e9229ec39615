"""flask plt synth: the same seed gives the same rows, every rule of the register holds, and
the proportions look like a real register."""
import datetime as dt
import hashlib

from dateutil.relativedelta import relativedelta
from flask_migrate import upgrade

from config import TestConfig
from plt_tracker import create_app
from plt_tracker.extensions import db
from plt_tracker.flags.models import VacancyState
from plt_tracker.registry.models import Appointment, Instansi, Official, Post
from plt_tracker.registry.nip import parse_nip
from plt_tracker.selection.models import FillingAttempt, Route
from plt_tracker.synth.people import retirement_date
from plt_tracker.synth.verify import broken_rules, proportions
from plt_tracker.synth.writer import TABLES
from plt_tracker.vacancies.models import ActingAssignment, Vacancy

AS_OF = dt.date(2026, 1, 15)
SMALL = ["--pemda", "2", "--posts-per-pemda", "30", "--as-of", AS_OF.isoformat()]


def _synth(runner, *args):
    return runner.invoke(args=["plt", "synth", *args])


def _dump_hash(app):
    """Hash every row synth writes (audit entries and computed states aside), in id order."""
    digest = hashlib.sha256()
    with app.app_context():
        for name in ["instansi"] + TABLES:
            table = db.metadata.tables[name]
            for row in db.session.execute(table.select().order_by(table.c.id)):
                values = dict(row._mapping)
                values.pop("flags_valid_for", None)
                digest.update(repr(sorted(values.items())).encode())
        db.engine.dispose()
    return digest.hexdigest()


def _fresh_run(tmp_path, name, seed):
    app = create_app(TestConfig, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / name}")
    with app.app_context():
        upgrade()
    result = _synth(app.test_cli_runner(), *SMALL, "--seed", str(seed))
    assert result.exit_code == 0, result.output
    return _dump_hash(app)


def test_same_seed_same_rows_sqlite(tmp_path):
    first = _fresh_run(tmp_path, "a.db", 11)
    assert _fresh_run(tmp_path, "b.db", 11) == first
    assert _fresh_run(tmp_path, "c.db", 12) != first


def test_every_rule_of_the_register_holds(app, runner):
    result = _synth(runner, *SMALL, "--seed", "7")
    assert result.exit_code == 0, result.output
    assert broken_rules(AS_OF) == []
    pemda = db.session.scalars(db.select(Instansi).filter(Instansi.name.like("%Sintesa%"))).all()
    province = next(p for p in pemda if p.kind == "provinsi")
    assert [p.parent_id for p in pemda if p.kind != "provinsi"] == [province.id]
    templates = db.session.scalar(db.select(db.func.count(Route.id)).filter(
        Route.instansi_id.is_(None)))
    for p in pemda:
        assert db.session.scalar(db.select(db.func.count(Route.id)).filter_by(
            instansi_id=p.id)) == templates
    assert db.session.scalar(db.select(db.func.count(Post.id))) == 60
    # Every open vacancy has its stored state (refresh_all ran).
    open_ids = set(db.session.scalars(db.select(Vacancy.id).filter(Vacancy.end_date.is_(None))))
    assert open_ids and set(db.session.scalars(db.select(VacancyState.vacancy_id))) == open_ids


def test_nips_carry_the_birth_date_and_holders_retire_at_the_bup(app, runner):
    assert _synth(runner, *SMALL, "--seed", "8").exit_code == 0
    for official in db.session.scalars(db.select(Official)):
        assert parse_nip(official.nip).birth_date == official.birth_date
    bup = {"jpt_pratama": 60, "administrator": 58, "pengawas": 58}
    retired = 0
    for appointment in db.session.scalars(db.select(Appointment)):
        official, post = appointment.official, appointment.post
        retires = retirement_date(official.birth_date, bup[post.kind])
        ends = appointment.end_date
        assert (ends or AS_OF + dt.timedelta(days=1)) <= retires
        if ends == retires:
            retired += 1
            vacancy = db.session.scalar(db.select(Vacancy).filter_by(post_id=post.id,
                                                                     start_date=ends))
            assert vacancy.reason == "pensiun"
    assert retired > 0


def test_proportions_look_real(app, runner):
    args = ["--pemda", "2", "--posts-per-pemda", "120", "--as-of", AS_OF.isoformat()]
    assert _synth(runner, *args, "--seed", "9").exit_code == 0
    shares = proportions(AS_OF)
    assert 0.07 <= shares["vacant_share"] <= 0.25, shares
    assert shares["acting_share"] >= 0.5, shares
    assert 0 < shares["expired_share"] < 0.3, shares
    assert 0 < shares["long_share"] < 0.4, shares
    first = AS_OF - relativedelta(years=10)
    assert db.session.scalar(db.select(db.func.min(Vacancy.start_date))) < first + dt.timedelta(
        days=365)
    statuses = set(db.session.scalars(db.select(FillingAttempt.status)))
    assert {"completed", "failed", "in_progress"} <= statuses
    kinds = set(db.session.scalars(db.select(ActingAssignment.kind)))
    assert {"plt", "plh", "pj"} <= kinds


def test_refuses_a_register_with_data_unless_appending(app, runner):
    assert _synth(runner, *SMALL, "--seed", "3").exit_code == 0
    posts = db.session.scalar(db.select(db.func.count(Post.id)))
    again = _synth(runner, *SMALL, "--seed", "4")
    assert again.exit_code == 1
    assert "sudah berisi data" in again.output and "--append" in again.output
    same = _synth(runner, *SMALL, "--seed", "3", "--append")
    assert same.exit_code == 1 and "sudah ada" in same.output
    db.session.remove()
    assert db.session.scalar(db.select(db.func.count(Post.id))) == posts
    assert _synth(runner, *SMALL, "--seed", "4", "--append").exit_code == 0
    assert db.session.scalar(db.select(db.func.count(Post.id))) == 2 * posts
    assert broken_rules(AS_OF) == []
