"""Demo step: what the past Rakor decided and how far it was followed up.

Run before the past reports are made, so that each report's "Tindak lanjut Rakor
sebelumnya" reads the decisions as they stood on its own meeting date: some done,
one dropped, some overdue (one of them at two meetings in a row: escalated) and
some still open for the coming Rakor.
"""
import datetime as dt

from dateutil.relativedelta import relativedelta

from plt_tracker.decisions.operations import close_decision, drop_decision, record_decision
from plt_tracker.rakor.queries import meetings_between

DAY = dt.timedelta(days=1)
BKPSDM_MAIL = "bkpsdm@pemda-demo.example"
# (meeting: 0 the oldest of the three past Rakor, post key or None for the whole pemda, flag,
#  instruction, responsible OPD key (None: BKPSDM), email, due: days after the meeting or
#  None for the next Rakor, outcome: None (open), ("done"|"dropped", days after the
#  meeting, note))
DECISIONS = [
    (0, "nakertrans", "NO_ACTING", "Tunjuk Plt Kepala Dinas Tenaga Kerja dan Transmigrasi "
     "paling lambat dua minggu.", None, BKPSDM_MAIL, 14, None),
    (0, "perkim", "ACTING_EXPIRED", "Terbitkan surat perpanjangan Plt atau tunjuk Plt baru.",
     None, BKPSDM_MAIL, None, None),
    (0, "sahli_eko", "STAGE_STALLED", "Kirim ulang permohonan rekomendasi ke BKN dan "
     "koordinasikan dengan Kanreg VII BKN.", None, BKPSDM_MAIL, None,
     ("done", 18, "Permohonan dikirim ulang dan dikoordinasikan dengan Kanreg VII BKN.")),
    (1, "camat_uram_jaya", "ACTING_EXPIRED", "Perpanjang surat perintah Plt Camat Uram Jaya.",
     "camat_uram_jaya", "kec.uramjaya@pemda-demo.example", None,
     ("dropped", 10, "Diselesaikan dalam penataan camat pada mutasi berikutnya.")),
    (1, None, None, "BKPSDM menyusun jadwal seleksi terbuka gabungan JPT Pratama tahun depan.",
     None, BKPSDM_MAIL, 45, None),
    (1, "satpolpp", "NO_ACTING", "Usulkan calon Plt Kepala Satpol PP kepada Bupati.", None,
     BKPSDM_MAIL, None, ("done", 12, "Nama calon Plt diusulkan kepada Bupati.")),
    (2, "dlh", "PLT_OVER_LIMIT", "Siapkan usulan seleksi terbuka Kepala Dinas Lingkungan Hidup.",
     None, BKPSDM_MAIL, None, None),
    (2, "camat_padang_bano", "NO_ACTING", "Tunjuk Plt Camat Padang Bano dari sekretaris camat.",
     "camat_padang_bano", None, None, None),
]
OPD_OF = {"camat_uram_jaya": "Kecamatan Uram Jaya", "camat_padang_bano": "Kecamatan Padang Bano"}


def record_rakor_decisions(ctx):
    """Record the decisions of the last three Rakor, and close those that were followed up."""
    start = (ctx.today - relativedelta(months=4)).replace(day=1)
    past = meetings_between(ctx.instansi.id, start, ctx.today)[-3:]
    if len(past) < 3:
        return
    made = 0
    for meeting, post_key, flag, text, opd_key, email, due, outcome in DECISIONS:
        day = past[meeting].date
        decision = record_decision(
            ctx.instansi.id, meeting_date=day, instruction=text, today=ctx.today,
            post=ctx.posts[post_key] if post_key else None, flag_code=flag,
            responsible_opd=ctx.opds[OPD_OF[opd_key]] if opd_key else None,
            responsible_email=email, due_date=day + due * DAY if due else None)
        made += 1
        if outcome:
            kind, after, note = outcome
            closing = close_decision if kind == "done" else drop_decision
            closing(decision, min(day + after * DAY, ctx.today), note, today=ctx.today)
    ctx.notes.append(f"Keputusan Rakor dicatat: {made} keputusan dari 3 Rakor terakhir (ada yang "
                     f"selesai, dihentikan, dan lewat tenggat).")
