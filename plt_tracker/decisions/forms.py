"""Forms of decisions: record one, change it, close it as done, drop it."""
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from plt_tracker.core.forms import BaseForm
from plt_tracker.vacancies.forms import DayField

EMAIL = Regexp(r"^([^@\s,;]+@[^@\s,;]+\.[^@\s,;]+)?$",
               message=_l("Isi satu alamat email, mis. nama@lebongkab.go.id"))
VERSION = Regexp(r"^\d{1,9}$", message=_l("Formulir tidak sah; buka lagi halamannya."))
# "bkpsdm", or "opd:<id>" for an OPD of the pemda.
BKPSDM = "bkpsdm"


def choices(pairs):
    """Return (value, label) pairs as SelectChoice."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def _responsible():
    return SelectField(_l("Penanggung jawab"),
                       validators=[DataRequired(message=_l("Pilih penanggung jawab"))])


def _email():
    return StringField(
        _l("Email penanggung jawab (untuk pengingat)"),
        validators=[Optional(), Length(max=200), EMAIL],
        description=_l("Boleh dikosongkan; pengingat dikirim beberapa hari sebelum Rakor."))


class DecisionForm(BaseForm):
    """A decision of a Rakor about a post (or the whole pemda)."""

    meeting_date = SelectField(_l("Rakor"), validators=[DataRequired(message=_l("Pilih Rakor"))])
    post_id = SelectField(_l("Jabatan (kekosongan)"), validators=[Length(max=12)])
    flag_code = SelectField(_l("Menjawab penanda (opsional)"), validators=[Length(max=30)])
    instruction = TextAreaField(_l("Keputusan / arahan"), validators=[
        InputRequired(message=_l("Isi keputusan (arahan) wajib diisi")), Length(max=1000)])
    responsible = _responsible()
    responsible_email = _email()
    due_date = DayField(_l("Tenggat"), validators=[Optional()],
                        description=_l("Kosongkan untuk Rakor berikutnya."))
    submit = SubmitField(_l("Catat keputusan"))


class EditDecisionForm(BaseForm):
    """Change an open decision's instruction, responsible unit or due date."""

    version = HiddenField(validators=[Optional(), VERSION])
    instruction = TextAreaField(_l("Keputusan / arahan"), validators=[
        InputRequired(message=_l("Isi keputusan (arahan) wajib diisi")), Length(max=1000)])
    responsible = _responsible()
    responsible_email = _email()
    due_date = DayField(_l("Tenggat"), validators=[InputRequired(message=_l("Tenggat wajib diisi"))])
    submit = SubmitField(_l("Simpan perubahan"))


class CloseForm(BaseForm):
    """Close an open decision: done (what was done) or dropped (why)."""

    version = HiddenField(validators=[Optional(), VERSION])
    closed_on = DayField(_l("Tanggal"), validators=[InputRequired(message=_l("Tanggal wajib diisi"))])
    note = TextAreaField(_l("Yang sudah dilakukan"), validators=[
        InputRequired(message=_l("Wajib diisi")), Length(max=1000)])
    submit = SubmitField(_l("Tandai selesai"))


class DropForm(CloseForm):
    """Drop an open decision with its reason."""

    note = TextAreaField(_l("Alasan dihentikan"), validators=[
        InputRequired(message=_l("Alasan wajib diisi")), Length(max=1000)])
    submit = SubmitField(_l("Hentikan keputusan"))
