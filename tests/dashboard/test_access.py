"""Every role sees the dashboard of its scope, at a fixed number of SQL statements."""
import datetime as dt

import pytest

from plt_tracker.auth.operations import create_user
from plt_tracker.core.db import transaction
from plt_tracker.pemda.operations import create_pemda
from plt_tracker.extensions import db
from plt_tracker.registry.models import Opd, Post
from plt_tracker.vacancies.models import Vacancy
from tests.dashboard.helpers import bars, count, list_total
from tests.selection.helpers import start
from tests.factories import Factory
from tests.test_scope import PASSWORDS, _login
from tests.vacancies.test_list_page import count_queries

D = dt.date


def _queries(client, url):
    with client.application.app_context(), count_queries() as counter:
        response = client.get(url)
    assert response.status_code == 200
    return counter["n"]


def _add(factory, number):
    for i in range(number):
        vacancy = factory.vacancy(start=D(2025, 3, 1) + dt.timedelta(days=i))
        letter = factory.acting(vacancy, start=vacancy.start_date, end=D(2025, 6, 30))
        factory.extend(letter, D(2025, 12, 31), letter_date=D(2025, 6, 20))


@pytest.mark.parametrize("role", ["viewer", "operator", "admin"])
def test_every_role_lands_on_the_dashboard(app, client, login_as, factory, role):
    _add(factory, 2)
    login_as(role)
    page = client.get("/").get_data(as_text=True)
    assert "<h1 class=\"h3 mb-1\">Dasbor</h1>" in page and count(page, "vacant") == 2
    assert ("Pekerjaan saya" in page) == (role != "viewer")
    assert 'role="img"' in page and "<details" in page and "<desc>" in page
    assert 'style="' not in page and "<script>" not in page


@pytest.mark.parametrize("as_of", ["", "?as_of=2026-01-15"])
def test_statements_do_not_grow_with_the_register(app, client, login_as, factory, as_of):
    _add(factory, 2)
    login_as("operator")
    client.get(f"/{as_of}")  # today's states computed once, after the writes
    before = _queries(client, f"/{as_of}")
    _add(factory, 10)
    client.get(f"/{as_of}")
    after = _queries(client, f"/{as_of}")
    assert after == before, f"{before} statements for 2 vacancies, {after} for 12"


@pytest.fixture
def province(app, instansi):
    """Lebong and Rejang Lebong in Bengkulu, Seberang elsewhere; a user of each scope."""
    with transaction():
        # Kabupaten first: MariaDB empties the table in id order after the test, and
        # refuses to delete a province while a later kabupaten still points to it.
        rejang = create_pemda("Pemerintah Kabupaten Rejang Lebong", "kabupaten")
        seberang = create_pemda("Pemerintah Kabupaten Seberang", "kabupaten")
        bengkulu = create_pemda("Pemerintah Provinsi Bengkulu", "provinsi")
        other = create_pemda("Pemerintah Provinsi Seberang", "provinsi")
        instansi.parent_id = rejang.parent_id = bengkulu.id
        seberang.parent_id = other.id
        users = {
            "lebong": create_user(instansi.id, "lebong", PASSWORDS["lebong"], "viewer", "Lebong"),
            "province": create_user(bengkulu.id, "bengkulu", PASSWORDS["province"], "viewer",
                                    "Provinsi", scope="province"),
            "national": create_user(instansi.id, "pusat", PASSWORDS["national"], "viewer",
                                    "Pusat", scope="national"),
        }
    _add(Factory(instansi), 2)
    _add(Factory(rejang), 3)
    _add(Factory(seberang), 4)
    # A selection at its first stage in each kabupaten of Bengkulu: each pemda has its own
    # copy of the route, so the province's funnel bar names the route and the position.
    for vacancy in db.session.scalars(db.select(Vacancy).join(Vacancy.post).join(Post.opd)
                                      .filter(Opd.instansi_id.in_([instansi.id, rejang.id]))
                                      .order_by(Vacancy.id)).all()[::2]:
        start(vacancy)
    return {"users": users, "rejang": rejang.id, "lebong": instansi.id}


@pytest.mark.parametrize("who, vacant", [("lebong", 2), ("province", 5), ("national", 9)])
def test_each_scope_sees_its_own_figures(app, client, province, who, vacant):
    _login(client, province["users"][who], PASSWORDS[who])
    page = client.get("/").get_data(as_text=True)
    assert count(page, "vacant") == vacant
    assert list_total(client, "/kekosongan")[0] == vacant
    # The current month's bar is the same count; every other bar opens the list too.
    months = [b for b in bars(page) if "jabatan kosong" in b[1]]
    assert months[-1][2] == vacant
    for url, label, value in bars(page):
        # A month's list is computed pemda by pemda: for a province, not the whole nation.
        if who != "national" or "as_of=" not in url:
            assert list_total(client, url)[0] == value, (who, label)
    funnel = [(url, value) for url, label, value in bars(page) if "Seleksi terbuka" in label]
    assert len(funnel) == 1
    if who == "lebong":
        assert "tahap=" in funnel[0][0] and funnel[0][1] == 1
    else:
        assert "jalur=" in funnel[0][0] and "tahap_ke=1" in funnel[0][0] and funnel[0][1] == 3


def test_a_province_user_picks_one_pemda(app, client, province):
    _login(client, province["users"]["province"], PASSWORDS["province"])
    page = client.get(f"/?pemda={province['rejang']}").get_data(as_text=True)
    assert count(page, "vacant") == 3
    # A past date is computed for the picked pemda, and without a pick for the province.
    page = client.get("/?as_of=2025-04-30").get_data(as_text=True)
    assert count(page, "vacant") == 3 and "30 April 2025" in page
    page = client.get("/?pemda=&as_of=2025-02-28").get_data(as_text=True)
    assert "pilih pemdanya dulu" not in page and count(page, "vacant") == 0
    page = client.get("/?as_of=2025-04-30").get_data(as_text=True)
    assert count(page, "vacant") == 5 and "30 April 2025" in page
    listed = client.get("/kekosongan?as_of=2025-04-30").get_data(as_text=True)
    assert "5 jabatan kosong" in listed and "Pemerintah Kabupaten Rejang Lebong" in listed
    csv = client.get("/kekosongan.csv?as_of=2025-04-30").get_data(as_text=True)
    assert csv.count("Pemerintah Kabupaten Rejang Lebong") == 3 and len(csv.splitlines()) == 6


def test_the_nation_on_a_past_date_needs_a_pick(app, client, province):
    _login(client, province["users"]["national"], PASSWORDS["national"])
    page = client.get("/?as_of=2025-04-30").get_data(as_text=True)
    assert "pilih pemdanya dulu" in page and count(page, "vacant") == 9
    assert "pilih pemdanya dulu" in client.get("/kekosongan?as_of=2025-04-30").get_data(
        as_text=True)
