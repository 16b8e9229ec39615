"""No page shows a raw code (seleksi_terbuka, ACTING_RETIRES…) to its reader, in either language."""
import re

import pytest

CODE = re.compile(r"\b(?:[a-z]+_[a-z_]+|[A-Z]{2,}_[A-Z_]+)\b")
PAGES = ["/", "/kekosongan", "/jalur", "/rakor", "/rakor/laporan", "/akan-kosong", "/pejabat",
         "/pengaturan/", "/jabatan"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_main_pages_show_no_raw_code(page, login, live_server, lang):
    login("admin")
    page.goto(f"{live_server}/rakor/laporan")
    report = page.locator("main a[href^='/rakor/laporan/']").first.get_attribute("href")
    page.goto(f"{live_server}/kekosongan")
    post = page.locator("main a[href^='/jabatan/']").first.get_attribute("href")
    found = {}
    for path in PAGES + [report, post]:
        page.goto(f"{live_server}{path}?lang={lang}")
        # What a reader sees: the text and the tooltips (titles) of the page's main part.
        seen = page.locator("main").inner_text() + " ".join(
            page.locator("main [title]").evaluate_all("els => els.map(e => e.title)"))
        codes = set(CODE.findall(seen))
        if codes:
            found[path] = codes
    assert found == {}
