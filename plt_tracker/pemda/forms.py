"""The deployment admin's form for a new pemda and its first admin."""
from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import Length

from plt_tracker.core.forms import BaseForm
from plt_tracker.registry.forms import INVALID_CHOICE, REQUIRED, choices, max_length
from plt_tracker.registry.models import PEMDA_KINDS


class PemdaForm(BaseForm):
    """A pemda (its name, kind and province) with the user who will administer it."""

    name = StringField(_l("Nama pemda"), validators=[REQUIRED, max_length(200)],
                       description=_l("Misalnya: Pemerintah Kabupaten Rejang Lebong"))
    kind = SelectField(_l("Jenis"), choices=choices(PEMDA_KINDS),
                       invalid_choice_message=INVALID_CHOICE)
    parent_id = SelectField(_l("Provinsi"), coerce=int, invalid_choice_message=INVALID_CHOICE,
                            description=_l("Wajib untuk kabupaten dan kota."))
    admin_username = StringField(_l("Nama pengguna admin pertama"),
                                 validators=[REQUIRED, max_length(64)])
    admin_full_name = StringField(_l("Nama lengkap admin pertama"),
                                  validators=[REQUIRED, max_length(200)])
    admin_password = PasswordField(_l("Kata sandi admin pertama"), validators=[
        REQUIRED, Length(min=10, message=_l("Kata sandi minimal 10 karakter")),
        max_length(200)], description=_l("Minimal 10 karakter, bukan kata sandi umum, tidak "
                                         "memuat nama pengguna."))
    submit = SubmitField(_l("Tambah pemda"))
