"""Retirement dates from the NIP's birth date and the post kind's retirement age (BUP)."""
import datetime as dt

from plt_tracker.core.dates import add_months
from plt_tracker.flags.text import N_, dmy, message
from plt_tracker.registry.levels import bup_of


def retirement_age(post_kind, thresholds):
    """Return the retirement age (years) of a post kind from the settings."""
    return bup_of(post_kind, thresholds)


def warning_months(post_kind, thresholds):
    """Return how many months ahead a retirement is flagged: permission plus selection of a
    JPT takes 3 to 5 months, so JPT posts are warned earlier."""
    key = ("retirement_warning_months_jpt" if (post_kind or "").startswith("jpt")
           else "retirement_warning_months")
    return int(thresholds[key])


def retirement_date(birth_date, age):
    """Return the 1st of the month after the month in which `age` is reached."""
    year = birth_date.year + age
    month = birth_date.month
    return dt.date(year + (month == 12), month % 12 + 1, 1)


def retirement_flags(holder, ctx, flag_class):
    """Return RETIREMENT_SOON for a holder retiring within the warning months (or overdue)."""
    if holder.birth_date is None:
        return []
    age = retirement_age(holder.post_kind, ctx.thresholds)
    retires = retirement_date(holder.birth_date, age)
    months = warning_months(holder.post_kind, ctx.thresholds)
    horizon = add_months(ctx.as_of, months)
    if retires > horizon:
        return []
    days_left = (retires - ctx.as_of).days
    if days_left >= 0:
        reason = message(N_("%(name)s mencapai BUP %(age)d tahun; pensiun %(retires)s "
                            "(%(days)d hari lagi), jabatan akan kosong."),
                         name=holder.official_name, age=age, retires=dmy(retires), days=days_left)
    else:
        reason = message(N_("%(name)s sudah mencapai BUP %(age)d tahun dan pensiun sejak "
                            "%(retires)s, tetapi masih tercatat sebagai pejabat definitif."),
                         name=holder.official_name, age=age, retires=dmy(retires))
    return [flag_class("RETIREMENT_SOON", "info", reason,
                       message(N_("Siapkan pengisian (izin seleksi/jalur lain) sebelum jabatan "
                                  "kosong, dan tunjuk Plt bila perlu.")),
                       {"official": holder.official_name, "nip": holder.nip,
                        "birth_date": holder.birth_date.isoformat(), "bup": age,
                        "retirement_date": retires.isoformat(), "days_left": days_left,
                        "warning_months": months})]
