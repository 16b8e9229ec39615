"""What the simulation of one pemda carries: its dates, routes, NIPs and the rows collected."""
import datetime as dt

from dateutil.relativedelta import relativedelta

from plt_tracker.synth.history import HISTORY_YEARS, official_row
from plt_tracker.synth.people import NipBook

# Leaving these ways ends the official's service (no longer active).
GONE = {"pensiun", "meninggal", "diberhentikan", "mengundurkan_diri"}


class SynthContext:
    """One pemda's simulation state; `rows` maps a table name to its new rows."""

    def __init__(self, ids, instansi_id, as_of, routes):
        self.ids, self.instansi_id, self.as_of, self.routes = ids, instansi_id, as_of, routes
        self.first_day = as_of - relativedelta(years=HISTORY_YEARS)
        self.nip_book = NipBook()
        self.rows = {}
        self.officials = {}
        self.spans = {}

    def add(self, table, row):
        """Collect a row for `table`."""
        self.rows.setdefault(table, []).append(row)

    def new_official(self, rng, birth, kind, title):
        """Add a new official of the pemda; return its id."""
        row = official_row(self.ids, self.instansi_id, rng, self.nip_book, birth, kind, title)
        self.officials[row["id"]] = row
        self.add("official", row)
        return row["id"]

    def retire(self, official_id, reason, _day):
        """Mark an official who left the service (retired, died, dismissed, resigned)."""
        if reason in GONE:
            self.officials[official_id]["is_active"] = False

    def is_free(self, official_id, first, last):
        """Say whether the official acts nowhere on any day of first..last."""
        return all(last < a or b < first for a, b in self.spans.get(official_id, ()))

    def acting_span(self, official_id, first, last):
        """Remember the days an official acts (one post at a time)."""
        self.spans.setdefault(official_id, []).append((first, last))

    def entered(self, rng, day):
        """Return when a record dated `day` was entered: a few days later, never after as_of."""
        when = min(day + dt.timedelta(days=rng.randint(0, 14)), self.as_of)
        return dt.datetime.combine(when, dt.time(9, 0)) + dt.timedelta(minutes=rng.randint(0, 480))
