"""Forms for logging in and managing users."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from plt_tracker.auth.models import ROLES
from plt_tracker.core.forms import BaseForm
from plt_tracker.registry.forms import INVALID_CHOICE, REQUIRED, choices, max_length


class LoginForm(BaseForm):
    """Username and password."""

    username = StringField(_l("Nama pengguna"), validators=[DataRequired(), max_length(64)])
    password = PasswordField(_l("Kata sandi"), validators=[DataRequired(), max_length(200)])
    remember = BooleanField(_l("Ingat saya"))
    submit = SubmitField(_l("Masuk"))


class UserForm(BaseForm):
    """An admin's form to add or change a user."""

    username = StringField(_l("Nama pengguna"), validators=[REQUIRED, max_length(64)])
    full_name = StringField(_l("Nama lengkap"), validators=[REQUIRED, max_length(200)])
    email = EmailField(_l("Email"), validators=[Optional(), max_length(200)])
    role = SelectField(_l("Peran"), choices=choices(ROLES), invalid_choice_message=INVALID_CHOICE)
    password = PasswordField(_l("Kata sandi"), validators=[
        Optional(), Length(min=8, message=_l("Kata sandi minimal 8 karakter")), max_length(200)])
    submit = SubmitField(_l("Simpan"))
