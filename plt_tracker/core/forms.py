"""The base of every form (bad input refused centrally), and running a form's change."""
import math

from flask import flash, redirect
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import (BooleanField, DateField, DecimalField, FloatField, HiddenField, IntegerField,
                     StringField, SubmitField, TextAreaField)
from wtforms.validators import AnyOf, InputRequired, Length, ValidationError
from wtforms.widgets import CheckboxInput

from plt_tracker.core.dates import MAX_YEAR, MIN_YEAR
from plt_tracker.core.db import RuleViolation, transaction
from plt_tracker.core.requests import MAX_ID, has_control_characters
from plt_tracker.core.versions import StaleRecord

CONTROL_MESSAGE = _l("Berisi karakter kendali atau pengatur arah teks yang tidak diizinkan")
LENGTH_MESSAGE = _l("Paling banyak %(max)d karakter")


def plain_text(form, field):  # noqa: ARG001
    """Refuse control characters (NUL, bidi overrides…) in one-line text."""
    if isinstance(field.data, str) and has_control_characters(field.data):
        raise ValidationError(CONTROL_MESSAGE)


def multiline_text(form, field):  # noqa: ARG001
    """Refuse control characters in a text area, except tab and line breaks."""
    if isinstance(field.data, str) and has_control_characters(field.data, multiline=True):
        raise ValidationError(CONTROL_MESSAGE)


def date_in_range(form, field):  # noqa: ARG001
    """Refuse a date whose year is a typing mistake (and would overflow date arithmetic)."""
    if field.data is not None and not MIN_YEAR <= field.data.year <= MAX_YEAR:
        raise ValidationError(_l("Tahun harus antara %(min)d dan %(max)d", min=MIN_YEAR,
                                 max=MAX_YEAR))


def number_in_range(form, field):  # noqa: ARG001
    """Refuse a number no database column holds (or NaN and infinity)."""
    value = field.data
    if value is not None and (not math.isfinite(value) or abs(value) > MAX_ID):
        raise ValidationError(_l("Angka di luar rentang yang diizinkan"))


def _checks_for(field_class):
    """Return the validators every field of this class gets, whatever its form says."""
    if issubclass(field_class, TextAreaField):
        return [multiline_text]
    if issubclass(field_class, StringField):  # also passwords, emails, hidden fields
        return [plain_text]
    if issubclass(field_class, DateField):
        return [date_in_range]
    if issubclass(field_class, (IntegerField, FloatField, DecimalField)):
        return [number_in_range]
    return []


def _indonesian(validator):
    """Give a Length validator without a message the Indonesian one (WTForms has no `id`)."""
    if isinstance(validator, Length) and validator.message is None and validator.min == -1:
        return Length(max=validator.max, message=LENGTH_MESSAGE)
    return validator


class BaseForm(FlaskForm):
    """Every form of the app: text, dates and numbers are checked here once for all fields.

    Control characters in any text field, dates outside MIN_YEAR..MAX_YEAR and
    numbers beyond a database integer are refused with a message on the field,
    before any view or operation sees them.
    """

    class Meta:
        def bind_field(self, form, unbound_field, options):
            """Add the central checks to the field's own validators."""
            # Fields here take their validators by keyword (a positional list would clash).
            own = unbound_field.kwargs.get("validators") or []
            validators = [_indonesian(v) for v in own] + _checks_for(unbound_field.field_class)
            options = dict(options, validators=validators)
            return super().bind_field(form, unbound_field, options)


class FlagInput(CheckboxInput):
    """A check box preceded by a hidden "n": an unticked box still sends its name."""

    def __call__(self, field, **kwargs):
        marker = Markup('<input type="hidden" name="%s" value="n">') % escape(field.name)
        return marker + super().__call__(field, **kwargs)


class FlagField(BooleanField):
    """A yes/no check box that an absent field never flips.

    A browser sends nothing for an unticked box, so a plain BooleanField reads a
    post that lacks the field (a script, a stale form) as "no". This one reads
    "n" (the hidden marker) or "n"+"y" (ticked); when the name is absent
    altogether the record's value (or the default) stays.
    """

    widget = FlagInput()

    def process_formdata(self, valuelist):
        """Read the marker and the box; keep the current value when neither came."""
        if valuelist:
            self.data = "y" in valuelist

    def _value(self):
        return "y"


class StatusForm(BaseForm):
    """An explicit (de)activation: a button that posts the wanted state, never implied."""

    active = HiddenField(validators=[InputRequired(), AnyOf(["0", "1"])])


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
        field.errors = list(field.errors) + [exc.shown()]
    else:
        flash(exc.shown(), "danger")


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
