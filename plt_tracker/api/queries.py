"""Reads of the API, a page at a time in SQL; related rows for a page come in one query
each, so the number of statements does not grow with the register."""
from sqlalchemy import func
from sqlalchemy.orm import aliased

from plt_tracker.extensions import db
from plt_tracker.rakor.models import RakorReport
from plt_tracker.registry.models import Appointment, Instansi, Official, Opd, Post
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy


def page_of(query, page, per_page):
    """Return (rows of the page, total rows) of a sorted query."""
    total = db.session.scalar(db.select(func.count()).select_from(
        query.order_by(None).subquery()))
    rows = db.session.execute(query.limit(per_page).offset((page - 1) * per_page)).all()
    return rows, total or 0


def _in_scope(query, column, pemda_ids):
    return query if pemda_ids is None else query.filter(column.in_(sorted(pemda_ids)))


def pemda_query(pemda_ids):
    """Return the pemda (with their province's name) the scope covers, by name."""
    parent = aliased(Instansi)
    query = (db.select(Instansi, parent.name).outerjoin(parent, parent.id == Instansi.parent_id)
             .order_by(Instansi.name, Instansi.id))
    return _in_scope(query, Instansi.id, pemda_ids)


def posts_query(pemda_ids, *, opd_id=None, kind=None, head=None, active=True):
    """Return posts with their OPD and pemda, by id.

    In the order of the primary key: a page is read along its index, where an order
    by pemda, OPD and title would sort the nation's posts for every page.
    """
    query = (db.select(Post, Opd, Instansi).join(Opd, Opd.id == Post.opd_id)
             .join(Instansi, Instansi.id == Opd.instansi_id).order_by(Post.id))
    query = _in_scope(query, Opd.instansi_id, pemda_ids)
    if opd_id:
        query = query.filter(Post.opd_id == opd_id)
    if kind:
        query = query.filter(Post.kind == kind)
    if head is not None:
        query = query.filter(Post.is_head.is_(head))
    if active:
        query = query.filter(Post.is_active.is_(True), Opd.is_active.is_(True))
    return query


def holders_on(post_ids, day):
    """Return {post_id: (Appointment, Official)} of the definitive holders on `day`."""
    if not post_ids:
        return {}
    query = (db.select(Appointment, Official).join(Official, Official.id == Appointment.official_id)
             .filter(Appointment.post_id.in_(post_ids))
             .filter((Appointment.start_date.is_(None)) | (Appointment.start_date <= day))
             .filter((Appointment.end_date.is_(None)) | (Appointment.end_date > day)))
    return {appointment.post_id: (appointment, official)
            for appointment, official in db.session.execute(query)}


def vacancies_on(post_ids, day):
    """Return {post_id: Vacancy} of the posts vacant on `day`."""
    if not post_ids:
        return {}
    query = (db.select(Vacancy).filter(Vacancy.post_id.in_(post_ids), Vacancy.start_date <= day)
             .filter((Vacancy.end_date.is_(None)) | (Vacancy.end_date > day)))
    return {vacancy.post_id: vacancy for vacancy in db.session.scalars(query)}


def acting_query(pemda_ids, *, kind=None, post_id=None, vacancy_id=None, active_on=None,
                 since=None, until=None):
    """Return acting letters (Plt, Plh, Pj Sekda) with their post, OPD, pemda and official,
    the latest recorded first (by id: along the primary key's index).

    `active_on` keeps the letters in force on that day: started, not ended early before
    it, and covering it by the first letter or an extension signed by then (as
    vacancies.rules.effective_end counts them). `since` and `until` bound the start date.
    """
    query = (db.select(ActingAssignment, Post, Opd, Instansi, Official)
             .join(Post, Post.id == ActingAssignment.post_id).join(Opd, Opd.id == Post.opd_id)
             .join(Instansi, Instansi.id == Opd.instansi_id)
             .join(Official, Official.id == ActingAssignment.official_id)
             .order_by(ActingAssignment.id.desc()))
    query = _in_scope(query, Opd.instansi_id, pemda_ids)
    if kind:
        query = query.filter(ActingAssignment.kind == kind)
    if post_id:
        query = query.filter(ActingAssignment.post_id == post_id)
    if vacancy_id:
        query = query.filter(ActingAssignment.vacancy_id == vacancy_id)
    if since:
        query = query.filter(ActingAssignment.start_date >= since)
    if until:
        query = query.filter(ActingAssignment.start_date <= until)
    if active_on:
        extended = (db.select(ActingExtension.id)
                    .filter(ActingExtension.assignment_id == ActingAssignment.id,
                            ActingExtension.voided_at.is_(None),
                            ActingExtension.letter_date <= active_on,
                            ActingExtension.end_date >= active_on).exists())
        query = query.filter(ActingAssignment.start_date <= active_on,
                             (ActingAssignment.ended_on.is_(None))
                             | (ActingAssignment.ended_on >= active_on),
                             (ActingAssignment.end_date >= active_on) | extended)
    return query


def extensions_of(assignment_ids):
    """Return {assignment_id: [ActingExtension]} in order of their end dates."""
    if not assignment_ids:
        return {}
    found = {}
    query = (db.select(ActingExtension).filter(ActingExtension.assignment_id.in_(assignment_ids))
             .order_by(ActingExtension.end_date, ActingExtension.id))
    for extension in db.session.scalars(query):
        found.setdefault(extension.assignment_id, []).append(extension)
    return found


REPORT_COLUMNS = (RakorReport.id, RakorReport.instansi_id, RakorReport.meeting_date,
                  RakorReport.version, RakorReport.trigger, RakorReport.created_at)


def reports_query(pemda_ids, *, since=None, until=None):
    """Return the reports' columns without their snapshots, newest meeting and version first."""
    query = (db.select(*REPORT_COLUMNS, Instansi.name)
             .join(Instansi, Instansi.id == RakorReport.instansi_id)
             .order_by(RakorReport.meeting_date.desc(), Instansi.name, RakorReport.version.desc(),
                       RakorReport.id.desc()))
    query = _in_scope(query, RakorReport.instansi_id, pemda_ids)
    if since:
        query = query.filter(RakorReport.meeting_date >= since)
    if until:
        query = query.filter(RakorReport.meeting_date <= until)
    return query


def opd_pemda(opd_ids):
    """Return {opd_id: (pemda id, pemda name)}."""
    if not opd_ids:
        return {}
    query = (db.select(Opd.id, Instansi.id, Instansi.name)
             .join(Instansi, Instansi.id == Opd.instansi_id).filter(Opd.id.in_(sorted(opd_ids))))
    return {opd_id: (pemda_id, name) for opd_id, pemda_id, name in db.session.execute(query)}
