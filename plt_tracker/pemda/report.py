"""The province's or the nation's report: every pemda's figures and every flagged vacancy,
as one Excel file written and sent row by row (tens of thousands of rows, a few MB of memory).

Excel only: a PDF of 20,000 rows would be hundreds of pages nobody reads; the Rakor of each
pemda keeps its own PDF report.
"""
from flask_babel import gettext as _

from plt_tracker.core.sheets import xlsx_response
from plt_tracker.pemda.queries import pemda_figures
from plt_tracker.registry.models import PEMDA_KINDS
from plt_tracker.vacancies import downloads
from plt_tracker.vacancies.listing import Filters, stored_rows

FLAGGED = ("critical", "warning")


def figure_columns():
    return [_("Pemda"), _("Jenis"), _("Provinsi"), _("Jabatan"), _("Kepala OPD"), _("Kosong"),
            _("Kepala OPD kosong"), _("Dipegang pelaksana"), _("Porsi pelaksana (%)"),
            _("Tanpa pelaksana"), _("Kritis"), _("Kosong sejak (terlama)"),
            _("Kosong terlama (hari)")]


def figure_values(row):
    return [row.name, str(PEMDA_KINDS.get(row.kind, row.kind)), row.province, row.posts,
            row.head_posts, row.vacant, row.vacant_heads, row.acting,
            round(row.acting_share * 100, 1), row.no_acting, row.critical, row.oldest_since,
            row.longest_days]


def flagged_rows(pemda_ids, day):
    """Yield the vacancies (every structural post) flagged critical or warning, worst first."""
    for row in stored_rows(pemda_ids, day, Filters(all_posts=True, sort="severity")):
        if row.severity not in FLAGGED:
            return  # sorted by severity: nothing flagged follows
        yield row


def respond(pemda_ids, day):
    """Return the report of these pemda on `day` as a streamed Excel download."""
    sheets = [
        (_("Per pemda"), figure_columns(),
         (figure_values(r) for r in pemda_figures(pemda_ids, day, "pelaksana"))),
        (_("Kekosongan ditandai"), downloads.columns(),
         (downloads.values(r) for r in flagged_rows(pemda_ids, day))),
    ]
    return xlsx_response(sheets, f"laporan-wilayah-{day.isoformat()}.xlsx")
