"""Ten years of one OPD's posts, simulated: holders, vacancies, acting letters and selections.

Pure functions of a random stream and plain values: they return rows (dicts
keyed by column) with ids from an `Ids` counter, and never touch the database,
so the same seed gives the same rows. Each post alternates between a holder
(who leaves by retirement at the BUP read from the NIP's birth date, or by
transfer, promotion, …) and a vacancy (filled after a few months, some after
years); vacancies get Plt letters with extensions, and filling attempts with
their stage dates. The register's rules hold by construction: one holder or
one vacancy per post at a time, letters inside their vacancy and never
overlapping, an official acting in one post at a time, stages in order.
"""
import datetime as dt
import math

from plt_tracker.core.dates import add_months
from plt_tracker.registry.levels import LEVEL
from plt_tracker.synth.attempts import attempt_rows
from plt_tracker.synth.people import RANKS, birth_for, name_for, retirement_date

DAY = dt.timedelta(days=1)
HISTORY_YEARS = 10
BUP = {"jpt_pratama": 60, "administrator": 58, "pengawas": 58}
# Mean years in post before leaving other than by retirement, by post kind.
TENURE_YEARS = {"jpt_pratama": 4.0, "administrator": 4.5, "pengawas": 5.0}
# Median days a vacancy lasts (log-normal, so some last years), by post kind.
VACANT_MEDIAN_DAYS = {"jpt_pratama": 190, "administrator": 140, "pengawas": 120}
VACANT_SIGMA = 0.9
LEAVE_REASONS = [("mutasi", 45), ("promosi", 35), ("meninggal", 4), ("diberhentikan", 4),
                 ("mengundurkan_diri", 4), ("lainnya", 8)]
# Share of vacancies that get a Plt (Pj for the Sekda), by post kind.
PLT_SHARE = {"jpt_pratama": 0.9, "administrator": 0.8, "pengawas": 0.7}
PLH_BRIDGE_SHARE = 0.12
EXTEND_SHARE = 0.85
RENAME_SHARE = 0.6
END_NOTE = "Pejabat definitif dilantik"


class Ids:
    """Hands out the next id of each table (deterministic: ids are part of the rows)."""

    def __init__(self, start):
        self.next = dict(start)

    def take(self, table):
        value = self.next[table]
        self.next[table] = value + 1
        return value


def simulate_opd(rng, ids, ctx, opd_id, posts):
    """Return the rows of one OPD's posts over the history window.

    `ctx` holds the pemda's values (SynthContext): its id, `as_of`, the
    routes by code, the NIP book and the rows being collected; `posts` are
    (post_id, kind, is_head, is_sekda, title) tuples.
    """
    timelines = {post[0]: _post_timeline(rng, ids, ctx, post) for post in posts}
    holders = {pid: [a for a in t if a["_type"] == "appointment"] for pid, t in timelines.items()}
    vacancies = sorted((v for t in timelines.values() for v in t if v["_type"] == "vacancy"),
                       key=lambda v: (v["start_date"], v["post_id"]))
    busy = {}
    by_id = {post[0]: post for post in posts}
    for vacancy in vacancies:
        post = by_id[vacancy["post_id"]]
        _acting_letters(rng, ids, ctx, vacancy, post, holders, by_id, busy)
        attempt_rows(rng, ids, ctx, vacancy, post)
    for timeline in timelines.values():
        for row in timeline:
            ctx.add(row.pop("_type"), row)


def _post_timeline(rng, ids, ctx, post):
    """Return the post's appointments and vacancies, oldest first (rows tagged with `_type`)."""
    post_id, kind = post[0], post[1]
    as_of, first_day = ctx.as_of, ctx.first_day
    rows = []
    if rng.random() < 0.9:
        since = first_day - dt.timedelta(days=rng.randint(0, int(TENURE_YEARS[kind] * 365)))
        appointment = _appoint(rng, ids, ctx, post, since, birth_on=first_day)
        state = appointment
    else:
        start = first_day - dt.timedelta(days=rng.randint(1, 200))
        state = _vacancy(ids, post_id, start, rng.choice(["lainnya", "mutasi", "opd_baru"]))
    while True:
        rows.append(state)
        if state["_type"] == "appointment":
            leaves = state["start_date"] + dt.timedelta(days=_tenure_days(rng, kind))
            leaves = max(leaves, first_day + dt.timedelta(days=rng.randint(1, 900)))
            retires = state.pop("_retires")
            end, reason = (retires, "pensiun") if retires <= leaves else (leaves, _reason(rng))
            if end > as_of:
                break
            state["end_date"] = end
            ctx.retire(state["official_id"], reason, end)
            state = _vacancy(ids, post_id, end, reason)
        else:
            filled = state["start_date"] + dt.timedelta(days=_vacant_days(rng, kind))
            if filled > as_of:
                break
            appointment = _appoint(rng, ids, ctx, post, filled)
            state["end_date"], state["filled_by_id"] = filled, appointment["id"]
            state = appointment
    _finish_open_keys(rows)
    return rows


def _tenure_days(rng, kind):
    return int(365 * (1 + rng.expovariate(1 / (TENURE_YEARS[kind] - 1))))


def _vacant_days(rng, kind):
    return max(7, int(rng.lognormvariate(math.log(VACANT_MEDIAN_DAYS[kind]), VACANT_SIGMA)))


def _reason(rng):
    codes, weights = zip(*LEAVE_REASONS)
    return rng.choices(codes, weights)[0]


def _appoint(rng, ids, ctx, post, start, birth_on=None):
    """Return an appointment of a new official from `start` (the official's row is added)."""
    post_id, kind = post[0], post[1]
    birth = birth_for(rng, kind, birth_on or start)
    official_id = ctx.new_official(rng, birth, kind, None)
    sk_date = start - dt.timedelta(days=rng.randint(1, 10))
    return {"_type": "appointment", "_retires": retirement_date(birth, BUP[kind]),
            "id": ids.take("appointment"), "post_id": post_id, "official_id": official_id,
            "sk_number": f"821.2/{rng.randint(100, 999)}/BKPSDM/{sk_date.year}",
            "sk_date": sk_date, "start_date": start, "end_date": None,
            "minister_approval_number": None, "minister_approval_date": None,
            "created_at": ctx.entered(rng, start), "voided_at": None, "void_reason": None,
            "version": 1}


def _vacancy(ids, post_id, start, reason):
    return {"_type": "vacancy", "id": ids.take("vacancy"), "post_id": post_id,
            "start_date": start, "reason": reason, "reason_note": None, "end_date": None,
            "filled_by_id": None, "voided_at": None, "void_reason": None, "version": 1}


def _finish_open_keys(rows):
    """Fill the open keys the database checks: set while a holding or vacancy is open."""
    for row in rows:
        is_open = row["end_date"] is None
        row["open_post_id"] = row["post_id"] if is_open else None
        if row["_type"] == "appointment":
            row["open_official_id"] = row["official_id"] if is_open else None


def _acting_letters(rng, ids, ctx, vacancy, post, holders, posts, busy):
    """Add the Plh/Plt (Pj for the Sekda) letters covering one vacancy, with extensions."""
    kind, is_sekda = post[1], post[3]
    start, filled = vacancy["start_date"], vacancy["end_date"]
    last_day = min(filled - DAY if filled else ctx.as_of, ctx.as_of)
    if rng.random() >= PLT_SHARE[kind]:
        return
    day = start
    if rng.random() < PLH_BRIDGE_SHARE:
        plh_end = day + dt.timedelta(days=rng.randint(5, 25))
        official = _acting_official(rng, ctx, post, holders, posts, busy, day, plh_end)
        _letter(rng, ids, ctx, vacancy, "plh", official, day, plh_end, filled, extend=False)
        day = plh_end + DAY
    else:
        day += dt.timedelta(days=rng.randint(0, 30) if rng.random() < 0.9 else
                            rng.randint(31, 150))
    acting_kind = "pj" if is_sekda else "plt"
    while day <= last_day:
        planned = add_months(day, 3) - DAY
        official = _acting_official(rng, ctx, post, holders, posts, busy, day,
                                    add_months(day, 6))
        served = _letter(rng, ids, ctx, vacancy, acting_kind, official, day, planned, filled,
                         extend=True)
        if served >= last_day or rng.random() >= RENAME_SHARE:
            break
        day = served + dt.timedelta(days=rng.randint(5, 60))


def _letter(rng, ids, ctx, vacancy, kind, official_id, start, end, filled, *, extend):
    """Add one letter and its extensions; return the last day it covers."""
    letter_date = start - dt.timedelta(days=rng.randint(0, 5))
    row = {"id": ids.take("acting_assignment"), "post_id": vacancy["post_id"],
           "vacancy_id": vacancy["id"], "official_id": official_id, "kind": kind,
           "letter_number": f"800.1.3/{rng.randint(100, 999)}/BKPSDM/{letter_date.year}",
           "letter_date": letter_date, "start_date": start, "end_date": end, "ended_on": None,
           "end_note": None, "governor_approval_number": None, "governor_approval_date": None,
           "created_at": ctx.entered(rng, letter_date), "voided_at": None, "void_reason": None,
           "version": 1}
    if kind == "pj":
        row["governor_approval_number"] = f"100.2.2/{rng.randint(100, 999)}/GUB"
        row["governor_approval_date"] = letter_date - dt.timedelta(days=rng.randint(1, 7))
    ctx.add("acting_assignment", row)
    covered = end
    limit = filled - DAY if filled else ctx.as_of
    while extend and covered < limit and rng.random() < EXTEND_SHARE:
        signed = covered - dt.timedelta(days=rng.randint(0, 10))
        if signed > ctx.as_of:
            break
        covered = add_months(covered + DAY, 3) - DAY
        ctx.add("acting_extension", {
            "id": ids.take("acting_extension"), "assignment_id": row["id"],
            "letter_number": f"800.1.3/{rng.randint(100, 999)}/BKPSDM/{signed.year}",
            "letter_date": signed, "end_date": covered, "note": None,
            "created_at": ctx.entered(rng, signed), "voided_at": None, "void_reason": None,
            "version": 1})
    if filled is not None and covered >= filled:
        row["ended_on"], row["end_note"] = filled - DAY, END_NOTE
        covered = filled - DAY
    ctx.acting_span(official_id, start, covered)
    return covered


def _acting_official(rng, ctx, post, holders, posts, busy, first, last):
    """Pick who acts: a holder in the same OPD of the same level or one below, free on those
    days; else an official from outside the OPD's tracked posts."""
    level = LEVEL[post[1]]
    candidates = []
    for other_id, appointments in holders.items():
        if other_id == post[0] or LEVEL[posts[other_id][1]] not in (level, level - 1):
            continue
        for a in appointments:
            ends = a["end_date"] or dt.date.max
            if a["start_date"] <= first < ends and ctx.is_free(a["official_id"], first, last):
                candidates.append((LEVEL[posts[other_id][1]] == level - 1, a["official_id"]))
    if candidates:
        # One level below first (the usual Plt: a sekretaris for the kepala dinas).
        best = max(c[0] for c in candidates)
        return rng.choice([c[1] for c in candidates if c[0] == best])
    own_kind = {"jpt_pratama": "administrator", "administrator": "administrator",
                "pengawas": "fungsional_madya"}[post[1]]
    title = {"administrator": "Kepala Bagian pada Sekretariat Daerah",
             "fungsional_madya": "Analis Kebijakan Ahli Madya"}[own_kind]
    birth = birth_for(rng, own_kind, first)
    return ctx.new_official(rng, birth, own_kind, title)


def official_row(ids, instansi_id, rng, nip_book, birth, kind, title):
    """Return a new official's row (its NIP carries the birth date)."""
    nip, gender = nip_book.issue(rng, birth)
    return {"id": ids.take("official"), "instansi_id": instansi_id, "nip": nip,
            "nip_kind": "pns", "name": name_for(rng, gender), "rank": RANKS.get(kind),
            "birth_date": birth, "gender": gender, "position_title": title, "post_kind": kind,
            "is_active": True, "version": 1}
