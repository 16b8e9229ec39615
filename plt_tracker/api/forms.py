"""The admin's forms for API tokens."""
from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import Optional

from plt_tracker.auth.models import SCOPE_RANK, SCOPES
from plt_tracker.core.forms import BaseForm
from plt_tracker.registry.forms import INVALID_CHOICE, REQUIRED, choices, max_length
from plt_tracker.vacancies.forms import DayField


class TokenForm(BaseForm):
    """Make a token: a name that says who uses it, its scope, an optional last day."""

    name = StringField(_l("Nama token"), validators=[REQUIRED, max_length(100)],
                       description=_l("Siapa atau sistem apa yang memakainya, misalnya "
                                      "Dasbor Provinsi Bengkulu."))
    scope = SelectField(_l("Cakupan"), choices=choices(SCOPES),
                        invalid_choice_message=INVALID_CHOICE,
                        description=_l("Pemda yang boleh dibaca dengan token ini: pemda Anda, "
                                       "provinsinya beserta kabupaten/kotanya, atau semua."))
    expires_on = DayField(_l("Berlaku sampai"), validators=[Optional()],
                          description=_l("Kosongkan bila berlaku sampai dicabut."))
    submit = SubmitField(_l("Buat token"))


def fit_token_scope(form, admin):
    """Offer the scopes `admin` may grant (at most their own)."""
    form.scope.choices = choices({code: label for code, label in SCOPES.items()
                                  if SCOPE_RANK[code] <= SCOPE_RANK[admin.scope]})


class RevokeForm(BaseForm):
    """The button that revokes a token (CSRF-protected)."""

    submit = SubmitField(_l("Cabut"))
