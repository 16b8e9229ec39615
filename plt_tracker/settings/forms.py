"""The settings form, built from config.DEFAULT_SETTINGS so new keys appear by themselves."""
from flask_babel import lazy_gettext as _l
from wtforms import (FloatField, HiddenField, IntegerField, SelectField, SelectMultipleField,
                     StringField, SubmitField)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, NumberRange, Optional, Regexp
from wtforms.widgets import CheckboxInput, ListWidget

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
    ("advance_entry", "vacancies"),
    ("max_acting", "vacancies"),
    ("attempt_advance", "vacancies"),
    ("plh_", "flags"),
    ("sekda_", "flags"),
    ("min_applicants", "flags"),
    ("registration_", "flags"),
    ("bup_", "retirement"),
    ("retirement_", "retirement"),
    ("rakor_", "rakor"),
    ("report_", "rakor"),
    ("decision_", "rakor"),
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
    "advance_entry_months": _l("Kekosongan boleh dicatat paling jauh ke depan (bulan)"),
    "max_acting_posts": _l("Paling banyak jabatan kosong yang dirangkap satu pelaksana "
                           "(0: tanpa batas)"),
    "vacant_warning_days": _l("Kosong lama: peringatan setelah (hari)"),
    "vacant_critical_days": _l("Kosong lama: kritis setelah (hari)"),
    "acting_ends_soon_days": _l("Surat pelaksana segera berakhir: dalam (hari)"),
    "plt_limit_months": _l("Batas masa Plt/Plh satu orang termasuk perpanjangan (bulan)"),
    "plh_max_days": _l("Plh pada jabatan kosong paling lama (hari)"),
    "plh_sekda_max_workdays": _l("Plh Sekda paling lama (hari kerja)"),
    "sekda_governor_months": _l("Sekda kosong: gubernur menunjuk Pj setelah (bulan)"),
    "min_applicants": _l("Seleksi terbuka: pelamar minimal"),
    "registration_extension_days": _l("Perpanjangan pendaftaran (hari)"),
    "registration_max_extensions": _l("Perpanjangan pendaftaran paling banyak (kali)"),
    "attempt_advance_months": _l("Proses pengisian boleh dimulai sebelum kekosongan (bulan)"),
    "retirement_warning_months_jpt": _l("Peringatan pensiun JPT: dalam (bulan)"),
    "bup_fungsional_utama": _l("BUP fungsional ahli utama (tahun)"),
    "bup_fungsional_madya": _l("BUP fungsional ahli madya (tahun)"),
    "bup_fungsional_ahli": _l("BUP fungsional ahli muda/pertama (tahun)"),
    "bup_pelaksana": _l("BUP pelaksana (tahun)"),
    "no_process_days": _l("Belum ada proses pengisian setelah (hari)"),
    "stage_stalled_factor_critical": _l("Tahap macet kritis: kelipatan lama tahap yang wajar"),
    "retirement_warning_months": _l("Peringatan pensiun jabatan lain: dalam (bulan)"),
    "escalation_reports": _l("Eskalasi: ditandai pada berapa laporan Rakor berturut-turut"),
    "disabled_flags": _l("Penanda (flag) yang dimatikan"),
    "bup_jpt": _l("BUP JPT (tahun)"),
    "bup_administrator": _l("BUP Administrator (tahun)"),
    "bup_pengawas": _l("BUP Pengawas (tahun)"),
    "rakor_weekday": _l("Hari Rakor"),
    "rakor_week_of_month": _l("Minggu ke- dalam bulan"),
    "rakor_time": _l("Jam Rakor (JJ:MM)"),
    "report_lead_days": _l("Laporan dibuat berapa hari sebelum Rakor"),
    "report_time": _l("Jam pembuatan laporan (JJ:MM)"),
    "report_recipients": _l("Penerima laporan (email, pisahkan dengan koma)"),
    "decision_reminder_days": _l("Pengingat keputusan Rakor dikirim berapa hari sebelum Rakor"),
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


def between(low, high):
    """Accept a number from `low` to `high`, with an Indonesian message."""
    return NumberRange(min=low, max=high, message=_l("Isi antara %(min)s dan %(max)s"))


# Extra rules for known keys; unknown keys get the generic rule of their type.
KEY_VALIDATORS = {
    "rakor_time": [TIME],
    "report_time": [TIME],
    "report_recipients": [Regexp(r"^\s*([^@\s,]+@[^@\s,]+\.[^@\s,]+\s*(,\s*|$))*$",
                                 message=_l("Isi alamat email yang dipisahkan koma"))],
    "bup_jpt": [AGE],
    "bup_administrator": [AGE],
    "bup_pengawas": [AGE],
    "bup_fungsional_utama": [AGE],
    "bup_fungsional_madya": [AGE],
    "bup_fungsional_ahli": [AGE],
    "bup_pelaksana": [AGE],
    "plh_max_days": [between(1, 365)],
    "plh_sekda_max_workdays": [between(1, 60)],
    "sekda_governor_months": [between(1, 12)],
    "min_applicants": [between(1, 20)],
    "registration_extension_days": [between(1, 30)],
    "registration_max_extensions": [between(0, 5)],
    "attempt_advance_months": [between(0, 24)],
    "retirement_warning_months_jpt": [between(1, 36)],
    "acting_default_months": [between(1, 12)],
    "advance_entry_months": [between(0, 24)],
    "max_acting_posts": [between(0, 10)],
    "vacant_warning_days": [between(1, 3650)],
    "vacant_critical_days": [between(1, 3650)],
    "acting_ends_soon_days": [between(1, 180)],
    "plt_limit_months": [between(1, 24)],
    "no_process_days": [between(1, 3650)],
    "stage_stalled_factor_critical": [between(1, 10)],
    "retirement_warning_months": [between(1, 36)],
    "escalation_reports": [between(0, 12)],
    "report_lead_days": [between(0, 30)],
    "decision_reminder_days": [between(0, 30)],
    "session_idle_hours": [NumberRange(min=1, max=720, message=_l(
        "Isi antara %(min)s dan %(max)s jam"))],
}
# (smaller, larger): the first must stay below the second.
ORDERED = [("vacant_warning_days", "vacant_critical_days")]


# WTForms has no Indonesian catalogue, so every message a user can meet is given here.
REQUIRED = InputRequired(message=_l("Wajib diisi"))
NOT_NEGATIVE = NumberRange(min=0, message=_l("Tidak boleh negatif"))
# Counts of days, months or reports: beyond 9999 a threshold means nothing, and date
# arithmetic with it would leave the calendar.
AT_MOST = NumberRange(max=9999, message=_l("Paling besar %(max)s"))


class FlagChoices(SelectMultipleField):
    """Flag codes as check boxes with their names; stored as a comma-separated string."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()

    def process_data(self, value):
        """Read the stored comma-separated codes."""
        if isinstance(value, str):
            value = [code.strip().upper() for code in value.split(",") if code.strip()]
        super().process_data(value)


class SettingsForm(BaseForm):
    """Base class; settings_form_class adds one field per setting."""

    # The values the form was opened with (JSON): a save over someone else's change is refused.
    loaded = HiddenField(validators=[Length(max=50000)])
    submit = SubmitField(_l("Simpan pengaturan"))

    def validate(self, extra_validators=None):
        """Check each field, then the settings against each other."""
        valid = super().validate(extra_validators)
        for low, high in ORDERED:
            if low in self and high in self and self[low].data is not None and (
                    self[high].data is not None and self[low].data >= self[high].data):
                self[low].errors = list(self[low].errors) + [_l(
                    "Harus lebih kecil dari %(other)s (%(value)s)",
                    other=label_of(high), value=self[high].data)]
                valid = False
        return valid


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
    if key == "disabled_flags":
        # Imported here: the flags package's views read the settings.
        from plt_tracker.flags.codes import FLAG_LABELS

        # Labels only (lazy, so they follow the reader's language): the codes are for the docs.
        return FlagChoices(label, choices=[SelectChoice(code, text)
                                           for code, text in FLAG_LABELS.items()],
                           invalid_choice_message=_l("Kode penanda tidak dikenal"),
                           description=_l("Matikan hanya aturan yang belum disepakati pemda."))
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
