"""The reporting delay: how many days after a letter or SK it was entered in the register.

A BKPSDM that records a Plt letter two months late leaves the register, and the
Rakor, two months behind; the report gives the month's median and longest.
"""
import datetime as dt
import statistics
from dataclasses import dataclass

from plt_tracker.core.dates import local_date
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Opd, Post
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension


def delay_days(document_date, entered_at):
    """Return the days from a document's date to its entry (None when either is unknown)."""
    if document_date is None or entered_at is None:
        return None
    return (local_date(entered_at) - document_date).days


def letter_delay(letter):
    """Return the reporting delay of an acting letter or extension (its date, else its start)."""
    return delay_days(letter.letter_date or getattr(letter, "start_date", None), letter.created_at)


def appointment_delay(appointment):
    """Return the reporting delay of an appointment (its SK date, else its inauguration)."""
    return delay_days(appointment.sk_date or appointment.start_date, appointment.created_at)


@dataclass
class DelaySummary:
    """The reporting delays of the records entered in a period."""

    count: int = 0
    median: float = 0
    longest: int = 0


def delays_entered(instansi_id, first, last):
    """Summarise the delays of letters, extensions and appointments entered from `first` to
    `last` (local dates, inclusive), in three queries."""
    start = dt.datetime.combine(first, dt.time.min) - dt.timedelta(days=1)
    end = dt.datetime.combine(last, dt.time.max) + dt.timedelta(days=1)
    delays = []
    for model, delay, join in (
            (ActingAssignment, letter_delay, ActingAssignment.post),
            (ActingExtension, letter_delay, None),
            (Appointment, appointment_delay, Appointment.post)):
        query = db.select(model).filter(model.created_at >= start, model.created_at <= end)
        if join is None:
            query = (query.join(ActingExtension.assignment).join(ActingAssignment.post))
        else:
            query = query.join(join)
        query = query.join(Post.opd).filter(Opd.instansi_id == instansi_id)
        for record in db.session.scalars(query):
            if first <= local_date(record.created_at) <= last:
                days = delay(record)
                if days is not None:
                    delays.append(max(days, 0))
    if not delays:
        return DelaySummary()
    return DelaySummary(len(delays), statistics.median(delays), max(delays))
