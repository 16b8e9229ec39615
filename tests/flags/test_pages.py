"""The flag pages, the vacancy list with flags, the post page, and the CLI, through the real stack."""
import datetime as dt
import json

from plt_tracker.core.db import transaction
from plt_tracker.settings.logic import set_settings
from tests.selection.helpers import stage, start

D = dt.date
AS_OF = D(2025, 12, 1)


def _scene(factory):
    """One vacancy with no Plt (critical), one with a running selection, one holder near BUP."""
    bare = factory.vacancy(post=factory.post(title="Kepala Dinas Kosong"), start=D(2025, 1, 1))
    covered = factory.vacancy(post=factory.post(title="Kepala Dinas Proses"), start=D(2025, 10, 1))
    factory.acting(covered, start=D(2025, 10, 1), end=D(2026, 1, 31))
    attempt = start(covered, on=D(2025, 10, 5))
    stage(attempt, 1, D(2025, 10, 6))  # BKN permission: 56 days of the 30 expected
    from tests.factories import make_nip
    holder = factory.official(name="Pak Pensiun", nip=make_nip(birth=D(1966, 2, 3)))
    post = factory.post(title="Kepala Badan Tetap")
    from plt_tracker.registry.operations import set_holder
    with transaction():
        set_holder(post, holder, start_date=D(2020, 1, 1))
    return bare, covered, post


def test_cli_flags_json_fields(runner, factory):
    _scene(factory)
    result = runner.invoke(args=["plt", "flags", "--as-of", AS_OF.isoformat(), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert {"opd", "post", "code", "severity", "reason", "follow_up", "figures"} <= set(records[0])
    by = {(r["post"], r["code"]): r for r in records}
    assert by[("Kepala Dinas Kosong", "NO_ACTING")]["severity"] == "critical"
    assert by[("Kepala Dinas Kosong", "VACANT_LONG")]["figures"]["days_vacant"] == 334
    stalled = by[("Kepala Dinas Proses", "STAGE_STALLED")]
    assert stalled["figures"]["days_in_stage"] == 56 and stalled["severity"] == "warning"
    assert by[("Kepala Badan Tetap", "RETIREMENT_SOON")]["figures"]["retirement_date"] == "2026-03-01"
    assert records[0]["severity"] == "critical"


def test_cli_flags_table_and_bad_date(runner, factory):
    _scene(factory)
    table = runner.invoke(args=["plt", "flags", "--as-of", AS_OF.isoformat()])
    assert "NO_ACTING" in table.output and "tindak" not in table.output.lower().split("\n")[0]
    bad = runner.invoke(args=["plt", "flags", "--as-of", "31/02/2025"])
    assert bad.exit_code == 1 and "bukan tanggal" in bad.output


def test_cli_vacancies_gains_progress_columns(runner, factory):
    _scene(factory)
    result = runner.invoke(args=["plt", "vacancies", "--as-of", AS_OF.isoformat(), "--format", "json"])
    rows = {r["post"]: r for r in json.loads(result.output)}
    row = rows["Kepala Dinas Proses"]
    assert (row["route"], row["stage_index"], row["stage_count"], row["days_in_stage"]) == (
        "Seleksi terbuka JPT", 1, 11, 56)
    assert rows["Kepala Dinas Kosong"]["route"] == "" and "NO_ACTING" in rows["Kepala Dinas Kosong"]["flags"]
    csv_out = runner.invoke(args=["plt", "vacancies", "--as-of", AS_OF.isoformat(), "--format", "csv"])
    assert csv_out.output.splitlines()[0].endswith("route,stage,stage_index,stage_count,days_in_stage,severity,flags")


def test_threshold_in_settings_changes_the_result(runner, factory, instansi):
    _scene(factory)

    def codes():
        out = runner.invoke(args=["plt", "flags", "--as-of", AS_OF.isoformat(), "--format", "json"])
        return {(r["post"], r["code"], r["severity"]) for r in json.loads(out.output)}

    assert ("Kepala Dinas Kosong", "VACANT_LONG", "critical") in codes()
    with transaction():
        set_settings(instansi.id, {"vacant_critical_days": 400})
    assert ("Kepala Dinas Kosong", "VACANT_LONG", "warning") in codes()
    with transaction():  # Kepala Badan is a JPT post: warned 12 months ahead by default
        set_settings(instansi.id, {"retirement_warning_months_jpt": 2})
    assert not any(c == "RETIREMENT_SOON" for _, c, _ in codes())


def test_vacancy_list_shows_badges_sorts_and_filters(client, login_as, factory):
    _scene(factory)
    login_as("viewer")
    page = client.get(f"/kekosongan?as_of={AS_OF.isoformat()}").get_data(as_text=True)
    assert 'data-code="NO_ACTING"' in page and "text-bg-danger flag-badge" in page
    assert page.index("Kepala Dinas Kosong") < page.index("Kepala Dinas Proses")
    assert "tahap 1 dari 11" in page
    only = client.get(f"/kekosongan?as_of={AS_OF.isoformat()}&flag=STAGE_STALLED").get_data(as_text=True)
    assert "Kepala Dinas Proses" in only and "Kepala Dinas Kosong" not in only
    warn = client.get(f"/kekosongan?as_of={AS_OF.isoformat()}&tingkat=info").get_data(as_text=True)
    assert "Kepala Dinas Proses" not in warn
    by_opd = client.get(f"/kekosongan?as_of={AS_OF.isoformat()}&urut=opd")
    assert by_opd.status_code == 200


def test_post_page_lists_flags_and_progress(client, login_as, factory):
    bare, covered, held = _scene(factory)
    login_as("viewer")
    page = client.get(f"/jabatan/{covered.post_id}?as_of={AS_OF.isoformat()}").get_data(as_text=True)
    assert 'data-code="STAGE_STALLED"' in page and "Tindak lanjut" in page
    assert "tahap 1 dari 11" in page and 'role="progressbar"' in page
    held_page = client.get(f"/jabatan/{held.id}?as_of={AS_OF.isoformat()}").get_data(as_text=True)
    assert 'data-code="RETIREMENT_SOON"' in held_page


def test_upcoming_page_groups_by_month(client, login_as, factory):
    _scene(factory)
    login_as("viewer")
    page = client.get(f"/akan-kosong?as_of={AS_OF.isoformat()}").get_data(as_text=True)
    assert "Maret 2026" in page and "Pak Pensiun" in page and "1 Maret 2026" in page


def test_cli_flags_csv_header(runner, factory):
    _scene(factory)
    out = runner.invoke(args=["plt", "flags", "--as-of", AS_OF.isoformat(), "--format", "csv"])
    lines = out.output.splitlines()
    assert lines[0] == "opd,post,code,severity,reason,follow_up"
    assert any(",NO_ACTING,critical," in line for line in lines[1:])


def test_next_rakor_moves_the_ends_soon_horizon(app, factory, instansi):
    from plt_tracker.flags.queries import flagged_vacancies

    vacancy = factory.vacancy(post=factory.post(title="Kepala Dinas Surat"), start=D(2025, 10, 1))
    factory.acting(vacancy, start=D(2025, 10, 1), end=D(2025, 12, 31))

    def codes(**kwargs):
        row = flagged_vacancies(instansi.id, AS_OF, **kwargs)[0]
        return {f.code for f in row.extra["flags"]}

    assert "ACTING_ENDS_SOON" not in codes()  # 30 days ahead, beyond the 14-day look-ahead
    assert "ACTING_ENDS_SOON" in codes(next_rakor=D(2026, 1, 5))
    assert "ACTING_ENDS_SOON" not in codes(next_rakor=D(2025, 12, 8))


def test_post_page_today_shows_the_stored_flags_and_its_queries_do_not_grow_with_the_pemda(
        app, client, login_as, factory):
    from plt_tracker.core.dates import today
    from tests.vacancies.test_list_page import count_queries

    day = today()
    bare = factory.vacancy(post=factory.post(title="Kepala Dinas Kosong"),
                           start=day - dt.timedelta(days=400))
    login_as("viewer")
    url = f"/jabatan/{bare.post_id}"

    def page():
        with client.application.app_context(), count_queries() as counter:
            response = client.get(url)
        assert response.status_code == 200
        return response.get_data(as_text=True), counter["n"]

    first, _ = page()  # computes the pemda's stale states once
    assert 'data-code="NO_ACTING"' in first and 'data-code="VACANT_LONG"' in first
    _, before = page()
    for i in range(6):
        factory.vacancy(post=factory.post(title=f"Kepala Dinas Lain {i}"),
                        start=day - dt.timedelta(days=30 + i))
    page()  # the writes made the states stale: computed again
    text, after = page()
    assert after == before
    # A Plt named now is on the page at once: the write made the stored flags stale.
    factory.acting(bare, start=day - dt.timedelta(days=1), end=day + dt.timedelta(days=90))
    text, _ = page()
    assert 'data-code="NO_ACTING"' not in text and 'data-code="VACANT_LONG"' in text


def test_cli_flags_of_every_pemda_agree_with_each_pemda_computed(runner, factory, instansi):
    from plt_tracker.core.dates import today
    from plt_tracker.pemda.operations import create_pemda
    from tests.factories import Factory

    day = today()
    factory.vacancy(post=factory.post(title="Kepala Dinas Kosong"),
                    start=day - dt.timedelta(days=400))
    with transaction():
        other = create_pemda("Pemerintah Kabupaten Kaur", "kabupaten")
    theirs = Factory(other)
    theirs.acting(theirs.vacancy(theirs.post("Kepala Dinas Kaur"),
                                 start=day - dt.timedelta(days=100)),
                  start=day - dt.timedelta(days=10), end=day + dt.timedelta(days=5))

    def run(*args):
        result = runner.invoke(args=["plt", "flags", "--format", "json", *args])
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    every = run("--all")
    assert {r["pemda"] for r in every} == {instansi.name, "Pemerintah Kabupaten Kaur"}
    for name in (instansi.name, "Pemerintah Kabupaten Kaur"):
        one = run("--pemda", name)
        key = ("post", "code", "severity", "reason", "days_vacant")
        assert sorted(tuple(r[k] for k in key) for r in one) == sorted(
            tuple(r[k] for k in key) for r in every if r["pemda"] == name)
    assert ("Kepala Dinas Kaur", "ACTING_ENDS_SOON") in {(r["post"], r["code"]) for r in every}
    past = run("--all", "--as-of", (day - dt.timedelta(days=150)).isoformat())
    assert {r["post"] for r in past} == {"Kepala Dinas Kosong"}  # Kaur not vacant yet
    unknown = runner.invoke(args=["plt", "flags", "--pemda", "Pemerintah Kabupaten Entah"])
    assert unknown.exit_code == 1 and "tidak ada" in unknown.output
