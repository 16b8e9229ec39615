"""The admin import page: upload, preview, confirm; roles and CSRF."""
import io

import openpyxl
import pytest

from plt_tracker.importer.history import HISTORY_COLUMNS
from plt_tracker.importer.parse import COLUMNS
from tests.conftest import csrf_from
from tests.importer.helpers import counts, good_rows, write_csv


def _upload(client, path, token):
    with open(path, "rb") as stream:
        data = {"file": (io.BytesIO(stream.read()), path.name), "csrf_token": token}
    return client.post("/impor", data=data, content_type="multipart/form-data")


def test_preview_then_confirm(app, client, login_as, tmp_path):
    login_as("admin")
    page = client.get("/impor")
    assert page.status_code == 200 and b'type="file"' in page.data
    before = counts()

    preview = _upload(client, write_csv(tmp_path / "daftar.csv", good_rows()), client.csrf)

    html = preview.get_data(as_text=True)
    assert preview.status_code == 200, html[:2000]
    assert "jabatan: 3 baru" in html and "Terapkan impor" in html
    assert counts() == before
    # Only a token goes back to the browser, never the parsed rows.
    assert "Kepala Dinas Sosial" in html and 'name="token"' in html
    token = html.split('name="token" type="hidden" value="')[1].split('"')[0]

    done = client.post("/impor/terapkan", data={"token": token, "csrf_token": csrf_from(html)})
    assert done.status_code == 302
    assert counts()["Post"] == 3
    assert "selesai" in client.get("/impor").get_data(as_text=True)
    # The stored file is gone: confirming again finds nothing and changes nothing.
    after = counts()
    again = client.post("/impor/terapkan", data={"token": token, "csrf_token": client.csrf},
                        follow_redirects=True)
    assert "tidak ditemukan" in again.get_data(as_text=True)
    assert counts() == after


def test_preview_shows_errors_and_offers_no_confirm(app, client, login_as, tmp_path):
    login_as("admin")
    rows = good_rows()
    rows[0][3] = "123"
    response = _upload(client, write_csv(tmp_path / "salah.csv", rows), client.csrf)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "nip_pejabat" in html and "NIP harus 18 angka" in html
    assert "Terapkan impor" not in html
    assert counts()["Post"] == 0


def test_confirm_with_a_forged_token_changes_nothing(app, client, login_as, tmp_path):
    login_as("admin")
    _upload(client, write_csv(tmp_path / "daftar.csv", good_rows()), client.csrf)
    response = client.post("/impor/terapkan", data={"token": "tebakan", "csrf_token": client.csrf},
                           follow_redirects=True)
    assert "tidak ditemukan" in response.get_data(as_text=True)
    assert counts()["Post"] == 0


def test_wrong_file_type_is_refused(app, client, login_as):
    login_as("admin")
    data = {"file": (io.BytesIO(b"hello"), "daftar.txt"), "csrf_token": client.csrf}
    response = client.post("/impor", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert ".xlsx atau .csv" in response.get_data(as_text=True)


def test_upload_without_csrf_is_refused(app, client, login_as, tmp_path):
    login_as("admin")
    response = _upload(client, write_csv(tmp_path / "daftar.csv", good_rows()), "palsu")
    assert response.status_code == 400
    assert counts()["Post"] == 0


def test_confirm_without_csrf_is_refused(app, client, login_as, tmp_path):
    login_as("admin")
    html = _upload(client, write_csv(tmp_path / "daftar.csv", good_rows()),
                   client.csrf).get_data(as_text=True)
    token = html.split('name="token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/impor/terapkan", data={"token": token})
    assert response.status_code == 400
    assert counts()["Post"] == 0


@pytest.mark.parametrize("role", ["viewer", "operator"])
def test_viewer_and_operator_are_refused(app, client, login_as, tmp_path, role):
    login_as(role)
    assert client.get("/impor").status_code == 403
    assert client.get("/impor/templat.xlsx").status_code == 403
    assert _upload(client, write_csv(tmp_path / "d.csv", good_rows()),
                   client.csrf).status_code == 403
    assert client.post("/impor/terapkan", data={"token": "x", "csrf_token": client.csrf}
                       ).status_code == 403
    assert counts()["Post"] == 0


def test_template_has_every_column_and_imports_as_is(app, client, login_as, tmp_path):
    login_as("admin")
    response = client.get("/impor/templat.xlsx")
    assert response.status_code == 200
    path = tmp_path / "templat.xlsx"
    path.write_bytes(response.data)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Daftar jabatan", "riwayat_pelaksana"]
    sheet, history = book.worksheets
    assert [c.value for c in sheet[1]] == COLUMNS
    assert sheet.cell(row=2, column=COLUMNS.index("kosong_sejak") + 1).is_date  # a real date
    assert [c.value for c in history[1]] == HISTORY_COLUMNS
    assert history["E2"].number_format == "@"  # the NIP stays text

    preview = _upload(client, path, client.csrf)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200, html[:2000]
    # The history's first letter is the register row's own: one letter, then its extension.
    assert "Plt/Plh: 1 baru, 1 tidak berubah" in html and "perpanjangan: 1 baru" in html
    assert "riwayat_pelaksana" in html


def test_the_page_lists_both_sheets_columns_and_the_limits(app, client, login_as):
    login_as("admin")
    html = client.get("/impor").get_data(as_text=True)
    assert ", ".join(HISTORY_COLUMNS) in html and "jenis_jabatan_pelaksana" in html
    assert "paling besar 10 MB, paling banyak 5000 baris data dan 10 lembar" in html


def test_import_goes_to_the_admins_own_pemda(app, client, tmp_path, instansi):
    from plt_tracker.auth.operations import create_user
    from plt_tracker.core.db import transaction
    from plt_tracker.extensions import db
    from plt_tracker.registry.models import Opd
    from tests.registry.helpers import other_instansi

    other = other_instansi()
    with transaction():
        create_user(other.id, "admin_lain", "rahasia123", "admin", "Admin Pemda Lain")
    token = csrf_from(client.get("/masuk").data)
    client.post("/masuk", data={"username": "admin_lain", "password": "rahasia123",
                                "csrf_token": token})
    html = _upload(client, write_csv(tmp_path / "daftar.csv", good_rows()),
                   token).get_data(as_text=True)
    upload_token = html.split('name="token" type="hidden" value="')[1].split('"')[0]
    done = client.post("/impor/terapkan", data={"token": upload_token, "csrf_token": token})
    assert done.status_code == 302
    owners = {o.instansi_id for o in db.session.scalars(db.select(Opd))}
    assert owners == {other.id}
