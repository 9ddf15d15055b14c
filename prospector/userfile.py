"""Reading a file the user named, with one clear line for each way it can go wrong."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ProspectorError


def read_user_file(path: str | os.PathLike, *, what: str, max_bytes: int, too_large: str,
                   error: type[ProspectorError], too_large_fix: str = "") -> bytes:
    """The bytes of ``path``; ``error(source, problem, fix)`` names the file and what to do.

    ``what`` is the kind of file expected ("a plan file"), ``too_large`` the end of the
    message for a file over ``max_bytes`` ("too large for a plan file")."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise error(source, f"is {size // 1_048_576} MB, {too_large}", too_large_fix)
        return path.read_bytes()
    except FileNotFoundError:
        raise error(source, "does not exist", "check the path") from None
    except IsADirectoryError:
        raise error(source, f"is a folder, not {what}") from None
    except PermissionError:
        raise error(source, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise error(source, f"cannot be read ({exc.strerror or exc})") from None
