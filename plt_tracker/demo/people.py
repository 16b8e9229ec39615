"""Fictitious officials for the demo: plausible titled names and valid NIPs."""
import datetime as dt

from dateutil.relativedelta import relativedelta

from plt_tracker.demo.data import DEGREES, FAMILY, FEMALE, MALE, PREFIXES
from plt_tracker.registry import operations as registry


def make_name(rng, gender):
    """Return a titled, clearly fictitious name, e.g. "Drs. Ahmad Fiktif, M.Si."."""
    given = rng.choice(MALE if gender == "1" else FEMALE)
    prefix = rng.choice(PREFIXES)
    if gender == "2":
        prefix = {"Drs. ": "Dra. ", "H. ": "Hj. "}.get(prefix, prefix)
    return f"{prefix}{given} {rng.choice(FAMILY)}{rng.choice(DEGREES)}"


def make_nip(rng, seq, birth):
    """Return a valid NIP: birth date, TMT CPNS 22–28 years later, gender, sequence."""
    tmt = birth + relativedelta(years=rng.randint(22, 28), months=rng.randint(0, 11))
    gender = rng.choice("1112")
    return f"{birth:%Y%m%d}{tmt:%Y%m}{gender}{seq % 1000:03d}", gender


# Ages of officials with no planned retirement: old enough for the post, and more than a year
# short of the lowest retirement age (58), so nobody in office is already past it.
MIN_AGE, MAX_AGE = 38, 56


def random_birth(rng, today):
    """Return a birth date that makes an official 38 to 56 years old on `today`."""
    youngest = today - relativedelta(years=MIN_AGE)
    span = (youngest - (today - relativedelta(years=MAX_AGE + 1))).days - 1
    return youngest - dt.timedelta(days=rng.randint(0, span))


def birth_turning(age, day):
    """Return a birth date at which `age` is reached on `day`."""
    return day - relativedelta(years=age)


def birth_reaching(age, month_start):
    """Return a birth date at which `age` is reached in the month before `month_start`.

    Retirement takes effect on the 1st of the month after the birthday month, so
    an official born then retires on `month_start`.
    """
    month = month_start.replace(day=1) - relativedelta(months=1)
    return month.replace(day=10) - relativedelta(years=age)


def add_official(ctx, key, *, birth=None, position_title=None, post_kind=None):
    """Create a fictitious official through the real operation and remember it by key."""
    birth = birth or random_birth(ctx.rng, ctx.today)
    nip, gender = make_nip(ctx.rng, next(ctx.sequence), birth)
    official = registry.create_official(ctx.instansi.id, nip, make_name(ctx.rng, gender),
                                        position_title=position_title, post_kind=post_kind)
    ctx.officials[key] = official
    return official
