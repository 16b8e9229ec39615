"""Flag sentences kept language-free: an Indonesian msgid and its values, rendered when shown.

The engine builds each reason and follow-up as `message(N_("… %(days)d hari …"), days=…)`.
Stored states and frozen reports keep that message (a msgid and plain values: numbers,
dates as dd/mm/yyyy, names), so a page or a download renders it in its reader's language;
the Indonesian sentence is also kept as the flag's `reason` for the CLI, logs and old reports.
"""
from flask_babel import gettext

from plt_tracker.core.messages import N_, dmy, message, say  # noqa: F401  (the flags' helpers)


def flag_text(flag, key):
    """Return a flag's reason or follow-up (key) in the current language.

    `flag` is a Flag or a stored/frozen dict; one without its message (made before
    messages were kept) shows its stored Indonesian sentence.
    """
    get = flag.get if isinstance(flag, dict) else lambda name, default=None: getattr(
        flag, name, default)
    kept = (get("text") or {}).get(key)
    sentence = get(key) or ""
    # The message must still say what the stored sentence says (a sentence changed without
    # its message is shown as it was stored).
    if not kept or (sentence and say(kept) != sentence):
        return sentence
    return say(kept, gettext)

