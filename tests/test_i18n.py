"""Bahasa Indonesia by default, English through the `en` catalogue, and a catalogue kept complete.

Message ids are the Indonesian text, so Indonesian needs no catalogue; English comes from
plt_tracker/translations/en. The catalogue tests extract the messages from the source the way
`make translations` does, so a new string without an English translation fails here.
"""
import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask_babel import force_locale, refresh

from plt_tracker.core.db import transaction
from plt_tracker.core.i18n import duration_words, long_date
from plt_tracker.registry.operations import set_holder
from tests.factories import make_nip

D = dt.date
ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "plt_tracker" / "translations"
POT = TRANSLATIONS / "messages.pot"
PO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
MO = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.mo"
# The keywords of the Makefile's `translations` target (Babel's defaults plus the lazy ones).
EXTRA_KEYWORDS = ["_l", "N_", "lazy_gettext", "lazy_pgettext:1c,2"]
SKIPPED_DIRS = {"__pycache__", "instance", "build", "dist", "node_modules"}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


# --- the language on the pages ----------------------------------------------------------------

def _page(client, url, **kwargs):
    """GET a page and return its HTML, choosing the language afresh as a new request does.

    Flask-Babel caches the locale on `g`; the `app` fixture keeps one app context open for the
    whole test, so without refresh() every request would reuse the first request's language.
    """
    refresh()
    return client.get(url, **kwargs).get_data(as_text=True)


def _vacancy_list(client, query=""):
    """GET the vacancy list as of 27 March 2026 and return its HTML."""
    separator = "&" if query else ""
    return _page(client, f"/kekosongan?as_of=2026-03-27{separator}{query}")


@pytest.fixture
def august_vacancy(factory):
    """A post vacant since 15 August 2025 (7 months 12 days on 27 March 2026)."""
    return factory.vacancy(post=factory.post(title="Kepala Dinas Perhubungan"), start=D(2025, 8, 15))


def test_logged_in_user_gets_indonesian_by_default(client, login_as, august_vacancy):
    login_as("viewer")
    page = _vacancy_list(client)
    assert '<html lang="id">' in page
    assert "Daftar kekosongan" in page and "Kosong sejak" in page
    assert "15 Agustus 2025" in page and "7 bulan 12 hari" in page
    assert "Vacancy list" not in page and "August" not in page


def test_lang_en_switches_the_page_and_the_session_keeps_it(client, login_as, august_vacancy):
    login_as("viewer")
    page = _vacancy_list(client, "lang=en")
    assert '<html lang="en">' in page
    assert "Vacancy list" in page and "Vacant since" in page and "Log out" in page
    assert ">Days</a>" in page  # the count column, "Hari" in a "count" context
    assert "15 August 2025" in page and "7 months 12 days" in page
    assert "Daftar kekosongan" not in page and "Agustus" not in page

    # The next request carries no ?lang: the choice is kept in the session.
    page = _vacancy_list(client)
    assert '<html lang="en">' in page and "Vacancy list" in page and "15 August 2025" in page

    page = _vacancy_list(client, "lang=id")
    assert "Daftar kekosongan" in page and "15 Agustus 2025" in page
    assert "Daftar kekosongan" in _vacancy_list(client)


def test_role_label_in_the_navbar_follows_the_language(client, login_as):
    login_as("viewer")
    assert "Sekda / pimpinan" in _vacancy_list(client)
    page = _vacancy_list(client, "lang=en")
    assert "Sekda / leadership" in page and "Sekda / pimpinan" not in page


def test_unknown_language_is_ignored(client, login_as, august_vacancy):
    login_as("viewer")
    page = _vacancy_list(client, "lang=fr")
    assert '<html lang="id">' in page and "Daftar kekosongan" in page


def test_switch_button_offers_the_other_language_and_keeps_the_query(client, login_as):
    login_as("viewer")
    page = _vacancy_list(client)
    assert re.search(r'href="\?[^"]*as_of=2026-03-27[^"]*lang=en"[^>]*>English<', page)
    page = _vacancy_list(client, "lang=en")
    assert re.search(r'href="\?[^"]*as_of=2026-03-27[^"]*lang=id"[^>]*>Bahasa Indonesia<', page)


def test_month_names_in_dates_follow_the_language(client, login_as, factory):
    factory.vacancy(post=factory.post(title="Kepala Badan Keuangan"), start=D(2025, 9, 15))
    login_as("viewer")
    assert "15 September 2025" in _vacancy_list(client)
    assert "15 September 2025" in _vacancy_list(client, "lang=en")


def test_login_page_and_login_message_are_translated(client):
    page = _page(client, "/masuk")
    assert re.search(r'href="\?lang=en"[^>]*>English<', page)
    page = _page(client, "/kekosongan?lang=en", follow_redirects=True)
    assert "Log in to plt_tracker" in page
    assert re.search(r'href="\?[^"]*lang=id"[^>]*>Bahasa Indonesia<', page)
    assert "Please log in to open this page." in page
    page = _page(client, "/kekosongan?lang=id", follow_redirects=True)
    assert "Masuk ke plt_tracker" in page and "Silakan masuk untuk membuka halaman ini." in page


def test_upcoming_retirements_group_by_month_in_the_language(client, login_as, factory):
    holder = factory.official(name="Pak Pensiun", nip=make_nip(birth=D(1966, 2, 3)))
    post = factory.post(title="Kepala Badan Tetap")
    with transaction():
        set_holder(post, holder, start_date=D(2020, 1, 1))
    login_as("viewer")
    page = _page(client, "/akan-kosong?as_of=2025-12-01")
    assert "Maret 2026" in page and "Pak Pensiun" in page
    page = _page(client, "/akan-kosong?as_of=2025-12-01&lang=en")
    assert "March 2026" in page and "1 March 2026" in page and "Maret" not in page


def test_rakor_schedule_rule_reads_as_one_sentence(client, login_as):
    login_as("viewer")
    page = _page(client, "/rakor?lang=en")
    assert "Rule: the first Monday of every month, at 09:00." in page
    page = _page(client, "/rakor?lang=id")
    assert "Aturan: hari Senin minggu pertama setiap bulan, pukul 09:00." in page


# --- the helpers -------------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "end", "indonesian", "english"), [
    (D(2025, 1, 1), D(2025, 8, 13), "7 bulan 12 hari", "7 months 12 days"),
    (D(2025, 1, 31), D(2025, 3, 1), "1 bulan 1 hari", "1 month 1 day"),
    (D(2025, 3, 1), D(2025, 5, 1), "2 bulan", "2 months"),
    (D(2025, 3, 1), D(2025, 3, 2), "1 hari", "1 day"),
    (D(2025, 3, 1), D(2025, 3, 1), "0 hari", "0 days"),
    # Twelve months and more are years ("49 bulan 7 hari" read badly).
    (D(2021, 6, 6), D(2025, 7, 13), "4 tahun 1 bulan 7 hari", "4 years 1 month 7 days"),
    (D(2024, 3, 1), D(2025, 3, 1), "1 tahun", "1 year"),
    (D(2023, 3, 1), D(2025, 3, 9), "2 tahun 8 hari", "2 years 8 days"),
])
def test_duration_words_in_both_languages(app, start, end, indonesian, english):
    with app.test_request_context():
        with force_locale("id"):
            assert duration_words(start, end) == indonesian
        with force_locale("en"):
            assert duration_words(start, end) == english


def test_outside_a_request_the_default_language_is_used(app):
    # CLI commands and scheduler jobs have an app context but no request or session.
    refresh()
    assert duration_words(D(2025, 1, 1), D(2025, 8, 13)) == "7 bulan 12 hari"
    assert long_date(D(2025, 8, 15)) == "15 Agustus 2025"


def test_long_date_month_names(app):
    with app.test_request_context():
        with force_locale("id"):
            assert long_date(D(2025, 8, 15)) == "15 Agustus 2025"
            assert long_date(D(2025, 9, 15)) == "15 September 2025"
        with force_locale("en"):
            assert long_date(D(2025, 8, 15)) == "15 August 2025"
            assert long_date(D(2025, 9, 15)) == "15 September 2025"


# --- the catalogue -----------------------------------------------------------------------------

def _key(message):
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return (message.context, msgid)


def _read_po(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def _source_messages():
    """Extract (context, msgid) from the code and templates as `make translations` does."""
    with open(ROOT / "babel.cfg") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    keywords = dict(DEFAULT_KEYWORDS)
    keywords.update(parse_keywords(EXTRA_KEYWORDS))

    def wanted(dirpath):
        name = Path(dirpath).name
        return not name.startswith(".") and name not in SKIPPED_DIRS

    found = {}
    for filename, lineno, message, _comments, context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=keywords, directory_filter=wanted):
        msgid = message if isinstance(message, str) else message[0]
        if msgid:
            found.setdefault((context, msgid), f"{filename}:{lineno}")
    return found


def test_extraction_finds_templates_python_and_partials():
    found = _source_messages()
    places = " ".join(found.values())
    assert ("menu", "Jabatan") in found  # lazy_pgettext in core/nav.py
    assert (None, "Daftar kekosongan") in found  # _l
    assert "templates/_/forms.html" in places  # a directory starting with "_"
    assert (None, "%(num)d bulan") in found  # ngettext


def _untranslated(keys):
    """Return the keys the en catalogue lacks, leaves empty, or marks fuzzy."""
    catalogue = {_key(m): m for m in _read_po(PO) if m.id}
    problems = []
    for key in keys:
        message = catalogue.get(key)
        strings = [] if message is None else _strings(message.string)
        if message is None or message.fuzzy or not strings or not all(strings):
            problems.append(key)
    return problems


def _strings(string):
    return [string] if isinstance(string, str) else list(string)


def test_every_pot_message_is_translated_and_not_fuzzy():
    problems = _untranslated(_key(m) for m in _read_po(POT) if m.id)
    assert not problems, f"untranslated or fuzzy in {PO.relative_to(ROOT)}: {problems}"
    assert not _read_po(PO).fuzzy


def test_every_message_in_the_code_is_translated():
    source = _source_messages()
    problems = {key: source[key] for key in _untranslated(source)}
    assert not problems, ("new strings without English; run `make translations` and translate them "
                          f"in {PO.relative_to(ROOT)}: {problems}")


def test_translations_keep_the_placeholders():
    wrong = []
    for message in _read_po(PO):
        if not message.id:
            continue
        expected = {name for msgid in _strings(message.id) for name in PLACEHOLDER.findall(msgid)}
        for string in _strings(message.string):
            if set(PLACEHOLDER.findall(string)) != expected:
                wrong.append((message.id, string))
    assert not wrong


def test_compiled_catalogue_matches_the_po():
    with open(MO, "rb") as handle:
        compiled = {_key(m): _strings(m.string) for m in read_mo(handle) if m.id}
    stale = [_key(m) for m in _read_po(PO) if m.id and compiled.get(_key(m)) != _strings(m.string)]
    assert not stale, f"messages.mo is out of date; run `make translations`: {stale}"
