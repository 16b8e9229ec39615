"""The audit log's sentences and field labels for decisions, added to the audit's on import."""
from flask_babel import lazy_gettext as _l

from plt_tracker.audit.events import EVENTS, N_
from plt_tracker.audit.render import LABELS

DECISION_EVENTS = {
    "decision.create": N_("Keputusan Rakor %(meeting)s dicatat: %(what)s (tenggat %(date)s)"),
    "decision.done": N_("Keputusan Rakor %(meeting)s selesai %(date)s: %(what)s"),
    "decision.drop": N_("Keputusan Rakor %(meeting)s dihentikan %(date)s: %(what)s"),
    "decision.update": N_("Keputusan Rakor %(meeting)s diubah: %(what)s"),
}
EVENTS.update(DECISION_EVENTS)
LABELS["decision"] = {
    "instruction": _l("Keputusan / arahan"), "due_date": _l("Tenggat"),
    "closed_on": _l("Ditutup"), "closed_note": _l("Yang dilakukan / alasan"),
    "flag_code": _l("Menjawab penanda"), "responsible": _l("Penanggung jawab"),
    "responsible_email": _l("Email penanggung jawab (untuk pengingat)"),
}
