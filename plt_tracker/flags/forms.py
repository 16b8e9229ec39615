"""Forms for the election windows and Pj periods."""
from flask_babel import lazy_gettext as _l
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from plt_tracker.core.forms import BaseForm, FlagField
from plt_tracker.vacancies.forms import DayField


class DateRangeForm(BaseForm):
    """Add or edit an election window or a Pj period."""

    name = StringField(_l("Nama"), validators=[DataRequired(message=_l("Nama wajib diisi")),
                                              Length(max=200)])
    start_date = DayField(_l("Mulai"), validators=[DataRequired(message=_l("Tanggal mulai wajib diisi"))])
    end_date = DayField(_l("Sampai dengan"), validators=[DataRequired(message=_l("Tanggal akhir wajib diisi"))])
    note = TextAreaField(_l("Keterangan"), validators=[Optional(), Length(max=2000)])
    is_active = FlagField(_l("Aktif (dipakai aturan ELECTION_WINDOW)"), default=True)
    submit = SubmitField(_l("Simpan"))


class DeleteForm(BaseForm):
    """A button that deletes (CSRF-protected)."""

    submit = SubmitField(_l("Hapus"))
