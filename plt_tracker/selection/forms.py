"""Forms for filling attempts (operator) and routes/stages (admin)."""
from flask_babel import lazy_gettext as _l
from wtforms import (HiddenField, IntegerField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import AnyOf, DataRequired, Length, NumberRange, Optional

from plt_tracker.core.forms import BaseForm, FlagField
from plt_tracker.selection.models import ROUTE_TARGETS
from plt_tracker.vacancies.forms import DayField


def choices(pairs):
    """Return (value, label) pairs as SelectChoice (tuples are deprecated in WTForms)."""
    return [SelectChoice(value=value, label=label) for value, label in pairs]


def _required(label):
    return DataRequired(message=_l("%(label)s wajib diisi", label=label))


class StartAttemptForm(BaseForm):
    """Start filling a vacancy along a route."""

    route_id = SelectField(_l("Jalur pengisian"), coerce=int,
                           validators=[DataRequired(message=_l("Pilih jalur pengisian"))])
    started_on = DayField(_l("Mulai proses"), validators=[_required(_l("Mulai proses"))])
    note = TextAreaField(_l("Catatan"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Mulai proses"))


class StageForm(BaseForm):
    """Record a stage: start, finish, letter number, note (and, at inauguration, who)."""

    started_on = DayField(_l("Mulai tahap"), validators=[_required(_l("Mulai tahap"))])
    finished_on = DayField(_l("Selesai tahap"), validators=[Optional()],
                           description=_l("Kosongkan bila tahap masih berjalan"))
    document_number = StringField(_l("Nomor dokumen/surat"), validators=[Optional(), Length(max=100)])
    note = TextAreaField(_l("Catatan"), validators=[Optional(), Length(max=2000)])
    # Registration only: the applicant minimum and its extensions (PermenPANRB 15/2019).
    applicants = IntegerField(_l("Jumlah pelamar"),
                              validators=[Optional(), NumberRange(min=0, max=10000)],
                              description=_l("Minimal pelamar diatur di Pengaturan"))
    extensions = IntegerField(_l("Pendaftaran diperpanjang (kali)"),
                              validators=[Optional(), NumberRange(min=0, max=10)])
    submit = SubmitField(_l("Simpan tahap"))


class InaugurationForm(StageForm):
    """The last stage: finishing it records the definitive appointment too."""

    appointee = SelectField(_l("Pejabat yang dilantik"), coerce=int, validate_choice=True,
                            description=_l("Wajib bila tahap ini selesai: pelantikan mengisi jabatan"))
    sk_number = StringField(_l("Nomor SK pengangkatan"), validators=[Optional(), Length(max=100)])
    sk_date = DayField(_l("Tanggal SK"), validators=[Optional()])


class EndAttemptForm(BaseForm):
    """Mark an attempt failed or cancelled."""

    status = SelectField(_l("Hasil"), choices=choices([("failed", _l("Gagal")),
                                                   ("cancelled", _l("Dibatalkan"))]))
    ended_on = DayField(_l("Tanggal"), validators=[_required(_l("Tanggal"))])
    reason = StringField(_l("Alasan"), validators=[_required(_l("Alasan")), Length(max=300)],
                         description=_l("Mis. pelamar kurang dari 3, seleksi dibatalkan BKN"))
    submit = SubmitField(_l("Simpan"))


class ApprovalForm(BaseForm):
    """Record the Minister's written approval."""

    number = StringField(_l("Nomor surat persetujuan Mendagri"),
                         validators=[_required(_l("Nomor surat")), Length(max=100)])
    approved_on = DayField(_l("Tanggal persetujuan"), validators=[_required(_l("Tanggal"))])
    submit = SubmitField(_l("Catat persetujuan"))


class RouteForm(BaseForm):
    """Edit a route."""

    name = StringField(_l("Nama jalur"), validators=[_required(_l("Nama jalur")), Length(max=200)])
    description = TextAreaField(_l("Keterangan"), validators=[Optional(), Length(max=2000)])
    post_kinds = SelectMultipleField(_l("Berlaku untuk jenis jabatan"),
                                     choices=choices(ROUTE_TARGETS.items()))
    is_active = FlagField(_l("Aktif"))
    submit = SubmitField(_l("Simpan jalur"))


class StageEditForm(BaseForm):
    """Edit a stage of a route."""

    name = StringField(_l("Nama tahap"), validators=[_required(_l("Nama tahap")), Length(max=200)])
    expected_days = IntegerField(_l("Perkiraan lama (hari)"),
                                 validators=[Optional(), NumberRange(min=0, max=3650)],
                                 description=_l("Kosongkan bila tidak ada batas"))
    needs_minister_approval_check = FlagField(_l("Perlu persetujuan Mendagri dalam masa pilkada/Pj"))
    is_appointment_stage = FlagField(_l("Tahap pengangkatan (aturan masa pilkada)"))
    ends_vacancy = FlagField(_l("Selesainya tahap ini mengakhiri kekosongan (pelantikan)"))
    submit = SubmitField(_l("Simpan tahap"))


class NewStageForm(BaseForm):
    """Append a stage to a route."""

    name = StringField(_l("Nama tahap"), validators=[_required(_l("Nama tahap")), Length(max=200)])
    expected_days = IntegerField(_l("Perkiraan lama (hari)"),
                                 validators=[Optional(), NumberRange(min=0, max=3650)])
    submit = SubmitField(_l("Tambah tahap"))


class MoveForm(BaseForm):
    """Move a stage up or down (a button form)."""

    direction = HiddenField(validators=[AnyOf(["-1", "1"])])
