"""Reading a file the user named, with one clear line for each way it can go wrong."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ProspectorError
from .messages import Note, Number, system_reason


def read_user_file(path: str | os.PathLike, *, what: str, max_bytes: int, too_large: str,
                   error: type[ProspectorError], too_large_fix: str = "") -> bytes:
    """The bytes of ``path``; ``error(source, problem, fix)`` names the file and what to do,
    each a ``Note`` (said in the app's language).

    ``what`` is the kind of file expected ("a plan file"), ``too_large`` the end of the
    message for a file over ``max_bytes`` ("too large for a plan file"): ``Note``s too."""
    path = Path(path)
    source = str(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(status.st_mode):  # /dev/zero, a pipe: no size, no end (or no writer)
            raise error(source, Note("is a device or a pipe, not {what}", what=what))
        data = b""
        if status.st_size <= max_bytes:  # a larger file is refused before it is read
            with path.open("rb") as handle:
                # at most one byte past the limit: a file that grew since (or claims no size,
                # as /proc's do) is read no further than the limit allows
                data = handle.read(max_bytes + 1)
        size = max(status.st_size, len(data))
        if size > max_bytes:
            # rounded up: a file just over the limit is not "50 MB, too large"
            megabytes = -(-size // 1_048_576)
            raise error(source, Note("is {size} MB, {too_large}", size=Number(megabytes),
                                     too_large=too_large), too_large_fix)
        return data
    except FileNotFoundError:
        raise error(source, Note("does not exist"), Note("check the path")) from None
    except IsADirectoryError:
        raise error(source, Note("is a folder, not {what}", what=what)) from None
    except PermissionError:
        raise error(source, Note("cannot be read (permission denied)")) from None
    except OSError as exc:
        raise error(source, Note("cannot be read ({why})", why=system_reason(exc))) from None
