"""Forms of the BKPSDM operator's vacancy actions."""
from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, DateField, HiddenField, SelectField, StringField, SubmitField,
                     TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from plt_tracker.core.dates import parse_date
from plt_tracker.core.forms import BaseForm
from plt_tracker.vacancies.models import ACTING_KINDS, VACANCY_REASONS


class DayField(DateField):
    """A date picker that also accepts 01/03/2025 and says what is wrong in Indonesian."""

    def process_formdata(self, valuelist):
        """Read ISO or day-month-year dates."""
        self.data = None
        text = " ".join(valuelist or []).strip()
        if not text:
            return
        try:
            self.data = parse_date(text)
        except ValueError as exc:
            raise ValueError(str(exc)) from None


def _options(mapping):
    return [SelectChoice(value=code, label=label) for code, label in mapping.items()]


def _required(label):
    # InputRequired keeps the parse error of a badly typed date (DataRequired would hide it).
    return InputRequired(message=_l("%(label)s wajib diisi", label=label))


def _official_field():
    return SelectField(_l("Pejabat"), coerce=int, validate_choice=True,
                       validators=[DataRequired(message=_l("Pilih pejabat"))])


class VacancyForm(BaseForm):
    """Record that a post became vacant."""

    start_date = DayField(_l("Kosong sejak"), validators=[_required(_l("Tanggal mulai kosong"))],
                          description=_l("Hari pertama jabatan tanpa pejabat definitif"))
    reason = SelectField(_l("Alasan"), choices=_options(VACANCY_REASONS))
    reason_note = StringField(_l("Keterangan"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Catat kekosongan"))


class ActingForm(BaseForm):
    """Name a Plt or Plh by a letter (surat perintah)."""

    kind = SelectField(_l("Sebagai"), choices=_options(ACTING_KINDS))
    official_id = _official_field()
    letter_number = StringField(_l("Nomor surat"), validators=[Optional(), Length(max=100)])
    letter_date = DayField(_l("Tanggal surat"), validators=[Optional()])
    start_date = DayField(_l("Mulai tugas"), validators=[_required(_l("Mulai tugas"))])
    end_date = DayField(_l("Akhir tugas"), validators=[Optional()])
    governor_approval_number = StringField(_l("Nomor persetujuan gubernur"),
                                           validators=[Optional(), Length(max=100)],
                                           description=_l("Hanya untuk Pj Sekda (Perpres 3/2018)"))
    governor_approval_date = DayField(_l("Tanggal persetujuan gubernur"), validators=[Optional()])
    # Shown only when the official's own post is not of the level the rule allows.
    confirm_level = BooleanField(_l("Ya, tetap tunjuk meskipun tingkat jabatannya tidak sesuai"))
    # Shown only when the official already acts in another post: the ids of those posts
    # as listed to the user, and their explicit yes.
    confirmed_posts = HiddenField(validators=[Length(max=2000)])
    confirm = BooleanField(_l("Ya, pejabat ini memang merangkap sebagai pelaksana di jabatan "
                              "tersebut"))
    submit = SubmitField(_l("Tunjuk"))

    def confirmed_post_ids(self):
        """Return the ids of the other posts the user confirmed (none without the tick)."""
        if not self.confirm.data:
            return set()
        return {int(part) for part in (self.confirmed_posts.data or "").split(",")
                if part.isdigit()}


class ExtendForm(BaseForm):
    """Extend an acting letter; each extension is its own record."""

    end_date = DayField(_l("Akhir tugas yang baru"), validators=[_required(_l("Akhir tugas"))])
    letter_number = StringField(_l("Nomor surat perpanjangan"),
                                validators=[Optional(), Length(max=100)])
    letter_date = DayField(_l("Tanggal surat perpanjangan"), validators=[Optional()],
                           description=_l("Kosongkan bila surat bertanggal hari ini"))
    note = TextAreaField(_l("Catatan"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Perpanjang"))


class EndActingForm(BaseForm):
    """End an acting assignment on its last day."""

    ended_on = DayField(_l("Hari terakhir bertugas"),
                        validators=[_required(_l("Hari terakhir bertugas"))])
    note = StringField(_l("Catatan"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Akhiri tugas"))


class AppointmentForm(BaseForm):
    """Record the definitive appointment (SK and inauguration)."""

    official_id = _official_field()
    sk_number = StringField(_l("Nomor SK"), validators=[Optional(), Length(max=100)])
    sk_date = DayField(_l("Tanggal SK"), validators=[Optional()])
    minister_approval_number = StringField(
        _l("Nomor persetujuan tertulis Mendagri"), validators=[Optional(), Length(max=100)],
        description=_l("Wajib bila SK jatuh dalam masa pilkada atau masa Pj; harus bertanggal "
                       "sebelum atau sama dengan SK"))
    minister_approval_date = DayField(_l("Tanggal persetujuan Mendagri"), validators=[Optional()])
    start_date = DayField(_l("Tanggal pelantikan"),
                          validators=[_required(_l("Tanggal pelantikan"))])
    submit = SubmitField(_l("Catat pelantikan"))


class HolderForm(AppointmentForm):
    """Record the current definitive holder of a post with no history yet."""

    start_date = DayField(_l("Tanggal pelantikan"), validators=[Optional()],
                          description=_l("Kosongkan bila tidak diketahui"))
    submit = SubmitField(_l("Catat pejabat definitif"))
