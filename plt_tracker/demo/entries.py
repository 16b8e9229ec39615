"""Demo step: when each letter and appointment was entered in the register.

The demo builds years of history in one go, so every record would look entered
today. A real BKPSDM enters a letter some days after it is signed, and a few
weeks late now and then: the report's reporting delay needs that spread.
"""
import datetime as dt

from plt_tracker.core.dates import utcnow
from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Opd, Post
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension

# Usual days from a letter to its entry; every seventh record is entered weeks late.
USUAL = (1, 1, 2, 2, 3, 4, 5, 7, 9, 12)
LATE = (28, 35, 47)


def backdate_entries(ctx):
    """Set each demo letter's and appointment's entry time a few days after its date."""
    now = utcnow()
    records = []
    for model, join in ((ActingAssignment, ActingAssignment.post),
                        (Appointment, Appointment.post)):
        records += db.session.scalars(db.select(model).join(join).join(Post.opd)
                                      .filter(Opd.instansi_id == ctx.instansi.id)
                                      .order_by(model.id)).all()
    records += db.session.scalars(
        db.select(ActingExtension).join(ActingExtension.assignment).join(ActingAssignment.post)
        .join(Post.opd).filter(Opd.instansi_id == ctx.instansi.id)
        .order_by(ActingExtension.id)).all()
    for index, record in enumerate(records):
        signed = (getattr(record, "letter_date", None) or getattr(record, "sk_date", None)
                  or record.start_date)
        if signed is None:
            continue
        days = ctx.rng.choice(LATE) if index % 7 == 6 else ctx.rng.choice(USUAL)
        entered = dt.datetime.combine(signed + dt.timedelta(days=days), dt.time(2, 30))
        record.created_at = min(entered, now)
    db.session.flush()
