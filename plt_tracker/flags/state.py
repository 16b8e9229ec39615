"""Stored vacancy states: each open vacancy's flags and acting official, computed for today.

The rule engine runs over a whole pemda at once (PLT_MULTIPLE looks across its
vacancies, ESCALATED at its reports), so a pemda's states are computed together:
when a write made them stale (core.db.lock_pemda empties
Instansi.flags_valid_for), before a list reads them, and every night by the
scheduler. Lists, the province and national views and the API then sort,
filter and page them in SQL.
"""
import dataclasses

from flask_babel import force_locale

from plt_tracker.core.db import lock_pemda, transaction
from plt_tracker.extensions import db
from plt_tracker.flags.engine import SEVERITY_RANK
from plt_tracker.flags.flag import Flag, sort_flags
from plt_tracker.flags.models import VacancyState
from plt_tracker.registry.models import Instansi

NO_FLAG_RANK = len(SEVERITY_RANK)
# A request refreshes at most this many stale pemda; the rest wait for the nightly run.
REFRESH_IN_REQUEST = 10


def stale_ids(instansi_ids, today):
    """Return which of the pemda (None: all) need their states computed again for `today`."""
    query = db.select(Instansi.id).filter(
        (Instansi.flags_valid_for.is_(None)) | (Instansi.flags_valid_for != today))
    if instansi_ids is not None:
        query = query.filter(Instansi.id.in_(list(instansi_ids)))
    return list(db.session.scalars(query.order_by(Instansi.id)))


def ensure_fresh(instansi_ids, today, limit=REFRESH_IN_REQUEST):
    """Compute the stale states among these pemda (up to `limit` of them, None: all); return
    how many stale pemda remain (shown as such)."""
    stale = stale_ids(instansi_ids, today)
    for instansi_id in stale[:limit]:
        refresh(instansi_id, today)
    return 0 if limit is None else max(0, len(stale) - limit)


def refresh(instansi_id, today):
    """Compute and store the states of a pemda's open vacancies for `today` (one transaction)."""
    from plt_tracker.flags.queries import flagged_vacancies

    with transaction():
        lock_pemda(instansi_id, stale=False)
        pemda = db.session.get(Instansi, instansi_id, populate_existing=True)
        if pemda is None or pemda.flags_valid_for == today:
            return  # another request computed them while this one waited
        with force_locale("id"):
            rows = flagged_vacancies(instansi_id, today)
        db.session.execute(db.delete(VacancyState).where(VacancyState.instansi_id == instansi_id))
        if rows:
            db.session.execute(db.insert(VacancyState), [_state(instansi_id, r, today)
                                                         for r in rows])
        pemda.flags_valid_for = today


def refresh_all(today):
    """Compute the states of every pemda whose states are not for `today` (the nightly job)."""
    stale = stale_ids(None, today)
    for instansi_id in stale:
        refresh(instansi_id, today)
    return len(stale)


def _state(instansi_id, row, today):
    flags = row.extra["flags"]
    current = row.extra
    return {
        "vacancy_id": row.vacancy_id, "instansi_id": instansi_id, "post_id": row.post_id,
        "computed_for": today, "is_head": row.is_head, "start_date": row.vacant_since,
        "severity_rank": min((SEVERITY_RANK[f.severity] for f in flags), default=NO_FLAG_RANK),
        "codes": "," + ",".join(f.code for f in flags) + "," if flags else "",
        "severities": "," + ",".join(sorted({f.severity for f in flags})) + "," if flags else "",
        "acting_kind": row.acting_kind_code, "acting_status": row.acting_status,
        "acting_official_id": row.acting_official_id, "acting_name": row.acting_name,
        "acting_nip": row.acting_nip, "acting_own_post": row.acting_own_post,
        "acting_since": row.acting_since, "acting_until": row.acting_until,
        "route": str(current.get("route") or ""), "attempt_status": current.get("attempt_status")
        or "", "stage_id": current.get("stage_id"), "stage": str(current.get("stage") or ""),
        "stage_index": current.get("stage_index"), "stage_count": current.get("stage_count"),
        "days_in_stage": current.get("days_in_stage"), "percent": current.get("percent") or 0,
        "flags": [_plain(dataclasses.asdict(f)) for f in flags],
    }


def _plain(flag):
    from plt_tracker.rakor.source import plain

    return plain(flag)


def stored_flags(post_id):
    """Return the stored flags (engine Flags, most severe first) of a post's open vacancy."""
    states = db.session.scalars(db.select(VacancyState.flags)
                                .filter(VacancyState.post_id == post_id)).all()
    return sort_flags(Flag(f["code"], f["severity"], f.get("reason", ""), f.get("follow_up", ""),
                           f.get("figures") or {}) for flags in states for f in flags or [])


def stored_rows(pemda_ids, day, batch=5000):
    """Yield (pemda id, pemda, OPD, post, post id, days vacant, Flag) of every stored flag,
    pemda by name, then most severe first: the flags of a whole nation in a few statements."""
    from plt_tracker.registry.models import Opd, Post
    from plt_tracker.vacancies import rules
    from plt_tracker.vacancies.models import Vacancy

    query = (db.select(Instansi.id, Instansi.name, Opd.name, Post.title, Post.id,
                       Vacancy.start_date, VacancyState.flags)
             .join(Vacancy, Vacancy.id == VacancyState.vacancy_id)
             .join(Post, Post.id == VacancyState.post_id).join(Opd, Opd.id == Post.opd_id)
             .join(Instansi, Instansi.id == VacancyState.instansi_id)
             .filter(VacancyState.severity_rank < NO_FLAG_RANK)
             .order_by(Instansi.name, VacancyState.severity_rank, Vacancy.start_date,
                       Vacancy.id))
    if pemda_ids is not None:
        query = query.filter(VacancyState.instansi_id.in_(list(pemda_ids)))
    for pemda_id, pemda, opd, post, post_id, since, flags in (
            db.session.execute(query.execution_options(yield_per=batch))):
        days = rules.days_vacant(since, day)
        for flag in sort_flags(Flag(f["code"], f["severity"], f.get("reason", ""),
                                    f.get("follow_up", ""), f.get("figures") or {})
                               for f in flags or []):
            yield pemda_id, pemda, opd, post, post_id, days, flag
