"""The flag codes with their short Indonesian labels, and badge colours per severity."""
from flask_babel import lazy_gettext as _l

FLAG_LABELS = {
    "VACANT_LONG": _l("Kosong lama"),
    "NO_ACTING": _l("Tanpa pelaksana"),
    "ACTING_ENDS_SOON": _l("Surat pelaksana segera berakhir"),
    "ACTING_EXPIRED": _l("Surat pelaksana habis"),
    "PLT_OVER_LIMIT": _l("Plt melewati batas"),
    "PLT_MULTIPLE": _l("Plt rangkap"),
    "NO_PROCESS": _l("Belum ada proses"),
    "STAGE_STALLED": _l("Tahap macet"),
    "ATTEMPT_FAILED": _l("Proses gagal/batal"),
    "PLH_OVER_LIMIT": _l("Plh melewati batas"),
    "SEKDA_GOVERNOR": _l("Sekda kosong: kewenangan gubernur"),
    "ACTING_INELIGIBLE": _l("Pelaksana tidak setingkat"),
    "ACTING_RETIRES": _l("Pelaksana pensiun sebelum surat berakhir"),
    "ELECTION_WINDOW": _l("Masa pilkada/Pj"),
    "RETIREMENT_SOON": _l("Segera pensiun"),
    "ESCALATED": _l("Eskalasi"),
    "PLH_OVER_LIMIT": _l("Plh melewati batas"),
    "SEKDA_GOVERNOR": _l("Sekda: wewenang gubernur"),
    "ACTING_INELIGIBLE": _l("Pelaksana tidak setingkat"),
    "ACTING_RETIRES": _l("Pelaksana segera pensiun"),
}
SEVERITY_LABELS = {"critical": _l("Kritis"), "warning": _l("Peringatan"), "info": _l("Info")}
BADGE = {"critical": "danger", "warning": "warning", "info": "info"}


def register(app):
    """Expose the labels and colours to templates."""
    from plt_tracker.flags.text import flag_text

    app.jinja_env.globals.update(flag_labels=FLAG_LABELS, severity_labels=SEVERITY_LABELS,
                                 severity_badge=BADGE, flag_text=flag_text)
