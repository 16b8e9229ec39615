"""The audit log as sentences in the reader's language, with labelled, formatted values."""
import datetime as dt
from dataclasses import dataclass

from flask_babel import gettext, lazy_gettext as _l

from plt_tracker.audit.events import DATE_PARAMS, EVENTS
from plt_tracker.core.i18n import short_date
from plt_tracker.extensions import db

# Field labels per kind of record; a field missing there takes the common label.
COMMON_LABELS = {
    "reason": _l("Alasan"), "reason_note": _l("Keterangan"), "letter_number": _l("Nomor surat"),
    "letter_date": _l("Tanggal surat"), "note": _l("Catatan"), "official_id": _l("Pejabat"),
    "official": _l("Pejabat"), "sk_number": _l("Nomor SK"), "sk_date": _l("Tanggal SK"),
    "name": _l("Nama"), "title": _l("Nama jabatan"), "kind": _l("Jenis"), "eselon": _l("Eselon"),
    "is_head": _l("Kepala OPD"), "is_active": _l("Aktif"), "nip": _l("NIP"),
    "nip_kind": _l("Jenis NIP"), "rank": _l("Pangkat/golongan"),
    "position_title": _l("Jabatan definitif"), "birth_date": _l("Tanggal lahir"),
    "gender": _l("Jenis kelamin"), "status": _l("Status"), "description": _l("Keterangan"),
    "post_kinds": _l("Berlaku untuk jenis jabatan"), "expected_days": _l("Perkiraan lama (hari)"),
    "position": _l("Urutan"), "full_name": _l("Nama lengkap"), "email": _l("Email"),
    "role": _l("Peran"), "username": _l("Nama pengguna"), "is_active_flag": _l("Aktif"),
    "scope": _l("Cakupan"),
    "start_date": _l("Tanggal mulai"), "end_date": _l("Tanggal akhir"),
    "meeting_date": _l("Tanggal Rakor"), "cancelled": _l("Dibatalkan"),
    "version": _l("Versi"), "trigger": _l("Pemicu"), "recipients": _l("Penerima"),
}
LABELS = {
    "vacancy": {"start_date": _l("Kosong sejak"), "end_date": _l("Terisi definitif pada"),
                "reason": _l("Alasan kosong")},
    "acting": {"start_date": _l("Mulai tugas"), "end_date": _l("Akhir surat pertama"),
               "ended_on": _l("Hari terakhir bertugas"), "end_note": _l("Catatan akhir"),
               "kind": _l("Sebagai")},
    "acting_extension": {"end_date": _l("Akhir tugas yang baru"),
                         "letter_number": _l("Nomor surat perpanjangan"),
                         "letter_date": _l("Tanggal surat perpanjangan")},
    "appointment": {"start_date": _l("Tanggal pelantikan"), "end_date": _l("Akhir menjabat")},
    "filling_attempt": {"route_id": _l("Jalur"), "started_on": _l("Mulai proses"),
                        "ended_on": _l("Berakhir"), "end_reason": _l("Alasan berakhir"),
                        "minister_approval_number": _l("Nomor persetujuan Mendagri"),
                        "minister_approval_date": _l("Tanggal persetujuan Mendagri")},
    "stage_record": {"started_on": _l("Mulai tahap"), "finished_on": _l("Selesai tahap"),
                     "document_number": _l("Nomor dokumen/surat")},
    "post": {"kind": _l("Jenis jabatan"), "is_sekda": _l("Jabatan Sekda"),
             "closed_on": _l("Dibekukan/dihapus mulai"), "closed_kind": _l("Dibekukan/dihapus"),
             "closed_note": _l("Dasar (Perda SOTK)")},
    "official": {"post_kind": _l("Jenis jabatan definitif")},
    "opd": {"kind": _l("Jenis OPD"), "name": _l("Nama OPD")},
    "api_token": {"prefix": _l("Awal token"), "expires_on": _l("Berlaku sampai")},
}
# Keys kept for the record but not worth a line: links between records and bookkeeping.
HIDDEN = {"post_id", "vacancy_id", "attempt_id", "stage_id", "filled_by_id", "opd_id",
          "assignment_id", "open_post_id", "open_official_id", "running_vacancy_id"}
DATE_SUFFIXES = ("_date", "_on")


def event_sentence(event, params):
    """Return an event's sentence in the current language, its dates formatted."""
    template = EVENTS.get(event)
    if template is None:
        return ""
    values = {key: _format_param(key, value) for key, value in params.items()}
    if event == "setting.update" and "key" in values:
        values["key"] = label_of("setting", values["key"])
    try:
        return gettext(template, **values)
    except (KeyError, ValueError):  # an entry written before its sentence changed
        return template


def _format_param(key, value):
    if key in DATE_PARAMS and isinstance(value, str):
        try:
            return short_date(dt.date.fromisoformat(value))
        except ValueError:
            return value
    return value if value is not None else "—"


@dataclass
class Change:
    """One labelled field of an entry: before → after, formatted for the reader."""

    label: str
    before: str
    after: str


def describe(entry):
    """Return the entry's sentence in the reader's language (its stored text if it has no event)."""
    if entry.event in EVENTS:
        return event_sentence(entry.event, entry.params or {})
    return entry.summary


def changes(entry, names=None):
    """Return the entry's changed fields as Change lines, in the reader's language.

    `names` resolves ids (official_id, route_id) to names: {(key, id): name}.
    """
    before, after = entry.before or {}, entry.after or {}
    lines = []
    for key in dict.fromkeys(list(before) + list(after)):
        if key in HIDDEN or key == "version" or before.get(key) == after.get(key):
            continue
        lines.append(Change(label_of(entry.entity, key),
                            format_value(entry.entity, key, before.get(key), names),
                            format_value(entry.entity, key, after.get(key), names)))
    return lines


def label_of(entity, key):
    """Return how a field of a kind of record is called."""
    if entity == "setting":
        from plt_tracker.settings.forms import LABELS as SETTING_LABELS

        if key in SETTING_LABELS:
            return str(SETTING_LABELS[key])
    label = LABELS.get(entity, {}).get(key) or COMMON_LABELS.get(key)
    return str(label) if label is not None else key.replace("_", " ").capitalize()


def format_value(entity, key, value, names=None):
    """Return a stored value as the reader sees it: dates, yes/no, labels of codes, names."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return gettext("Ya") if value else gettext("Tidak")
    if key.endswith("_id") and names is not None and (key, value) in names:
        return names[(key, value)]
    if isinstance(value, str) and (key.endswith(DATE_SUFFIXES) or key in DATE_PARAMS):
        try:
            return short_date(dt.date.fromisoformat(value[:10]))
        except ValueError:
            return value
    labels = code_labels(entity, key)
    if labels and isinstance(value, str):
        # Labels are lazy strings or N_-marked msgids: gettext takes either to the reader's tongue.
        return ", ".join(gettext(str(labels.get(code, code))) for code in value.split(",") if code)
    return str(value)


def code_labels(entity, key):
    """Return {code: label} for fields that store a code, or None."""
    from plt_tracker.auth.models import ROLES, SCOPES
    from plt_tracker.decisions.rules import STATUS_LABELS
    from plt_tracker.flags.codes import FLAG_LABELS
    from plt_tracker.registry.models import (CLOSED_KINDS, OFFICIAL_KINDS, OPD_KINDS, PEMDA_KINDS,
                                             POST_KINDS)
    from plt_tracker.selection.models import ATTEMPT_STATUSES, ROUTE_TARGETS
    from plt_tracker.vacancies.models import ACTING_KINDS, VACANCY_REASONS

    table = {("vacancy", "reason"): VACANCY_REASONS, ("acting", "kind"): ACTING_KINDS,
             ("filling_attempt", "status"): ATTEMPT_STATUSES, ("post", "kind"): POST_KINDS,
             ("route", "post_kinds"): ROUTE_TARGETS, ("opd", "kind"): OPD_KINDS,
             ("user", "role"): ROLES, ("user", "scope"): SCOPES,
             ("post", "closed_kind"): CLOSED_KINDS, ("instansi", "kind"): PEMDA_KINDS,
             ("official", "post_kind"): OFFICIAL_KINDS,
             ("decision", "flag_code"): FLAG_LABELS, ("decision", "status"): STATUS_LABELS}
    return table.get((entity, key))


def resolve_names(entries):
    """Return {(key, id): name} for the official, route and stage ids the entries mention."""
    from plt_tracker.registry.models import Official
    from plt_tracker.selection.models import Route, RouteStage

    models = {"official_id": (Official, Official.name), "route_id": (Route, Route.name),
              "stage_id": (RouteStage, RouteStage.name)}
    wanted = {key: set() for key in models}
    for entry in entries:
        for values in (entry.before or {}, entry.after or {}):
            for key in models:
                if isinstance(values.get(key), int):
                    wanted[key].add(values[key])
    names = {}
    for key, ids in wanted.items():
        if ids:
            model, column = models[key]
            for row_id, name in db.session.execute(db.select(model.id, column)
                                                   .filter(model.id.in_(ids))):
                names[(key, row_id)] = name
    return names
