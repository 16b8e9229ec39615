"""Vacant posts and posts held by a Plt at each month's end, over the last 24 months.

Three statements whatever the span or the size of the register: the vacancies
that overlap the span, their Plt letters and those letters' extensions. Each
month's end is then judged in Python by the as-of rules of the vacancy list
(vacancies.queries): a vacancy open on the day (started, not yet filled, its post
not frozen or abolished), and a Plt letter in force on the day (started, not
ended early, within its letters known on that day: vacancies.rules).
"""
import calendar
import datetime as dt
from dataclasses import dataclass

from plt_tracker.core.dates import add_months
from plt_tracker.extensions import db
from plt_tracker.registry.models import Opd, Post
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy

MONTHS = 24


@dataclass
class Point:
    """One month of the series: the day it is judged on, vacant posts and Plt-held posts."""

    day: dt.date
    vacant: int = 0
    plt: int = 0


def month_ends(as_of, months=MONTHS):
    """Return the last day of each of the `months` months up to `as_of`'s; the current month
    is judged on `as_of` itself (its end has not come yet)."""
    first = as_of.replace(day=1)
    days = []
    for back in range(months - 1, 0, -1):
        month = add_months(first, -back)
        days.append(month.replace(day=calendar.monthrange(month.year, month.month)[1]))
    return days + [as_of]


def monthly(pemda_ids, as_of, all_posts=False, months=MONTHS):
    """Return [Point] for the month ends up to `as_of` (pemda_ids None: all)."""
    days = month_ends(as_of, months)
    first, last = days[0], days[-1]
    scope = _scope(pemda_ids, all_posts, first, last)
    vacancies = db.session.execute(scope.with_only_columns(
        Vacancy.id, Vacancy.start_date, Vacancy.end_date, Post.closed_on)).all()
    letters = db.session.execute(scope.with_only_columns(
        ActingAssignment.id, ActingAssignment.vacancy_id, ActingAssignment.start_date,
        ActingAssignment.end_date, ActingAssignment.ended_on).join(
        ActingAssignment, ActingAssignment.vacancy_id == Vacancy.id).filter(
        ActingAssignment.kind == "plt", ActingAssignment.voided_at.is_(None),
        ActingAssignment.start_date <= last)).all()
    extensions = {}
    for assignment_id, end, known in db.session.execute(scope.with_only_columns(
            ActingExtension.assignment_id, ActingExtension.end_date, ActingExtension.letter_date)
            .join(ActingAssignment, ActingAssignment.vacancy_id == Vacancy.id)
            .join(ActingExtension, ActingExtension.assignment_id == ActingAssignment.id)
            .filter(ActingAssignment.kind == "plt", ActingAssignment.voided_at.is_(None),
                    ActingExtension.voided_at.is_(None), ActingAssignment.start_date <= last)):
        extensions.setdefault(assignment_id, []).append(rules.LetterEnd(end, known))
    by_vacancy = {}
    for letter in letters:
        by_vacancy.setdefault(letter.vacancy_id, []).append(letter)
    points = [Point(day) for day in days]
    for vacancy_id, start, end, closed_on in vacancies:
        for point in points:
            if not _open(start, end, closed_on, point.day):
                continue
            point.vacant += 1
            if any(_in_force(letter, extensions.get(letter.id, ()), point.day)
                   for letter in by_vacancy.get(vacancy_id, ())):
                point.plt += 1
    return points


def _scope(pemda_ids, all_posts, first, last):
    """Return the SELECT of the scope's live vacancies that overlap first..last."""
    query = (db.select(Vacancy.id).join(Post, Post.id == Vacancy.post_id)
             .join(Opd, Opd.id == Post.opd_id)
             .filter(Vacancy.voided_at.is_(None), Vacancy.start_date <= last,
                     (Vacancy.end_date.is_(None)) | (Vacancy.end_date > first),
                     (Post.closed_on.is_(None)) | (Post.closed_on > first)))
    if not all_posts:
        query = query.filter(Post.is_head.is_(True))
    if pemda_ids is not None:
        query = query.filter(Opd.instansi_id.in_(list(pemda_ids)))
    return query


def _open(start, end, closed_on, day):
    """Say whether a vacancy is on the list of `day` (as vacancies.queries reads it)."""
    return (start <= day and (end is None or day < end)
            and (closed_on is None or day < closed_on))


def _in_force(letter, extensions, day):
    """Say whether a Plt letter is in force on `day`, by the letters known that day."""
    if letter.start_date > day:
        return False
    until = rules.effective_end(letter.end_date, list(extensions), day)
    return rules.acting_status(letter.start_date, until, letter.ended_on, day) == "active"
