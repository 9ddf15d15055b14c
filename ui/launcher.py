"""The ``prospector`` command: the CLI verbs, plus the desktop app for ``prospector [gui]``.

Qt is imported only when the app starts, so the command-line verbs stay quick and work where
no display is available.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Mapping, Sequence

from prospector.cli import main as cli_main
from prospector.errors import ProspectorError

NO_DISPLAY = (
    "prospector: error: no display found (no X server at DISPLAY and no WAYLAND_DISPLAY), so the "
    "desktop app cannot open; use the command line instead: `prospector --help` lists the "
    "commands, e.g. `prospector pdf PLAN -o playbook.pdf`"
)

# Qt platforms that need a windowing system (an X server or a Wayland compositor).
_WINDOWED_PLATFORMS = ("xcb", "wayland")


def x_server_runs(display: str) -> bool:
    """Whether an X server answers on a local display such as ``:0`` (its Unix socket, on the
    file system or Linux's abstract namespace). Displays on other hosts are taken on trust."""
    local = re.fullmatch(r"(?:unix)?:(\d+)(?:\.\d+)?", display.strip())
    if local is None:
        return True
    path = f"/tmp/.X11-unix/X{local.group(1)}"
    if os.path.exists(path):
        return True
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect("\0" + path)
        except OSError:
            return False
    return True


def display_available(environ: Mapping[str, str] = os.environ,
                      platform: str = sys.platform, x_server_at=x_server_runs) -> bool:
    """Whether Qt can show a window here. Windows and macOS always can; elsewhere Qt needs an X
    display or a Wayland one, unless ``QT_QPA_PLATFORM`` names a platform that needs neither
    (offscreen, minimal, vnc, eglfs, linuxfb, ...). Without this check Qt aborts the process
    (exit 134) with a misleading message about xcb-cursor0."""
    if platform in ("win32", "darwin"):
        return True
    if environ.get("WAYLAND_DISPLAY"):
        return True
    if environ.get("DISPLAY") and x_server_at(environ["DISPLAY"]):  # a stale DISPLAY too aborted
        return True
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    # "name[:options]", several separated by ";" (tried in turn): one that needs no display will do
    names = [entry.split(":", 1)[0].strip().lower() for entry in chosen.split(";")]
    return any(name and not name.startswith(_WINDOWED_PLATFORMS) for name in names)


def start_gui(plan_ref: str | None) -> int:
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    try:
        from ui.app import run_app  # noqa: PLC0415 - Qt only when the app starts
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("ui"):
            raise ProspectorError(
                "the desktop app is not part of this version yet; the command-line verbs work "
                "(see `prospector --help`)"
            ) from None
        raise ProspectorError(f"the desktop app cannot start: {exc}") from None
    except ImportError as exc:
        raise ProspectorError(
            f"the desktop app cannot start: {exc}; run `bash .ci/setup` in the source folder "
            "(or reinstall Prospector) to install what it needs"
        ) from None
    return run_app(plan_ref)


def main(argv: Sequence[str] | None = None) -> int:
    return cli_main(argv, start_gui=start_gui)


if __name__ == "__main__":
    sys.exit(main())
