"""`flask plt vacancies` through the real CLI: fields, formats, as-of, bad input."""
import csv
import datetime as dt
import io
import json

FIELDS = {"opd", "post", "post_kind", "vacant_since", "days_vacant", "acting_kind", "acting_nip",
          "acting_name", "acting_until", "acting_status"}


def _json(runner, *args):
    result = runner.invoke(args=["plt", "vacancies", "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return {row["post"]: row for row in json.loads(result.output)}


def test_json_fields_and_acting_status(app, runner, factory):
    active = factory.vacancy(start=dt.date(2025, 1, 10))
    plt = factory.acting(active, start=dt.date(2025, 1, 10), end=dt.date(2025, 4, 9))
    nobody = factory.vacancy(start=dt.date(2025, 3, 1))

    rows = _json(runner, "--as-of", "2025-03-01")
    row = rows[active.post.title]
    assert FIELDS <= set(row)
    assert row == {**row, "opd": active.post.opd.name, "post_kind": "jpt_pratama",
                   "vacant_since": "2025-01-10", "days_vacant": 50, "acting_kind": "Plt",
                   "acting_nip": plt.official.nip, "acting_name": plt.official.name,
                   "acting_until": "2025-04-09", "acting_status": "active"}
    assert rows[nobody.post.title]["days_vacant"] == 0
    assert rows[nobody.post.title]["acting_status"] == ""
    assert rows[nobody.post.title]["acting_until"] is None

    rows = _json(runner, "--as-of", "2025-04-10")
    assert rows[active.post.title]["acting_status"] == "expired"
    assert rows[active.post.title]["acting_name"] == plt.official.name


def test_as_of_before_a_vacancy_hides_it(app, runner, factory):
    vacancy = factory.vacancy(start=dt.date(2025, 6, 1))
    assert vacancy.post.title not in _json(runner, "--as-of", "2025-05-31")
    assert vacancy.post.title in _json(runner, "--as-of", "2025-06-01")


def test_csv_and_table(app, runner, factory):
    vacancy = factory.vacancy(start=dt.date(2025, 6, 1))
    result = runner.invoke(args=["plt", "vacancies", "--as-of", "2025-07-01", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert FIELDS <= set(rows[0]) and rows[0]["days_vacant"] == "30"
    result = runner.invoke(args=["plt", "vacancies", "--as-of", "2025-07-01"])
    assert result.exit_code == 0 and vacancy.post.title in result.output


def test_bad_date_is_refused_in_indonesian(app, runner):
    result = runner.invoke(args=["plt", "vacancies", "--as-of", "2025-02-30"])
    assert result.exit_code == 1
    assert "bukan tanggal yang ada di kalender" in result.output
