"""Lists of the API: pages, filters, the vacancy list as of a date (the same rows as the
page's list), acting letters in force on a date, posts with their holders."""
import datetime as dt

from plt_tracker.core.dates import today
from plt_tracker.core.db import transaction
from plt_tracker.registry.operations import create_post
from plt_tracker.flags.state import ensure_fresh
from plt_tracker.vacancies.listing import Filters, computed_rows, stored_rows

D = dt.date


def _all(api_get, url, text, **query):
    """Walk a list's pages by their `next` links; return every row and the pages seen."""
    rows, pages, link = [], 0, None
    response = api_get(url, text, query_string=query)
    while True:
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        rows += response.json["data"]
        pages += 1
        link = response.json["links"]["next"]
        if link is None:
            return rows, pages
        response = api_get(link, text)


def test_pages_cover_every_row_once(app, api_get, make_token, factory):
    for i in range(7):
        factory.vacancy(start=D(2025, 1, 1) + dt.timedelta(days=i))
    _token, text = make_token()
    first = api_get("/api/v1/vacancies?per_page=3", text).json
    assert first["meta"] | {"counts": None} == {"page": 1, "per_page": 3, "total": 7, "pages": 3,
                                                "as_of": today().isoformat(),
                                                "computed": "stored", "stale_pemda": 0,
                                                "counts": None}
    assert first["links"]["prev"] is None and "page=2" in first["links"]["next"]
    rows, pages = _all(api_get, "/api/v1/vacancies", text, per_page=3)
    assert pages == 3 and len({r["vacancy_id"] for r in rows}) == 7
    posts, pages = _all(api_get, "/api/v1/posts", text, per_page=2)
    assert pages == 4 and len({p["id"] for p in posts}) == 7
    beyond = api_get("/api/v1/vacancies?per_page=3&page=9", text).json
    assert beyond["data"] == [] and beyond["meta"]["total"] == 7


def test_bad_parameters_name_themselves(app, api_get, make_token):
    _token, text = make_token()
    for query, name in (("per_page=201", "per_page"), ("page=0", "page"),
                        ("as_of=15/01/2026", "as_of"), ("flag=NOPE", "flag"),
                        ("severity=bad", "severity"), ("head=maybe", "head"), ("sort=up", "sort"),
                        ("opd=-1", "opd"), ("pemda=1e3", "pemda")):
        response = api_get(f"/api/v1/vacancies?{query}", text)
        assert response.status_code == 400, query
        assert response.json["error"] == {"status": 400, "code": "bad_parameter",
                                          "parameter": name,
                                          "message": response.json["error"]["message"]}
        assert f"'{name}'" in response.json["error"]["message"]
    response = api_get("/api/v1/acting-letters?active_on=2025-13-01", text)
    assert response.status_code == 400 and response.json["error"]["parameter"] == "active_on"


def test_filters_of_the_vacancy_list(app, api_get, make_token, factory):
    acted = factory.vacancy(start=D(2025, 2, 1))
    factory.acting(acted, start=D(2025, 2, 3), end=D(2099, 6, 30))
    empty = factory.vacancy(start=D(2025, 9, 1))
    with transaction():
        deputy = create_post(empty.post.opd, "Sekretaris Dinas Uji", "administrator", "III.a",
                             is_head=False)
    with_deputy = factory.vacancy(deputy, start=D(2025, 10, 1))
    _token, text = make_token()

    def ids(**query):
        response = api_get("/api/v1/vacancies", text, query_string=query)
        assert response.status_code == 200, response.get_data(as_text=True)[:300]
        return {row["vacancy_id"] for row in response.json["data"]}

    assert ids() == {acted.id, empty.id, with_deputy.id}
    assert ids(no_acting="true") == {empty.id, with_deputy.id}
    assert ids(acting_kind="plt") == {acted.id}
    assert ids(head="true") == {acted.id, empty.id}
    assert ids(post_kind="administrator") == {with_deputy.id}
    assert ids(opd=empty.post.opd_id) == {empty.id, with_deputy.id}
    assert ids(opd=acted.post.opd_id) == {acted.id}
    assert ids(flag="NO_ACTING") == {empty.id, with_deputy.id}
    rows = api_get("/api/v1/vacancies?sort=since&order=desc", text).json["data"]
    assert [r["vacancy_id"] for r in rows] == [with_deputy.id, empty.id, acted.id]
    row = next(r for r in api_get("/api/v1/vacancies", text).json["data"]
               if r["vacancy_id"] == acted.id)
    assert row["acting"]["kind"] == "plt" and row["acting"]["status"] == "active"
    assert row["vacant_since"] == "2025-02-01" and row["is_head"] is True
    flagged = api_get("/api/v1/flags?flag=NO_ACTING", text).json["data"]
    assert {r["vacancy_id"] for r in flagged} == {empty.id, with_deputy.id}
    assert all(f["code"] and f["reason"] for r in flagged for f in r["flags"])


def test_as_of_gives_the_rows_of_the_vacancy_list(app, api_get, make_token, factory, instansi):
    early = factory.vacancy(start=D(2025, 2, 1))
    factory.acting(early, start=D(2025, 2, 3), end=D(2025, 5, 2))
    late = factory.vacancy(start=D(2025, 9, 1))
    filled = factory.vacancy(start=D(2025, 3, 1))
    factory.fill(filled, start=D(2025, 7, 1))
    _token, text = make_token()
    for day in (D(2025, 4, 1), D(2025, 8, 13), D(2026, 1, 15)):
        expected = computed_rows(instansi.id, day, Filters(all_posts=True))
        response = api_get(f"/api/v1/vacancies?as_of={day}&per_page=200", text)
        assert response.json["meta"]["computed"] == "on_demand"
        got = response.json["data"]
        assert [r["vacancy_id"] for r in got] == [r.vacancy_id for r in expected], day
        assert [r["days_vacant"] for r in got] == [r.days_vacant for r in expected]
        assert [[f["code"] for f in r["flags"]] for r in got] == \
            [[f.code for f in r.extra["flags"]] for r in expected]
    on_april = {r["vacancy_id"]: r for r in api_get("/api/v1/vacancies?as_of=2025-04-01",
                                                    text).json["data"]}
    assert set(on_april) == {early.id, filled.id}
    assert on_april[early.id]["acting"]["status"] == "active"
    assert on_april[early.id]["days_vacant"] == 59
    # Today's answer is the stored list, the same rows as the page shows.
    ensure_fresh({instansi.id}, today())
    stored = [r.vacancy_id for r in stored_rows({instansi.id}, today(), Filters(all_posts=True))]
    now = api_get("/api/v1/vacancies?per_page=200", text).json
    assert [r["vacancy_id"] for r in now["data"]] == stored == [early.id, late.id]


def test_acting_letters_in_force_on_a_date(app, api_get, make_token, factory):
    vacancy = factory.vacancy(start=D(2025, 1, 1))
    first = factory.acting(vacancy, start=D(2025, 1, 2), end=D(2025, 3, 31))
    factory.extend(first, D(2025, 6, 30), letter_date=D(2025, 3, 25))
    plh = factory.acting(factory.vacancy(start=D(2025, 5, 1)), kind="plh", start=D(2025, 5, 2),
                         end=D(2025, 5, 31))
    _token, text = make_token()

    def ids(**query):
        return [r["id"] for r in api_get("/api/v1/acting-letters", text,
                                         query_string=query).json["data"]]

    assert ids() == [plh.id, first.id]  # the latest recorded first
    assert ids(active_on="2025-03-20") == [first.id]
    assert ids(active_on="2025-06-15") == [first.id]  # by the extension
    assert ids(active_on="2025-05-15") == [plh.id, first.id]
    assert ids(active_on="2025-07-01") == []
    assert ids(kind="plh") == [plh.id]
    assert ids(since="2025-05-01") == [plh.id] and ids(until="2025-04-30") == [first.id]
    letter = api_get(f"/api/v1/acting-letters?vacancy={vacancy.id}&as_of=2025-06-01",
                     text).json["data"][0]
    assert letter["covered_until"] == "2025-06-30" and letter["status"] == "active"
    assert [e["end_date"] for e in letter["extensions"]] == ["2025-06-30"]
    before_extension = api_get(f"/api/v1/acting-letters?vacancy={vacancy.id}&as_of=2025-03-20",
                               text).json["data"][0]
    assert before_extension["covered_until"] == "2025-03-31"


def test_posts_with_holders_and_vacancies(app, api_get, make_token, factory):
    held = factory.vacancy(start=D(2025, 1, 1))
    holder = factory.official("Budi Contoh")
    factory.fill(held, holder, start=D(2025, 7, 1))
    _token, text = make_token()
    by_id = {p["id"]: p for p in api_get("/api/v1/posts", text).json["data"]}
    post = by_id[held.post_id]
    assert post["holder"]["name"] == "Budi Contoh" and post["holder"]["since"] == "2025-07-01"
    assert post["vacancy"] is None
    earlier = {p["id"]: p for p in api_get("/api/v1/posts?as_of=2025-03-01",
                                           text).json["data"]}[held.post_id]
    assert earlier["holder"] is None and earlier["vacancy"]["since"] == "2025-01-01"
    deputy_opd = held.post.opd
    with transaction():
        deputy = create_post(deputy_opd, "Sekretaris Dinas", "administrator", is_head=False)
    assert {p["id"] for p in api_get("/api/v1/posts?head=true", text).json["data"]} == \
        {held.post_id}
    assert {p["id"] for p in api_get(f"/api/v1/posts?opd={deputy_opd.id}",
                                     text).json["data"]} == {held.post_id, deputy.id}


def test_reports_by_meeting_date_without_snapshots(app, api_get, make_token, instansi):
    from plt_tracker.rakor.calendar import Meeting
    from plt_tracker.rakor.operations import generate_report

    with transaction():
        for day in (D(2026, 2, 2), D(2026, 3, 2), D(2026, 3, 2)):
            generate_report(instansi.id, Meeting(day, dt.time(9), "rule"), trigger="manual",
                            actor="test")
    _token, text = make_token()
    rows = api_get("/api/v1/reports", text).json["data"]
    assert [(r["meeting_date"], r["version"]) for r in rows] == [
        ("2026-03-02", 2), ("2026-03-02", 1), ("2026-02-02", 1)]
    assert all("snapshot" not in r for r in rows)
    march = api_get("/api/v1/reports?since=2026-03-01&until=2026-03-31", text).json
    assert march["meta"]["total"] == 2
    one = api_get(f"/api/v1/reports/{rows[-1]['id']}", text).json
    assert one["snapshot"]["meeting_date"] == "2026-02-02" and one["version"] == 1
