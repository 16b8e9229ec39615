"""Demo step: filling processes at various stages, and the election windows.

Several open selections at different stages (one stalled at BKN permission,
one failed for too few applicants and re-run), a job fit, a talent-pool
appointment, administrator routes for two camat posts, and vacancies left
with no process, so that the flags show a plausible mix of severities.
"""
import datetime as dt

from plt_tracker.extensions import db
from plt_tracker.flags import operations as ranges
from plt_tracker.selection import operations as selection
from plt_tracker.selection.models import Route

# post key -> route code, days ago each finished stage took (in order), days in the current stage,
# and optional extras. Stage dates are laid out backwards from today.
PLANS = [
    ("dlh", "seleksi_terbuka", [35, 12, 15, 10, 14, 12, 9], 6, {}),
    # Stuck waiting for BKN's permission: 80 days against the expected 30 (critical).
    ("sahli_eko", "seleksi_terbuka", [], 80, {}),
    ("kominfo", "seleksi_terbuka", [27, 10, 15, 11], 9,
     {"approval": ("100.2.2.6/4512/OTDA", 40)}),
    # Registration closed ten days ago with 2 applicants of the 4 needed, not yet extended.
    ("satpolpp", "seleksi_terbuka", [20, 10], 25, {"applicants": 2, "extensions": 0}),
    ("dpmptsp", "job_fit", [28, 10], 12, {}),
    ("bappeda", "manajemen_talenta", [12], 8, {}),
    ("camat_amen", "administrator", [10, 15], 20, {}),
    ("camat_pinang_belapis", "administrator", [15], 10, {}),
]
# The open selection that failed (too few applicants) and was started again.
FAILED_FIRST = ("dikbud", [25, 10, 15], 80,
                "Pendaftar kurang dari 4 orang sesudah dua kali perpanjangan; seleksi diulang")
RERUN = ("dikbud", "seleksi_terbuka", [28, 12], 18, {"applicants": 6, "extensions": 0})
# Cancelled and not started again yet (ATTEMPT_FAILED): post, route, stages, days ago, status, reason.
ENDED = [("camat_topos", "administrator", [7, 12], 20, "cancelled",
          "Calon yang diusulkan mengundurkan diri")]


def start_selections(ctx):
    """Record the filling attempts of the demo vacancies and the election windows."""
    routes = {r.code: r for r in db.session.scalars(
        db.select(Route).filter_by(instansi_id=ctx.instansi.id))}
    key, durations, failed_ago, reason = FAILED_FIRST
    first_start = ctx.today - dt.timedelta(days=failed_ago + 5 + sum(durations))
    attempt = _walk(ctx, ctx.vacancies[key], routes["seleksi_terbuka"], first_start, durations, None,
                    {"applicants": 2, "extensions": 2})
    selection.end_attempt(attempt, "failed", ctx.today - dt.timedelta(days=failed_ago), reason,
                          today=ctx.today)
    for key, code, durations, ago, status, reason in ENDED:
        started = ctx.today - dt.timedelta(days=ago + 5 + sum(durations))
        attempt = _walk(ctx, ctx.vacancies[key], routes[code], started, durations, 0)
        selection.end_attempt(attempt, status, ctx.today - dt.timedelta(days=ago), reason,
                              today=ctx.today)
    for key, code, durations, in_stage, extra in PLANS + [RERUN]:
        vacancy = ctx.vacancies[key]
        started = ctx.today - dt.timedelta(days=in_stage + sum(durations))
        attempt = _walk(ctx, vacancy, routes[code], started, durations, in_stage,
                        {k: extra[k] for k in ("applicants", "extensions") if k in extra})
        if "approval" in extra:
            number, days_ago = extra["approval"]
            selection.record_minister_approval(attempt, number,
                                               ctx.today - dt.timedelta(days=days_ago),
                                               today=ctx.today)
    _windows(ctx)
    ctx.notes.append(f"Proses pengisian: {len(PLANS) + len(ENDED) + 2} (1 gagal lalu diulang, "
                     f"{len(ENDED)} dibatalkan); jabatan lain belum berproses.")


def _walk(ctx, vacancy, route, started, durations, in_stage, registration=None):
    """Start an attempt and record its finished stages, then the current one (if any).

    `registration` (applicants, extensions) is recorded on the registration stage.
    """
    # Never before the vacancy itself: a late start is moved, never the rule bent.
    started = max(started, vacancy.start_date)
    attempt = selection.start_attempt(vacancy, route, started, today=ctx.today)
    day = started
    for stage, days in zip(route.stages, durations):
        end = min(day + dt.timedelta(days=days), ctx.today)
        selection.record_stage(attempt, stage, day, finished_on=end, today=ctx.today,
                               document_number=_document(ctx, stage, day),
                               **(registration or {}))
        day = end
    if in_stage is not None and len(durations) < len(route.stages):
        current = route.stages[len(durations)]
        selection.record_stage(attempt, current, day, today=ctx.today,
                               document_number=_document(ctx, current, day),
                               **(registration or {}))
    return attempt


def _document(ctx, stage, day):
    return f"800.1.3.2/{next(ctx.sequence):03d}/T{stage.position}/BKPSDM/{day.year}"


def window_ranges(today):
    """Return the demo's election windows and Pj periods: (kind, name, start, end, note).

    The 2024 Pilkada windows (real dates), an upcoming example window, and a past
    example Pj period in which two posts were filled (one without the approval).
    """
    ahead = today + dt.timedelta(days=100)
    return [
        ("window", "Larangan penggantian pejabat Pilkada 2024", dt.date(2024, 3, 22),
         dt.date(2025, 2, 19), "UU 10/2016 Pasal 71 ayat 2: 6 bulan sebelum penetapan calon "
                               "(22 September 2024) sampai akhir masa jabatan."),
        ("window", "6 bulan sejak pelantikan Bupati hasil Pilkada 2024", dt.date(2025, 2, 20),
         dt.date(2025, 8, 19), "UU 10/2016 Pasal 162 ayat 3."),
        ("window", "Contoh: larangan menjelang penetapan calon berikutnya", ahead,
         ahead + dt.timedelta(days=240), "Rentang contoh untuk demo; ganti dengan tanggal resmi "
                                         "KPU."),
        ("pj", "Contoh: masa Pj Bupati (demo)", today - dt.timedelta(days=170),
         today - dt.timedelta(days=110), "Rentang contoh untuk demo."),
    ]


def in_a_window(day, today):
    """Say whether a day falls in one of the demo's windows or Pj periods."""
    return any(first <= day <= last for _, _, first, last, _ in window_ranges(today))


def _windows(ctx):
    """Record the demo's election windows and Pj periods through the real operation."""
    for kind, name, first, last, note in window_ranges(ctx.today):
        ranges.create_range(kind, ctx.instansi.id, name=name, start_date=first, end_date=last,
                            note=note)
