"""What a flag is, how flags rank, and where an acting letter stands: shared by the rule modules."""
import datetime as dt
from dataclasses import dataclass, field

from plt_tracker.flags.text import say
from plt_tracker.vacancies import rules

SEVERITIES = ("critical", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Flag:
    """One reason a vacancy or holder needs attention."""

    code: str
    severity: str  # info, warning, critical
    reason: str  # an Indonesian sentence with the figures in it (given as a message: see text.py)
    follow_up: str  # tindak lanjut
    figures: dict = field(default_factory=dict)
    # The language-free messages of reason and follow-up ({"reason": message, …}), rendered
    # in the reader's language by flags.text.flag_text.
    text: dict = field(default_factory=dict)

    def __post_init__(self):
        # Built from messages: keep them, and the Indonesian sentences beside them.
        text = dict(self.text)
        for key in ("reason", "follow_up"):
            value = getattr(self, key)
            if isinstance(value, dict):
                text[key] = value
                object.__setattr__(self, key, say(value))
        object.__setattr__(self, "text", text)


def sort_flags(flags):
    """Order flags from most to least severe, then by code."""
    return sorted(flags, key=lambda f: (SEVERITY_RANK[f.severity], f.code))


def worst_severity(flags):
    """Return the most severe level among flags, or None."""
    return min((f.severity for f in flags), key=SEVERITY_RANK.get, default=None)


def acting_state(acting, as_of):
    """Return (status, last day covered) of an acting letter (flags.facts.ActingFact) on `as_of`."""
    extensions = [rules.LetterEnd(end, known) for end, known in acting.extensions]
    letter_end = rules.effective_end(acting.end_date, extensions, as_of)
    status = rules.acting_status(acting.start_date, letter_end, acting.ended_on, as_of)
    return status, rules.served_until(letter_end, acting.ended_on)


def served_spans(actings, as_of):
    """Return the (first, last) days the letters were served up to `as_of`, merged."""
    spans = []
    for acting in actings:
        if acting.start_date > as_of:
            continue
        _, until = acting_state(acting, as_of)
        last = min(until, as_of)
        if last >= acting.start_date:
            spans.append((acting.start_date, last))
    return merge(spans)


def merge(spans):
    """Merge inclusive date spans that touch or overlap; return them in order."""
    merged = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def days_in(spans):
    """Count the calendar days of merged inclusive spans."""
    return sum((last - first).days + 1 for first, last in spans)


def workdays_in(spans, holidays):
    """Count the working days (Monday to Friday, not a holiday or cuti bersama) of spans."""
    count = 0
    for first, last in spans:
        day = first
        while day <= last:
            if day.weekday() < 5 and day not in holidays:
                count += 1
            day += dt.timedelta(days=1)
    return count
