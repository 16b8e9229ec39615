"""The operator's correction and void pages: one pair of routes for every kind of record."""
from dataclasses import dataclass

from flask import Blueprint, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from plt_tracker.auth.access import role_required
from plt_tracker.core.dates import today
from plt_tracker.core.forms import submit_change
from plt_tracker.auth.scope import get_owned
from plt_tracker.corrections import forms, register, selection
from plt_tracker.registry.models import Appointment, Official
from plt_tracker.registry.picker import offer_officials
from plt_tracker.selection.models import FillingAttempt, StageRecord
from plt_tracker.vacancies.models import ActingAssignment, ActingExtension, Vacancy

bp = Blueprint("corrections", __name__, url_prefix="/koreksi")


@dataclass(frozen=True)
class Kind:
    """A kind of record that can be corrected and voided, and how."""

    model: type
    post_of: object  # record -> its post
    form: type
    fields: tuple  # form fields passed to `correct` by name
    correct: object
    void: object
    correct_title: object
    void_title: object


KINDS = {
    "kekosongan": Kind(Vacancy, lambda r: r.post, forms.VacancyCorrectionForm,
                       ("start_date", "reason", "reason_note"), register.correct_vacancy,
                       register.void_vacancy, _l("Koreksi kekosongan"),
                       _l("Batalkan kekosongan")),
    "pelaksana": Kind(ActingAssignment, lambda r: r.post, forms.ActingCorrectionForm,
                      ("official_id", "kind", "letter_number", "letter_date", "start_date",
                       "end_date", "ended_on", "end_note", "governor_approval_number",
                       "governor_approval_date"), register.correct_acting,
                      register.void_acting, _l("Koreksi surat perintah pelaksana"),
                      _l("Batalkan surat perintah pelaksana")),
    "perpanjangan": Kind(ActingExtension, lambda r: r.assignment.post,
                         forms.ExtensionCorrectionForm,
                         ("letter_number", "letter_date", "end_date", "note"),
                         register.correct_extension, register.void_extension,
                         _l("Koreksi surat perpanjangan"), _l("Batalkan surat perpanjangan")),
    "pelantikan": Kind(Appointment, lambda r: r.post, forms.AppointmentCorrectionForm,
                       ("official_id", "sk_number", "sk_date", "start_date",
                        "minister_approval_number", "minister_approval_date"),
                       register.correct_appointment, register.void_appointment,
                       _l("Koreksi pelantikan pejabat definitif"),
                       _l("Batalkan pelantikan pejabat definitif")),
    "proses": Kind(FillingAttempt, lambda r: r.vacancy.post, forms.AttemptCorrectionForm,
                   ("started_on", "note", "minister_approval_number", "minister_approval_date",
                    "ended_on", "end_reason"), selection.correct_attempt, selection.void_attempt,
                   _l("Koreksi proses pengisian"), _l("Batalkan proses pengisian")),
    "tahap": Kind(StageRecord, lambda r: r.attempt.vacancy.post, forms.StageCorrectionForm,
                  ("started_on", "finished_on", "document_number", "note", "applicants",
                   "extensions"),
                  selection.correct_stage_record, selection.void_stage_record,
                  _l("Koreksi catatan tahap"), _l("Batalkan catatan tahap")),
}


@bp.route("/<any(" + ",".join(KINDS) + "):kind>/<int:record_id>", methods=["GET", "POST"])
@role_required("operator")
def correct(kind, record_id):
    """Correct a record, naming the reason; refused when it would break a rule."""
    spec = KINDS[kind]
    record, post = _own(spec, record_id)
    form = spec.form(obj=record if request.method == "GET" else None)
    if "official_id" in spec.fields:
        offer_officials(form.official_id, current_user.instansi_id)

    def change():
        values = {name: form[name].data for name in spec.fields}
        if "official_id" in values:
            values["official"] = get_owned(Official, values.pop("official_id"),
                                           lambda o: o.instansi_id)
        spec.correct(record, **values, why=form.why.data, version=form.version_number(),
                     today=today())
        return _("Koreksi disimpan. Alasannya tercatat di riwayat perubahan.")

    return _page(form, record, post, spec.correct_title, change)


@bp.route("/<any(" + ",".join(KINDS) + "):kind>/<int:record_id>/batal", methods=["GET", "POST"])
@role_required("operator")
def void(kind, record_id):
    """Void a record entered by mistake; it stays in the history, marked voided."""
    spec = KINDS[kind]
    record, post = _own(spec, record_id)
    form = forms.VoidForm(obj=record if request.method == "GET" else None)

    def change():
        spec.void(record, why=form.why.data, version=form.version_number(), today=today())
        return _("Catatan dibatalkan. Catatan itu tetap terlihat di riwayat jabatan.")

    return _page(form, record, post, spec.void_title, change, voiding=True)


def _own(spec, record_id):
    record = get_owned(spec.model, record_id, lambda r: spec.post_of(r).opd.instansi_id)
    return record, spec.post_of(record)


def _page(form, record, post, title, change, *, voiding=False):
    if request.method == "GET":
        form.version.data = str(record.version)
    return submit_change(
        form, change, done_url=url_for("registry.post_detail", post_id=post.id),
        render=lambda: render_template("corrections/form.html", form=form, post=post,
                                       title=title, record=record, voiding=voiding),
        aliases={"official": "official_id"})
