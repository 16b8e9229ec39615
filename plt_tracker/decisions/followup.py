"""The report's section "Tindak lanjut Rakor sebelumnya": frozen with the snapshot.

Every decision of earlier meetings still standing on the meeting date, or closed
since the previous report, with its status and days overdue as of that date (so
a report rebuilt from the register reads the same). A decision overdue now that
the previous report already showed overdue has been overdue at two meetings in a
row: it is escalated, as a flag is.
"""
import datetime as dt

from flask_babel import force_locale

from plt_tracker.decisions import rules
from plt_tracker.decisions.models import Decision
from plt_tracker.decisions.queries import loaded
from plt_tracker.extensions import db


def followup_section(instansi_id, as_of, previous=None):
    """Return the follow-up section of a report on `as_of` (previous: the last snapshot)."""
    since = dt.date.fromisoformat(previous["meeting_date"]) if previous else None
    overdue_before = {item["id"] for item in ((previous or {}).get("followup") or {})
                      .get("items", []) if item["status"] == "overdue"}
    query = (db.select(Decision).filter(Decision.instansi_id == instansi_id,
                                        Decision.meeting_date < as_of)
             .options(*loaded())
             .order_by(Decision.meeting_date, Decision.due_date, Decision.id))
    items = []
    with force_locale("id"):
        for decision in db.session.scalars(query):
            status = rules.status_on(decision.status, decision.closed_on, decision.due_date,
                                     as_of)
            if status in ("done", "dropped") and since is not None and decision.closed_on <= since:
                continue  # closed before the previous report: that one said so
            items.append(_item(decision, status, as_of,
                               escalated=status == "overdue" and decision.id in overdue_before))
    return {"previous_meeting": previous["meeting_date"] if previous else None, "items": items}


def _item(decision, status, as_of, *, escalated):
    closed = status in ("done", "dropped")
    return {
        "id": decision.id,
        "meeting_date": decision.meeting_date.isoformat(),
        "post_id": decision.post_id,
        "post": decision.post.title if decision.post else "",
        "opd": decision.post.opd.name if decision.post else "",
        "flag_code": decision.flag_code or "",
        "instruction": decision.instruction,
        "responsible": decision.responsible_label,
        "due_date": decision.due_date.isoformat(),
        "status": status,
        "status_label": rules.STATUS_LABELS[status],
        "days_overdue": rules.days_overdue(decision.due_date, as_of) if status == "overdue" else 0,
        "closed_on": decision.closed_on.isoformat() if closed else None,
        "closed_note": (decision.closed_note or "") if closed else "",
        "escalated": escalated,
    }


def followup_counts(section):
    """Return the summary figures of a follow-up section."""
    items = section["items"]
    return {
        "decisions_followed": len(items),
        "decisions_open": sum(1 for i in items if i["status"] == "open"),
        "decisions_overdue": sum(1 for i in items if i["status"] == "overdue"),
        "decisions_done": sum(1 for i in items if i["status"] == "done"),
        "decisions_dropped": sum(1 for i in items if i["status"] == "dropped"),
        "decisions_escalated": sum(1 for i in items if i["escalated"]),
    }
