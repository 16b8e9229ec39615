"""The settings form, built from config.DEFAULT_SETTINGS so new keys appear by themselves."""
from flask_babel import lazy_gettext as _l
from wtforms import FloatField, IntegerField, SelectField, StringField, SubmitField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp

from plt_tracker.core.forms import BaseForm, FlagField

# Areas, in the order the page shows them; a key joins the first group whose prefix it has.
GROUPS = [
    ("vacancies", _l("Daftar kekosongan dan pelaksana")),
    ("flags", _l("Penanda (flag) kekosongan")),
    ("retirement", _l("Batas usia pensiun (BUP)")),
    ("rakor", _l("Rakor dan laporan")),
    ("security", _l("Keamanan")),
    ("other", _l("Lainnya")),
]
GROUP_PREFIXES = [
    ("acting_default", "vacancies"),
    ("bup_", "retirement"),
    ("retirement_", "retirement"),
    ("rakor_", "rakor"),
    ("report_", "rakor"),
    ("vacant_", "flags"),
    ("acting_", "flags"),
    ("plt_", "flags"),
    ("no_process", "flags"),
    ("stage_", "flags"),
    ("escalation", "flags"),
    ("disabled_flags", "flags"),
    ("session_", "security"),
]
LABELS = {
    "acting_default_months": _l("Lama surat Plt/Plh bawaan (bulan)"),
    "vacant_warning_days": _l("Kosong lama: peringatan setelah (hari)"),
    "vacant_critical_days": _l("Kosong lama: kritis setelah (hari)"),
    "acting_ends_soon_days": _l("Surat pelaksana segera berakhir: dalam (hari)"),
    "plt_limit_months": _l("Batas masa Plt termasuk perpanjangan (bulan)"),
    "no_process_days": _l("Belum ada proses pengisian setelah (hari)"),
    "stage_stalled_factor_critical": _l("Tahap macet kritis: kelipatan lama tahap yang wajar"),
    "retirement_warning_months": _l("Peringatan pensiun: dalam (bulan)"),
    "escalation_reports": _l("Eskalasi: ditandai pada berapa laporan Rakor berturut-turut"),
    "disabled_flags": _l("Kode flag yang dimatikan (pisahkan dengan koma)"),
    "bup_jpt": _l("BUP JPT (tahun)"),
    "bup_administrator": _l("BUP Administrator (tahun)"),
    "bup_pengawas": _l("BUP Pengawas (tahun)"),
    "rakor_weekday": _l("Hari Rakor"),
    "rakor_week_of_month": _l("Minggu ke- dalam bulan"),
    "rakor_time": _l("Jam Rakor (JJ:MM)"),
    "report_lead_days": _l("Laporan dibuat berapa hari sebelum Rakor"),
    "report_time": _l("Jam pembuatan laporan (JJ:MM)"),
    "report_recipients": _l("Penerima laporan (email, pisahkan dengan koma)"),
    "session_idle_hours": _l("Sesi berakhir bila tidak dipakai selama (jam)"),
}
WEEKDAYS = [_l("Senin"), _l("Selasa"), _l("Rabu"), _l("Kamis"), _l("Jumat"), _l("Sabtu"),
            _l("Minggu")]
# Mirrors rakor.calendar.WEEKS: which week of the month, -1 being the last one.
WEEKS_OF_MONTH = {1: _l("pertama"), 2: _l("kedua"), 3: _l("ketiga"), 4: _l("keempat"),
                  -1: _l("terakhir")}
KEY_CHOICES = {
    "rakor_weekday": dict(enumerate(WEEKDAYS)),
    "rakor_week_of_month": WEEKS_OF_MONTH,
}
TIME = Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", message=_l("Gunakan format JJ:MM, mis. 09:00"))
AGE = NumberRange(min=40, max=75, message=_l("Isi antara %(min)s dan %(max)s tahun"))
# Extra rules for known keys; unknown keys get the generic rule of their type.
KEY_VALIDATORS = {
    "rakor_time": [TIME],
    "report_time": [TIME],
    "report_recipients": [Regexp(r"^\s*([^@\s,]+@[^@\s,]+\.[^@\s,]+\s*(,\s*|$))*$",
                                 message=_l("Isi alamat email yang dipisahkan koma"))],
    "bup_jpt": [AGE],
    "bup_administrator": [AGE],
    "bup_pengawas": [AGE],
    "session_idle_hours": [NumberRange(min=1, max=720, message=_l(
        "Isi antara %(min)s dan %(max)s jam"))],
}


# WTForms has no Indonesian catalogue, so every message a user can meet is given here.
REQUIRED = InputRequired(message=_l("Wajib diisi"))
NOT_NEGATIVE = NumberRange(min=0, message=_l("Tidak boleh negatif"))
# Counts of days, months or reports: beyond 9999 a threshold means nothing, and date
# arithmetic with it would leave the calendar.
AT_MOST = NumberRange(max=9999, message=_l("Paling besar %(max)s"))


class SettingsForm(BaseForm):
    """Base class; settings_form_class adds one field per setting."""

    submit = SubmitField(_l("Simpan pengaturan"))


def group_of(key):
    """Return the area a setting belongs to (by its name's prefix)."""
    for prefix, group in GROUP_PREFIXES:
        if key.startswith(prefix):
            return group
    return "other"


def label_of(key):
    """Return a setting's Indonesian label, or its key when none is known."""
    return LABELS.get(key, key)


def settings_form_class(defaults):
    """Build a form class with a field per default setting, typed by its default value."""
    fields = {key: _field(key, value) for key, value in defaults.items()}
    return type("BoundSettingsForm", (SettingsForm,), fields)


def _field(key, default):
    label = label_of(key)
    extra = KEY_VALIDATORS.get(key, [])
    if key in KEY_CHOICES:
        return SelectField(label, coerce=type(default), invalid_choice_message=_l(
            "Pilihan tidak dikenal"), choices=[
            SelectChoice(value=value, label=text) for value, text in KEY_CHOICES[key].items()])
    if isinstance(default, bool):
        return FlagField(label)
    if isinstance(default, int):
        return IntegerField(label, validators=[REQUIRED, *(extra or [NOT_NEGATIVE]), AT_MOST],
                            invalid_value_message=_l("Isi dengan bilangan bulat, mis. 90"))
    if isinstance(default, float):
        return FloatField(label, validators=[REQUIRED, *(extra or [NOT_NEGATIVE]), AT_MOST],
                          invalid_value_message=_l("Isi dengan angka, mis. 1.5"))
    return StringField(label, validators=[
        Optional(), Length(max=1000, message=_l("Paling banyak %(max)d karakter")), *extra])


def grouped_fields(form, keys):
    """Return [(group label, [fields])] for the page, in the order of GROUPS."""
    groups = []
    for code, title in GROUPS:
        members = [form[key] for key in keys if group_of(key) == code]
        if members:
            groups.append((title, members))
    return groups
