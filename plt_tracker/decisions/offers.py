"""Offer to close the decisions a just-recorded event may fulfil (never close them silently).

Naming a Plt, extending a letter, starting a selection, finishing a stage or the
appointment are recorded by other areas, each with an audit entry naming the post
and the event. Rather than each of their views knowing about decisions, a session
hook notes those entries as they are flushed and, once the transaction commits
inside a request, leaves them in the user's session. The next page (the redirect
after the form) shows the post's open decisions that such an event may fulfil,
each with a one-click close form pre-filled with the event's date and sentence.
"""
import datetime as dt

from flask import has_request_context, session as web_session
from flask_login import current_user
from sqlalchemy import event
from sqlalchemy.orm import Session

from plt_tracker.audit.models import AuditEntry
from plt_tracker.extensions import db
from plt_tracker.decisions.rules import FULFILLING

SESSION_KEY = "decision_offers"
# Events kept between two pages (a form records one or two); small, as the session is a cookie.
MAX_OFFERS = 5


@event.listens_for(Session, "after_flush")
def _note_events(session, _context):
    """Remember the fulfilling events among the audit entries just flushed."""
    for obj in session.new:
        if isinstance(obj, AuditEntry) and obj.event in FULFILLING and obj.post_id:
            session.info.setdefault(SESSION_KEY, []).append(
                {"entry": obj.id, "post_id": obj.post_id, "event": obj.event,
                 "date": _event_date(obj.params or {})})


@event.listens_for(Session, "after_commit")
def _offer(session):
    """After a commit in a request, keep the noted events for the next page."""
    noted = session.info.pop(SESSION_KEY, None)
    if noted and has_request_context():
        web_session[SESSION_KEY] = (web_session.get(SESSION_KEY, []) + noted)[-MAX_OFFERS:]


@event.listens_for(Session, "after_rollback")
def _forget(session):
    """A rolled-back change fulfils nothing."""
    session.info.pop(SESSION_KEY, None)


def _event_date(params):
    for key in ("date", "start"):
        value = params.get(key)
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                continue
    return None


def pending_offers():
    """Return (and forget) the offers for this page: [(event, [decisions])], only those
    with open decisions the user may close."""
    from plt_tracker.auth.scope import can_write
    from plt_tracker.core.dates import today
    from plt_tracker.decisions.queries import pending_matching

    if SESSION_KEY not in web_session or not current_user.is_authenticated:
        return []
    noted = web_session.pop(SESSION_KEY, [])
    if not current_user.can("operator"):
        return []
    day, offers = today(), []
    for item in noted:
        found = [d for d in pending_matching(item["post_id"], item["event"], day)
                 if can_write(current_user, d.instansi_id)]
        entry = db.session.get(AuditEntry, item["entry"]) if found else None
        if entry is not None:
            date = item.get("date")
            closed_on = min(dt.date.fromisoformat(date), day) if date else day
            offers.append({"what": entry.summary,
                           "decisions": [(d, max(closed_on, d.meeting_date)) for d in found]})
    return offers
