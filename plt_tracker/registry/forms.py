"""Forms for OPDs, posts and officials."""
from flask_babel import lazy_gettext as _l
from wtforms import (DateField, HiddenField, SelectField, StringField, SubmitField,
                     TextAreaField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp

from plt_tracker.core.forms import BaseForm, FlagField, StatusForm
from plt_tracker.registry.models import CLOSED_KINDS, OFFICIAL_KINDS, OPD_KINDS, POST_KINDS

ESELONS = ["I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b"]
NIP_KINDS = {"pns": _l("PNS"), "other": _l("PPPK (lainnya)")}

# WTForms has no Indonesian catalogue, so every message a user can meet is given here.
REQUIRED = DataRequired(message=_l("Wajib diisi"))
INVALID_CHOICE = _l("Pilihan tidak dikenal")


def max_length(count):
    """Limit a text field's length, with an Indonesian message."""
    return Length(max=count, message=_l("Paling banyak %(max)d karakter"))


def choices(mapping):
    """Turn a {code: label} mapping into select options (WTForms 3.3 wants SelectChoice)."""
    return [SelectChoice(value=code, label=label) for code, label in mapping.items()]


class OpdForm(BaseForm):
    """An admin's form to add or change an OPD."""

    name = StringField(_l("Nama OPD"), validators=[REQUIRED, max_length(200)])
    kind = SelectField(_l("Jenis OPD"), choices=choices(OPD_KINDS),
                       invalid_choice_message=INVALID_CHOICE)
    submit = SubmitField(_l("Simpan"))


class PostForm(BaseForm):
    """An admin's form to add or change a post (jabatan) of an OPD."""

    title = StringField(_l("Nama jabatan"), validators=[REQUIRED, max_length(200)])
    kind = SelectField(_l("Jenis jabatan"), choices=choices(POST_KINDS),
                       invalid_choice_message=INVALID_CHOICE)
    eselon = SelectField(_l("Eselon"), choices=choices({"": "—", **{e: e for e in ESELONS}}),
                         invalid_choice_message=INVALID_CHOICE,
                         validators=[Optional()])
    is_head = FlagField(_l("Kepala OPD"), default=True)
    submit = SubmitField(_l("Simpan"))


class OfficialForm(BaseForm):
    """A BKPSDM operator's form to record or correct an official."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("why", "submit"):  # the reason last, above the button
            self._fields.move_to_end(name)

    nip = StringField(_l("NIP"), validators=[REQUIRED, max_length(40)],
                      description=_l("18 angka, boleh dengan spasi: 19700512 199803 1 004"))
    nip_kind = SelectField(_l("Jenis NIP"), choices=choices(NIP_KINDS),
                           invalid_choice_message=INVALID_CHOICE,
                           description=_l("NIP PPPK dibaca berbeda: tanggal lahir tidak diambil "
                                          "dari NIP."))
    name = StringField(_l("Nama lengkap dengan gelar"),
                       validators=[REQUIRED, max_length(200)])
    rank = StringField(_l("Pangkat/golongan"), validators=[Optional(), max_length(100)],
                       description=_l("Contoh: Pembina Tingkat I (IV/b)"))
    position_title = StringField(_l("Jabatan definitif"), validators=[Optional(), max_length(200)],
                                 description=_l("Isi bila jabatan definitifnya tidak dilacak di "
                                                "aplikasi ini, mis. Sekretaris Dinas Pendidikan."))
    post_kind = SelectField(_l("Jenis jabatan definitif"),
                            choices=choices({"": "—", **OFFICIAL_KINDS}),
                            invalid_choice_message=INVALID_CHOICE, validators=[Optional()],
                            description=_l("Menentukan di jabatan mana ia boleh menjadi pelaksana "
                                           "(SE BKN 1/SE/I/2021) dan batas usia pensiunnya."))
    # Only when editing: the version the form was opened at, and why the data changes.
    version = HiddenField(validators=[Regexp(r"^\d{1,9}$", message=_l("Formulir tidak sah; buka "
                                                                       "lagi halamannya."))])
    why = TextAreaField(_l("Alasan perubahan"), validators=[REQUIRED, max_length(300)],
                        description=_l("Mis. koreksi salah ketik NIP, naik pangkat. Tercatat di "
                                       "riwayat."))
    submit = SubmitField(_l("Simpan"))


class RecordStatusForm(StatusForm):
    """An explicit (de)activation of a versioned record, from the version the page showed."""

    version = HiddenField(validators=[Regexp(r"^\d{1,9}$")])


class ClosePostForm(BaseForm):
    """Freeze or abolish a post from a date (a new Perda SOTK); empty date: open again."""

    closed_on = DateField(_l("Mulai tanggal"), validators=[Optional()],
                          description=_l("Kosongkan untuk membuka kembali jabatan ini"))
    closed_kind = SelectField(_l("Jabatan ini"), choices=choices(CLOSED_KINDS),
                              invalid_choice_message=INVALID_CHOICE)
    closed_note = StringField(_l("Dasar"), validators=[Optional(), max_length(300)],
                              description=_l("Mis. Perda Kab. Lebong 5/2026 tentang SOTK"))
    version = HiddenField(validators=[Regexp(r"^\d{1,9}$")])
    submit = SubmitField(_l("Simpan"))
