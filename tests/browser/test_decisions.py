"""Rakor decisions in the browser: the pages pass axe-core; the vacancy list leads to a post's
overdue decision; naming its Plt offers to close it, and one click closes it."""
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

POST = "Kepala Dinas Tenaga Kerja dan Transmigrasi"  # the demo's NO_ACTING decision, escalated


def _serious(page):
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']})" for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")]


def _free_official(app):
    """Return the name of an administrator without a recorded definitive post, acting nowhere
    (may act one level up without a confirmation)."""
    from plt_tracker.extensions import db
    from plt_tracker.registry.models import Appointment, Official
    from plt_tracker.vacancies.models import ActingAssignment

    with app.app_context():
        busy = db.select(ActingAssignment.official_id).union(
            db.select(Appointment.official_id).filter(Appointment.end_date.is_(None)))
        return db.session.scalars(
            db.select(Official.name).filter(Official.post_kind == "administrator",
                                            Official.is_active.is_(True),
                                            Official.id.not_in(busy))
            .order_by(Official.name).limit(1)).one()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_decision_pages_have_no_serious_violation(page, login, live_server, lang):
    login("bkpsdm")
    page.goto(f"{live_server}/keputusan")
    detail = page.locator("main a[href^='/keputusan/']").first.get_attribute("href")
    for path in ("/keputusan", "/keputusan/baru", detail):
        page.goto(f"{live_server}{path}?lang={lang}")
        assert _serious(page) == [], path


def test_from_the_list_to_the_overdue_decision_and_closed_by_naming_the_plt(
        page, login, live_server, served_app, clock):
    login("bkpsdm")
    page.goto(f"{live_server}/kekosongan")
    row = page.locator("tr", has_text=POST)
    row.locator("[data-decisions='overdue']").click()
    decisions = page.locator("#keputusan")
    expect(decisions).to_contain_text("Tunjuk Plt Kepala Dinas Tenaga Kerja")
    expect(decisions).to_contain_text("Lewat tenggat")

    name = _free_official(served_app)
    page.get_by_role("link", name=re.compile("Tunjuk Plt")).first.click()
    page.get_by_label("Sebagai").select_option("Plt")
    page.get_by_role("searchbox", name="Pejabat").fill(name[:10])
    page.locator(".picker-results button", has_text=name).first.click()
    page.get_by_label("Nomor surat").fill("800/PLT/77/BKPSDM")
    page.get_by_label("Tanggal surat").fill(clock.today().isoformat())
    page.get_by_label("Mulai tugas").fill(clock.today().isoformat())
    page.get_by_role("button", name="Tunjuk").click()
    expect(page.locator(".alert-success")).to_be_visible()

    offer = page.locator(".decision-offer")
    expect(offer).to_contain_text("Apakah ini menindaklanjuti keputusan Rakor?")
    expect(offer).to_contain_text("Tunjuk Plt Kepala Dinas Tenaga Kerja")
    offer.get_by_role("button", name=re.compile("Tandai selesai")).first.click()
    expect(page.locator(".alert-success")).to_contain_text("Keputusan ditandai selesai.")
    expect(page.locator("#keputusan")).to_contain_text("Selesai")
    expect(page.locator(".decision-offer")).to_have_count(0)
