"""Regenerate the pictures in docs/ from a fresh demo kabupaten.

    .venv/bin/python scripts/docs_pictures.py

Loads the demo into a throw-away SQLite database (the same `plt demo` a new user
runs), then renders the newest Rakor report's first PDF page to
docs/report-first-page.png with poppler's pdftoppm. Nothing in instance/ is touched.
"""
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


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


if __name__ == "__main__":
    main()
