"""Filling attempts of a simulated vacancy and their stage dates (pure, like `history`).

A filled vacancy mostly ends with a completed attempt whose last stage (the
inauguration) finishes on the day the new holder takes office; some had a
failed attempt first (too few applicants). An open vacancy may have an
attempt under way, its current stage started but not finished, sometimes
stalled well past the stage's expected days; the rest have no process yet.
"""
import datetime as dt

DAY = dt.timedelta(days=1)
# Routes for a post: the Sekda's own, else by kind; weights of the JPT routes.
JPT_ROUTES = [("seleksi_terbuka", 70), ("job_fit", 20), ("manajemen_talenta", 10)]
COMPLETED_SHARE = 0.9
FAILED_FIRST_SHARE = {"jpt_pratama": 0.15, "administrator": 0.04, "pengawas": 0.03}
RUNNING_SHARE = 0.7
STALL_SHARE = 0.2
# A selection may start before a known retirement (up to the setting's 12 months).
EARLY_START_SHARE = 0.4


def route_for(rng, routes, post):
    """Return (route_id, stages) for the post: the Sekda's route, a JPT route, or the
    administrator/pengawas route."""
    if post[3] and "seleksi_terbuka_sekda" in routes:
        return routes["seleksi_terbuka_sekda"]
    if post[1] in ("jpt_pratama", "jpt_madya"):
        codes, weights = zip(*[(c, w) for c, w in JPT_ROUTES if c in routes])
        return routes[rng.choices(codes, weights)[0]]
    return routes["administrator"]


def attempt_rows(rng, ids, ctx, vacancy, post):
    """Add the attempts (and stage records) of one vacancy to the context's rows."""
    route_id, stages = route_for(rng, ctx.routes, post)
    start, filled = vacancy["start_date"], vacancy["end_date"]
    earliest = start
    if vacancy["reason"] == "pensiun" and rng.random() < EARLY_START_SHARE:
        earliest = start - dt.timedelta(days=rng.randint(10, 150))
    if filled is None:
        _open_attempts(rng, ids, ctx, vacancy, post, route_id, stages, earliest)
        return
    if rng.random() >= COMPLETED_SHARE:
        return  # filled directly (an appointment recorded without its process)
    lower = earliest
    if rng.random() < FAILED_FIRST_SHARE[post[1]]:
        failed_end = _failed(rng, ids, ctx, vacancy, route_id, stages, earliest, filled)
        if failed_end is not None:
            lower = failed_end
    durations = [_days(rng, s) for s in stages]
    begin = max(filled - dt.timedelta(days=sum(durations)), lower)
    attempt = _attempt(ids, ctx, vacancy, route_id, begin, "completed", filled, None)
    _records(rng, ids, ctx, attempt, stages, durations, begin, filled)


def _open_attempts(rng, ids, ctx, vacancy, post, route_id, stages, earliest):
    """An attempt under way on `as_of` (or none yet), maybe after a failed one."""
    delay = rng.randint(10, 120)
    begin = max(earliest + dt.timedelta(days=delay), earliest)
    if begin > ctx.as_of or rng.random() >= RUNNING_SHARE:
        return
    if rng.random() < FAILED_FIRST_SHARE[post[1]] * 2:
        failed_end = _failed(rng, ids, ctx, vacancy, route_id, stages, begin, ctx.as_of)
        if failed_end is not None:
            begin = failed_end + dt.timedelta(days=rng.randint(0, 30))
            if begin > ctx.as_of:
                return
    attempt = _attempt(ids, ctx, vacancy, route_id, begin, "in_progress", None, None)
    day = begin
    for stage in stages:
        if stage[4] or day > ctx.as_of:
            # Never reaches the inauguration: that would end the vacancy.
            break
        days = _days(rng, stage) * (3 if rng.random() < STALL_SHARE else 1)
        finished = day + dt.timedelta(days=days)
        done = finished <= ctx.as_of
        _record(rng, ids, ctx, attempt, stage, day, finished if done else None)
        if not done:
            break
        day = finished + dt.timedelta(days=rng.randint(0, 3))


def _failed(rng, ids, ctx, vacancy, route_id, stages, begin, limit):
    """Add an attempt that failed at registration (or its first stages); return its end."""
    upto = next((i for i, s in enumerate(stages) if s[3] == "registration"), 1)
    durations = [_days(rng, s) for s in stages[:upto + 1]]
    end = begin + dt.timedelta(days=sum(durations) + 7 * 2)
    if end >= limit - dt.timedelta(days=len(stages) + 1) or end > ctx.as_of:
        return None
    attempt = _attempt(ids, ctx, vacancy, route_id, begin, "failed", end,
                       "Pelamar kurang dari 4 setelah pendaftaran diperpanjang dua kali")
    _records(rng, ids, ctx, attempt, stages[:upto + 1], durations, begin, end, failed=True)
    return end


def _days(rng, stage):
    expected = stage[2] or 7
    return max(1, int(expected * rng.uniform(0.4, 1.6)))


def _attempt(ids, ctx, vacancy, route_id, begin, status, ended_on, reason):
    row = {"id": ids.take("filling_attempt"), "vacancy_id": vacancy["id"], "route_id": route_id,
           "started_on": begin, "status": status, "ended_on": ended_on, "end_reason": reason,
           "minister_approval_number": None, "minister_approval_date": None, "note": None,
           "running_vacancy_id": vacancy["id"] if status == "in_progress" else None,
           "voided_at": None, "void_reason": None, "version": 1}
    ctx.add("filling_attempt", row)
    return row


def _records(rng, ids, ctx, attempt, stages, durations, begin, end, *, failed=False):
    """Lay the stages end to end from `begin`, squeezed so the last finishes on `end`."""
    total = max(1, sum(durations))
    span = (end - begin).days
    elapsed = 0
    day = begin
    for stage, days in zip(stages, durations):
        elapsed += days
        finished = begin + dt.timedelta(days=span * elapsed // total)
        applicants = None
        if stage[3] == "registration":
            applicants = rng.randint(1, 3) if failed else rng.randint(4, 25)
        _record(rng, ids, ctx, attempt, stage, day, finished, applicants,
                2 if failed and applicants is not None else 0 if applicants else None)
        day = finished


def _record(rng, ids, ctx, attempt, stage, started, finished, applicants=None, extensions=None):
    number = (f"800/{rng.randint(100, 999)}/BKPSDM/{started.year}"
              if rng.random() < 0.3 else None)
    ctx.add("stage_record", {
        "id": ids.take("stage_record"), "attempt_id": attempt["id"], "stage_id": stage[0],
        "started_on": started, "finished_on": finished, "document_number": number, "note": None,
        "applicants": applicants, "extensions": extensions, "voided_at": None,
        "void_reason": None, "version": 1})
