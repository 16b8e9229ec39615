"""Errors of the API: always JSON with an English `code` and an Indonesian `message`."""
from flask import jsonify, request

from plt_tracker.api import PREFIX

# The answer to each HTTP error the API does not explain itself.
DEFAULTS = {
    400: ("bad_request", "Permintaan tidak sah."),
    401: ("unauthorized", "Token API diperlukan."),
    403: ("forbidden", "Token ini tidak boleh membaca data tersebut."),
    404: ("not_found", "Tidak ditemukan."),
    405: ("method_not_allowed", "Metode tidak diizinkan: API ini hanya membaca (GET)."),
    429: ("too_many_requests", "Terlalu banyak permintaan; coba lagi nanti."),
    500: ("server_error", "Terjadi kesalahan pada server; tidak ada yang diubah."),
    503: ("unavailable", "Basis data sedang tidak dapat dijangkau; coba lagi nanti."),
}


class ApiError(Exception):
    """An error the API answers as JSON: HTTP status, English code, Indonesian message."""

    def __init__(self, status, code, message, parameter=None):
        super().__init__(message)
        self.status, self.code, self.message, self.parameter = status, code, message, parameter


def is_api_request():
    """Say whether the request is for the API (its errors are JSON, never a page)."""
    return request.path == PREFIX or request.path.startswith(PREFIX + "/")


def error_response(status, code=None, message=None, parameter=None):
    """Return the JSON error answer: {"error": {"status", "code", "message"[, "parameter"]}}."""
    default_code, default_message = DEFAULTS.get(status, ("error", "Permintaan gagal."))
    body = {"status": status, "code": code or default_code, "message": message or default_message}
    if parameter:
        body["parameter"] = parameter
    response = jsonify(error=body)
    response.status_code = status
    if status == 401:
        # RFC 6750: say which scheme the API expects.
        response.headers["WWW-Authenticate"] = 'Bearer realm="plt_tracker"'
    return response


def api_error_response(error):
    """Answer an ApiError raised by an API view or its authentication."""
    return error_response(error.status, error.code, error.message, error.parameter)
