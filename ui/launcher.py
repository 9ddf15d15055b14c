"""The ``prospector`` command: the CLI verbs, plus the desktop app for ``prospector [gui]``.

Qt is imported only when the app starts, so the command-line verbs stay quick and work where
no display is available.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import sys
from collections.abc import Mapping, Sequence

# Nothing of Prospector is imported at the top: a Ctrl+C while it loads (0.2 s) ended in a
# traceback; ``main`` loads it and says "interrupted" instead.

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


# Qt's own command-line options (QApplication, QGuiApplication and the X11 ones): the app hands
# them to Qt, so ``prospector -style Fusion`` or ``prospector -reverse`` work as in any Qt app.
QT_OPTIONS_WITH_VALUE = frozenset({
    "style", "stylesheet", "platform", "platformpluginpath", "platformtheme", "plugin",
    "qwindowgeometry", "qwindowtitle", "qwindowicon", "session", "display", "geometry", "title",
    "name", "fontengine", "qmljsdebugger", "visual", "ncols", "cmap", "im", "inputstyle"})
QT_FLAGS = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync", "testability"})


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(Qt's options, the rest) of a command line: ``-style Fusion``, ``-style=Fusion``,
    ``--style Fusion`` and flags such as ``-reverse`` go to Qt; everything else to the verbs.
    Options after ``--`` are left to the verbs."""
    qt: list[str] = []
    rest: list[str] = []
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        name, has_value, _ = arg.lstrip("-").partition("=")
        if arg.startswith("-") and arg not in ("-", "--") and not arg.startswith("---"):
            if name in QT_OPTIONS_WITH_VALUE and (has_value or i + 1 < len(args)):
                qt += [arg] if has_value else [arg, args[i + 1]]
                i += 1 if has_value else 2
                continue
            if name in QT_FLAGS and not has_value:
                qt.append(arg)
                i += 1
                continue
        rest.append(arg)
        i += 1
    return qt, rest


def _platform_in(qt_options: Sequence[str]) -> str | None:
    """The platform chosen with ``-platform NAME`` (or ``-platform=NAME``), if any."""
    for i, arg in enumerate(qt_options):
        name, has_value, value = arg.lstrip("-").partition("=")
        if name == "platform":
            return value if has_value else qt_options[i + 1]
    return None


def start_gui(plan_ref: str | None, qt_options: Sequence[str] = ()) -> int:
    from prospector.errors import ProspectorError  # noqa: PLC0415 - see the top

    platform = _platform_in(qt_options)
    environ = {**os.environ, "QT_QPA_PLATFORM": platform} if platform else os.environ
    if not display_available(environ):
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
    return run_app(plan_ref, list(qt_options))


def _starts_the_app(args: Sequence[str]) -> bool:
    """Whether a command line (without Qt's options) opens the app: no verb, or ``gui``."""
    words = [a for i, a in enumerate(args)
             if not a.startswith("-") and (i == 0 or args[i - 1] != "--data-dir")]
    return not words or words[0] == "gui" or words[0] not in verb_names()


def verb_names() -> set[str]:
    """The command line's verbs (``pdf``, ``list``...)."""
    from prospector.cli import build_parser  # noqa: PLC0415 - see the top

    for action in build_parser()._actions:  # argparse lists a parser's actions only here
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # before the command runs (it says so itself once it does)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("prospector: error: interrupted; nothing was half-saved", file=sys.stderr)
        return 130


def _main(argv: Sequence[str] | None) -> int:
    from prospector.cli import main as cli_main  # noqa: PLC0415 - see the top

    args = list(sys.argv[1:] if argv is None else argv)
    qt_options, rest = split_qt_options(args)
    if qt_options and not _starts_the_app(rest):
        verb = next(a for a in rest if a in verb_names())
        print(f"prospector: error: {' '.join(qt_options)} is an option of the desktop app, not "
              f"of `prospector {verb}`; leave it out (see `prospector {verb} --help`)",
              file=sys.stderr)
        return 2
    return cli_main(rest, start_gui=lambda plan_ref: start_gui(plan_ref, qt_options),
                    whole_process=True)


if __name__ == "__main__":
    sys.exit(main())
