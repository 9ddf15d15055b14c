"""The store's data folder: where it is, who may read it, and whether this process may write in it.

The folder is 0700 and every file the store writes in it 0600 (``plans.json``, its backup, the
lock, a damaged file moved aside), whatever the umask; see ``prospector/atomic.py`` (private).
A folder the user cannot write in (a read-only mount, a folder made read-only) is left as it is.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import platformdirs

from ..atomic import owner_only
from ..messages import Note
from .fact_blocks import FACTS_FOLDER
from .layout import STORE_FILE

# What Prospector writes in its data folder: the store, its facts' blocks, and the logs of the CLI
# and of the app.
_STORE_NAMES = (STORE_FILE, STORE_FILE + ".bak", STORE_FILE + ".lock", "crash.log",
                "prospector.log", "prospector.log.1", FACTS_FOLDER)

READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)  # what a write where one may not meets


def default_data_dir() -> Path:
    """``PROSPECTOR_DATA_DIR`` if set, else the platform's user data folder."""
    override = os.environ.get("PROSPECTOR_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return _platform_data_dir()


def _platform_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("Prospector", appauthor=False))


def make_private_folder(folder: Path, notices: list[str]) -> None:
    """Create ``folder`` readable by its owner only. An existing one is tightened when it is
    Prospector's own: the platform's data folder for Prospector, or one holding nothing but
    Prospector's files (a folder the user chose that holds other files is left as it is). A
    folder the user cannot write in is left as it is (``notices`` says so)."""
    if not folder.is_dir():
        try:
            folder.mkdir(mode=0o700, parents=True)
            return
        except FileExistsError:
            if not folder.is_dir():  # a file (a plan file named by mistake?)
                raise FileExistsError(errno.EEXIST, Note("is a file, not a folder"),
                                      str(folder)) from None
    if not stat.S_IMODE(folder.stat().st_mode) & 0o077:
        return
    names = os.listdir(folder)
    ours = [name for name in names
            if name in _STORE_NAMES
            or name.startswith(("plans.corrupt-", f".{STORE_FILE}", "unsaved-"))]
    if len(ours) == len(names) or folder == _platform_data_dir():
        if not writable(folder):
            notices.append(Note("{folder} is read-only, so its permissions were left as they "
                                "are (others may be able to read it; Prospector makes the folder "
                                "and the store its owner's only where it can write)",
                                folder=str(folder)))
            return
        for name in ["", *ours]:  # the folder, then what an older version wrote 0644 in it
            owner_only(folder / name)


def writable(folder: Path) -> bool:
    """Whether this process can create, replace and remove files in ``folder``."""
    return os.access(folder, os.W_OK | os.X_OK)


def read_only_error(folder: Path) -> OSError:
    """The error a write in ``folder`` meets: EROFS on a read-only mount, else EACCES."""
    try:
        read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs (Windows)
        read_only_mount = False
    code = errno.EROFS if read_only_mount else errno.EACCES
    return OSError(code, os.strerror(code), str(folder))
