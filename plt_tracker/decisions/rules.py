"""A decision's standing on a day, as pure functions (no database, no clock).

A decision is *done* or *dropped* from the day it was closed, *overdue* when still
open after its due date, else *open*. So a report from March reads a decision
the way it stood in March, even when it was closed since.
"""
from plt_tracker.audit.events import N_

# Plain Indonesian (frozen into reports as written); pages translate them when shown.
STATUS_LABELS = {"open": N_("Terbuka"), "overdue": N_("Lewat tenggat"), "done": N_("Selesai"),
                 "dropped": N_("Dihentikan")}
# Which recorded events may fulfil a decision that answers which flag. A decision
# without a flag code, or about a long vacancy or an escalation, may be fulfilled by
# any of them; the appointment that fills the post by definition answers them all.
FULFILLING = {
    "acting.name": {"NO_ACTING", "ACTING_EXPIRED", "ACTING_ENDS_SOON", "PLH_OVER_LIMIT",
                    "PLT_OVER_LIMIT", "PLT_MULTIPLE", "ACTING_INELIGIBLE", "ACTING_RETIRES",
                    "SEKDA_GOVERNOR"},
    "acting.extend": {"ACTING_EXPIRED", "ACTING_ENDS_SOON"},
    "attempt.start": {"NO_PROCESS", "ATTEMPT_FAILED"},
    "stage.start": {"STAGE_STALLED", "NO_PROCESS"},
    "stage.finish": {"STAGE_STALLED", "NO_PROCESS"},
    "attempt.complete": {"STAGE_STALLED", "NO_PROCESS", "ATTEMPT_FAILED"},
    "attempt.approval": {"ELECTION_WINDOW"},
    "vacancy.fill": None,
    "holder.record": None,
}
GENERAL_CODES = {None, "", "VACANT_LONG", "ESCALATED"}


def status_on(status, closed_on, due_date, as_of):
    """Return "done", "dropped", "overdue" or "open": the decision as it stood on `as_of`."""
    if status != "open" and closed_on is not None and closed_on <= as_of:
        return status
    return "overdue" if due_date < as_of else "open"


def days_overdue(due_date, as_of):
    """Return how many days past its due date a decision is on `as_of` (0 when not yet)."""
    return max((as_of - due_date).days, 0)


def fulfils(event, flag_code):
    """Say whether a recorded event may fulfil a decision answering `flag_code`."""
    if event not in FULFILLING:
        return False
    codes = FULFILLING[event]
    return codes is None or flag_code in GENERAL_CODES or flag_code in codes
