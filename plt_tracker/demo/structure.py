"""The other structural posts of three OPDs: sekretaris, kepala bidang and kepala subbagian.

A kabupaten's register holds every structural post (300–400), not only the heads;
the demo shows what that looks like for three OPDs, with a few of those posts
vacant: one with a kepala subbagian as Plt on top of their own post, one with a
kepala bidang as Plt, one long vacant with nobody.
"""
import datetime as dt
import random

from dateutil.relativedelta import relativedelta

from plt_tracker.demo.context import SEED
from plt_tracker.demo.people import add_official
from plt_tracker.registry import operations as registry
from plt_tracker.vacancies import operations as vacancies

DAY = dt.timedelta(days=1)
# (OPD key in data.POSTS, the unit's short name, its bidang)
UNITS = [
    ("bpkd", "BPKD", ["Anggaran", "Perbendaharaan", "Akuntansi", "Aset"]),
    ("pupr", "Dinas PUPR", ["Bina Marga", "Sumber Daya Air", "Cipta Karya", "Penataan Ruang"]),
    ("koperindag", "Dinas Koperindag", ["Koperasi dan UKM", "Perdagangan", "Perindustrian"]),
]
# Vacant today: (post key, reason, days vacant, Plt: the key of the post whose holder acts,
# or None; days from the vacancy to the Plt letter).
VACANT = [
    ("pupr:bidang:Bina Marga", "pensiun", 240, "pupr:kasubbag_umum", 6),
    ("bpkd:sekretaris", "promosi", 75, "bpkd:bidang:Anggaran", 3),
    ("koperindag:bidang:Perdagangan", "mutasi", 430, None, None),
]


def add_other_posts(ctx):
    """Create the posts with their holders, then open the vacancies."""
    # A random stream of its own, so the steps after this one draw what they drew before.
    saved, ctx.rng = ctx.rng, random.Random(SEED + 1)  # nosec B311  # repeatable fictitious data
    try:
        _add(ctx, ctx.rng)
    finally:
        ctx.rng = saved


def _add(ctx, rng):
    for key, unit, bidang in UNITS:
        opd = ctx.posts[key].opd
        posts = [(f"{key}:sekretaris", f"Sekretaris {unit}", "administrator", "III.a"),
                 (f"{key}:kasubbag_umum", f"Kepala Subbagian Umum dan Kepegawaian {unit}",
                  "pengawas", "IV.a"),
                 (f"{key}:kasubbag_keuangan", f"Kepala Subbagian Perencanaan dan Keuangan {unit}",
                  "pengawas", "IV.a")]
        posts += [(f"{key}:bidang:{name}", f"Kepala Bidang {name} {unit}", "administrator",
                   "III.b") for name in bidang]
        for post_key, title, kind, eselon in posts:
            post = registry.create_post(opd, title, kind, eselon, is_head=False)
            ctx.posts[post_key] = post
            official = add_official(ctx, f"holder:{post_key}", post_kind=kind)
            since = _vacated(post_key, ctx.today) or ctx.today
            start = since - dt.timedelta(days=rng.randint(300, 2000))
            ctx.holders[post_key] = registry.set_holder(
                post, official, start_date=start, sk_number=_sk(ctx, start),
                sk_date=start - 3 * DAY)
    for post_key, reason, days, acting_key, delay in VACANT:
        _open(ctx, post_key, reason, ctx.today - dt.timedelta(days=days), acting_key, delay)


def _vacated(post_key, today):
    for key, _reason, days, _acting, _delay in VACANT:
        if key == post_key:
            return today - dt.timedelta(days=days)
    return None


def _open(ctx, post_key, reason, start, acting_key, delay):
    post = ctx.posts[post_key]
    vacancy = vacancies.open_vacancy(post, start, reason, today=ctx.today)
    ctx.vacancies[post_key] = vacancy
    if acting_key is None:
        return
    official = ctx.holders[acting_key].official
    first = start + dt.timedelta(days=delay)
    ends = [first + relativedelta(months=3) - DAY]
    while ends[-1] < ctx.today:
        ends.append(ends[-1] + relativedelta(months=3))
    acting = vacancies.name_acting(post, official, "plt", first, ends[0], today=ctx.today,
                                   vacancy=vacancy, letter_number=_letter(ctx, first, "Plt"),
                                   letter_date=first - DAY)
    for end in ends[1:]:
        signed = end - relativedelta(months=3) - 5 * DAY
        vacancies.extend_acting(acting, end, today=ctx.today, letter_date=signed,
                                letter_number=_letter(ctx, signed, "Perpanjangan"))
    ctx.actings[post_key] = acting


def _letter(ctx, day, kind):
    return f"800.1.3/{next(ctx.sequence):03d}/{kind}/BKPSDM/{day.year}"


def _sk(ctx, day):
    return f"821.2/{next(ctx.sequence):03d}/KEP/BUP/{day.year}"
