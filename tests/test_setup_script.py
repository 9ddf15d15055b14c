""".ci/setup, run on a copy of the repository with fake apt, dpkg and pip: it waits for the dpkg
lock, and a re-run with nothing to do skips pip (no network, no apt, nothing installed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(
    os.name != "posix" or not shutil.which("bash") or not shutil.which("sha256sum"),
    reason="a bash script for Debian/Ubuntu")

VENV_PYTHON = """#!/bin/bash
# pip is logged, not run; anything else (the script's checks) runs the real Python
if [ "$1" = -m ] && [ "$2" = pip ]; then echo "pip ${*:3}" >> "$SETUP_LOG"; exit 0; fi
exec "$REAL_PYTHON" "$@"
"""

FAKES = {
    # makes the venv: a .venv/bin/python like the one above
    "python3": """#!/bin/bash
echo "python3 $*" >> "$SETUP_LOG"
if [ "$1 $2" = "-m venv" ]; then
  mkdir -p "${@: -1}/bin" && cp "$FAKE_VENV_PYTHON" "${@: -1}/bin/python"
fi
""",
    # every package is installed, except those named in FAKE_MISSING
    "dpkg-query": """#!/bin/bash
for a in "$@"; do
  case "$a" in -*) ;; *) [[ " ${FAKE_MISSING:-} " == *" $a "* ]] || echo "$a ii " ;; esac
done
""",
    # `apt-get update` finds its lock held FAKE_LOCKED times, or fails with FAKE_APT_ERROR
    "apt-get": """#!/bin/bash
echo "apt-get $*" >> "$SETUP_LOG"
if [[ " $* " == *" update "* ]]; then
  if [ -n "${FAKE_APT_ERROR:-}" ]; then echo "E: $FAKE_APT_ERROR" >&2; exit 100; fi
  held=$(cat "$SETUP_LOG.locked" 2>/dev/null || echo "${FAKE_LOCKED:-0}")
  if [ "$held" -gt 0 ]; then
    echo $((held - 1)) > "$SETUP_LOG.locked"
    echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 4242 (apt-get)" >&2
    echo "E: Unable to lock directory /var/lib/apt/lists/" >&2
    exit 100
  fi
fi
""",
    "sleep": """#!/bin/bash
echo "sleep $*" >> "$SETUP_LOG"
""",
    "sudo": """#!/bin/bash
exec "$@"
""",
}


class Setup:
    def __init__(self, tmp_path: Path) -> None:
        self.repo = tmp_path / "repo"
        (self.repo / ".ci").mkdir(parents=True)
        shutil.copy(REPO / ".ci" / "setup", self.repo / ".ci" / "setup")
        shutil.copy(REPO / "pyproject.toml", self.repo / "pyproject.toml")
        self.log = tmp_path / "calls.log"
        fakes = tmp_path / "bin"
        fakes.mkdir()
        for name, text in {**FAKES, "venv-python": VENV_PYTHON}.items():
            (fakes / name).write_text(text)
            (fakes / name).chmod(0o755)
        self.env = dict(os.environ, PATH=f"{fakes}{os.pathsep}{os.environ['PATH']}",
                        SETUP_LOG=str(self.log), REAL_PYTHON=sys.executable,
                        FAKE_VENV_PYTHON=str(fakes / "venv-python"), PYTHON="python3")

    def run(self, *args: str, missing: str = "", status: int = 0, **fake: str) -> list[str]:
        """The calls of one run of the script (pip, venv, apt-get, sleep), in order."""
        self.log.write_text("")
        Path(f"{self.log}.locked").unlink(missing_ok=True)
        self.result = subprocess.run(
            ["bash", str(self.repo / ".ci" / "setup"), *args],
            env=dict(self.env, FAKE_MISSING=missing, **fake), capture_output=True, text=True,
            stdin=subprocess.DEVNULL, timeout=120)
        assert self.result.returncode == status, self.result.stderr
        return self.log.read_text().splitlines()


INSTALL = ["pip install -q --upgrade pip", "pip install -q -e ."]
INSTALL_TEST = ["pip install -q --upgrade pip", "pip install -q -e .[test]"]


@pytest.fixture
def setup(tmp_path) -> Setup:
    return Setup(tmp_path)


def test_a_fresh_checkout_gets_a_venv_and_a_rerun_skips_pip(setup):
    assert setup.run() == ["python3 -m venv --clear .venv", *INSTALL]
    assert (setup.repo / ".venv" / ".setup-stamp").is_file()
    assert setup.run() == []
    assert setup.run() == []


def test_a_test_run_after_a_plain_one_installs_the_test_extras(setup):
    setup.run()
    assert setup.run("--test") == INSTALL_TEST
    assert setup.run("--test") == []
    assert setup.run() == []  # the test install covers a plain run


def test_a_changed_pyproject_or_a_lost_stamp_reinstalls(setup):
    setup.run("--test")
    pyproject = setup.repo / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "\n# a new dependency\n")
    assert setup.run("--test") == INSTALL_TEST
    (setup.repo / ".venv" / ".setup-stamp").unlink()
    assert setup.run("--test") == INSTALL_TEST
    assert setup.run("--test") == []


def test_a_broken_venv_is_made_again(setup):
    setup.run()
    python = setup.repo / ".venv" / "bin" / "python"
    python.write_text("#!/bin/bash\nexit 127\n")  # its base Python was removed or upgraded
    assert setup.run() == ["python3 -m venv --clear .venv", *INSTALL]
    assert setup.run() == []


WAIT = "apt-get -o DPkg::Lock::Timeout=600"


def test_missing_libraries_are_installed_waiting_for_the_dpkg_lock(setup):
    setup.run()
    calls = setup.run(missing="libgl1 poppler-utils")
    assert calls == [f"{WAIT} update -qq",
                     f"{WAIT} install -y -qq --no-install-recommends libgl1 poppler-utils"]
    assert setup.run() == []  # nothing missing: apt is not run at all


def test_apt_get_update_is_retried_while_another_apt_holds_its_lock(setup):
    setup.run()
    calls = setup.run(missing="libgl1", FAKE_LOCKED="2")
    assert calls == [f"{WAIT} update -qq", "sleep 5", f"{WAIT} update -qq", "sleep 5",
                     f"{WAIT} update -qq",
                     f"{WAIT} install -y -qq --no-install-recommends libgl1"]
    assert setup.result.stdout.count("Waiting for another apt or dpkg run") == 1


def test_another_apt_get_update_failure_stops_the_setup(setup):
    setup.run()
    calls = setup.run(missing="libgl1", status=1, FAKE_APT_ERROR="The repository is not signed.")
    assert calls == [f"{WAIT} update -qq"]
    assert "The repository is not signed." in setup.result.stderr


def test_an_unknown_option_is_refused(setup):
    result = subprocess.run(["bash", str(setup.repo / ".ci" / "setup"), "--tests"], env=setup.env,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2 and "usage" in result.stderr
    assert not (setup.repo / ".venv").exists()
