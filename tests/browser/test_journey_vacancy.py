"""Journey 1: a BKPSDM operator records a vacancy ahead of a retirement, names a Plt, extends
the letter, corrects a mistyped letter number, advances the selection through its stages and
records the appointment; the vacancy then leaves the list and the register shows it all.

The served app's clock moves forward between the steps (the `clock` fixture), as the months
pass in a real pemda: the retirement is recorded before it happens, the rest as it happens.
"""
import datetime as dt
import re

from playwright.sync_api import expect

POST = "Kepala Dinas Pekerjaan Umum dan Penataan Ruang"
PLT = "Hasan Contoh"


def _post_url(page, live_server):
    page.goto(f"{live_server}/akan-kosong")
    page.get_by_role("link", name=POST).click()
    return page.url


def _list_rows(page, live_server, as_of=None):
    page.goto(f"{live_server}/kekosongan" + (f"?as_of={as_of}" if as_of else ""))
    return page.locator("main").inner_text()


def _figures(page, live_server, as_of):
    """Return the dashboard's headline figures {key: number} as of a date."""
    page.goto(f"{live_server}/?as_of={as_of}")
    cards = page.locator("[data-figure]")
    return {cards.nth(i).get_attribute("data-figure"):
            int(re.sub(r"\D", "", cards.nth(i).locator("dd").inner_text()) or 0)
            for i in range(cards.count()) if re.search(r"\d", cards.nth(i).locator("dd").inner_text())}


def test_operator_journey_from_retirement_to_appointment(page, login, live_server, clock):
    login("bkpsdm")
    # The holder retires on 1 January of next year (the demo's nearest retirement).
    post = _post_url(page, live_server)
    retirement = dt.date(clock.today().year + 1, 1, 1)
    expect(page.locator("main")).to_contain_text(f"pensiun {retirement:%d/%m/%Y}")

    # 1. The vacancy, recorded ahead of the retirement.
    page.get_by_role("link", name="Catat jabatan kosong").click()
    page.get_by_label("Kosong sejak").fill(retirement.isoformat())
    page.get_by_label("Alasan").select_option(label="Pensiun")
    page.get_by_role("button", name="Catat kekosongan").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert POST not in _list_rows(page, live_server)          # not vacant yet today
    assert POST in _list_rows(page, live_server, retirement.isoformat())

    # 2. A Plt named before the post falls vacant; the letter's end defaults to 3 months.
    page.goto(post)
    page.get_by_role("link", name=re.compile("Tunjuk Plt")).first.click()
    page.get_by_label("Sebagai").select_option("Plt")
    # The picker: a search by name or NIP showing each official's own post and level.
    page.get_by_role("searchbox", name="Pejabat").fill(PLT[:8])
    match = page.locator(".picker-results button", has_text=PLT)
    expect(match).to_contain_text("JPT Pratama")
    match.click()
    expect(page.get_by_text(f"Dipilih: {PLT}")).to_be_visible()
    page.get_by_label("Nomor surat").fill("800/PLT/12/2026")
    page.get_by_label("Tanggal surat").fill(clock.today().isoformat())
    page.get_by_label("Mulai tugas").fill(retirement.isoformat())
    page.get_by_role("button", name="Tunjuk").click()
    expect(page.locator(".alert-success")).to_be_visible()
    end = dt.date(retirement.year, 3, 31)

    # Time passes: the post is vacant and the Sekda's list shows the Plt.
    clock.move_to(dt.date(retirement.year, 3, 20))
    text = _list_rows(page, live_server)
    assert POST in text and PLT in text

    # 3. The letter is extended; the form proposes the new end.
    page.goto(post)
    page.get_by_role("link", name="Perpanjang").first.click()
    new_end = dt.date(retirement.year, 6, 30)
    expect(page.get_by_label("Akhir tugas yang baru")).to_have_value(new_end.isoformat())
    page.get_by_label("Nomor surat perpanjangan").fill("800/PLT/03/2027")
    page.get_by_role("button", name="Perpanjang").click()
    expect(page.locator(".alert-success")).to_be_visible()

    # 4. The extension's number was mistyped: a correction, with its reason, kept in the history.
    page.goto(post)
    page.locator("a[href^='/koreksi/perpanjangan/']").first.click()
    page.get_by_label("Nomor surat").fill("800.1/PLT/03/2027")
    page.get_by_label("Alasan koreksi").fill("Salah ketik nomor surat")
    page.get_by_role("button", name=re.compile("Simpan")).click()
    expect(page.locator(".alert-success")).to_be_visible()
    page.goto(post)
    history = page.locator("main").inner_text()
    assert "800.1/PLT/03/2027" in history and "Salah ketik nomor surat" in history
    assert str(end.year) in history

    # 5. The selection (talent management, four stages), stage by stage as the months pass.
    clock.move_to(dt.date(retirement.year, 6, 15))
    page.goto(post)
    page.get_by_role("link", name="Mulai proses pengisian").click()
    page.get_by_label("Jalur pengisian").select_option(label="Manajemen talenta JPT")
    page.get_by_label("Mulai proses").fill(f"{retirement.year}-04-01")
    page.get_by_role("button", name="Mulai proses").click()
    expect(page.locator(".alert-success")).to_be_visible()
    stages = [("04-01", "04-14"), ("04-15", "05-10"), ("05-11", "06-01")]
    for number, (start, finish) in enumerate(stages, start=1):
        page.goto(post)
        page.locator(".stage-table a", has_text="catat").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(f"Tahap {number}.")
        page.get_by_label("Mulai tahap").fill(f"{retirement.year}-{start}")
        page.get_by_label("Selesai tahap").fill(f"{retirement.year}-{finish}")
        page.get_by_label("Nomor dokumen/surat").fill(f"800/TAL/{number}/{retirement.year}")
        page.get_by_role("button", name="Simpan tahap").click()
        expect(page.locator(".alert-success")).to_be_visible()
    page.goto(post)
    progress = page.locator(".selection-progress")
    expect(progress).to_contain_text("tahap 4 dari 4")
    # A finished stage can still be corrected from the table.
    expect(progress.locator(".stage-table a", has_text="koreksi")).to_have_count(3)

    # 6. The appointment ends the vacancy, the Plt's letter and the selection.
    page.get_by_role("link", name="Catat pelantikan").first.click()
    page.get_by_role("searchbox", name="Pejabat").fill("Hasan")
    page.locator(".picker-results button", has_text=PLT).click()
    page.get_by_label("Nomor SK").fill(f"821.2/050/KEP/BUP/{retirement.year}")
    page.get_by_label("Tanggal SK").fill(f"{retirement.year}-06-05")
    page.get_by_label("Tanggal pelantikan").fill(f"{retirement.year}-06-10")
    page.get_by_role("button", name="Catat pelantikan").click()
    expect(page.locator(".alert-success")).to_be_visible()

    # The vacancy has left the Sekda's list; the post page tells the whole story.
    assert POST not in _list_rows(page, live_server)
    assert POST in _list_rows(page, live_server, f"{retirement.year}-06-09")
    page.goto(post)
    main = page.locator("main")
    expect(main).to_contain_text("Terisi")
    expect(main).to_contain_text(f"821.2/050/KEP/BUP/{retirement.year}")
    expect(page.locator(".selection-progress")).to_contain_text("Selesai")
    # The dashboard's figures, the day before the appointment and the day of it.
    before = _figures(page, live_server, f"{retirement.year}-06-09")
    after = _figures(page, live_server, f"{retirement.year}-06-10")
    assert after["vacant"] == before["vacant"] - 1
    assert after["filled"] == before["filled"] + 1
    assert after["plt"] == before["plt"] - 1
