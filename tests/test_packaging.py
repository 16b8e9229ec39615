"""`pip install .` ships everything the app needs outside a checkout.

The wheel is built from a copy of the source tree (so stale `build/` leftovers in the
checkout cannot hide a missing file), then installed into a throwaway virtualenv and
run from a directory that is not the checkout.
"""
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
DATA = f"{PROJECT['name']}-{PROJECT['version']}.data/data/share/plt_tracker/"
SKIP = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "instance", "*.egg-info",
                              "__pycache__", "*.pyc", ".pytest_cache", "*.db", "out")


def _pip(*args, cwd):
    """Run pip from this interpreter, offline, failing loudly with its output."""
    command = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", *args]
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=_clean_env())
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def _clean_env(**extra):
    """Return the environment without anything that would point Python back at the checkout."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "FLASK_APP", "VIRTUAL_ENV", "INSTANCE_PATH", "DATABASE_URL"}}
    env.update(extra)
    return env


def _checkout_files(folder, pattern="*"):
    """Return the repository's files under `folder`, relative to the repository root."""
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / folder).rglob(pattern)
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """Build the wheel from a clean copy of the source tree; return its path."""
    base = tmp_path_factory.mktemp("packaging")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=SKIP)
    _pip("wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(base / "dist"),
         str(source), cwd=base)
    (built,) = (base / "dist").glob("*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel):
    """Return every path inside the built wheel."""
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_ships_every_template_and_migration(wheel_names):
    shipped = {name[len(DATA):] for name in wheel_names if name.startswith(DATA)}
    expected = set(_checkout_files("templates")) | set(_checkout_files("migrations"))

    assert {"templates/base.html", "templates/_/forms.html", "migrations/env.py",
            "migrations/alembic.ini", "migrations/script.py.mako"} <= expected
    assert any(name.startswith("migrations/versions/") for name in expected)
    missing = sorted(expected - shipped)
    assert not missing, f"add these folders to [tool.setuptools.data-files]: {missing}"
    assert shipped == expected, f"unexpected data files: {sorted(shipped - expected)}"


def test_wheel_ships_code_static_files_translations_and_top_modules(wheel_names):
    assert {"config.py", "wsgi.py"} <= wheel_names
    assert {"plt_tracker/static/vendor/bootstrap/bootstrap.min.css",
            "plt_tracker/static/vendor/bootstrap/bootstrap.bundle.min.js",
            "plt_tracker/static/app.css"} <= wheel_names
    assert set(_checkout_files("plt_tracker/static")) <= wheel_names

    catalogues = _checkout_files("plt_tracker/translations", "*.po")
    assert "plt_tracker/translations/en/LC_MESSAGES/messages.po" in catalogues
    compiled = {name[:-3] + ".mo" for name in catalogues}
    assert compiled <= wheel_names, f"compiled catalogues missing: {sorted(compiled - wheel_names)}"

    modules = set(_checkout_files("plt_tracker", "*.py"))
    assert modules <= wheel_names, f"modules missing: {sorted(modules - wheel_names)}"
    assert not any(name.startswith("tests/") for name in wheel_names)


def test_installed_wheel_migrates_and_serves_pages_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / "bin" / "python"
    # The installed app's dependencies come from this environment's site-packages, added
    # as a plain path: its .pth files (the editable checkout) stay inactive.
    ask_site = "import sysconfig; print(sysconfig.get_path('purelib'))"
    site = subprocess.run([str(python), "-c", ask_site],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "outer_environment.pth").write_text(sysconfig.get_path("purelib") + "\n")
    _pip("--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel),
         cwd=tmp_path)

    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = _clean_env(DATABASE_URL=f"sqlite:///{tmp_path / 'app.db'}",
                     INSTANCE_PATH=str(tmp_path / "instance"))
    upgrade = subprocess.run([str(python), "-m", "flask", "--app", "wsgi", "db", "upgrade"],
                             cwd=workdir, env=env, capture_output=True, text=True)
    assert upgrade.returncode == 0, upgrade.stdout + upgrade.stderr
    assert "Running upgrade 0001 -> 0002" in upgrade.stderr

    probe = """
import sys
from pathlib import Path
import plt_tracker, wsgi
share = Path(sys.prefix) / "share" / "plt_tracker"
assert plt_tracker.ROOT == share, plt_tracker.ROOT
assert Path(plt_tracker.__file__).is_relative_to(sys.prefix), plt_tracker.__file__
client = wsgi.app.test_client()
page = client.get("/masuk")
assert page.status_code == 200 and "bootstrap.min.css" in page.text, page.status_code
css = client.get("/static/vendor/bootstrap/bootstrap.min.css")
assert css.status_code == 200 and len(css.data) > 10000, css.status_code
english = client.get("/masuk?lang=en")
assert english.status_code == 200 and "Log in" in english.text
print("ok")
"""
    served = subprocess.run([str(python), "-c", probe], cwd=workdir, env=env,
                            capture_output=True, text=True)
    assert served.returncode == 0, served.stdout + served.stderr
    assert served.stdout.strip() == "ok"
