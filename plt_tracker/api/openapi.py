"""The OpenAPI 3.1 document of /api/v1, written as data.

tests/api/test_openapi.py validates the document and every endpoint's real
answers against these schemas, so a change of the answers that is not made
here too fails the tests.
"""
import copy

from plt_tracker.api.params import DEFAULT_PER_PAGE, MAX_PER_PAGE
from plt_tracker.flags.codes import FLAG_LABELS
from plt_tracker.registry.models import OPD_KINDS, PEMDA_KINDS, POST_KINDS
from plt_tracker.vacancies.listing import SORTS
from plt_tracker.vacancies.models import ACTING_KINDS

SEVERITIES = ["critical", "warning", "info"]
SCOPES = ["pemda", "province", "national"]


def _nullable(schema):
    schema = dict(schema)
    kind = schema.get("type")
    if kind is not None:
        schema["type"] = [kind, "null"] if isinstance(kind, str) else [*kind, "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        return schema
    return {"oneOf": [schema, {"type": "null"}]}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties, optional=()):
    """An object with exactly these properties, all required but the `optional` ones."""
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "required": [name for name in properties if name not in optional]}


STRING, INTEGER, BOOLEAN = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}
N_STRING, N_INTEGER, N_DATE = _nullable(STRING), _nullable(INTEGER), _nullable(DATE)

SCHEMAS = {
    "Error": _object({"error": _object({
        "status": INTEGER, "code": STRING, "message": STRING, "parameter": STRING},
        optional=("parameter",))}),
    "Ref": _object({"id": INTEGER, "name": STRING}),
    "Links": _object({"self": STRING, "first": STRING, "last": STRING, "prev": N_STRING,
                      "next": N_STRING}),
    "Meta": {"type": "object", "required": ["page", "per_page", "total", "pages"],
             "properties": {
                 "page": INTEGER, "per_page": INTEGER, "total": INTEGER, "pages": INTEGER,
                 "as_of": DATE,
                 "computed": {"type": "string", "enum": ["stored", "on_demand"],
                              "description": "stored: today's states kept by the app; "
                                             "on_demand: computed for another date"},
                 "stale_pemda": {"type": "integer", "description": "pemda whose states "
                                 "wait for the nightly computation (shown as stored)"},
                 "counts": _object({"critical": INTEGER, "warning": INTEGER})}},
    "Index": _object({
        "api": STRING, "version": STRING,
        "token": _object({"name": STRING, "scope": {"enum": SCOPES}, "pemda_id": INTEGER}),
        "links": {"type": "object", "additionalProperties": STRING}}),
    "Pemda": _object({"id": INTEGER, "name": STRING, "kind": {"enum": list(PEMDA_KINDS)},
                      "active": BOOLEAN, "province": _nullable(_ref("Ref")),
                      "flags_computed_for": N_DATE}),
    "Post": _object({
        "id": INTEGER, "title": STRING, "kind": {"enum": list(POST_KINDS)}, "eselon": N_STRING,
        "is_head": BOOLEAN, "is_sekda": BOOLEAN, "active": BOOLEAN, "closed_on": N_DATE,
        "closed_kind": N_STRING,
        "opd": _object({"id": INTEGER, "name": STRING, "kind": {"enum": list(OPD_KINDS)}}),
        "pemda": _ref("Ref"),
        "holder": _nullable(_object({"official_id": INTEGER, "name": STRING, "nip": STRING,
                                     "since": N_DATE, "sk_number": N_STRING,
                                     "sk_date": N_DATE})),
        "vacancy": _nullable(_object({"id": INTEGER, "since": DATE, "reason": STRING}))}),
    "Flag": _object({"code": {"enum": list(FLAG_LABELS)}, "severity": {"enum": SEVERITIES},
                     "reason": STRING, "follow_up": STRING, "figures": {"type": "object"}}),
    "Vacancy": _object({
        "vacancy_id": INTEGER, "post_id": INTEGER, "post": STRING,
        "post_kind": {"enum": list(POST_KINDS)}, "eselon": N_STRING, "is_head": BOOLEAN,
        "opd": _ref("Ref"), "pemda": _ref("Ref"), "vacant_since": DATE, "days_vacant": INTEGER,
        "acting": _nullable(_object({
            "kind": {"enum": list(ACTING_KINDS)},
            "status": {"enum": ["active", "expired", "ended"]}, "name": STRING,
            "nip": STRING, "own_post": STRING, "until": N_DATE})),
        "filling": _nullable(_object({
            "route": STRING, "status": STRING, "stage": STRING, "stage_index": N_INTEGER,
            "stage_count": N_INTEGER, "days_in_stage": N_INTEGER})),
        "severity": _nullable({"type": "string", "enum": SEVERITIES}),
        "flags": {"type": "array", "items": _ref("Flag")}}),
    "FlaggedVacancy": _object({
        "vacancy_id": INTEGER, "post_id": INTEGER, "post": STRING, "opd": _ref("Ref"),
        "pemda": _ref("Ref"), "vacant_since": DATE, "days_vacant": INTEGER,
        "severity": {"enum": SEVERITIES},
        "flags": {"type": "array", "items": _ref("Flag"), "minItems": 1}}),
    "ActingLetter": _object({
        "id": INTEGER, "kind": {"enum": list(ACTING_KINDS)}, "vacancy_id": N_INTEGER,
        "post": _ref("Ref"), "opd": _ref("Ref"), "pemda": _ref("Ref"),
        "official": _object({"id": INTEGER, "name": STRING, "nip": STRING}),
        "letter_number": N_STRING, "letter_date": N_DATE, "start_date": DATE,
        "end_date": DATE, "ended_on": N_DATE, "governor_approval_number": N_STRING,
        "governor_approval_date": N_DATE,
        "extensions": {"type": "array", "items": _object({
            "id": INTEGER, "letter_number": N_STRING, "letter_date": DATE, "end_date": DATE})},
        "covered_until": DATE,
        "status": {"enum": ["future", "active", "expired", "ended"]}}),
    "ReportEntry": _object({"id": INTEGER, "pemda": _ref("Ref"), "meeting_date": DATE,
                            "version": INTEGER, "trigger": STRING, "created_at": DATETIME}),
    "Report": _object({
        "id": INTEGER, "pemda": _ref("Ref"), "meeting_date": DATE, "version": INTEGER,
        "trigger": STRING, "created_at": DATETIME,
        "snapshot": {"type": "object", "description": "The frozen report as the Rakor "
                     "received it (Indonesian labels); `rows` are the flagged vacancies.",
                     "required": ["schema", "pemda", "meeting_date", "as_of", "summary", "rows",
                                  "changes"],
                     "properties": {"schema": INTEGER, "pemda": STRING, "meeting_date": DATE,
                                    "as_of": DATE, "summary": {"type": "object"},
                                    "rows": {"type": "array", "items": {"type": "object"}},
                                    "changes": {"type": "object"}}}}),
}


def _page_of(item):
    return _object({"data": {"type": "array", "items": _ref(item)}, "meta": _ref("Meta"),
                    "links": _ref("Links")})


def _param(name, schema, description, location="query", required=False):
    return {"name": name, "in": location, "required": required, "schema": schema,
            "description": description}


PAGE = [_param("page", {"type": "integer", "minimum": 1, "default": 1}, "Page number"),
        _param("per_page", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE,
                            "default": DEFAULT_PER_PAGE}, "Rows per page")]
PEMDA = _param("pemda", {"type": "integer", "minimum": 1},
               "One pemda (id) within the token's scope; default: the whole scope (403 "
               "outside it)")
AS_OF = _param("as_of", DATE, "The date the list describes (default today). Another date "
               "than today is computed on demand for one pemda: give `pemda` too (or a "
               "token of one pemda).")
SINCE, UNTIL = (_param("since", DATE, "From this date (inclusive)"),
                _param("until", DATE, "Up to this date (inclusive)"))
VACANCY_FILTERS = [
    _param("opd", {"type": "integer", "minimum": 1}, "One OPD (id)"),
    _param("post_kind", {"enum": list(POST_KINDS)}, "Kind of the vacant post"),
    _param("acting_kind", {"enum": list(ACTING_KINDS)}, "Only posts with an active acting "
           "official of this kind"),
    _param("no_acting", BOOLEAN, "Only posts nobody acts in on the date"),
    _param("flag", {"enum": list(FLAG_LABELS)}, "Only vacancies with this flag"),
    _param("severity", {"enum": SEVERITIES}, "Only vacancies with a flag of this severity"),
    _param("head", BOOLEAN, "Only the heads of OPD (kepala OPD)"),
    _param("sort", {"enum": list(SORTS)}, "Order (default: most severe, then longest vacant)"),
    _param("order", {"enum": ["asc", "desc"]}, "Direction of the order")]

ERRORS = {"400": "Bad parameter", "401": "Missing, unknown, revoked or expired token",
          "403": "A pemda outside the token's scope"}


def _get(summary, schema, parameters=(), errors=("400", "401", "403"), public=False):
    responses = {"200": {"description": "OK",
                         "content": {"application/json": {"schema": schema}}}}
    for status in errors:
        responses[status] = {"description": ERRORS.get(status, "Not found"),
                             "content": {"application/json": {"schema": _ref("Error")}}}
    operation = {"summary": summary, "parameters": list(parameters), "responses": responses}
    if public:
        operation["security"] = []
    return {"get": operation}


PATHS = {
    "/": _get("Who the token is, with links to every list", _ref("Index"), errors=("401",)),
    "/pemda": _get("The pemda the token may read", _page_of("Pemda"), PAGE + [PEMDA]),
    "/posts": _get("Posts with their definitive holder or vacancy on a date, by id",
                   _page_of("Post"),
                   PAGE + [PEMDA, _param("as_of", DATE, "Date of holder and vacancy "
                                         "(default today)"),
                           _param("opd", {"type": "integer", "minimum": 1}, "One OPD (id)"),
                           _param("kind", {"enum": list(POST_KINDS)}, "Kind of post"),
                           _param("head", BOOLEAN, "Only the heads of OPD (kepala OPD)"),
                           _param("include_inactive", BOOLEAN, "Also deactivated posts")]),
    "/vacancies": _get("The vacancy list on a date, with acting officials, filling and flags",
                       _page_of("Vacancy"), PAGE + [PEMDA, AS_OF] + VACANCY_FILTERS),
    "/flags": _get("The flagged vacancies on a date, most severe first",
                   _page_of("FlaggedVacancy"), PAGE + [PEMDA, AS_OF] + VACANCY_FILTERS),
    "/acting-letters": _get(
        "Acting letters (Plt, Plh, Pj Sekda) with their extensions, latest recorded first",
        _page_of("ActingLetter"),
        PAGE + [PEMDA, _param("as_of", DATE, "Date the `status` describes (default today)"),
                _param("kind", {"enum": list(ACTING_KINDS)}, "Kind of letter"),
                _param("post", {"type": "integer", "minimum": 1}, "One post (id)"),
                _param("vacancy", {"type": "integer", "minimum": 1}, "One vacancy (id)"),
                _param("active_on", DATE, "Only letters in force on this date"),
                _param("since", DATE, "Letters starting on or after this date"),
                _param("until", DATE, "Letters starting on or before this date")]),
    "/reports": _get("The Rakor reports (every version), newest meeting first",
                     _page_of("ReportEntry"), PAGE + [PEMDA, SINCE, UNTIL]),
    "/reports/{report_id}": _get(
        "One Rakor report with its frozen snapshot", _ref("Report"),
        [_param("report_id", {"type": "integer", "minimum": 1}, "The report's id", "path",
                required=True)], errors=("401", "404")),
    "/openapi.json": _get("This document", {"type": "object"}, errors=(), public=True),
}

DOCUMENT = {
    "openapi": "3.1.0",
    "info": {"title": "plt_tracker read API", "version": "1",
             "description": "Read-only access for other systems (provincial dashboards, SIASN "
                            "integrators, Power BI) to posts, vacancies, acting letters, flags "
                            "and Rakor reports. Send `Authorization: Bearer <token>`; an admin "
                            "makes tokens (menu Token API). Lists are paged (`page`, "
                            f"`per_page` up to {MAX_PER_PAGE}). Errors are JSON with an "
                            "English `code` and an Indonesian `message`."},
    "servers": [{"url": "/api/v1"}],
    "security": [{"bearer": []}],
    "paths": PATHS,
    "components": {"schemas": SCHEMAS,
                   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
}


def document():
    """Return the OpenAPI document (a copy: callers may change it)."""
    return copy.deepcopy(DOCUMENT)
