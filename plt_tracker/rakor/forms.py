"""Forms of the Rakor pages: the rule, calendar changes, making a report."""
from flask_babel import gettext, lazy_gettext as _l
from flask_babel.speaklater import LazyString
from wtforms import DateField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Regexp

from plt_tracker.core.forms import BaseForm
from plt_tracker.rakor.calendar import WEEKDAYS, WEEKS



def choices(pairs):
    """Turn (value, label) pairs into WTForms choices."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


_TIME = Regexp(r"^\d{1,2}:\d{2}$", message=_l("Tulis jam seperti 09:00"))


class RuleForm(BaseForm):
    """The recurrence rule, the report lead time and the recipients."""

    # Translated when shown (the names are msgids: settings.forms.WEEKDAYS, WEEKS_OF_MONTH).
    weekday = SelectField(_l("Hari"), coerce=int,
                          choices=choices((k, _l(v)) for k, v in enumerate(WEEKDAYS)))
    week_of_month = SelectField(_l("Minggu ke-"), coerce=int, choices=choices(
        (k, LazyString(lambda v=v: gettext(v).capitalize())) for k, v in WEEKS.items()))
    time = StringField(_l("Jam Rakor"), validators=[DataRequired(), _TIME])
    lead_days = IntegerField(_l("Laporan dibuat ... hari sebelum Rakor"),
                             validators=[InputRequired(), NumberRange(0, 30)])
    report_time = StringField(_l("Jam pembuatan laporan"), validators=[DataRequired(), _TIME])
    recipients = TextAreaField(_l("Penerima email laporan"), validators=[Length(max=2000)],
                               description=_l("Pisahkan alamat dengan koma atau baris baru."))
    submit = SubmitField(_l("Simpan aturan"))


class AddMeetingForm(BaseForm):
    """An extra meeting on top of the rule."""

    # Three forms share the Rakor page: their fields need ids of their own (labels, focus).
    meeting_date = DateField(_l("Tanggal Rakor tambahan"), validators=[DataRequired()],
                             id="add_meeting_date")
    note = StringField(_l("Catatan"), validators=[Length(max=300)], id="add_note")
    submit = SubmitField(_l("Tambah Rakor"))


class MoveMeetingForm(BaseForm):
    """Move one month's meeting to another date."""

    rule_month = SelectField(_l("Rakor bulan"), validators=[DataRequired()])
    meeting_date = DateField(_l("Tanggal baru"), validators=[DataRequired()],
                             id="move_meeting_date")
    note = StringField(_l("Catatan"), validators=[Length(max=300)], id="move_note")
    submit = SubmitField(_l("Pindahkan"))


class CancelMeetingForm(BaseForm):
    """Cancel a planned meeting."""

    meeting = SelectField(_l("Rakor yang dibatalkan"), validators=[DataRequired()])
    note = StringField(_l("Alasan"), validators=[Length(max=300)], id="cancel_note")
    submit = SubmitField(_l("Batalkan Rakor"))


class GenerateForm(BaseForm):
    """Make a new version of a meeting's report now."""

    meeting_date = SelectField(_l("Rakor"), validators=[DataRequired()])
    submit = SubmitField(_l("Buat laporan sekarang"))
