"""The preview's folder of PDFs, one a window, in the system's temporary folder.

A window closed normally removes its folder; one that ended otherwise (killed, crashed, a test's
window never closed) left it, with its last previews in it (one, 1-5 MB for a long plan, each
time). Each folder therefore holds a file locked while its window lives (``fcntl.flock``: the
kernel frees the lock when the process ends, however it ends), and a new window removes the
folders whose lock is free. Where there is no ``flock`` (Windows) folders are left to the
system's own cleaning of its temporary folder.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PREFIX = "prospector-preview-"
IN_USE = ".in-use"


class PreviewFolder:
    """A new folder for this window's previews (``path``), locked while the window lives."""

    def __init__(self) -> None:
        remove_left_folders()
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX))
        self._fd: int | None = None
        if fcntl is not None:
            try:
                self._fd = os.open(self.path / IN_USE, os.O_WRONLY | os.O_CREAT, 0o600)
                fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                logging.getLogger(__name__).warning("cannot lock %s: %s", self.path, exc)

    def remove(self) -> None:
        """The window is closing: its folder goes (removing it twice is fine)."""
        shutil.rmtree(self.path, ignore_errors=True)
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def remove_left_folders(parent: Path | None = None) -> int:
    """Remove the preview folders of windows that ended without removing theirs (their lock is
    free); the number removed. Folders of windows still open, in this process or another, stay."""
    if fcntl is None:  # pragma: no cover - Windows
        return 0
    parent = Path(parent or tempfile.gettempdir())
    removed = 0
    try:
        folders = [p for p in parent.iterdir() if p.name.startswith(PREFIX) and p.is_dir()]
    except OSError:
        return 0
    for folder in folders:
        try:
            fd = os.open(folder / IN_USE, os.O_RDONLY)
        except OSError:
            continue  # not ours to judge (made before the lock was kept, or not a preview's)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a window lives
        finally:
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)
        removed += 1
    return removed
