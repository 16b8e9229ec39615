"""Records as the API's JSON: English keys, codes rather than labels, ISO dates.

Flask would write a date as an HTTP date ("Mon, 15 Sep 2025 …"); every date goes
through `iso` instead.
"""
from plt_tracker.rakor.source import plain
from plt_tracker.vacancies import rules
from plt_tracker.vacancies.models import ACTING_KINDS

ACTING_CODES = {label: code for code, label in ACTING_KINDS.items()}


def iso(value):
    """Return a date or datetime as ISO 8601 text (datetimes are UTC), or None."""
    if value is None:
        return None
    if hasattr(value, "hour"):
        return value.replace(microsecond=0).isoformat() + "Z"
    return value.isoformat()


def ref(obj_id, name):
    """Return a small reference to a related record: {"id", "name"}."""
    return {"id": obj_id, "name": name}


def pemda(instansi, province_name):
    """Return a pemda."""
    return {"id": instansi.id, "name": instansi.name, "kind": instansi.kind,
            "active": instansi.is_active,
            "province": ref(instansi.parent_id, province_name) if instansi.parent_id else None,
            "flags_computed_for": iso(instansi.flags_valid_for)}


def post(post_, opd, instansi, holder, vacancy):
    """Return a post with its holder or vacancy on the as-of date."""
    appointment, official = holder or (None, None)
    return {
        "id": post_.id, "title": post_.title, "kind": post_.kind, "eselon": post_.eselon,
        "is_head": post_.is_head, "is_sekda": post_.is_sekda_post, "active": post_.is_active,
        "closed_on": iso(post_.closed_on), "closed_kind": post_.closed_kind,
        "opd": {"id": opd.id, "name": opd.name, "kind": opd.kind},
        "pemda": ref(instansi.id, instansi.name),
        "holder": None if official is None else {
            "official_id": official.id, "name": official.name, "nip": official.nip,
            "since": iso(appointment.start_date), "sk_number": appointment.sk_number,
            "sk_date": iso(appointment.sk_date)},
        "vacancy": None if vacancy is None else {
            "id": vacancy.id, "since": iso(vacancy.start_date), "reason": vacancy.reason},
    }


def flag(item):
    """Return a flag: code, severity, the Indonesian reason and follow-up, its figures."""
    return {"code": item.code, "severity": item.severity, "reason": item.reason,
            "follow_up": item.follow_up, "figures": plain(item.figures or {})}


def vacancy(row, pemda_ref):
    """Return a row of the vacancy list (vacancies.listing or flags.queries)."""
    extra = row.extra
    code = getattr(row, "acting_kind_code", "") or ACTING_CODES.get(row.acting_kind,
                                                                    row.acting_kind)
    return {
        "vacancy_id": row.vacancy_id, "post_id": row.post_id, "post": row.post,
        "post_kind": row.post_kind, "eselon": row.eselon, "is_head": bool(row.is_head),
        "opd": ref(row.opd_id, row.opd), "pemda": pemda_ref,
        "vacant_since": iso(row.vacant_since), "days_vacant": row.days_vacant,
        "acting": None if not row.acting_status else {
            "kind": code, "status": row.acting_status, "name": row.acting_name,
            "nip": row.acting_nip, "own_post": row.acting_own_post,
            "until": iso(row.acting_until)},
        "filling": None if not extra.get("route") else {
            "route": str(extra.get("route") or ""), "status": extra.get("attempt_status") or "",
            "stage": str(extra.get("stage") or ""), "stage_index": extra.get("stage_index"),
            "stage_count": extra.get("stage_count"), "days_in_stage": extra.get("days_in_stage")},
        "severity": extra.get("severity") or None,
        "flags": [flag(f) for f in extra.get("flags") or []],
    }


def flagged(row, pemda_ref):
    """Return a flagged vacancy: where it is, its worst severity and its flags."""
    return {"vacancy_id": row.vacancy_id, "post_id": row.post_id, "post": row.post,
            "opd": ref(row.opd_id, row.opd), "pemda": pemda_ref,
            "vacant_since": iso(row.vacant_since), "days_vacant": row.days_vacant,
            "severity": row.extra.get("severity") or None,
            "flags": [flag(f) for f in row.extra.get("flags") or []]}


def acting(assignment, post_, opd, instansi, official, extensions, as_of):
    """Return an acting letter with its extensions and where it stands on `as_of`."""
    ends = [rules.LetterEnd(e.end_date, e.letter_date) for e in extensions]
    letter_end = rules.effective_end(assignment.end_date, ends, as_of)
    return {
        "id": assignment.id, "kind": assignment.kind, "vacancy_id": assignment.vacancy_id,
        "post": ref(post_.id, post_.title), "opd": ref(opd.id, opd.name),
        "pemda": ref(instansi.id, instansi.name),
        "official": {"id": official.id, "name": official.name, "nip": official.nip},
        "letter_number": assignment.letter_number, "letter_date": iso(assignment.letter_date),
        "start_date": iso(assignment.start_date), "end_date": iso(assignment.end_date),
        "ended_on": iso(assignment.ended_on),
        "governor_approval_number": assignment.governor_approval_number,
        "governor_approval_date": iso(assignment.governor_approval_date),
        "extensions": [{"id": e.id, "letter_number": e.letter_number,
                        "letter_date": iso(e.letter_date), "end_date": iso(e.end_date)}
                       for e in extensions],
        "covered_until": iso(rules.served_until(letter_end, assignment.ended_on)),
        "status": rules.acting_status(assignment.start_date, letter_end, assignment.ended_on,
                                      as_of),
    }


def report(row):
    """Return a report's entry in the archive (without its snapshot)."""
    report_id, instansi_id, meeting_date, version, trigger, created_at, pemda_name = row
    return {"id": report_id, "pemda": ref(instansi_id, pemda_name),
            "meeting_date": iso(meeting_date), "version": version, "trigger": trigger,
            "created_at": iso(created_at)}
