"""Atomic file writes: temp file in the same folder, fsync, ``os.replace``, fsync of the folder.

Files the user shares (PDFs, plan files, calendars, task lists) get the permissions any new file
of theirs gets (0666 less the umask: readable by the team on a shared folder); replacing a file
keeps the permissions it had. The plan store is ``private``: only its owner can read it.

Temp files are named ``.<name>.<pid>.<random>.tmp`` beside the file they become, so that a temp
file left by a writer that was killed can be told from one still being written
(``stale_temp_files``).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from .messages import Note

# A temp file whose writer cannot be known alive (no pid in its name, or a pid the OS gave to
# another process since) is stale once it is this old; only someone holding the lock that all of
# its writers take may remove it (``stale_temp_files``).
STALE_AFTER_S = 300.0


def atomic_write_bytes(path: Path, data: bytes | Sequence[bytes], *, private: bool = False,
                       backup: Path | None = None) -> None:
    """Replace ``path`` with ``data`` (bytes, or parts written one after the other) so that a
    crash leaves either the old or the new file.

    With ``backup``, the file ``path`` held until now becomes ``backup``, but only once the new
    file is in place: a write that fails at any step leaves both ``path`` and ``backup`` as they
    were."""
    with atomic_open(path, private=private, backup=backup) as handle:
        if isinstance(data, bytes):
            handle.write(data)
        else:
            for part in data:
                handle.write(part)


@contextmanager
def atomic_open(path: Path, *, private: bool = False,
                backup: Path | None = None) -> Iterator[BinaryIO]:
    """A binary file to write that becomes ``path`` when the block ends without an exception.

    An exception leaves ``path`` (and ``backup``) as they were and removes every temp file.
    With ``backup``: see ``atomic_write_bytes``.
    """
    path = _written_through(Path(path))
    folder = path.parent
    if not folder.is_dir():  # never a folder made up from a mistyped path
        raise FileNotFoundError(errno.ENOENT, Note("the folder {folder} does not exist",
                                                   folder=str(folder)), str(folder))
    tmp, fd = _create_temp(folder, path.name, 0o600 if private else 0o666)
    previous = None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            _keep_mode(path, handle.fileno(), private)
            os.fsync(handle.fileno())
        if backup is not None:
            previous = _hold_previous(path, Path(backup), private)
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        if previous is not None:
            with suppress(OSError):
                previous.unlink(missing_ok=True)
        raise
    if previous is not None and backup is not None:  # previous is only held with a backup
        _put_in_place(previous, Path(backup))
    fsync_folder(folder)


def _written_through(path: Path) -> Path:
    """The file a write to ``path`` replaces: a link's target (the link stays a link: it was
    replaced by a file of its own, and its target never written). A folder, a device or a pipe
    is refused: replaced by a file, ``/dev/null`` written as root stopped being a device."""
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # links leading round to each other: replaced, it was
            raise  # a file of its own and the links gone
        return path  # no file there yet (or none to see): the write says what is wrong
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, Note("is a folder, not a file"), str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, Note("is a device or a pipe, not a file"), str(path))
    return path


def _hold_previous(path: Path, backup: Path, private: bool) -> Path | None:
    """The file ``path`` holds now, kept under a temp name beside ``backup`` until the new file
    is in place: a hard link (no copy, and no space needed), or a copy where links fail (a
    file system without them). None if there is no file yet."""
    while True:
        held = _temp_name(backup.parent, backup.name)
        try:
            os.link(path, held)
        except FileNotFoundError:
            if not path.exists():
                return None
            raise
        except FileExistsError:
            continue
        except OSError:
            break  # no hard links here (or none to spare): a copy
        if private:  # the same file as ``path``: one an older version wrote 0644
            owner_only(held)
        return held
    current = path.read_bytes()
    held, fd = _create_temp(backup.parent, backup.name, 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(current)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with suppress(OSError):
            held.unlink(missing_ok=True)
        raise
    return held


def _put_in_place(held: Path, backup: Path) -> None:
    """Rename the previous file to ``backup``. The new file is already in place, so the save has
    succeeded whatever happens here; should the rename fail (it needs no space), the backup stays
    the one before and nothing is left behind."""
    try:
        os.replace(held, backup)
    except OSError:
        with suppress(OSError):
            held.unlink(missing_ok=True)


def owner_only(path: Path) -> None:
    """Take group and others' permissions away from ``path`` (where the OS allows it)."""
    with suppress(OSError):
        mode = os.stat(path).st_mode
        if mode & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & ~0o077)


def _temp_name(folder: Path, name: str) -> Path:
    return folder / f".{name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"


def _create_temp(folder: Path, name: str, mode: int) -> tuple[Path, int]:
    """A new file beside ``name`` created with ``mode`` (the OS applies the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = _temp_name(folder, name)
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


FileStamp = tuple[int, int, int]


def file_stamp(path: Path) -> FileStamp | None:
    """What tells the file at ``path`` from another put there later (None: no file). A file
    written here is a new file renamed to its name, so a PDF written by this run and an older
    one of the same name differ whatever their dates say."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino, found.st_mtime_ns


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


# --- temp files left behind ---------------------------------------------------------------------
# Named by this module: .<name>.<pid>.<8 hex>.tmp. Written by earlier versions: .<name>.<8 hex>.tmp
# (any atomic write) and .<name>.<pid>.tmp (the store's backup).
_TEMP = re.compile(r"\.(?P<name>.+?)\.(?:(?P<pid>\d+)\.)?(?:[0-9a-f]{8}\.)?tmp")


def stale_temp_files(folder: Path, names: tuple[str, ...], *, prefixes: tuple[str, ...] = (),
                     now: float | None = None) -> list[Path]:
    """Temp files in ``folder`` that would have become one of ``names`` (or a file whose name
    starts with one of ``prefixes``) and whose writer is gone: the process named in the file's
    name no longer runs, or the file is older than ``STALE_AFTER_S``. Only a caller that holds
    the lock every writer of these files takes may remove them (no write is then under way)."""
    now = time.time() if now is None else now
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        match = _TEMP.fullmatch(entry.name)
        if not match or not (match["name"] in names or match["name"].startswith(prefixes)):
            continue
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        pid = int(match["pid"]) if match["pid"] else None
        if age > STALE_AFTER_S or (pid is not None and not _process_runs(pid)):
            found.append(Path(entry.path))
    return found


def _process_runs(pid: int) -> bool:
    """Whether a process with this id runs (True when that cannot be told)."""
    if pid == os.getpid() or os.name != "posix":  # os.kill(pid, 0) ends the process on Windows
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError as exc:  # EPERM: it runs, as another user
        return exc.errno != errno.ESRCH
    return True
