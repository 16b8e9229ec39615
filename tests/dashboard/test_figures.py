"""The dashboard's figures are the vacancy list's and the report's numbers, today and on a
past date, and every figure and chart bar opens the list filtered to exactly that."""
import datetime as dt

from plt_tracker.core.db import transaction
from plt_tracker.rakor.calendar import Meeting
from plt_tracker.rakor.operations import generate_report
from tests.dashboard.conftest import days_ago
from tests.dashboard.helpers import bars, count, figures, list_total

COUNTED = ("vacant", "plt", "plh", "no_acting", "expired", "critical", "warning")


def _page(client, query=""):
    response = client.get(f"/{query}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_figures_of_the_register_today(app, client, login_as, register):
    login_as("viewer")
    page = _page(client)
    assert {k: count(page, k) for k in ("posts", "filled", "vacant", "plt", "plh", "no_acting",
                                        "expired")} == {
        "posts": 6, "filled": 2, "vacant": 4, "plt": 1, "plh": 1, "no_acting": 2, "expired": 1}
    assert figures(page)["longest_days"][0] == "500 hari"
    assert figures(page)["avg_days"][0] == "225,0 hari"  # (30 + 120 + 250 + 500) / 4
    every = _page(client, "?semua=1")
    assert count(every, "posts") == 7 and count(every, "vacant") == 5


def test_every_figure_and_bar_opens_the_list_with_as_many_rows(app, client, login_as, register):
    login_as("viewer")
    for query in ("", "?semua=1", f"?as_of={days_ago(150).isoformat()}"):
        page = _page(client, query)
        found = figures(page)
        for key in COUNTED:
            text, url = found[key]
            assert list_total(client, url)[0] == int(text), (query, key, url)
        checked = 0
        for url, label, value in bars(page):
            assert list_total(client, url)[0] == value, (query, label, url)
            checked += 1
        assert checked >= 10, query


def test_bars_filter_to_their_group(app, client, login_as, register):
    login_as("viewer")
    page = _page(client)
    by_label = {label: url for url, label, value in bars(page)}
    total, listed = list_total(client, by_label["12+ bulan"])
    assert total == 1 and "Kepala Delta" in listed
    total, listed = list_total(client, by_label["Kecamatan"])
    assert total == 1 and "Kepala Delta" in listed
    funnel = [label for label in by_label if label.startswith("Seleksi terbuka")]
    assert len(funnel) == 1 and " · 2. " in funnel[0]
    total, listed = list_total(client, by_label[funnel[0]])
    assert total == 1 and "Kepala Charlie" in listed
    assert "tahap=" in by_label[funnel[0]]  # one pemda: the stage by its id


def test_a_past_date_counts_what_was_true_then(app, client, login_as, register):
    login_as("viewer")
    day = days_ago(150)
    page = _page(client, f"?as_of={day.isoformat()}")
    assert day.strftime("%Y") in page and "Per tanggal" in page
    # 150 days ago: Alpha and Bravo not yet vacant, Echo vacant under its Plt, Delta's Plt
    # letter still running, Charlie without its Plh.
    assert count(page, "vacant") == 3
    assert count(page, "plt") == 2 and count(page, "plh") == 0
    assert count(page, "filled") == 1
    assert figures(page)["vacant"][1].endswith(f"as_of={day.isoformat()}")


def test_figures_agree_with_the_rakor_report(app, client, login_as, register, instansi):
    day = days_ago(150)
    with transaction():
        report = generate_report(instansi.id, Meeting(day, dt.time(9), "rule"),
                                 trigger="manual", actor="test")
    summary = report.snapshot["summary"]
    login_as("viewer")
    page = _page(client, f"?as_of={day.isoformat()}&semua=1")
    assert count(page, "vacant") == summary["vacant"]
    assert count(page, "plt") == summary["plt"] and count(page, "plh") == summary["plh"]
    assert count(page, "no_acting") == summary["no_acting"]
    assert count(page, "expired") == summary["acting_expired"]
    assert count(page, "critical") == summary["flagged_critical"]
    assert figures(page)["longest_days"][0] == f"{summary['max_days_vacant']} hari"


def test_attention_lists_critical_first_with_links(app, client, login_as, register):
    login_as("viewer")
    page = _page(client)
    attention = page.split('id="perlu-perhatian"')[1].split("</section>")[0]
    badges = [part.split("</span>")[0].split(">")[-1]
              for part in attention.split('class="badge ')[1:]]
    assert badges and badges[0] == "Kritis"
    assert badges == sorted(badges, key=lambda b: b != "Kritis")
    delta = register["Delta"].post_id
    assert f'href="/jabatan/{delta}"' in attention


def test_my_work_is_for_the_bkpsdm(app, client, login_as, register):
    login_as("viewer")
    assert "Pekerjaan saya" not in _page(client)
    client.post("/keluar", data={"csrf_token": client.csrf})
    login_as("operator")
    page = _page(client)
    work = page.split('id="pekerjaan-saya"')[1].split("</section>")[0]
    # Charlie's Plh letter ends in 5 days; Bravo's in 60.
    ending = work.split('id="kerja-surat"')[1].split("<h3")[0]
    assert "Kepala Charlie" in ending and "Kepala Bravo" not in ending
    stalled = work.split('id="kerja-tahap"')[1].split("<h3")[0]
    assert "Kepala Charlie" in stalled  # stage 2 for 149 days
    assert "surat dan SK dicatat dalam 30 hari terakhir" in work


def test_bad_dates_are_explained(app, client, login_as):
    login_as("viewer")
    page = _page(client, "?as_of=31-02-2025")
    assert "bukan tanggal yang ada di kalender" in page



def test_the_list_filters_by_route_and_stage_position(app, client, login_as, register):
    route = register["attempt"].route.name
    login_as("viewer")
    for as_of in ("", f"&as_of={days_ago(100).isoformat()}"):
        total, page = list_total(client, f"/kekosongan?jalur={route}&tahap_ke=2{as_of}")
        assert total == 1 and "Kepala Charlie" in page, as_of
        assert list_total(client, f"/kekosongan?jalur={route}&tahap_ke=1{as_of}")[0] == 0
        assert list_total(client, f"/kekosongan?jalur=Lain&tahap_ke=2{as_of}")[0] == 0


def test_open_and_overdue_rakor_decisions_agree_with_the_decisions_list(
        app, client, login_as, instansi):
    import datetime as dt

    from tests.decisions.helpers import APR, FEB, MAR, close, decide
    from tests.dashboard.helpers import figures

    decide(instansi, meeting=FEB, due=dt.date(2026, 3, 2))  # overdue by April
    done = decide(instansi, meeting=FEB, due=dt.date(2026, 3, 2))
    close(done, dt.date(2026, 2, 20))
    decide(instansi, meeting=MAR, due=dt.date(2026, 5, 4))  # still within its time
    decide(instansi, meeting=APR, due=dt.date(2026, 5, 4))
    login_as("viewer")
    day = "2026-04-10"
    page = client.get(f"/?as_of={day}").get_data(as_text=True)
    found = figures(page)
    assert found["decisions_open"][0] == "2" and found["decisions_overdue"][0] == "1"
    for key, standing in (("decisions_open", "open"), ("decisions_overdue", "overdue")):
        listed = client.get(found[key][1]).get_data(as_text=True)
        assert listed.count(f'class="decision-{standing}"') == int(found[key][0]), key
