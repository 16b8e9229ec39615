"""Journey 2: the Sekda opens the dashboard on a phone, follows a chart bar to the filtered
list, opens a post's history, downloads the latest Rakor report and the list as Excel."""
import io
import re

import openpyxl
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, log_in


def _fits_the_screen(phone):
    return phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_sekda_follows_the_dashboard_on_a_phone(phone):
    log_in(phone, "sekda")
    expect(phone.get_by_role("heading", name="Dasbor", level=1)).to_be_visible()
    assert _fits_the_screen(phone)
    serious = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in Axe().run(phone).response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], serious

    # The chart of vacancies by how long: its longest bar leads to the list filtered to it.
    chart = phone.locator("figure.dash-chart", has_text="Kekosongan menurut lama kosong")
    expect(chart.locator("svg[role=img]")).to_have_attribute("aria-label", re.compile("3-6 bulan"))
    bar = chart.locator("svg a", has_text="3-6 bulan")
    value = int(bar.locator("title").text_content().rsplit(":", 1)[1])
    assert value > 0
    bar.click()
    phone.wait_for_url(re.compile(r"/kekosongan\?lama=3-6"))
    expect(phone.locator("#ringkasan-daftar")).to_contain_text(f"{value} jabatan kosong")
    assert _fits_the_screen(phone)
    filtered = phone.url

    # A post's history.
    phone.locator("main a[href^='/jabatan/']").filter(visible=True).first.click()
    expect(phone.get_by_role("heading", name="Riwayat perubahan")).to_be_visible()

    # The latest Rakor report, from the menu.
    phone.get_by_role("button", name="Menu").click()
    phone.get_by_role("link", name="Laporan", exact=True).click()
    latest = phone.locator("table tbody tr", has_text="terbaru").first
    with phone.expect_download() as report:
        latest.get_by_role("link", name="PDF").click()
    with open(report.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    # The filtered list as Excel: as many rows as the bar said.
    phone.goto(filtered)
    with phone.expect_download() as sheet:
        phone.get_by_role("link", name="Unduh Excel").click()
    assert sheet.value.suggested_filename.endswith(".xlsx")
    with open(sheet.value.path(), "rb") as data:
        rows = list(openpyxl.load_workbook(io.BytesIO(data.read())).active.iter_rows(
            values_only=True))
    assert len(rows) == value + 1  # the heading row, then one row a vacancy
