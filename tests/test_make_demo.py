"""`make demo`: a taken port is refused before anything starts, and a second run skips pip."""
import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _port_free(port):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "port_free.py"), "127.0.0.1",
                           str(port)], capture_output=True, text=True)


def test_a_taken_port_is_named_with_the_way_out():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        taken = _port_free(port)
    assert taken.returncode == 1
    assert f"Port {port}" in taken.stderr and f"make demo PORT={port + 1}" in taken.stderr
    assert _port_free(port).returncode == 0  # free again once closed


def _planned(venv, target="install"):
    """Return the commands `make` would run for `target` with the given virtualenv folder."""
    return subprocess.run(["make", "-n", "-C", str(ROOT), target, f"VENV={venv}"],
                          capture_output=True, text=True, check=True).stdout


def test_second_install_skips_pip_until_pyproject_changes(tmp_path):
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").touch()
    assert "pip install" in _planned(venv)  # never installed
    stamp = venv / ".installed"
    stamp.touch()
    later = (ROOT / "pyproject.toml").stat().st_mtime + 10
    os.utime(stamp, (later, later))
    assert "pip install" not in _planned(venv)  # nothing changed: nothing to install
    os.utime(stamp, (later - 20, later - 20))
    assert "pip install" in _planned(venv)  # pyproject.toml is newer: install again
