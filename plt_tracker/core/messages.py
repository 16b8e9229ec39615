"""Sentences kept language-free: an Indonesian msgid and its values, rendered when shown.

Flag reasons (flags/text.py) and refused rules (core.db.RuleViolation) are built as
`message(N_("… %(days)d hari …"), days=…)`; the Indonesian sentence is `say(m)`, the
reader's is `say(m, gettext)`. Values are plain (numbers, names, dates as dd/mm/yyyy) or
messages themselves, so a message can be stored as JSON and shown later in any language.
"""


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


def dmy(day):
    """Write a date as a message value: 25/09/2026 (read the same in both languages)."""
    return f"{day:%d/%m/%Y}"
