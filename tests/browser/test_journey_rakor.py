"""Journey 3: an admin moves next month's Rakor, changes a threshold, and sees the flags change.

The demo's letters end at dates relative to the day it is loaded: the BPBD head's Plt letter
ends three weeks ahead, after next month's Rakor. Moving that Rakor past the letter's end
makes it "ends before the next Rakor"; raising the "vacant long" threshold takes the warning
off the posts vacant for less than it.
"""
import datetime as dt
import re

from playwright.sync_api import expect

POST = "Kepala Pelaksana BPBD"
LONG_VACANT = "Camat Pinang Belapis"


def _flags_of(page, live_server, post):
    """Return the flag codes the vacancy list shows for `post` (the desktop table)."""
    page.goto(f"{live_server}/kekosongan?per_halaman=100")
    row = page.locator("table.table-vacancies tbody tr", has_text=post)
    expect(row).to_have_count(1)
    return set(row.locator(".flag-badge").evaluate_all("els => els.map(e => e.dataset.code)"))


def test_admin_moves_the_rakor_and_changes_a_threshold(page, login, live_server):
    login("admin")
    assert "ACTING_ENDS_SOON" not in _flags_of(page, live_server, POST)
    assert "VACANT_LONG" in _flags_of(page, live_server, LONG_VACANT)

    # Move next month's Rakor two weeks later (past the BPBD letter's end).
    page.goto(f"{live_server}/rakor")
    month = page.get_by_label("Rakor bulan")
    first = month.locator("option").first
    planned = dt.datetime.strptime(re.search(r"Rakor (\d\d/\d\d/\d{4})", first.inner_text())
                                   .group(1), "%d/%m/%Y").date()
    moved = planned + dt.timedelta(days=14)
    month.select_option(first.get_attribute("value"))
    page.locator("#move_meeting_date").fill(moved.isoformat())
    page.locator("#move_note").fill("Bupati dinas luar")
    page.get_by_role("button", name="Pindahkan").click()
    expect(page.locator(".alert-success")).to_be_visible()
    row = page.locator("table tbody tr", has_text=f"{moved.day} ")
    expect(row.first).to_contain_text("Dipindah")
    expect(page.locator("main")).to_contain_text("Bupati dinas luar")

    flags = _flags_of(page, live_server, POST)
    assert "ACTING_ENDS_SOON" in flags
    badge = page.locator("table.table-vacancies tbody tr", has_text=POST).locator(
        ".flag-badge[data-code=ACTING_ENDS_SOON]")
    expect(badge).to_have_text("Surat pelaksana segera berakhir")

    # Raise the "vacant long" warning threshold above that post's days: its warning goes.
    page.goto(f"{live_server}/pengaturan/")
    page.get_by_label("Kosong lama: peringatan setelah (hari)").fill("700")
    page.get_by_label("Kosong lama: kritis setelah (hari)").fill("800")
    page.get_by_role("button", name="Simpan pengaturan").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert "VACANT_LONG" not in _flags_of(page, live_server, LONG_VACANT)
