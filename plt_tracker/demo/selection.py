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
    ("dlh", "seleksi_terbuka", [7, 35, 12, 15, 10, 14, 12, 9], 6, {}),
    # Stuck waiting for BKN's permission: 75 days against the expected 30 (critical).
    ("sahli_eko", "seleksi_terbuka", [5], 75, {}),
    ("kominfo", "seleksi_terbuka", [3, 27, 10, 15, 11], 9,
     {"approval": ("100.2.2.6/4512/OTDA", 40)}),
    ("dpmptsp", "job_fit", [28, 10], 12, {}),
    ("bappeda", "manajemen_talenta", [12], 8, {}),
    ("camat_amen", "administrator", [10, 15], 20, {}),
    ("camat_pinang_belapis", "administrator", [15], 10, {}),
]
# The open selection that failed (too few applicants) and was started again.
FAILED_FIRST = ("dikbud", [5, 25, 10, 15], 80, "Pendaftar kurang dari 3 orang; seleksi diulang")
RERUN = ("dikbud", "seleksi_terbuka", [2, 28, 12], 18, {})
# Cancelled and not started again yet (ATTEMPT_FAILED): post, route, stages, days ago, status, reason.
ENDED = [("camat_topos", "administrator", [7, 12], 20, "cancelled",
          "Calon yang diusulkan mengundurkan diri")]


def start_selections(ctx):
    """Record the filling attempts of the demo vacancies and the election windows."""
    routes = {r.code: r for r in db.session.scalars(db.select(Route))}
    key, durations, failed_ago, reason = FAILED_FIRST
    first_start = ctx.today - dt.timedelta(days=failed_ago + 5 + sum(durations))
    attempt = _walk(ctx, ctx.vacancies[key], routes["seleksi_terbuka"], first_start, durations, None)
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
        attempt = _walk(ctx, vacancy, routes[code], started, durations, in_stage)
        if "approval" in extra:
            number, days_ago = extra["approval"]
            selection.record_minister_approval(attempt, number,
                                               ctx.today - dt.timedelta(days=days_ago),
                                               today=ctx.today)
    _windows(ctx)
    ctx.notes.append(f"Proses pengisian: {len(PLANS) + len(ENDED) + 2} (1 gagal lalu diulang, "
                     f"{len(ENDED)} dibatalkan); jabatan lain belum berproses.")


def _walk(ctx, vacancy, route, started, durations, in_stage):
    """Start an attempt and record its finished stages, then the current one (if any)."""
    # Never before the vacancy itself: a late start is moved, never the rule bent.
    started = max(started, vacancy.start_date)
    attempt = selection.start_attempt(vacancy, route, started, today=ctx.today)
    day = started
    for stage, days in zip(route.stages, durations):
        end = min(day + dt.timedelta(days=days), ctx.today)
        selection.record_stage(attempt, stage, day, finished_on=end, today=ctx.today,
                               document_number=_document(ctx, stage, day))
        day = end
    if in_stage is not None and len(durations) < len(route.stages):
        current = route.stages[len(durations)]
        selection.record_stage(attempt, current, day, today=ctx.today,
                               document_number=_document(ctx, current, day))
    return attempt


def _document(ctx, stage, day):
    return f"800.1.3.2/{next(ctx.sequence):03d}/T{stage.position}/BKPSDM/{day.year}"


def _windows(ctx):
    """The 2024 Pilkada windows (real dates) and an upcoming example window."""
    pemda = ctx.instansi.id
    ranges.create_range(
        "window", pemda, name="Larangan penggantian pejabat Pilkada 2024",
        start_date=dt.date(2024, 3, 22), end_date=dt.date(2025, 2, 19),
        note="UU 10/2016 Pasal 71 ayat 2: 6 bulan sebelum penetapan calon (22 September 2024) "
             "sampai akhir masa jabatan.")
    ranges.create_range(
        "window", pemda, name="6 bulan sejak pelantikan Bupati hasil Pilkada 2024",
        start_date=dt.date(2025, 2, 20), end_date=dt.date(2025, 8, 19),
        note="UU 10/2016 Pasal 162 ayat 3.")
    start = ctx.today + dt.timedelta(days=100)
    ranges.create_range(
        "window", pemda, name="Contoh: larangan menjelang penetapan calon berikutnya",
        start_date=start, end_date=start + dt.timedelta(days=240),
        note="Rentang contoh untuk demo; ganti dengan tanggal resmi KPU.")
