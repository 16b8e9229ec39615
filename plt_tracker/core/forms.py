"""Running a form's change: one transaction, a refused rule shown on the form."""
from flask import flash, redirect
from wtforms import SubmitField

from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.versions import StaleRecord


def attach_violation(form, exc, aliases=None):
    """Show a refused rule's message on its form field, or as a flash when it has none.

    `aliases` maps an operation's field name to the form's, where they differ.
    A stale form (core.versions.StaleRecord) keeps the user's input, shows what
    changed meanwhile (`form.stale`) and moves to the current version, so that
    saving again is a deliberate choice.
    """
    if isinstance(exc, StaleRecord):
        form.stale = exc
        if getattr(form, "version", None) is not None:
            form.version.data = str(exc.current_version)
            form.version.raw_data = [form.version.data]
    name = (aliases or {}).get(exc.field, exc.field)
    field = getattr(form, name, None) if name else None
    if field is not None and not isinstance(field, SubmitField):
        field.errors = list(field.errors) + [exc.message]
    else:
        flash(exc.message, "danger")


def submit_change(form, change, *, done_url, render, aliases=None, after=None):
    """Run a valid form's `change` in one transaction, then flash and redirect (PRG).

    `change()` returns the success message. On a refused rule nothing is saved
    and `render()` shows the form again with the message, status 400; a form
    not yet submitted is shown with status 200. `after()` runs once the change
    is committed (e.g. to add warnings). `done_url` may be a function, for a
    record the change creates.
    """
    if form.validate_on_submit():
        try:
            with transaction():
                message = change()
        except RuleViolation as exc:
            attach_violation(form, exc, aliases)
        else:
            flash(message, "success")
            if after:
                after()
            return redirect(done_url() if callable(done_url) else done_url)
    return render(), 400 if form.is_submitted() else 200
