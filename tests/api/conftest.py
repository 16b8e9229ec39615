"""Fixtures of the API tests: tokens, a GET with a bearer token, three pemda in two provinces."""
import datetime as dt
import itertools

import pytest

from plt_tracker.api.operations import create_token
from plt_tracker.core.db import transaction
from plt_tracker.pemda.operations import create_pemda
from tests.factories import Factory

_names = itertools.count(1)


@pytest.fixture
def make_token(instansi):
    """Make a token: make_token("national") -> (ApiToken, text)."""

    def make(scope="pemda", pemda=None, expires_on=None):
        with transaction():
            return create_token((pemda or instansi).id, f"Sistem uji {next(_names)}", scope,
                                expires_on=expires_on)

    return make


@pytest.fixture
def api_get(client):
    """GET an API URL with a bearer token (none: no Authorization header)."""

    def get(url, token=None, **kwargs):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(kwargs.pop("headers", {}))
        return client.get(url, headers=headers, **kwargs)

    return get


@pytest.fixture
def world(app, instansi):
    """Lebong (the default pemda) and Rejang Lebong in Bengkulu; Seberang in another
    province; each with one vacant head post named after it."""
    with transaction():
        bengkulu = create_pemda("Pemerintah Provinsi Bengkulu", "provinsi")
        other = create_pemda("Pemerintah Provinsi Seberang", "provinsi")
        instansi.parent_id = bengkulu.id
        rejang = create_pemda("Pemerintah Kabupaten Rejang Lebong", "kabupaten", bengkulu.id)
        seberang = create_pemda("Pemerintah Kabupaten Seberang", "kabupaten", other.id)
    pemda = {"lebong": instansi, "rejang": rejang, "seberang": seberang, "bengkulu": bengkulu}
    vacancies = {}
    for key, item in pemda.items():
        make = Factory(item)
        post = make.post(f"Kepala Dinas {key.title()}", opd=make.opd(f"Dinas {key.title()}"))
        vacancies[key] = make.vacancy(post, start=dt.date(2025, 6, 1))
        make.acting(vacancies[key], start=dt.date(2025, 6, 1), end=dt.date(2099, 8, 31))
    return {"pemda": pemda, "vacancies": vacancies}
