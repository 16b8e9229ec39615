"""Accessibility: axe-core (bundled in axe-playwright-python, nothing downloaded) on the main
pages finds no serious or critical violation; the keyboard reaches the menu and every focus is
visible; the flag colours keep WCAG AA contrast."""
import pytest
from axe_playwright_python.sync_playwright import Axe

# Pages by what they are; the post page and the report page are found from the lists.
PAGES = {
    "dashboard": "/",
    "search": "/cari?q=dinas",
    "vacancy list": "/kekosongan",
    "officials": "/pejabat",
    "rakor": "/rakor",
    "reports": "/rakor/laporan",
    "settings": "/pengaturan/",
    "upcoming": "/akan-kosong",
    "routes": "/jalur",
    "new user": "/pengguna/baru",
}


def _serious(page):
    """Run axe-core on the page; return its serious and critical violations, readable."""
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:5]]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def _first_link(page, live_server, listing, prefix):
    page.goto(live_server + listing)
    return page.locator(f"main a[href^='{prefix}']").first.get_attribute("href")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_main_pages_have_no_serious_violation(page, login, live_server, lang):
    login("admin")
    paths = dict(PAGES)
    paths["post page"] = _first_link(page, live_server, "/kekosongan", "/jabatan/")
    paths["report"] = _first_link(page, live_server, "/rakor/laporan", "/rakor/laporan/")
    found = {}
    for name, path in paths.items():
        page.goto(f"{live_server}{path}{'&' if '?' in path else '?'}lang={lang}")
        problems = _serious(page)
        if problems:
            found[name] = problems
    assert found == {}


def test_login_page_has_no_serious_violation(page, live_server):
    page.goto(f"{live_server}/masuk")
    assert _serious(page) == []


def test_phone_list_has_no_serious_violation(phone):
    phone.goto("/masuk")
    phone.get_by_label("Nama pengguna").fill("sekda")
    phone.get_by_label("Kata sandi").fill("air-ketahun-2026")
    phone.get_by_role("button", name="Masuk").click()
    phone.goto("/kekosongan")
    assert _serious(phone) == []


def test_keyboard_reaches_the_menu_with_a_visible_focus(page, login, live_server):
    login("sekda")
    page.goto(f"{live_server}/kekosongan")
    reached = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {text: el.textContent.trim(), tag: el.tagName,
                    outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
        }""")
        reached.append(focused["text"])
        # Every element the keyboard lands on shows where it is.
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
    assert "Daftar kekosongan" in reached


def test_every_form_field_has_a_label(page, login, live_server):
    login("admin")
    for path in ("/pengaturan/", "/pengguna/baru", "/pejabat/baru", "/kekosongan"):
        page.goto(live_server + path)
        unlabelled = page.evaluate("""() => [...document.querySelectorAll(
                'input:not([type=hidden]):not([type=submit]), select, textarea')]
            .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                          && !el.getAttribute('aria-labelledby'))
            .map(el => el.name || el.id)""")
        assert unlabelled == [], path
