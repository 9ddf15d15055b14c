"""Without a display, `prospector` (the app) says so in one line and exits with status 2, instead
of Qt aborting the process (exit 134) with a message about xcb-cursor0."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from ui import launcher
from ui.launcher import display_available

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"),
                                reason="Windows and macOS always have a display")


def _headless_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(PROSPECTOR_DATA_DIR=str(tmp_path / "data"), **extra)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def _console_script() -> list[str]:
    script = Path(sys.executable).with_name("prospector")
    if script.exists():
        return [str(script)]
    found = shutil.which("prospector")
    return [found] if found else [sys.executable, "-m", "ui.launcher"]


@pytest.mark.parametrize("command", [
    pytest.param([], id="console script, no arguments"),
    pytest.param(["gui"], id="console script, gui"),
    pytest.param(None, id="python -m ui.launcher"),
])
def test_without_a_display_the_app_says_so_in_one_line_and_exits_2(tmp_path, command):
    argv = [sys.executable, "-m", "ui.launcher"] if command is None else \
        _console_script() + command
    result = subprocess.run(argv, env=_headless_env(tmp_path), cwd=tmp_path, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0]
    assert "prospector --help" in lines[0] and "prospector pdf PLAN -o playbook.pdf" in lines[0]
    assert "xcb" not in lines[0]
    assert not (tmp_path / "data").exists()  # stopped before opening the store


def test_the_command_line_still_works_without_a_display(tmp_path):
    result = subprocess.run(_console_script() + ["list"], env=_headless_env(tmp_path),
                            cwd=tmp_path, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "No plans stored yet" in result.stdout


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, False),
    ({"DISPLAY": ""}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, False),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, False),
    ({"QT_QPA_PLATFORM": "wayland-egl"}, False),
    ({"DISPLAY": ":0"}, True),
    ({"WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"DISPLAY": ":99", "QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "offscreen"}, True),
    ({"QT_QPA_PLATFORM": "minimal"}, True),
    ({"QT_QPA_PLATFORM": "vnc:size=1280x800"}, True),
    ({"QT_QPA_PLATFORM": "xcb;offscreen"}, True),
    ({"QT_QPA_PLATFORM": "eglfs"}, True),
])
def test_which_environments_have_a_display(environ, expected):
    assert display_available(environ, "linux", x_server_at=lambda _d: True) is expected


def test_a_display_where_no_x_server_runs_is_no_display():
    """A DISPLAY left from an old session made Qt abort (exit 134, "xcb-cursor0 is needed")."""
    assert not display_available({"DISPLAY": ":4242"}, "linux")
    assert display_available({"DISPLAY": "remote.example:0"}, "linux")  # not ours to check


def test_windows_and_macos_always_have_one():
    assert display_available({}, "win32") and display_available({}, "darwin")


# --- Qt's own options ------------------------------------------------------------------------
def test_qt_options_reach_the_app_and_the_rest_reach_the_verbs(monkeypatch):
    opened = []
    monkeypatch.setattr("ui.app.run_app", lambda plan, qt: opened.append((plan, qt)) or 0)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    assert launcher.main(["-platform", "offscreen", "-style", "Fusion", "--reverse", "gui",
                          "My plan"]) == 0
    assert opened == [("My plan", ["-platform", "offscreen", "-style", "Fusion", "--reverse"])]


def test_a_verb_given_a_qt_option_reports_it_instead_of_dropping_it(capsys):
    assert launcher.main(["-style", "Fusion", "list"]) == 2
    assert launcher.main(["list", "-reverse"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "prospector: error: -style Fusion is an option of the desktop app, not of `prospector "
        "list`; leave it out (see `prospector list --help`)",
        "prospector: error: -reverse is an option of the desktop app, not of `prospector list`; "
        "leave it out (see `prospector list --help`)"]


def test_qt_applies_the_style_and_direction_given_on_the_command_line(tmp_path):
    code = ("from ui.app import make_application\n"
            "app = make_application(['-style', 'Windows', '-reverse'])\n"
            "app.setStyleSheet('')  # our style sheet wraps the style Qt chose\n"
            "print(app.style().name(), app.isRightToLeft())\n")
    env = _headless_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert result.stdout.split() == ["windows", "True"], result.stderr
