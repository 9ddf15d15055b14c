"""When something unexpected fails: tell the user what, keep the plan, keep the details.

Qt prints an exception raised inside a slot and carries on, so an action that failed looked like
an action that did nothing. ``install`` routes every uncaught exception (GUI thread and other
threads) here: the details go to ``prospector.log`` in the data folder, the open plan is saved,
and a dialog says which action failed, with the details to copy.
"""

from __future__ import annotations

import datetime
import platform
import sys
import sysconfig
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside
from PySide6.QtCore import QObject, Qt, Signal

from prospector import __version__
from prospector.error_log import LOG_NAME, write_log
from ui import language
from ui.language import _, said

__all__ = ["LOG_NAME", "ErrorReporter", "action_name", "describe"]



def action_name(tb: TracebackType | None) -> str:
    """The action in the user's words, from the outermost function of ours that failed:
    ``MainWindow.import_accounts_csv`` -> "Import accounts csv". The function's name is English:
    an app in another language quotes it as the code names it („import_accounts_csv“) rather
    than show English words in a German title."""
    ours = [frame for frame, _line in traceback.walk_tb(tb)
            if _is_ours(frame.f_code.co_filename)]
    if not ours:
        return _("An action")
    name = ours[0].f_code.co_name.strip("_")
    if name in {"<lambda>", "<module>", ""}:
        return _("An action")
    if language.current() != language.ENGLISH:
        return _("“{name}”").format(name=name)
    return name.replace("_", " ").capitalize()


_STDLIB = sysconfig.get_paths()["stdlib"]


def _is_ours(filename: str) -> bool:
    """Prospector's code (a checkout or the installed packages), not Python's or a library's."""
    parts = Path(filename).parts
    if "ui" in parts[-3:-1] or "prospector" in parts[-4:-1]:
        return True
    return "site-packages" not in parts and not filename.startswith((_STDLIB, "<"))


def describe(exc_type, exc, tb) -> str:
    """The details: when, which versions, the traceback."""
    stamp = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    head = (f"{stamp} Prospector {__version__}, Python {platform.python_version()}, "
            f"PySide6 {pyside}, {platform.platform()}")
    return head + "\n" + "".join(traceback.format_exception(exc_type, exc, tb))


class ErrorReporter(QObject):
    """Installed once by the app. ``keep_plan`` saves the open plan; ``show`` tells the user."""

    reported = Signal(str, str, str)  # action, one line, details (queued to the GUI thread)

    def __init__(self, folder: Callable[[], Path], keep_plan: Callable[[], str],
                 show: Callable[[str, str, str, str], None]) -> None:
        super().__init__()
        self.folder, self.keep_plan, self.show = folder, keep_plan, show
        self.showing = False
        self.count = 0
        # queued, even from the GUI thread: the dialog opens after the failed slot has returned
        self.reported.connect(self._tell, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self.hook
        threading.excepthook = lambda args: self.hook(args.exc_type, args.exc_value,
                                                      args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def hook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        self.count += 1
        details = describe(exc_type, exc, tb)
        sys.stderr.write(details)
        told = said(exc)  # a message of ours (a ``Note``) in the app's language
        line = f"{exc_type.__name__}: {told}" if told else exc_type.__name__
        if len(line) > 300:
            line = line[:300] + "…"
        self.reported.emit(action_name(tb), line, details)  # queued when from another thread

    def _tell(self, action: str, line: str, details: str) -> None:
        log = write_log(self.folder(), details)
        if self.showing:  # a second failure while the first is on screen: logged only
            return
        try:
            kept = self.keep_plan()
        except Exception as exc:  # noqa: BLE001 - the report must still be shown
            kept = _("The plan could not be saved just now ({value}: {exc}).").format(
                value=type(exc).__name__, exc=exc)
        where = (_("The details were written to {log}.").format(log=log) if log
                 else _("The details could not be written to the data folder."))
        self.showing = True
        try:
            self.show(_("{action} failed").format(action=action), line, f"{kept}\n{where}", details)
        finally:
            self.showing = False
