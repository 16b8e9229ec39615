"""Checks of a synthetic register with the register's own rules, and its proportions."""
from plt_tracker.extensions import db
from plt_tracker.registry.models import Post
from plt_tracker.selection.integrity import check_vacancy_attempts
from plt_tracker.settings.logic import get_settings
from plt_tracker.vacancies import integrity
from plt_tracker.vacancies.models import ActingAssignment, Vacancy


def broken_rules(as_of):
    """Run every post's, vacancy's and acting letter's integrity checks; return the messages
    of the broken ones (empty when the register keeps every rule)."""
    problems = []
    for post in db.session.scalars(db.select(Post).order_by(Post.id)):
        _collect(problems, f"post {post.id}", integrity.check_post, post, today=as_of)
    for vacancy in db.session.scalars(db.select(Vacancy).order_by(Vacancy.id)):
        _collect(problems, f"vacancy {vacancy.id}", check_vacancy_attempts, vacancy, today=as_of)
    limits = {}
    for acting in db.session.scalars(db.select(ActingAssignment).order_by(ActingAssignment.id)):
        instansi_id = acting.post.opd.instansi_id
        if instansi_id not in limits:
            limits[instansi_id] = int(get_settings(instansi_id)["max_acting_posts"])
        _collect(problems, f"acting {acting.id}", integrity.check_acting_load, acting,
                 max_posts=limits[instansi_id])
    return problems


def _collect(problems, label, check, *args, **kwargs):
    from plt_tracker.core.db import RuleViolation

    try:
        check(*args, **kwargs)
    except RuleViolation as exc:
        problems.append(f"{label}: {exc.message}")


def proportions(as_of):
    """Return the shares that make a register look real, on `as_of`: posts vacant, open
    vacancies with an acting official in force, with an expired letter, vacant over a year."""
    from plt_tracker.vacancies import rules
    from plt_tracker.vacancies.integrity import letter_end

    posts = db.session.scalar(db.select(db.func.count(Post.id)))
    open_vacancies = list(db.session.scalars(db.select(Vacancy).filter(Vacancy.end_date.is_(None))))
    acting = expired = long = 0
    for vacancy in open_vacancies:
        statuses = [rules.acting_status(a.start_date, letter_end(a, as_of), a.ended_on, as_of)
                    for a in vacancy.actings]
        acting += "active" in statuses
        expired += "active" not in statuses and "expired" in statuses
        long += rules.days_vacant(vacancy.start_date, as_of) > 365
    count = len(open_vacancies) or 1
    return {"posts": posts, "vacant": len(open_vacancies),
            "vacant_share": len(open_vacancies) / (posts or 1), "acting_share": acting / count,
            "expired_share": expired / count, "long_share": long / count}
