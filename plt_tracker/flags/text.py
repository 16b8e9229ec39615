"""Flag sentences kept language-free: an Indonesian msgid and its values, rendered when shown.

The engine builds each reason and follow-up as `message(N_("… %(days)d hari …"), days=…)`.
Stored states and frozen reports keep that message (a msgid and plain values: numbers,
dates as dd/mm/yyyy, names), so a page or a download renders it in its reader's language;
the Indonesian sentence is also kept as the flag's `reason` for the CLI, logs and old reports.
"""
from flask_babel import gettext


def N_(msgid):  # noqa: N802  (the usual name of a gettext "mark only" function)
    """Mark a msgid for extraction; it is translated when the message is shown."""
    return msgid


def message(msgid, **values):
    """Return a language-free sentence: its msgid and values (values may be messages too)."""
    return {"msgid": msgid, "values": values}


def say(text, translate=None):
    """Render a message (or plain text) with `translate` (none: the Indonesian msgid)."""
    if not isinstance(text, dict) or "msgid" not in text:
        return "" if text is None else str(text)
    values = {key: say(value, translate) if isinstance(value, dict) else value
              for key, value in (text.get("values") or {}).items()}
    pattern = translate(text["msgid"]) if translate else text["msgid"]
    return pattern % values if values else pattern


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


def dmy(day):
    """Write a date as a message value: 25/09/2026 (read the same in both languages)."""
    return f"{day:%d/%m/%Y}"
