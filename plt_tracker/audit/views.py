"""What templates need to show audit entries: sentences and labelled changes."""
from dataclasses import dataclass

from plt_tracker.audit import bp
from plt_tracker.audit.render import changes, describe, resolve_names


@dataclass
class AuditLine:
    """An audit entry as the reader sees it."""

    entry: object
    sentence: str
    changes: list
    who: str


def audit_lines(entries):
    """Return entries as AuditLine values, names of officials and routes resolved at once."""
    entries = list(entries)
    names = resolve_names(entries)
    return [AuditLine(e, describe(e), changes(e, names),
                      e.user.full_name if e.user else e.actor) for e in entries]


@bp.record_once
def _register_helpers(state):
    """Make audit_lines a template global: macros imported without context use it too."""
    state.app.jinja_env.globals["audit_lines"] = audit_lines
