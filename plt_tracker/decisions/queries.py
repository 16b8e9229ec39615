"""Reads of decisions: the list, a post's decisions, counts per post, records for exports."""
from sqlalchemy import case, func
from sqlalchemy.orm import selectinload

from plt_tracker.core.db import batched
from plt_tracker.decisions import rules
from plt_tracker.decisions.models import Decision
from plt_tracker.extensions import db
from plt_tracker.flags.codes import FLAG_LABELS
from plt_tracker.registry.models import Post


def loaded():
    """Return the loader options of every list of decisions: the post with its OPD, and
    the responsible OPD (a function: the mappers are configured once every model exists)."""
    return (selectinload(Decision.post).selectinload(Post.opd),
            selectinload(Decision.responsible_opd))


def _standing(as_of):
    """Return the SQL condition: decided by `as_of` and not closed by then."""
    return ((Decision.meeting_date <= as_of)
            & ((Decision.status == "open") | (Decision.closed_on > as_of)))


def decisions_of(pemda_ids, as_of, *, status=None, post_id=None):
    """Return the decisions decided by `as_of` (pemda_ids None: all), newest meeting first,
    each with `.standing` (its status on `as_of`) and `.overdue_days` set.

    `status` keeps one standing: open, overdue, done or dropped; "pending" keeps open
    and overdue together.
    """
    query = (db.select(Decision).filter(Decision.meeting_date <= as_of)
             .options(*loaded())
             .order_by(Decision.meeting_date.desc(), Decision.due_date, Decision.id))
    if pemda_ids is not None:
        query = query.filter(Decision.instansi_id.in_(list(pemda_ids)))
    if post_id is not None:
        query = query.filter(Decision.post_id == post_id)
    if status in ("pending", "open", "overdue"):
        query = query.filter(_standing(as_of))
    elif status in ("done", "dropped"):
        query = query.filter(Decision.status == status, Decision.closed_on <= as_of)
    wanted = {"pending": ("open", "overdue")}.get(status, (status,))
    found = [annotate(d, as_of) for d in db.session.scalars(query)]
    return [d for d in found if status is None or d.standing in wanted]


def annotate(decision, as_of):
    """Set the decision's standing and days overdue on `as_of`; return it."""
    decision.standing = rules.status_on(decision.status, decision.closed_on, decision.due_date,
                                        as_of)
    decision.overdue_days = (rules.days_overdue(decision.due_date, as_of)
                             if decision.standing == "overdue" else 0)
    return decision


def counts_by_post(post_ids, as_of):
    """Return {post_id: (open, overdue)} of the decisions still standing on `as_of`.

    One grouped statement per IN batch (one for any page of the vacancy list).
    """
    counts = {}
    overdue = func.sum(case((Decision.due_date < as_of, 1), else_=0))
    for ids in batched(post_ids):
        rows = db.session.execute(
            db.select(Decision.post_id, func.count(Decision.id), overdue)
            .filter(Decision.post_id.in_(ids), _standing(as_of))
            .group_by(Decision.post_id))
        for post_id, total, late in rows:
            counts[post_id] = (int(total) - int(late or 0), int(late or 0))
    return counts


def pending_counts(pemda_ids, as_of):
    """Return {"open": n, "overdue": n}: the decisions still standing on `as_of` (for the
    dashboard), pemda_ids None: all."""
    query = db.select(func.count(Decision.id),
                      func.sum(case((Decision.due_date < as_of, 1), else_=0))).filter(
        _standing(as_of))
    if pemda_ids is not None:
        query = query.filter(Decision.instansi_id.in_(list(pemda_ids)))
    total, late = db.session.execute(query).one()
    return {"open": int(total or 0) - int(late or 0), "overdue": int(late or 0)}


def pending_matching(post_id, event, as_of):
    """Return the post's open decisions that the recorded `event` may fulfil."""
    return [d for d in decisions_of(None, as_of, post_id=post_id, status="pending")
            if rules.fulfils(event, d.flag_code)]


def as_record(decision):
    """Return an annotated decision as a plain dict (CLI, JSON and CSV)."""
    return {
        "id": decision.id,
        "meeting_date": decision.meeting_date,
        "opd": decision.post.opd.name if decision.post else "",
        "post": decision.post.title if decision.post else "",
        "flag_code": decision.flag_code or "",
        "instruction": decision.instruction,
        "responsible": decision.responsible_label,
        "responsible_email": decision.responsible_email or "",
        "due_date": decision.due_date,
        "status": decision.standing,
        "days_overdue": decision.overdue_days,
        "closed_on": decision.closed_on if decision.standing in ("done", "dropped") else None,
        "closed_note": (decision.closed_note or "") if decision.standing in ("done", "dropped")
        else "",
    }


def flag_label(code):
    """Return a flag code's short label (the code itself when unknown)."""
    return str(FLAG_LABELS.get(code, code)) if code else ""


def stored_flag_codes(post, day):
    """Return the flag codes of the post's vacancy on `day` (today) from the stored states,
    computed first when stale; to offer a decision per flag on the post page."""
    from plt_tracker.flags.models import VacancyState
    from plt_tracker.flags.state import ensure_fresh

    ensure_fresh([post.opd.instansi_id], day)
    codes = db.session.scalars(db.select(VacancyState.codes).filter_by(post_id=post.id)).all()
    return sorted({code for text in codes for code in (text or "").split(",") if code})
