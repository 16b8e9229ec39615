"""Fictitious officials: titled names, ranks, birth dates for an age, and valid NIPs."""
import datetime as dt

from dateutil.relativedelta import relativedelta

from plt_tracker.demo.data import DEGREES, FAMILY, FEMALE, MALE, PREFIXES

# A usual rank (pangkat/golongan) for each post kind.
RANKS = {"jpt_pratama": "Pembina Utama Muda (IV/c)", "administrator": "Pembina (IV/a)",
         "pengawas": "Penata Tingkat I (III/d)", "fungsional_madya": "Pembina (IV/a)"}
# Ages at appointment to a post of each kind: old enough for it, short of its BUP.
AGES = {"jpt_pratama": (44, 56), "administrator": (36, 53), "pengawas": (30, 52),
        "fungsional_madya": (40, 54)}


def name_for(rng, gender):
    """Return a titled, clearly fictitious name, e.g. "Drs. Ahmad Fiktif, M.Si."."""
    given = rng.choice(MALE if gender == "1" else FEMALE)
    prefix = rng.choice(PREFIXES)
    if gender == "2":
        prefix = {"Drs. ": "Dra. ", "H. ": "Hj. "}.get(prefix, prefix)
    return f"{prefix}{given} {rng.choice(FAMILY)}{rng.choice(DEGREES)}"


def birth_for(rng, kind, on):
    """Return a birth date that makes an official of `kind` a plausible age on `on`."""
    low, high = AGES.get(kind, (35, 52))
    youngest = on - relativedelta(years=low)
    return youngest - dt.timedelta(days=rng.randint(0, (high - low) * 365))


def retirement_date(birth, bup):
    """Return the 1st of the month after the month the official reaches `bup` (PP 11/2017)."""
    reached = birth + relativedelta(years=bup)
    return (reached.replace(day=1) + relativedelta(months=1))


class NipBook:
    """Hands out NIPs unique within one pemda: birth date, TMT CPNS, gender, sequence."""

    def __init__(self):
        self.taken, self.sequence = set(), 0

    def issue(self, rng, birth):
        """Return (nip, gender) for an official born on `birth`."""
        gender = rng.choice("1112")
        tmt = birth + relativedelta(years=rng.randint(22, 28), months=rng.randint(0, 11))
        while True:
            self.sequence += 1
            nip = f"{birth:%Y%m%d}{tmt:%Y%m}{gender}{self.sequence % 1000:03d}"
            if nip not in self.taken:
                self.taken.add(nip)
                return nip, gender
