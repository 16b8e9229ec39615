"""`flask plt decisions --as-of DATE --format json|csv|table`."""
import csv
import datetime as dt
import io
import json

from tests.decisions.helpers import close, decide


def test_lists_decisions_with_their_status_on_a_date(app, runner, instansi, factory):
    vacancy = factory.vacancy(factory.post("Kepala Dinas Sosial"))
    decide(instansi, post=vacancy.post, text="Tunjuk Plt", flag="NO_ACTING",
           email="dinsos@lebongkab.go.id")
    done = decide(instansi, text="=Susun jadwal")
    close(done, dt.date(2026, 2, 20), "Jadwal disusun")

    out = runner.invoke(args=["plt", "decisions", "--as-of", "2026-03-10", "--format", "json"])
    assert out.exit_code == 0, out.output
    rows = {r["instruction"]: r for r in json.loads(out.output)}
    assert rows["Tunjuk Plt"]["status"] == "overdue" and rows["Tunjuk Plt"]["days_overdue"] == 8
    assert rows["Tunjuk Plt"]["post"] == "Kepala Dinas Sosial"
    assert rows["Tunjuk Plt"]["due_date"] == "2026-03-02"
    assert rows["=Susun jadwal"]["status"] == "done"
    assert rows["=Susun jadwal"]["closed_on"] == "2026-02-20"

    early = runner.invoke(args=["plt", "decisions", "--as-of", "2026-02-10", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(early.output)))
    assert {r["status"] for r in table} == {"open"}
    assert "'=Susun jadwal" in {r["instruction"] for r in table}  # a formula stays text

    pending = runner.invoke(args=["plt", "decisions", "--as-of", "2026-03-10", "--status",
                                  "pending"])
    assert pending.exit_code == 0
    assert "Tunjuk Plt" in pending.output and "Susun jadwal" not in pending.output
    assert pending.output.splitlines()[0].split() == [
        "id", "meeting_date", "post", "instruction", "responsible", "due_date", "status",
        "days_overdue"]

    before = runner.invoke(args=["plt", "decisions", "--as-of", "2026-01-31", "--format", "json"])
    assert json.loads(before.output) == []
    bad = runner.invoke(args=["plt", "decisions", "--as-of", "31-02-2026"])
    assert bad.exit_code != 0
    named = runner.invoke(args=["plt", "decisions", "--pemda", instansi.name, "--format", "json"])
    assert len(json.loads(named.output)) == 2
    unknown = runner.invoke(args=["plt", "decisions", "--pemda", "Kabupaten Entah"])
    assert unknown.exit_code != 0 and "tidak ada" in unknown.output
