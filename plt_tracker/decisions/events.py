"""The audit log's sentences for decisions, added to audit.events on import."""
from plt_tracker.audit.events import EVENTS, N_

DECISION_EVENTS = {
    "decision.create": N_("Keputusan Rakor %(meeting)s dicatat: %(what)s (tenggat %(date)s)"),
    "decision.done": N_("Keputusan Rakor %(meeting)s selesai %(date)s: %(what)s"),
    "decision.drop": N_("Keputusan Rakor %(meeting)s dihentikan %(date)s: %(what)s"),
    "decision.update": N_("Keputusan Rakor %(meeting)s diubah: %(what)s"),
}
EVENTS.update(DECISION_EVENTS)
