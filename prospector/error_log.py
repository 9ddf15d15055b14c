"""The log of unexpected failures (the app's and the command line's), kept in the data folder
and readable by its owner only, for a support request."""

from __future__ import annotations

import os
from pathlib import Path

LOG_NAME = "prospector.log"
LOG_LIMIT = 1_000_000  # bytes; past this the log starts afresh, the older one kept as .1


def write_log(folder: Path, details: str) -> Path | None:
    """Append ``details`` to the log in ``folder``; the log's path, or None if it can't be
    written."""
    path = folder / LOG_NAME
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            os.replace(path, path.with_name(LOG_NAME + ".1"))
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(details.rstrip() + "\n\n")
    except OSError:
        return None
    return path
