"""One pemda's register, read once for an import: a statement per table, then dictionaries.

The importer checks every row with the same rule functions as the forms
(vacancies.integrity, registry.operations.check_holding, …), but gives them
the records from here instead of letting them read the database per row: a
10,000-row file would otherwise run some 160,000 statements. Records the import
makes are added here as they are made (and taken out again when their row is
refused in that step), so each row is checked against the register as the
earlier rows leave it. Voided records are left out, as in every ORM read (core.records).
"""
from collections import defaultdict

from sqlalchemy.orm import attributes

from plt_tracker.extensions import db
from plt_tracker.registry.models import Appointment, Official, Opd, Post
from plt_tracker.settings.logic import get_settings
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy


class Known:
    """The pemda's OPDs, posts, officials, holdings, vacancies and letters, by key."""

    def __init__(self, instansi_id):
        session = db.session
        self.settings = get_settings(instansi_id)
        opds = list(session.scalars(db.select(Opd).filter_by(instansi_id=instansi_id)))
        self.opds = {o.name.lower(): o for o in opds}
        post_ids = db.select(Post.id).join(Post.opd).filter(Opd.instansi_id == instansi_id)
        official_ids = db.select(Official.id).filter(Official.instansi_id == instansi_id)
        posts = session.scalars(db.select(Post).filter(Post.id.in_(post_ids)))
        self.posts = {(p.opd_id, p.title.lower()): p for p in posts}
        officials = session.scalars(db.select(Official).filter_by(instansi_id=instansi_id))
        self.officials = {o.nip: o for o in officials}
        self.vacancies = defaultdict(list)       # post id: the post's vacancies
        self.holdings = defaultdict(list)        # post id: the post's definitive holdings
        self.holdings_of = defaultdict(list)     # official id: the official's holdings
        self.actings = defaultdict(list)         # post id: the post's acting letters
        self.actings_of = defaultdict(list)      # official id: the official's letters
        for vacancy in session.scalars(db.select(Vacancy).filter(Vacancy.post_id.in_(post_ids))
                                       .order_by(Vacancy.start_date)):
            self.add(vacancy)
        for holding in session.scalars(db.select(Appointment).filter(
                Appointment.post_id.in_(post_ids) | Appointment.official_id.in_(official_ids))
                .order_by(Appointment.id)):
            self.add(holding)
        ours = (ActingAssignment.post_id.in_(post_ids)
                | ActingAssignment.official_id.in_(official_ids))
        letters = list(session.scalars(db.select(ActingAssignment).filter(ours)
                                       .order_by(ActingAssignment.start_date)))
        extensions = defaultdict(list)
        for extension in session.scalars(db.select(ActingExtension).filter(
                ActingExtension.assignment_id.in_(db.select(ActingAssignment.id).filter(ours)))
                .order_by(ActingExtension.end_date)):
            extensions[extension.assignment_id].append(extension)
        for letter in letters:
            # Loaded as the relationship would load it, so reading it runs no statement.
            attributes.set_committed_value(letter, "extensions", extensions[letter.id])
            self.add(letter)

    def add(self, record):
        """Count a record of this import (or read above) in the post's and official's lists."""
        for index, key in self._indexes(record):
            index[key].append(record)

    def remove(self, record):
        """Take out a record of a refused row."""
        for index, key in self._indexes(record):
            if record in index[key]:
                index[key].remove(record)

    def _indexes(self, record):
        if isinstance(record, Vacancy):
            return [(self.vacancies, record.post_id)]
        if isinstance(record, Appointment):
            return [(self.holdings, record.post_id), (self.holdings_of, record.official_id)]
        if isinstance(record, ActingAssignment):
            return [(self.actings, record.post_id), (self.actings_of, record.official_id)]
        raise TypeError(record)

    def records(self, post):
        """Return the post's (vacancies, holdings, letters), as integrity.check_post wants them."""
        return (sorted(self.vacancies[post.id], key=lambda v: v.start_date),
                list(self.holdings[post.id]),
                sorted(self.actings[post.id], key=lambda a: a.start_date))

    def current_holder(self, post):
        """Return the post's open definitive holding, if any."""
        return next((a for a in reversed(self.holdings[post.id]) if a.end_date is None), None)

    def open_vacancy(self, post):
        """Return the post's open vacancy (begun or still ahead), if any."""
        return next((v for v in self.vacancies[post.id] if v.end_date is None), None)

    def vacancy_since(self, post, start):
        """Return the post's vacancy that began on `start`, if any."""
        return next((v for v in self.vacancies[post.id] if v.start_date == start), None)
