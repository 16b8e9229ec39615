"""Plain facts the rule engine reads: no database, no clock, no Flask.

flags.queries builds them from the records; tests build them by hand.
"""
import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from plt_tracker.selection.progress import AttemptState, StageState  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class ActingFact:
    """One acting letter (Plt or Plh) of a vacancy with its extensions."""

    official_id: int
    official_name: str
    kind: str  # "plt" or "plh"
    start_date: dt.date
    end_date: dt.date  # last day of the first letter
    # (new end date, the day that letter existed) for each extension
    extensions: tuple = field(default_factory=tuple)
    ended_on: Optional[dt.date] = None  # last day served when ended on purpose
    # The official: their own post kind (registry.models.OFFICIAL_KINDS, None when unknown),
    # whether they are PPPK, and the birth date (their BUP may fall within the letter).
    own_kind: Optional[str] = None
    is_pppk: bool = False
    birth_date: Optional[dt.date] = None


@dataclass(frozen=True)
class VacancyFacts:
    """Everything the rules need to know about one vacancy."""

    vacancy_id: int
    post_id: int
    opd: str
    post: str
    post_kind: str
    start_date: dt.date
    actings: tuple = field(default_factory=tuple)  # ActingFact
    attempts: tuple = field(default_factory=tuple)  # AttemptState, already as of the as-of date
    is_sekda: bool = False  # the Sekda's post (Perpres 3/2018)


@dataclass(frozen=True)
class HolderFacts:
    """A definitive holder of a post, for the retirement forecast."""

    post_id: int
    opd: str
    post: str
    post_kind: str
    official_id: int
    official_name: str
    nip: str
    birth_date: Optional[dt.date]
    # The appointment itself, for the election-window rule.
    start_date: Optional[dt.date] = None
    sk_date: Optional[dt.date] = None
    minister_approval_date: Optional[dt.date] = None


@dataclass(frozen=True)
class DateRange:
    """An election window or a Pj period in which appointments need the Minister's approval."""

    name: str
    start: dt.date
    end: dt.date
    kind: str = "election"  # "election" or "pj"


@dataclass(frozen=True)
class Context:
    """What is common to every vacancy: the date, the thresholds and the calendar."""

    as_of: dt.date
    thresholds: dict
    next_rakor: Optional[dt.date] = None
    windows: tuple = field(default_factory=tuple)  # DateRange
    # For each of the last reports (newest first), the post ids flagged warning or worse.
    escalation_history: tuple = field(default_factory=tuple)
    # Public holidays and cuti bersama, for counting working days.
    holidays: frozenset = field(default_factory=frozenset)
