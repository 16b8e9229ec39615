"""Steps that build the demo register through the real operations.

Every post first gets a definitive holder; then some posts fall vacant, get a
Plt or Plh (with extensions, some expired, some never named) and some are
filled again, so that the vacancy list and every history page have content.
"""
import datetime as dt

from dateutil.relativedelta import relativedelta

from plt_tracker.demo.data import (APPROVED_REFILLS, BIDANG, PLH_FILLED, POSTS, REFILLED, RETIRING,
                                   VACANT)
from plt_tracker.demo.people import add_official, birth_reaching, birth_turning
from plt_tracker.demo.selection import in_a_window
from plt_tracker.registry import operations as registry
from plt_tracker.selection import operations as selection
from plt_tracker.vacancies import operations as vacancies

DAY = dt.timedelta(days=1)
_UNITS = {key: unit for key, *_, unit in POSTS}
_KINDS = {key: kind for key, _, _, _, kind, _, _ in POSTS}


def create_posts(ctx):
    """Create the OPDs of the kabupaten and their head posts."""
    for key, opd_name, opd_kind, title, kind, eselon, _unit in POSTS:
        opd = ctx.opds.get(opd_name)
        if opd is None:
            opd = ctx.opds[opd_name] = registry.create_opd(ctx.instansi.id, opd_name, opd_kind)
        ctx.posts[key] = registry.create_post(opd, title, kind, eselon)


def appoint_holders(ctx):
    """Give every post a definitive holder; the posts that fall vacant later lose theirs."""
    plans = vacancy_plans(ctx)
    for key, post in ctx.posts.items():
        bup = 60 if _KINDS[key].startswith("jpt") else 58
        birth = None
        if key in RETIRING:
            retires = (ctx.today + relativedelta(months=RETIRING[key])).replace(day=1)
            birth = birth_reaching(bup, retires)
        vacant_since = plans.get(key, {}).get("start")
        if vacant_since and plans[key]["reason"] == "pensiun":
            birth = birth_reaching(bup, vacant_since)
        since = (vacant_since or ctx.today) - dt.timedelta(days=ctx.rng.randint(200, 1800))
        official = add_official(ctx, f"holder:{key}", birth=birth, post_kind=_KINDS[key])
        # A pemda that appointed inside an election window asked the Minister first.
        approval = _approval(ctx, since - 13 * DAY) if in_a_window(since - 3 * DAY,
                                                                     ctx.today) else {}
        ctx.holders[key] = registry.set_holder(post, official, start_date=since,
                                               sk_number=_sk(ctx, since), sk_date=since - 3 * DAY,
                                               **approval)


def refill_posts(ctx):
    """Open, cover and fill the vacancies that ended during the past year."""
    for key, reason, since, plt_after, filled, plt_promoted in REFILLED:
        post, start = ctx.posts[key], ctx.today - dt.timedelta(days=since)
        vacancy = vacancies.open_vacancy(post, start, reason, today=ctx.today)
        fill_day = ctx.today - dt.timedelta(days=filled)
        acting = None
        if plt_after is not None:
            acting_start = start + dt.timedelta(days=plt_after)
            ends = [acting_start + relativedelta(months=3) - DAY]
            while ends[-1] < fill_day:
                ends.append(ends[-1] + relativedelta(months=3))
            acting = _name(ctx, key, post, vacancy, "plt", "sekretaris", acting_start, ends)
        if plt_promoted and acting is not None:
            official = acting.official
            registry.update_official(official, nip=official.nip, name=official.name,
                                     position_title=None)
        else:
            official = add_official(ctx, f"new:{key}")
        approval = {}
        if key in APPROVED_REFILLS:
            approval = _approval(ctx, fill_day - (5 + APPROVED_REFILLS[key]) * DAY)
        ctx.holders[key] = selection.fill_vacancy(vacancy, official, fill_day, today=ctx.today,
                                                  sk_number=_sk(ctx, fill_day),
                                                  sk_date=fill_day - 5 * DAY, **approval)
        ctx.vacancies[key] = vacancy


def open_vacancies(ctx):
    """Open today's vacancies: most with a Plt, some with a Plh, some with nobody."""
    for key, plan in vacancy_plans(ctx).items():
        post = ctx.posts[key]
        vacancy = vacancies.open_vacancy(post, plan["start"], plan["reason"], today=ctx.today)
        ctx.vacancies[key] = vacancy
        spec = plan["acting"]
        if spec:
            _name(ctx, key, post, vacancy, spec["kind"], spec["who"], plan["acting_start"],
                  plan["ends"], signed=plan["signed"], retires_in=spec.get("retires_in"))


def name_plh_on_filled_posts(ctx):
    """Name a Plh for a filled post whose holder is temporarily away."""
    for key, note, start, end in PLH_FILLED:
        post = ctx.posts[key]
        first, last = ctx.today + dt.timedelta(days=start), ctx.today + dt.timedelta(days=end)
        official = _acting_official(ctx, key, "sekretaris")
        ctx.actings[key] = vacancies.name_acting(
            post, official, "plh", first, last, today=ctx.today,
            letter_number=_letter(ctx, first, "Plh"), letter_date=first - DAY)
        ctx.notes.append(f"Plh {post.title}: {note}")


def vacancy_plans(ctx):
    """Work out each vacancy's dates backwards from where its letters end today."""
    plans = {}
    for key, reason, spec in VACANT:
        plan = {"reason": reason, "acting": None if "start" in spec else spec}
        if "start" in spec:
            plan["start"] = ctx.today - dt.timedelta(days=spec["start"])
        else:
            plan.update(_letter_chain(spec, ctx.today, ctx.batch_date))
        plans[key] = plan
    return plans


def _letter_chain(spec, today, batch):
    """Return the acting start, each letter's end and each extension's signing day."""
    term = relativedelta(months=spec.get("months", 3))
    count = spec["ext"]
    if spec.get("batch"):
        # The letter before the mass extension had already run out: signed late.
        ends = [batch - dt.timedelta(days=10)]
        for _ in range(count - 1):
            ends.insert(0, ends[0] - term)
        ends.append(batch + term - DAY)
    else:
        ends = [today + dt.timedelta(days=spec["end"])]
        for _ in range(count):
            ends.insert(0, ends[0] - term)
    signed = [ends[i] - dt.timedelta(days=5) for i in range(count)]
    if spec.get("batch"):
        signed[-1] = batch
    acting_start = ends[0] - term + DAY
    return {"acting_start": acting_start, "ends": ends, "signed": signed,
            "start": acting_start - dt.timedelta(days=spec["delay"])}


def _name(ctx, key, post, vacancy, kind, who, start, ends, signed=None, retires_in=None):
    """Name the acting official by letter and add each extension letter."""
    official = _acting_official(ctx, key, who, retires_in)
    letter_date = max(vacancy.start_date, start - DAY)
    governor = ({"governor_approval_number": f"800.1.3/{next(ctx.sequence):03d}/GUB/{start.year}",
                 "governor_approval_date": letter_date - 2 * DAY} if kind == "pj" else {})
    acting = vacancies.name_acting(
        post, official, kind, start, ends[0], today=ctx.today, vacancy=vacancy,
        letter_number=_letter(ctx, start, kind.capitalize()), letter_date=letter_date, **governor)
    signed = signed or [end - dt.timedelta(days=5) for end in ends[:-1]]
    for end, letter_day in zip(ends[1:], signed):
        vacancies.extend_acting(acting, end, today=ctx.today, letter_date=letter_day,
                                letter_number=_letter(ctx, letter_day, "Perpanjangan"))
    ctx.actings[key] = acting
    return acting


def _acting_official(ctx, key, who, retires_in=None):
    """Return who acts: a serving holder, or the sekretaris/kabid/kasi of the same OPD.

    `retires_in`: the official reaches the BUP of an administrator (58) that many days
    from today.
    """
    if who.startswith("holder:"):
        return ctx.holders[who.split(":", 1)[1]].official
    unit, kind = _UNITS[key], "administrator"
    if unit == "Setda":
        title = f"Kepala Bagian {ctx.rng.choice(['Pemerintahan', 'Perekonomian', 'Hukum'])} Setda"
    elif who == "kabid":
        title = f"Kepala Bidang {ctx.rng.choice(BIDANG)} {unit}"
    elif who == "kasi":
        title, kind = f"Kepala Seksi {ctx.rng.choice(BIDANG)} {unit}", "pengawas"
    else:
        title = f"Sekretaris {unit}"
    birth = birth_turning(58, ctx.today + dt.timedelta(days=retires_in)) if retires_in else None
    return add_official(ctx, f"{who}:{key}", position_title=title, post_kind=kind, birth=birth)


def _approval(ctx, day):
    return {"minister_approval_number": f"100.2.2.6/{next(ctx.sequence):04d}/OTDA",
            "minister_approval_date": day}


def _letter(ctx, day, kind):
    number = next(ctx.sequence)
    return f"800.1.3/{number:03d}/{kind}/BKPSDM/{day.year}"


def _sk(ctx, day):
    return f"821.2/{next(ctx.sequence):03d}/KEP/BUP/{day.year}"
