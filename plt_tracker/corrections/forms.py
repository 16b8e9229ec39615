"""Forms to correct or void a record: its fields, the reason, and the version it was opened at."""
from flask_babel import lazy_gettext as _l
from plt_tracker.core.forms import BaseForm
from wtforms import (HiddenField, IntegerField, SelectField, StringField, SubmitField,
                     TextAreaField)
from wtforms.validators import (InputRequired, Length, NumberRange, Optional, Regexp,
                                ValidationError)

from plt_tracker.registry.forms import choices
from plt_tracker.vacancies.forms import DayField
from plt_tracker.vacancies.models import ACTING_KINDS, VACANCY_REASONS

REASON_HELP = _l("Mis. salah ketik nomor surat, tanggal dari SK yang benar. Tercatat di riwayat.")


def _required(label):
    return InputRequired(message=_l("%(label)s wajib diisi", label=label))


class CorrectionBase(BaseForm):
    """What every correction and void carries: the record's version and the reason."""

    version = HiddenField(validators=[Regexp(r"^\d{1,9}$", message=_l("Formulir tidak sah; "
                                                                       "buka lagi halamannya."))])
    why = TextAreaField(_l("Alasan koreksi"), validators=[_required(_l("Alasan koreksi")),
                                                          Length(max=300)],
                        description=REASON_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The reason reads best last, just above the button, after what it explains.
        for name in ("why", "submit"):
            if name in self._fields:
                self._fields.move_to_end(name)

    def version_number(self):
        """Return the version the form was opened at."""
        return int(self.version.data)


class VoidForm(CorrectionBase):
    """Void a record entered by mistake."""

    why = TextAreaField(_l("Alasan pembatalan"), validators=[_required(_l("Alasan pembatalan")),
                                                             Length(max=300)],
                        description=_l("Mis. tercatat dua kali, salah jabatan. Catatan tetap "
                                       "terlihat di riwayat sebagai dibatalkan."))
    submit = SubmitField(_l("Batalkan catatan ini"))


class VacancyCorrectionForm(CorrectionBase):
    """Correct a vacancy's start and reason."""

    start_date = DayField(_l("Kosong sejak"), validators=[_required(_l("Tanggal mulai kosong"))])
    reason = SelectField(_l("Alasan kosong"), choices=choices(VACANCY_REASONS))
    reason_note = StringField(_l("Keterangan"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Simpan koreksi"))


class OfficialChoice(SelectField):
    """A select of the pemda's officials (choices set by the view)."""

    def __init__(self, label, **kwargs):
        super().__init__(label, coerce=int, validate_choice=True, **kwargs)

    def pre_validate(self, form):
        if not self.data:
            raise ValidationError(_l("Pilih pejabat"))
        super().pre_validate(form)


class ActingCorrectionForm(CorrectionBase):
    """Correct an acting letter: person, kind, number, dates, early end."""

    official_id = OfficialChoice(_l("Pejabat"))
    kind = SelectField(_l("Sebagai"), choices=choices(ACTING_KINDS))
    letter_number = StringField(_l("Nomor surat"), validators=[Optional(), Length(max=100)])
    letter_date = DayField(_l("Tanggal surat"), validators=[Optional()])
    start_date = DayField(_l("Mulai tugas"), validators=[_required(_l("Mulai tugas"))])
    end_date = DayField(_l("Akhir surat pertama"), validators=[_required(_l("Akhir tugas"))])
    ended_on = DayField(_l("Hari terakhir bertugas (bila diakhiri lebih awal)"),
                        validators=[Optional()],
                        description=_l("Kosongkan bila tugasnya tidak diakhiri lebih awal"))
    end_note = StringField(_l("Catatan akhir"), validators=[Optional(), Length(max=300)])
    governor_approval_number = StringField(_l("Nomor persetujuan gubernur (Pj Sekda)"),
                                           validators=[Optional(), Length(max=100)])
    governor_approval_date = DayField(_l("Tanggal persetujuan gubernur"), validators=[Optional()])
    submit = SubmitField(_l("Simpan koreksi"))


class ExtensionCorrectionForm(CorrectionBase):
    """Correct an extension letter."""

    end_date = DayField(_l("Akhir tugas yang baru"), validators=[_required(_l("Akhir tugas"))])
    letter_number = StringField(_l("Nomor surat perpanjangan"),
                                validators=[Optional(), Length(max=100)])
    letter_date = DayField(_l("Tanggal surat perpanjangan"),
                           validators=[_required(_l("Tanggal surat"))])
    note = TextAreaField(_l("Catatan"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Simpan koreksi"))


class AppointmentCorrectionForm(CorrectionBase):
    """Correct a definitive appointment (person, SK, inauguration day)."""

    official_id = OfficialChoice(_l("Pejabat"))
    sk_number = StringField(_l("Nomor SK"), validators=[Optional(), Length(max=100)])
    sk_date = DayField(_l("Tanggal SK"), validators=[Optional()])
    start_date = DayField(_l("Tanggal pelantikan"), validators=[Optional()])
    minister_approval_number = StringField(_l("Nomor persetujuan tertulis Mendagri"),
                                           validators=[Optional(), Length(max=100)])
    minister_approval_date = DayField(_l("Tanggal persetujuan Mendagri"), validators=[Optional()])
    submit = SubmitField(_l("Simpan koreksi"))


class AttemptCorrectionForm(CorrectionBase):
    """Correct a filling attempt's start, note, the Minister's approval and its end."""

    started_on = DayField(_l("Mulai proses"), validators=[_required(_l("Mulai proses"))])
    minister_approval_number = StringField(_l("Nomor persetujuan Mendagri"),
                                           validators=[Optional(), Length(max=100)])
    minister_approval_date = DayField(_l("Tanggal persetujuan Mendagri"), validators=[Optional()])
    ended_on = DayField(_l("Tanggal berakhir"), validators=[Optional()],
                        description=_l("Hanya untuk proses yang gagal atau dibatalkan"))
    end_reason = StringField(_l("Alasan berakhir"), validators=[Optional(), Length(max=300)])
    note = TextAreaField(_l("Catatan"), validators=[Optional(), Length(max=2000)])
    submit = SubmitField(_l("Simpan koreksi"))


class StageCorrectionForm(CorrectionBase):
    """Correct a stage record's dates, document number and note."""

    started_on = DayField(_l("Mulai tahap"), validators=[_required(_l("Mulai tahap"))])
    finished_on = DayField(_l("Selesai tahap"), validators=[Optional()])
    document_number = StringField(_l("Nomor dokumen/surat"),
                                  validators=[Optional(), Length(max=100)])
    note = TextAreaField(_l("Catatan"), validators=[Optional(), Length(max=2000)])
    applicants = IntegerField(_l("Jumlah pelamar (tahap pendaftaran)"),
                              validators=[Optional(), NumberRange(min=0, max=10000)])
    extensions = IntegerField(_l("Perpanjangan pendaftaran (kali)"),
                              validators=[Optional(), NumberRange(min=0, max=10)])
    submit = SubmitField(_l("Simpan koreksi"))
