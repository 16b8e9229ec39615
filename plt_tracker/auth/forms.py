"""Forms for logging in and managing users."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, Optional

from plt_tracker.auth.models import ROLES, SCOPE_RANK, SCOPES
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
    # A new user starts with the least role: an admin raises it on purpose, never by oversight.
    role = SelectField(_l("Peran"), choices=choices(ROLES), invalid_choice_message=INVALID_CHOICE,
                       default="viewer")
    # Shown only to province and national admins (auth.user_views), with the scopes they hold.
    scope = SelectField(_l("Cakupan"), choices=choices(SCOPES),
                        invalid_choice_message=INVALID_CHOICE,
                        description=_l("Pemda yang boleh dilihat: pemda pengguna sendiri, "
                                       "provinsinya beserta kabupaten/kotanya, atau semua."))
    password = PasswordField(_l("Kata sandi"), validators=[
        Optional(), Length(min=10, message=_l("Kata sandi minimal 10 karakter")), max_length(200)])
    submit = SubmitField(_l("Simpan"))


def fit_scope_field(form, admin):
    """Offer the scopes `admin` may grant, or drop the field for an admin of one pemda."""
    if admin.scope == "pemda":
        del form.scope
        return
    form.scope.choices = choices({code: label for code, label in SCOPES.items()
                                  if SCOPE_RANK[code] <= SCOPE_RANK[admin.scope]})


class PasswordChangeForm(BaseForm):
    """A user's own password change: the current one, then the new one twice."""

    current_password = PasswordField(_l("Kata sandi sekarang"), validators=[
        DataRequired(message=_l("Wajib diisi")), max_length(200)])
    new_password = PasswordField(_l("Kata sandi baru"), validators=[
        DataRequired(message=_l("Wajib diisi")),
        Length(min=10, message=_l("Kata sandi minimal 10 karakter")), max_length(200)],
        description=_l("Minimal 10 karakter, bukan kata sandi umum, tidak memuat nama pengguna."))
    confirm = PasswordField(_l("Ulangi kata sandi baru"), validators=[
        EqualTo("new_password", message=_l("Kedua kata sandi baru tidak sama")), max_length(200)])
    submit = SubmitField(_l("Ganti kata sandi"))


class EndSessionsForm(BaseForm):
    """The "log out everywhere" button."""

    submit = SubmitField(_l("Keluar dari semua perangkat"))
