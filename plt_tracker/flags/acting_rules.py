"""The rules about who acts in a vacant post, and for how long (sources in docs/domain.md).

PLT_OVER_LIMIT    one official's Plt/Plh days in one vacancy, over all letters, past the limit
PLH_OVER_LIMIT    a Plh bridging a vacant post too long (the Sekda's: in working days)
SEKDA_GOVERNOR    the Sekda's post vacant past the months after which the governor names the Pj
ACTING_INELIGIBLE the acting official's own post is not of the level the rule allows, or PPPK
ACTING_RETIRES    the acting official reaches retirement age on or before the letter's end
"""
from plt_tracker.core.dates import add_months
from plt_tracker.flags.flag import Flag, acting_state, days_in, served_spans, workdays_in
from plt_tracker.flags.retirement import retirement_date
from plt_tracker.flags.text import N_, dmy, message
from plt_tracker.registry.levels import bup_of, may_act
from plt_tracker.registry.models import OFFICIAL_KINDS, POST_KINDS
from plt_tracker.vacancies import rules

# Days counting toward the acting limit: a Plh acting in a vacancy counts like a Plt.
COUNTED_KINDS = ("plt", "plh")


def plt_over_limit(vacancy, ctx):
    """PLT_OVER_LIMIT: one person's acting days in this vacancy past `plt_limit_months`.

    Counted per official over all their letters and extensions, whether
    consecutive or separated by another official's letter (naming someone else
    for a day does not reset the count). The limit runs from the person's first
    acting day: 3 + 3 months from 1 January end on 30 June, which is allowed.
    """
    months = int(ctx.thresholds["plt_limit_months"])
    worst = None
    for official_id in {a.official_id for a in vacancy.actings if a.kind in COUNTED_KINDS}:
        mine = [a for a in vacancy.actings if a.official_id == official_id
                and a.kind in COUNTED_KINDS]
        spans = served_spans(mine, ctx.as_of)
        if not spans:
            continue
        first = spans[0][0]
        limit_days = (add_months(first, months) - first).days
        served = days_in(spans)
        if served > limit_days and (worst is None or served - limit_days > worst[0]):
            worst = (served - limit_days, mine[0].official_name, served, limit_days, first)
    if worst is None:
        return []
    _, name, served, limit_days, first = worst
    return [Flag("PLT_OVER_LIMIT", "critical",
                 message(N_("%(name)s sudah %(days)d hari menjadi pelaksana di jabatan ini sejak "
                            "%(first)s (semua surat dan perpanjangan), melebihi batas %(months)d "
                            "bulan (%(limit)d hari)."),
                         name=name, days=served, first=dmy(first), months=months,
                         limit=limit_days),
                 message(N_("Segera isi definitif; Plt hanya 3 bulan dan dapat diperpanjang "
                            "sekali 3 bulan, dihitung per orang (SE BKN 1/SE/I/2021).")),
                 {"acting_name": name, "days_person": served, "limit_days": limit_days,
                  "limit_months": months, "first_acting_day": first.isoformat()})]


def plh_over_limit(vacancy, ctx):
    """PLH_OVER_LIMIT: a Plh covers a vacant post past `plh_max_days` calendar days, or the
    Sekda's post past `plh_sekda_max_workdays` working days (holidays and cuti bersama off)."""
    spans = served_spans([a for a in vacancy.actings if a.kind == "plh"], ctx.as_of)
    if not spans:
        return []
    if vacancy.is_sekda:
        limit = int(ctx.thresholds["plh_sekda_max_workdays"])
        used, unit = workdays_in(spans, ctx.holidays), N_("hari kerja")
        source = message(N_("Perpres 3/2018: Plh Sekda hanya untuk berhalangan kurang dari 15 "
                            "hari kerja"))
    else:
        limit = int(ctx.thresholds["plh_max_days"])
        used, unit = days_in(spans), N_("hari")
        source = message(N_("UU 30/2014 Pasal 14: jabatan yang kosong diisi Plt, Plh hanya "
                            "sementara"))
    if used <= limit:
        return []
    return [Flag("PLH_OVER_LIMIT", "warning",
                 message(N_("Jabatan kosong ini sudah %(used)d %(unit)s dijabat Plh, melebihi "
                            "%(limit)d %(unit)s."),
                         used=used, limit=limit, unit=message(unit)),
                 message(N_("Tunjuk Plt (atau Pj Sekda) dengan surat perintah PPK (%(source)s)."),
                         source=source),
                 {"plh_days": used, "limit": limit, "unit": unit,
                  "first_plh_day": spans[0][0].isoformat()})]


def sekda_governor(vacancy, ctx):
    """SEKDA_GOVERNOR: the Sekda's post vacant past `sekda_governor_months` (Permendagri 91/2019)."""
    if not vacancy.is_sekda:
        return []
    months = int(ctx.thresholds["sekda_governor_months"])
    limit_days = (add_months(vacancy.start_date, months) - vacancy.start_date).days
    days = rules.days_vacant(vacancy.start_date, ctx.as_of)
    if days <= limit_days:
        return []
    return [Flag("SEKDA_GOVERNOR", "critical",
                 message(N_("Jabatan Sekda kosong %(days)d hari, lebih dari %(months)d bulan "
                            "(%(limit)d hari) tanpa Sekda definitif: gubernur berwenang menunjuk "
                            "Pj Sekda."), days=days, months=months, limit=limit_days),
                 message(N_("Koordinasikan dengan gubernur dan segera tetapkan Sekda definitif "
                            "(Perpres 3/2018; Permendagri 91/2019).")),
                 {"days_vacant": days, "limit_days": limit_days, "limit_months": months})]


def acting_ineligible(vacancy, ctx):
    """ACTING_INELIGIBLE: an active acting official whose own post may not act in this one."""
    flags = []
    for acting in vacancy.actings:
        if acting_state(acting, ctx.as_of)[0] != "active" or acting.kind == "pj":
            continue
        allowed, why = may_act(acting.own_kind, vacancy.post_kind, is_pppk=acting.is_pppk)
        if allowed or why == "unknown":
            continue
        own = "PPPK" if why == "pppk" else str(OFFICIAL_KINDS.get(acting.own_kind,
                                                                  acting.own_kind))
        post = str(POST_KINDS.get(vacancy.post_kind, vacancy.post_kind))
        flags.append(Flag("ACTING_INELIGIBLE", "warning",
                          message(N_("%(name)s (%(own)s) tidak setingkat atau satu tingkat di "
                                     "bawah jabatan %(post)s ini."),
                                  name=acting.official_name, own=own, post=post),
                          message(N_("Tunjuk pelaksana yang jabatannya setingkat atau satu "
                                     "tingkat di bawah (SE BKN 1/SE/I/2021).")),
                          {"acting_name": acting.official_name, "own_kind": acting.own_kind,
                           "post_kind": vacancy.post_kind, "why": why}))
    return flags[:1]


def acting_retires(vacancy, ctx):
    """ACTING_RETIRES: an active or coming letter's official reaches the BUP on or before its end.

    Their service, and so the letter, ends with retirement (the 1st of the next month).
    """
    for acting in vacancy.actings:
        status, until = acting_state(acting, ctx.as_of)
        if status not in ("active", "future") or acting.birth_date is None:
            continue
        age = bup_of(acting.own_kind, ctx.thresholds)
        reaches = birthday(acting.birth_date, age)
        if reaches <= until:
            retires = retirement_date(acting.birth_date, age)
            return [Flag("ACTING_RETIRES", "warning",
                         message(N_("%(name)s mencapai BUP %(age)d tahun pada %(reaches)s, "
                                    "sebelum surat %(kind)s berakhir %(until)s; tugasnya berakhir "
                                    "dengan pensiun %(retires)s."),
                                 name=acting.official_name, age=age, reaches=dmy(reaches),
                                 kind=acting.kind.capitalize(), until=dmy(until),
                                 retires=dmy(retires)),
                         message(N_("Siapkan pelaksana pengganti sebelum tanggal pensiun.")),
                         {"acting_name": acting.official_name, "bup": age,
                          "reaches_bup": reaches.isoformat(),
                          "retirement_date": retires.isoformat(),
                          "acting_until": until.isoformat()})]
    return []


def birthday(birth_date, age):
    """Return the day someone born on `birth_date` turns `age` (29 February: 28 February)."""
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return birth_date.replace(year=birth_date.year + age, day=28)
