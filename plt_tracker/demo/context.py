"""What the demo steps share while they build the kabupaten."""
import itertools
import random
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta

# One seed: the same demo every time it is loaded (only the dates move with today).
SEED = 20250915


@dataclass
class DemoContext:
    """The pemda, today's date and every record the steps made, by key."""

    instansi: object
    today: object
    opds: dict = field(default_factory=dict)
    posts: dict = field(default_factory=dict)
    officials: dict = field(default_factory=dict)
    holders: dict = field(default_factory=dict)
    vacancies: dict = field(default_factory=dict)
    actings: dict = field(default_factory=dict)
    users: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))  # nosec B311  # fictitious demo data, repeatable on purpose
    sequence: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def batch_date(self):
        """Return the day of the pemda's mass extension of Plt letters.

        Lebong extended ten Plt on 5 January 2026; the demo places such a batch
        on the 5th of a month two to six weeks ago.
        """
        day = self.today.replace(day=5)
        return day if self.today.day >= 20 else day - relativedelta(months=1)
