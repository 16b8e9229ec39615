"""On a phone (390 px): no page is wider than the screen, the navigation bar spans it, and
the vacancy list opens on cards (worst flag first) with its filters folded away."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, log_in


def _width(page):
    return page.evaluate("document.documentElement.scrollWidth")


def _first_link(page, listing, prefix):
    page.goto(listing)
    return page.locator(f"main a[href^='{prefix}']").first.get_attribute("href")


def test_vacancy_list_on_a_phone_is_cards_with_filters_folded(phone):
    log_in(phone, "sekda")
    phone.goto("/kekosongan")
    assert _width(phone) <= PHONE["width"]
    # The first screen shows vacancies, not filters: the filter panel is closed.
    expect(phone.locator("details.filters-panel")).not_to_have_attribute("open", "")
    cards = phone.locator(".vacancy-cards article")
    expect(cards.first).to_be_visible()
    assert cards.first.bounding_box()["y"] < PHONE["height"]
    # Each card shows its flags; the table (with its flag column) is not what a phone shows.
    expect(phone.locator("table.table-vacancies")).to_be_hidden()
    # Counts of critical and warning at the top of the list.
    expect(phone.locator("main").get_by_text("kritis").first).to_be_visible()


@pytest.mark.parametrize("which", ["dashboard", "report", "post", "officials", "rakor",
                                   "upcoming"])
def test_pages_fit_a_phone_and_the_menu_spans_it(phone, which):
    log_in(phone, "admin")
    path = {"report": lambda: _first_link(phone, "/rakor/laporan", "/rakor/laporan/"),
            "post": lambda: _first_link(phone, "/kekosongan", "/jabatan/"),
            "dashboard": lambda: "/", "officials": lambda: "/pejabat", "rakor": lambda: "/rakor",
            "upcoming": lambda: "/akan-kosong"}[which]()
    phone.goto(path)
    assert _width(phone) <= PHONE["width"], path
    nav = phone.locator("nav.navbar").bounding_box()
    assert nav["x"] == 0 and nav["width"] == PHONE["width"]
    # The menu opens from its button and every entry is reachable.
    phone.get_by_role("button", name="Menu").click()
    expect(phone.get_by_role("link", name="Daftar kekosongan")).to_be_visible()
