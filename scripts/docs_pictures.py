"""Regenerate the pictures in docs/ from a fresh demo kabupaten.

    .venv/bin/python scripts/docs_pictures.py

Loads the demo into a throw-away SQLite database (the same `plt demo` a new user
runs), serves it on a free port of 127.0.0.1 and takes, with the system Chromium
(headless, through Playwright), the home page (the dashboard), the vacancy list, a
post page and the newest Rakor report, on a desktop screen and on a phone (390 px):
docs/<page>.png and docs/<page>-phone.png. The report's first PDF page goes to
docs/report-first-page.png with poppler's pdftoppm. Nothing in instance/ is touched.
"""
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1360, "height": 900}
PHONE = {"width": 390, "height": 844}


def main():
    """Build the demo in a temporary instance folder and write the pictures."""
    with tempfile.TemporaryDirectory() as instance:
        os.environ["INSTANCE_PATH"] = instance
        os.environ["DATABASE_URL"] = f"sqlite:///{instance}/demo.db"
        sys.path.insert(0, str(ROOT))
        from flask_migrate import upgrade

        from plt_tracker import create_app

        app = create_app()
        with app.app_context():
            upgrade()
            result = app.test_cli_runner().invoke(args=["plt", "demo"])
            if result.exit_code:
                sys.exit(result.output)
            report_picture(Path(instance))
        screenshots(app)
    print(f"pictures written to {DOCS}")


def report_picture(workdir):
    """Render the first page of the newest demo report to docs/report-first-page.png."""
    from flask import current_app

    from plt_tracker.rakor.exports import render
    from plt_tracker.rakor.queries import reports_of
    from plt_tracker.pemda.operations import default_pemda

    newest = reports_of(default_pemda().id)[0]
    pdf = workdir / "report.pdf"
    pdf.write_bytes(render(newest.snapshot, "pdf"))
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(DOCS / "report-first-page")], check=True)
    current_app.logger.info("report picture from the report of %s", newest.meeting_date)


def screenshots(app):
    """Serve the app on 127.0.0.1 and photograph its main pages as the Sekda sees them."""
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for suffix, viewport in (("", DESKTOP), ("-phone", PHONE)):
                context = browser.new_context(viewport=viewport, base_url=base)
                page = context.new_page()
                _log_in(page)
                for name, path in _pages(page).items():
                    page.goto(path)
                    page.screenshot(path=str(DOCS / f"{name}{suffix}.png"))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        thread.join(10)


def _log_in(page):
    from plt_tracker.demo.data import DEMO_USERS

    username, password = next((u, p) for u, p, role, _ in DEMO_USERS if role == "viewer")
    page.goto("/masuk")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(lambda url: "/masuk" not in url)


def _pages(page):
    """Return {picture name: path}: the home page, the list, a busy post, the newest report."""
    page.goto("/kekosongan")
    post = page.locator("main a[href^='/jabatan/']").first.get_attribute("href")
    page.goto("/rakor/laporan")
    report = page.locator("main a[href^='/rakor/laporan/']").first.get_attribute("href")
    return {"dashboard": "/", "vacancy-list": "/kekosongan", "post-page": post, "report": report}


if __name__ == "__main__":
    main()
