"""The whole filtered vacancy list as CSV or Excel, streamed: never the whole list in memory.

CSV goes out a batch of rows at a time; Excel is written row by row into a temporary
file, which is then sent and deleted (core.sheets).
Text that a spreadsheet would read as a formula stays text (core.formulas).
"""
from flask_babel import gettext as _

from plt_tracker.core.dates import today
from plt_tracker.core.sheets import download
from plt_tracker.flags.codes import FLAG_LABELS, SEVERITY_LABELS
from plt_tracker.registry.models import POST_KINDS
from plt_tracker.vacancies.listing import computed_rows_of, stored_rows


def columns():
    return [_("Pemda"), _("OPD"), _("Jabatan"), _("Jenis jabatan"), _("Kosong sejak"),
            _("Lama kosong (hari)"), _("Pelaksana"), _("Nama pelaksana"), _("NIP pelaksana"),
            _("Jabatan definitif pelaksana"), _("Akhir surat"), _("Keadaan surat"), _("Jalur"),
            _("Tahap"), _("Hari di tahap"), _("Tingkat"), _("Penanda")]


def values(row):
    flags = row.extra.get("flags") or []
    return [row.pemda, row.opd, row.post, str(POST_KINDS.get(row.post_kind, row.post_kind)),
            row.vacant_since, row.days_vacant, row.acting_kind if row.acting_name else "",
            row.acting_name, row.acting_nip, row.acting_own_post, row.acting_until,
            row.acting_status, row.extra.get("route") or "", row.extra.get("stage") or "",
            row.extra.get("days_in_stage"),
            str(SEVERITY_LABELS.get(row.extra.get("severity"), "")),
            "; ".join(str(FLAG_LABELS.get(f.code, f.code)) for f in flags)]


def _rows(pemda_ids, as_of, filters):
    if as_of == today():
        return stored_rows(pemda_ids, as_of, filters)
    return iter(computed_rows_of(pemda_ids, as_of, filters))


def respond(fmt, pemda_ids, as_of, filters):
    """Return the download response of the filtered list in `fmt` ("csv" or "xlsx")."""
    rows = _rows(pemda_ids, as_of, filters)
    return download(fmt, _("Daftar kekosongan"), columns(), (values(r) for r in rows),
                    f"daftar-kekosongan-{as_of.isoformat()}")
