"""The posts register and the officials list download whole, as CSV and Excel."""
import csv
import datetime as dt
import io

import openpyxl

from plt_tracker.core.dates import today
from plt_tracker.core.db import transaction
from plt_tracker.registry.operations import set_holder


def _sheet(response):
    assert response.status_code == 200, response.status_code
    book = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    return rows[0], rows[1:]


def test_the_posts_register_downloads_as_the_page_shows_it(client, login_as, factory):
    day = today()
    kosong = factory.post(title="Kepala Dinas Kosong")
    factory.acting(factory.vacancy(kosong, start=day - dt.timedelta(days=40)),
                   start=day - dt.timedelta(days=30), end=day + dt.timedelta(days=60))
    terisi = factory.post(title="Kepala Badan =SUM(A1)")
    with transaction():
        set_holder(terisi, factory.official(name="Bu Definitif"),
                   start_date=day - dt.timedelta(days=400))
    login_as("viewer")
    header, rows = _sheet(client.get("/jabatan.xlsx"))
    by_post = {row[header.index("Jabatan")]: row for row in rows}
    assert set(by_post) == {"Kepala Dinas Kosong", "Kepala Badan =SUM(A1)"}
    empty = by_post["Kepala Dinas Kosong"]
    assert empty[header.index("Keadaan")] == "Kosong"
    assert empty[header.index("Lama kosong (hari)")] == 40
    assert empty[header.index("Pelaksana")] == "Plt"
    assert by_post["Kepala Badan =SUM(A1)"][header.index("Pejabat definitif")] == "Bu Definitif"
    text = client.get("/jabatan.csv").get_data(as_text=True)
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == list(header) and len(lines) == 3
    past = list(csv.reader(io.StringIO(client.get(
        f"/jabatan.csv?as_of={(day - dt.timedelta(days=100)).isoformat()}").get_data(as_text=True))))
    assert {row[header.index("Keadaan")] for row in past[1:]} == {"Belum dicatat", "Terisi"}
    assert client.get("/jabatan.csv?as_of=31-02-2025").status_code == 400


def test_the_officials_list_downloads_whole(client, login_as, factory):
    for i in range(3):
        factory.official(name=f"Pejabat Unduh {i}")
    login_as("viewer")
    header, rows = _sheet(client.get("/pejabat.xlsx"))
    names = [row[header.index("Nama")] for row in rows]
    assert {f"Pejabat Unduh {i}" for i in range(3)} <= set(names)
    nip = rows[0][header.index("NIP")]
    assert " " in nip and len(nip.replace(" ", "")) == 18
    assert client.get("/pejabat.csv").get_data(as_text=True).startswith("Nama,NIP,")
