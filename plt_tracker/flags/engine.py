"""The rule engine: which vacancies (and holders) need attention on a date, and why.

Pure functions of the facts in flags.facts: the same facts and date always
give the same flags. Every number comes from `Context.thresholds` (the pemda's
settings); a code listed in the `disabled_flags` setting is switched off.
"""
import datetime as dt

from plt_tracker.flags import acting_rules, retirement
from plt_tracker.flags.flag import (  # noqa: F401
    SEVERITIES,
    SEVERITY_RANK,
    Flag,
    acting_state,
    sort_flags,
    worst_severity,
)
from plt_tracker.flags.text import N_, dmy, message
from plt_tracker.selection import progress
from plt_tracker.vacancies import rules


def evaluate(vacancies, ctx):
    """Return {vacancy_id: [Flag, …]} for every vacancy, most severe first."""
    multiple = _officials_acting_in_several(vacancies, ctx.as_of)
    return {v.vacancy_id: evaluate_vacancy(v, ctx, multiple) for v in vacancies}


def evaluate_vacancy(vacancy, ctx, multiple=None):
    """Return the flags of one vacancy; `multiple` = {official_id: posts} from evaluate()."""
    checks = (_vacant_long, _acting_letters, acting_rules.plt_over_limit,
              acting_rules.plh_over_limit, acting_rules.sekda_governor,
              acting_rules.acting_ineligible, acting_rules.acting_retires, _no_process,
              _stage_stalled, _attempt_failed, _election_window, _escalated)
    flags = [flag for check in checks for flag in check(vacancy, ctx)]
    flags += _plt_multiple(vacancy, ctx, multiple or {})
    return sort_flags(_enabled(flags, ctx))


def evaluate_holder(holder, ctx):
    """Return the flags of a definitive holder: retirement coming, appointed in a window."""
    flags = retirement.retirement_flags(holder, ctx, Flag) + _appointed_in_window(holder, ctx)
    return sort_flags(_enabled(flags, ctx))


def _enabled(flags, ctx):
    disabled = {c.strip().upper() for c in str(ctx.thresholds.get("disabled_flags") or "").split(",")}
    return [f for f in flags if f.code not in disabled]


def _days(vacancy, ctx):
    return rules.days_vacant(vacancy.start_date, ctx.as_of)


def _vacant_long(vacancy, ctx):
    days = _days(vacancy, ctx)
    warning, critical = int(ctx.thresholds["vacant_warning_days"]), int(ctx.thresholds["vacant_critical_days"])
    if days >= critical:
        severity, limit = "critical", critical
    elif days >= warning:
        severity, limit = "warning", warning
    else:
        return []
    return [Flag("VACANT_LONG", severity,
                 message(N_("Jabatan kosong sejak %(since)s, sudah %(days)d hari (batas "
                            "%(limit)d hari)."),
                         since=dmy(vacancy.start_date), days=days, limit=limit),
                 message(N_("Percepat pengisian definitif; laporkan hambatannya pada Rakor.")),
                 {"days_vacant": days, "threshold_days": limit,
                  "vacant_since": vacancy.start_date.isoformat()})]


def _acting_letters(vacancy, ctx):
    """NO_ACTING, ACTING_EXPIRED and ACTING_ENDS_SOON: who covers the post, and until when."""
    as_of = ctx.as_of
    states = [(a, *acting_state(a, as_of)) for a in vacancy.actings]
    active = [(a, until) for a, status, until in states if status == "active"]
    if active:
        acting, until = max(active, key=lambda item: item[1])
        horizon, by_rakor = _ends_soon_horizon(ctx)
        successor = any(status == "future" and a.start_date <= until + dt.timedelta(days=1)
                        for a, status, _ in states)
        if until <= horizon and not successor:
            days_left = (until - as_of).days
            when = (message(N_("sebelum/pada Rakor %(day)s"), day=dmy(horizon)) if by_rakor
                    else message(N_("dalam %(days)d hari"),
                                 days=int(ctx.thresholds["acting_ends_soon_days"])))
            return [Flag("ACTING_ENDS_SOON", "warning",
                         message(N_("Surat perintah %(kind)s %(name)s berakhir %(until)s "
                                    "(%(days)d hari lagi), %(when)s."),
                                 kind=acting.kind.capitalize(), name=acting.official_name,
                                 until=dmy(until), days=days_left, when=when),
                         message(N_("Siapkan perpanjangan surat perintah atau tunjuk pelaksana "
                                    "baru.")),
                         {"acting_name": acting.official_name, "acting_until": until.isoformat(),
                          "days_left": days_left, "horizon": horizon.isoformat(),
                          "next_rakor": ctx.next_rakor.isoformat() if by_rakor else None})]
        return []
    expired = [(a, until) for a, status, until in states if status == "expired"]
    future = [a for a, status, _ in states if status == "future"]
    if expired and not future:
        acting, until = max(expired, key=lambda item: item[1])
        days_over = (as_of - until).days
        return [Flag("ACTING_EXPIRED", "critical",
                     message(N_("Surat perintah %(kind)s %(name)s berakhir %(until)s (%(days)d "
                                "hari lalu) tanpa perpanjangan atau pengganti."),
                             kind=acting.kind.capitalize(), name=acting.official_name,
                             until=dmy(until), days=days_over),
                     message(N_("Terbitkan perpanjangan surat perintah atau tunjuk Plt baru "
                                "segera.")),
                     {"acting_name": acting.official_name, "acting_until": until.isoformat(),
                      "days_since_end": days_over})]
    days = _days(vacancy, ctx)
    return [Flag("NO_ACTING", "critical",
                 message(N_("Jabatan kosong %(days)d hari dan tidak ada Plt/Plh yang bertugas "
                            "pada %(day)s."), days=days, day=dmy(as_of)),
                 message(N_("Tunjuk Plt dengan surat perintah PPK.")),
                 {"days_vacant": days, "upcoming_acting": bool(future)})]


def _ends_soon_horizon(ctx):
    if ctx.next_rakor is not None and ctx.next_rakor >= ctx.as_of:
        return ctx.next_rakor, True
    return ctx.as_of + dt.timedelta(days=int(ctx.thresholds["acting_ends_soon_days"])), False


def _officials_acting_in_several(vacancies, as_of):
    """Return {official_id: [post titles]} of officials active in two or more vacancies."""
    posts = {}
    for vacancy in vacancies:
        for acting in vacancy.actings:
            if acting_state(acting, as_of)[0] == "active":
                posts.setdefault(acting.official_id, [])
                if vacancy.post not in posts[acting.official_id]:
                    posts[acting.official_id].append(vacancy.post)
    return {oid: titles for oid, titles in posts.items() if len(titles) >= 2}


def _plt_multiple(vacancy, ctx, multiple):
    for acting in vacancy.actings:
        if acting.official_id in multiple and acting_state(acting, ctx.as_of)[0] == "active":
            titles = multiple[acting.official_id]
            others = [t for t in titles if t != vacancy.post]
            return [Flag("PLT_MULTIPLE", "warning",
                         message(N_("%(name)s merangkap pelaksana di %(count)d jabatan kosong "
                                    "(juga %(others)s)."), name=acting.official_name,
                                 count=len(titles), others=", ".join(others)),
                         message(N_("Bagi beban: tunjuk pelaksana lain untuk salah satu "
                                    "jabatan.")),
                         {"acting_name": acting.official_name, "post_count": len(titles),
                          "posts": titles})]
    return []


def _no_process(vacancy, ctx):
    days = _days(vacancy, ctx)
    limit = int(ctx.thresholds["no_process_days"])
    if vacancy.attempts or days < limit:
        return []
    return [Flag("NO_PROCESS", "warning",
                 message(N_("Jabatan kosong %(days)d hari dan belum ada proses pengisian yang "
                            "dimulai (batas %(limit)d hari)."), days=days, limit=limit),
                 message(N_("Tetapkan jalur pengisian (seleksi terbuka, job fit, manajemen "
                            "talenta, atau pertimbangan Tim Penilai Kinerja untuk "
                            "administrator/pengawas) dan mulai tahap pertama.")),
                 {"days_vacant": days, "threshold_days": limit})]


def _stage_stalled(vacancy, ctx):
    attempt = progress.latest_attempt(vacancy.attempts)
    if attempt is None or attempt.status != "in_progress":
        return []
    now = progress.position(attempt, ctx.as_of)
    expected = now.stage.expected_days if now.stage else None
    if now.stage is not None and now.stage.code == "registration":
        short = _too_few_applicants(attempt, now, ctx)
        if short:
            return short
        if expected:  # an extended registration is expected to run longer
            expected += (now.stage.extensions or 0) * int(
                ctx.thresholds["registration_extension_days"])
    if not expected or now.days_in_stage is None or now.days_in_stage <= expected:
        return []
    factor = float(ctx.thresholds["stage_stalled_factor_critical"])
    severity = "critical" if now.days_in_stage >= factor * expected else "warning"
    return [Flag("STAGE_STALLED", severity,
                 message(N_("Tahap %(index)d dari %(count)d (%(stage)s) sudah %(days)d hari, "
                            "melebihi perkiraan %(expected)d hari."),
                         index=now.index, count=now.count, stage=now.stage.name,
                         days=now.days_in_stage, expected=expected),
                 message(N_("Tanyakan hambatan tahap ini kepada BKPSDM/pansel dan tetapkan "
                            "tenggat.")),
                 {"route": attempt.route_name, "stage": now.stage.name, "stage_index": now.index,
                  "stage_count": now.count, "days_in_stage": now.days_in_stage,
                  "expected_days": expected, "critical_factor": factor})]


def _too_few_applicants(attempt, now, ctx):
    """STAGE_STALLED at registration: fewer applicants than the minimum at its planned close.

    The close is the stage's start plus its expected days plus each extension of
    `registration_extension_days` (PermenPANRB 15/2019 as pansels apply it).
    """
    stage, minimum = now.stage, int(ctx.thresholds["min_applicants"])
    if stage.started_on is None or not stage.expected_days:
        return []
    extension_days = int(ctx.thresholds["registration_extension_days"])
    allowed = int(ctx.thresholds["registration_max_extensions"])
    extended = stage.extensions or 0
    closes = stage.started_on + dt.timedelta(days=stage.expected_days + extended * extension_days)
    applicants = stage.applicants or 0
    if ctx.as_of <= closes or applicants >= minimum:
        return []
    follow_up = (message(N_("Perpanjang pendaftaran %(days)d hari (perpanjangan ke-%(number)d "
                            "dari %(allowed)d)."),
                         days=extension_days, number=extended + 1, allowed=allowed)
                 if extended < allowed else
                 message(N_("Pendaftaran sudah diperpanjang maksimal: ulangi seleksi atau pilih "
                            "jalur lain.")))
    return [Flag("STAGE_STALLED", "warning",
                 message(N_("Pendaftaran %(route)s ditutup %(closes)s dengan %(applicants)d "
                            "pelamar, kurang dari minimal %(minimum)d."),
                         route=attempt.route_name, closes=dmy(closes), applicants=applicants,
                         minimum=minimum),
                 follow_up,
                 {"route": attempt.route_name, "stage": stage.name, "stage_index": now.index,
                  "stage_count": now.count, "applicants": applicants, "min_applicants": minimum,
                  "planned_close": closes.isoformat(), "extensions": extended,
                  "max_extensions": allowed})]


def _attempt_failed(vacancy, ctx):
    attempt = progress.latest_attempt(vacancy.attempts)
    if attempt is None or attempt.status not in ("failed", "cancelled"):
        return []
    word = message(N_("gagal")) if attempt.status == "failed" else message(N_("dibatalkan"))
    reason = f": {attempt.end_reason}" if attempt.end_reason else ""
    return [Flag("ATTEMPT_FAILED", "warning",
                 message(N_("Proses %(route)s %(word)s pada %(day)s%(reason)s; belum ada proses "
                            "baru."), route=attempt.route_name, word=word,
                         day=dmy(attempt.ended_on), reason=reason),
                 message(N_("Mulai proses pengisian baru (ulang seleksi atau jalur lain).")),
                 {"route": attempt.route_name, "status": attempt.status,
                  "ended_on": attempt.ended_on.isoformat(), "end_reason": attempt.end_reason})]


def _election_window(vacancy, ctx):
    attempt = progress.latest_attempt(vacancy.attempts)
    if attempt is None or attempt.status != "in_progress" or attempt.has_minister_approval:
        return []
    spans = progress.projected_starts(attempt, ctx.as_of)
    for stage in attempt.stages:
        if stage.position not in spans:
            continue
        if not (stage.is_appointment_stage or stage.needs_minister_approval_check):
            continue
        start, end = spans[stage.position]
        for window in ctx.windows:
            if rules.intervals_overlap(start, end, window.start, window.end):
                return [Flag("ELECTION_WINDOW", "warning",
                             message(N_("Tahap '%(stage)s' (perkiraan %(start)s–%(end)s) jatuh "
                                        "dalam %(what)s '%(window)s' (%(first)s–%(last)s) dan "
                                        "persetujuan tertulis Mendagri belum tercatat."),
                                     stage=stage.name, start=dmy(start), end=dmy(end),
                                     what=_window_kind(window), window=window.name,
                                     first=dmy(window.start), last=dmy(window.end)),
                             message(N_("Ajukan dan catat persetujuan tertulis Mendagri sebelum "
                                        "pengangkatan (UU 10/2016 Pasal 71 dan 162).")),
                             {"stage": stage.name, "planned_start": start.isoformat(),
                              "planned_end": end.isoformat(), "window": window.name,
                              "window_kind": window.kind, "window_start": window.start.isoformat(),
                              "window_end": window.end.isoformat()})]
    return []


def _appointed_in_window(holder, ctx):
    """ELECTION_WINDOW on a recorded appointment: made inside a window or Pj period without the
    Minister's written approval dated on or before the SK (an approval dated later does not
    count; Surat Mendagri 100.2.1.3/1575/SJ)."""
    day = holder.sk_date or holder.start_date
    if day is None:
        return []
    approved = holder.minister_approval_date
    if approved is not None and approved <= day:
        return []
    for window in ctx.windows:
        if window.start <= day <= window.end:
            late = (message(N_("; persetujuan tertanggal %(day)s sesudah SK tidak berlaku"),
                            day=dmy(approved)) if approved else "")
            return [Flag("ELECTION_WINDOW", "warning",
                         message(N_("%(name)s diangkat (SK %(day)s) dalam %(what)s '%(window)s' "
                                    "tanpa persetujuan tertulis Mendagri sebelum SK%(late)s."),
                                 name=holder.official_name, day=dmy(day),
                                 what=_window_kind(window), window=window.name, late=late),
                         message(N_("Mintakan dan catat persetujuan Mendagri; laporkan tindakan "
                                    "kepegawaian ini (UU 10/2016 Pasal 71 dan 162).")),
                         {"official": holder.official_name, "sk_date": day.isoformat(),
                          "approval_date": approved.isoformat() if approved else None,
                          "window": window.name, "window_kind": window.kind})]
    return []


def _escalated(vacancy, ctx):
    needed = int(ctx.thresholds["escalation_reports"])
    history = list(ctx.escalation_history)[:needed]
    if needed <= 0 or len(history) < needed:
        return []
    if not all(vacancy.post_id in flagged for flagged in history):
        return []
    return [Flag("ESCALATED", "critical",
                 message(N_("Jabatan ini sudah ditandai peringatan atau lebih berat pada "
                            "%(reports)d laporan Rakor terakhir berturut-turut."), reports=needed),
                 message(N_("Bupati/Sekda memutuskan langkah pengisian dan penanggung jawabnya "
                            "pada Rakor ini.")),
                 {"reports": needed})]


def _window_kind(window):
    """Name the kind of window a stage or an appointment falls in."""
    if window.kind == "pj":
        return message(N_("masa Pj kepala daerah"))
    return message(N_("masa larangan pilkada"))
