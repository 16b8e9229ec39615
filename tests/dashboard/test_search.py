"""The navigation bar's search: posts, OPDs and officials by name or NIP, within the scope."""
import datetime as dt

from plt_tracker.core.db import transaction
from plt_tracker.pemda.operations import create_pemda
from tests.factories import Factory, make_nip

NIP = make_nip(birth=dt.date(1970, 5, 12), tmt=(1998, 3), seq=4)  # 197005121998031004


def _results(client, text):
    response = client.get("/cari", query_string={"q": text})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_finds_posts_opds_and_officials(app, client, login_as, factory):
    opd = factory.opd("Dinas Pariwisata Uji")
    post = factory.post("Kepala Dinas Pariwisata Uji", opd=opd)
    official = factory.official("Rahmat Pariwisatawan", nip=NIP)
    login_as("viewer")
    page = _results(client, "pariwisata")
    assert f'href="/jabatan/{post.id}"' in page
    assert f"opd={opd.id}" in page and f'href="/pejabat/{official.id}"' in page
    assert "3 hasil" in page
    # The NIP typed with or without its spaces, or a part of it.
    for text in (NIP, "19700512 199803 1 004", "199803 1 004"):
        page = _results(client, text)
        assert f'href="/pejabat/{official.id}"' in page, text
        assert "19700512 199803 1 004" in page
    assert "Rahmat" not in _results(client, "19700512 199803 1 005")
    assert "paling sedikit 2 huruf" in _results(client, "x")
    # % and _ are letters, not patterns.
    assert "0 hasil" in _results(client, "%%")


def test_the_navigation_bar_searches(app, client, login_as):
    login_as("viewer")
    page = client.get("/kekosongan").get_data(as_text=True)
    form = page.split('action="/cari"')[1].split("</form>")[0]
    assert 'name="q"' in form and 'for="cari-nav"' in form
    assert 'role="search"' in form.split(">")[0]


def test_search_stays_in_the_scope(app, client, login_as, instansi):
    with transaction():
        seberang = create_pemda("Pemerintah Kabupaten Seberang", "kabupaten")
    theirs = Factory(seberang)
    theirs.official("Bambang Rahasia", nip=NIP)
    theirs.post("Kepala Dinas Rahasia", opd=theirs.opd("Dinas Rahasia"))
    Factory(instansi).official("Bambang Terbuka")
    login_as("viewer")
    page = _results(client, "bambang")
    assert "Bambang Terbuka" in page and "Rahasia" not in page
    assert "0 hasil" in _results(client, "rahasia")
    assert "Rahasia" not in _results(client, NIP)
