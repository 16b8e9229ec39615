"""Reading the dashboard and the vacancy list the way a user reads them."""
import html as html_lib
import re

FIGURE = re.compile(r'data-figure="(\w+)">\s*<dt>.*?</dt>\s*<dd>(.*?)</dd>', re.S)
BAR = re.compile(r'<a href="([^"]+)" tabindex="-1"><title>(.*?): (\d+)</title>', re.S)
LIST_TOTAL = re.compile(r"(\d+) jabatan kosong")


def figures(page):
    """Return {figure: (text, link or None)} of the dashboard's headline figures."""
    found = {}
    for key, cell in FIGURE.findall(page):
        link = re.search(r'href="([^"]+)"', cell)
        text = re.sub(r"<[^>]+>", "", cell).strip()
        found[key] = (text, html_lib.unescape(link.group(1)) if link else None)
    return found


def count(page, key):
    """Return a headline figure as a number."""
    return int(figures(page)[key][0].split()[0])


def bars(page):
    """Return [(url, label, value)] of every chart bar."""
    return [(html_lib.unescape(url), html_lib.unescape(label), int(value))
            for url, label, value in BAR.findall(page)]


def list_total(client, url):
    """Open a list URL and return how many vacancies it says it holds (and the page)."""
    response = client.get(url)
    assert response.status_code == 200, url
    page = response.get_data(as_text=True)
    assert "pilih pemdanya dulu" not in page, url  # the date asked for, not today
    return int(LIST_TOTAL.search(page.split('id="ringkasan-daftar"')[1]).group(1)), page


def list_titles(page):
    """Return the post titles in a list page's table."""
    table = page.split("<tbody>")[1].split("</tbody>")[0]
    return [line.split(">")[1].split("<")[0] for line in table.split('<a href="/jabatan/')[1:]]
