"""The harness itself: the demo is served, and each demo account can log in."""
import pytest

from tests.browser.conftest import ACCOUNTS


@pytest.mark.parametrize("username", sorted(ACCOUNTS))
def test_each_demo_account_logs_in_and_sees_the_vacancy_list(page, login, live_server, username):
    login(username)
    page.goto(f"{live_server}/kekosongan")
    assert page.get_by_role("heading", level=1).first.is_visible()
    assert page.locator("a[href^='/jabatan/']").count() > 10
    assert page.get_by_role("link", name="Keluar").count() + page.get_by_role(
        "button", name="Keluar").count() == 1
