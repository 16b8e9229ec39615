"""Forms of the spreadsheet import page."""
from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField, SubmitField
from wtforms.validators import DataRequired, Length

from plt_tracker.core.forms import BaseForm


class UploadForm(BaseForm):
    """Choose a spreadsheet to preview."""

    file = FileField(_l("Berkas daftar jabatan (.xlsx atau .csv)"), validators=[
        FileRequired(_l("Pilih berkas yang akan diimpor")),
        FileAllowed(["xlsx", "csv"], _l("Berkas harus berformat .xlsx atau .csv")),
    ])
    submit = SubmitField(_l("Pratinjau"))


class ConfirmForm(BaseForm):
    """Apply the previewed file (kept on the server under this token)."""

    # A token of storage.save_upload: 32 URL-safe characters.
    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    submit = SubmitField(_l("Terapkan impor"))
