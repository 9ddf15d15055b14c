"""Atomic file writes: temp file in the same folder, fsync, ``os.replace``, fsync of the folder.

Files the user shares (PDFs, plan files, calendars, task lists) get the permissions any new file
of theirs gets (0666 less the umask: readable by the team on a shared folder); replacing a file
keeps the permissions it had. The plan store is ``private``: only its owner can read it.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def atomic_write_bytes(path: Path, data: bytes, *, private: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves either the old or the new file."""
    with atomic_open(path, private=private) as handle:
        handle.write(data)


@contextmanager
def atomic_open(path: Path, *, private: bool = False) -> Iterator[BinaryIO]:
    """A binary file to write that becomes ``path`` when the block ends without an exception.

    An exception leaves ``path`` as it was and removes the temp file.
    """
    path = Path(path)
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    tmp, fd = _create_temp(folder, path.name, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            _keep_mode(path, handle.fileno(), private)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_folder(folder)


def _create_temp(folder: Path, name: str, mode: int) -> tuple[Path, int]:
    """A new file beside ``name`` created with ``mode`` (the OS applies the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        try:
            return tmp, os.open(tmp, flags, mode)
        except FileExistsError:
            continue


def _keep_mode(path: Path, fd: int, private: bool) -> None:
    """Give the new file the permissions of the one it replaces (a private file: its owner's
    only, so a store file written 0644 by an older version is tightened when next saved)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return
    if private:
        mode &= ~0o077
    try:
        os.fchmod(fd, mode)
    except (AttributeError, OSError):  # no fchmod (Windows) or not ours to change
        pass


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
