"""The register of posts and one post's history page, through real HTTP."""
import datetime as dt
import re

from plt_tracker.core.db import transaction
from plt_tracker.registry import operations as registry


def _text(response):
    """Return the page as text with tags removed and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)))


def _history(factory):
    """A post held until 1 March 2025, then vacant with a Plt extended twice, filled 1 Dec 2025."""
    post = factory.post("Kepala Dinas Pendidikan")
    holder = factory.official("Drs. Lama Menjabat")
    with transaction():
        registry.set_holder(post, holder, start_date=dt.date(2020, 1, 6), sk_number="821/1/2020")
    vacancy = factory.vacancy(post, start=dt.date(2025, 3, 1))
    acting = factory.acting(vacancy, official=factory.official("Ir. Pelaksana Tugas"),
                            start=dt.date(2025, 3, 3), end=dt.date(2025, 6, 2))
    factory.extend(acting, dt.date(2025, 9, 2), letter_date=dt.date(2025, 6, 1))
    factory.extend(acting, dt.date(2025, 12, 2), letter_date=dt.date(2025, 9, 10))
    new = factory.official("Dr. Pejabat Baru")
    factory.fill(vacancy, new, start=dt.date(2025, 12, 1))
    return post, acting, new


def test_history_shows_holders_vacancy_acting_and_every_extension(app, client, login_as, factory):
    post, acting, new = _history(factory)
    login_as("viewer")

    response = client.get(f"/jabatan/{post.id}")

    assert response.status_code == 200
    html = response.get_data(as_text=True)
    text = _text(response)
    assert "Drs. Lama Menjabat" in text and "821/1/2020" in text
    assert "Dr. Pejabat Baru" in text and "1 Desember 2025" in text
    assert "Kosong sejak 1 Maret 2025" in text
    assert "275 hari" in text  # 1 March to 1 December 2025
    assert html.count('class="acting-extension') == 2
    assert acting.letter_number in text
    assert "2 September 2025" in text and "2 Desember 2025" in text
    assert "Jabatan terisi definitif" in text  # the Plt's end, set by the appointment


def test_as_of_shows_the_state_on_that_date(app, client, login_as, factory):
    post, acting, new = _history(factory)
    login_as("viewer")

    def state(as_of):
        html = client.get(f"/jabatan/{post.id}?as_of={as_of}").get_data(as_text=True)
        card = html.split('id="keadaan"', 1)[1].split("</section>", 1)[0]
        return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card))

    held = state("2024-05-01")
    assert "Terisi" in held and "Drs. Lama Menjabat" in held and "Ir. Pelaksana" not in held

    vacant = state("2025-04-01")
    assert "Kosong" in vacant and "31 hari" in vacant and "1 bulan" in vacant
    assert "Plt" in vacant and "Ir. Pelaksana Tugas" in vacant and "Aktif" in vacant
    assert "2 Juni 2025" in vacant  # the extensions were not signed yet

    # The first letter ran out on 2 June; the extension was signed on 10 September only.
    lapsed = state("2025-09-05")
    assert "Surat telah berakhir" in lapsed and "2 September 2025" in lapsed

    filled = state("2026-01-10")
    assert "Dr. Pejabat Baru" in filled and "Ir. Pelaksana" not in filled


def test_posts_list_groups_by_opd_on_a_date(app, client, login_as, factory):
    post, acting, new = _history(factory)
    other = factory.post("Kepala Badan Baru")
    login_as("viewer")

    text = _text(client.get("/jabatan?as_of=2025-04-01"))
    assert post.opd.name in text and other.opd.name in text
    assert "Kosong sejak 1 Maret 2025" in text and "Ir. Pelaksana Tugas" in text
    assert "Belum tercatat" in text

    text = _text(client.get(f"/jabatan?as_of=2026-01-10&opd={post.opd_id}"))
    assert "Dr. Pejabat Baru" in text and other.title not in text


def test_posts_list_uses_a_fixed_number_of_queries(app, client, login_as, factory):
    from sqlalchemy import event

    from plt_tracker.extensions import db

    login_as("viewer")

    def count():
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/jabatan?as_of=2025-04-01").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    _history(factory)
    few = count()
    for _ in range(4):
        vacancy = factory.vacancy(start=dt.date(2025, 2, 1))
        factory.acting(vacancy, start=dt.date(2025, 2, 1))
    assert count() == few


def test_post_of_another_pemda_is_not_found(app, client, login_as, factory):
    from plt_tracker.registry.models import Instansi
    from plt_tracker.extensions import db

    login_as("viewer")
    with transaction():
        other = Instansi(name="Pemerintah Kabupaten Lain")
        db.session.add(other)
        db.session.flush()
        opd = registry.create_opd(other.id, "Dinas Lain", "dinas")
        post = registry.create_post(opd, "Kepala Dinas Lain", "jpt_pratama")
    assert client.get(f"/jabatan/{post.id}").status_code == 404
    assert "Kepala Dinas Lain" not in client.get("/jabatan").get_data(as_text=True)


def _filled_vacancies(factory, post, count, first_year=2015):
    """Give `post` `count` past vacancies, each with a Plt and a filling appointment."""
    for i in range(count):
        vacancy = factory.vacancy(post, start=dt.date(first_year + i, 1, 10))
        factory.acting(vacancy, start=dt.date(first_year + i, 1, 12),
                       end=dt.date(first_year + i, 4, 11))
        factory.fill(vacancy, start=dt.date(first_year + i, 6, 1))


def test_post_page_queries_do_not_grow_with_its_vacancies(app, client, login_as, factory):
    from tests.vacancies.test_list_page import count_queries

    post = factory.post("Kepala Dinas Perhubungan")
    _filled_vacancies(factory, post, 1)
    login_as("viewer")
    url = f"/jabatan/{post.id}?as_of=2025-01-01"

    def queries():
        with client.application.app_context(), count_queries() as counter:
            assert client.get(url).status_code == 200
        return counter["n"]

    before = queries()
    _filled_vacancies(factory, post, 3, first_year=2017)
    assert queries() == before
