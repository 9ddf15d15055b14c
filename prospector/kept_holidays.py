"""The public holidays and weekends a plan's places need, kept between runs (issue 17: the CLI's
start-up).

Loading one country's holidays from the ``holidays`` package imports all of its ~250 country
modules (its ``holidays.countries`` package imports them all), about 0.13 s of CPU at every
``prospector pdf`` before a page is laid out. What Prospector asks of the package (the countries
and their subdivisions, a place's weekend, a year's holidays and their names) is kept here in
one small JSON file in the user's cache folder (``~/.cache/Prospector/holidays-<key>.json`` on
Linux, ``PROSPECTOR_CACHE_DIR`` if set), so a later run reads the answers instead of loading
the package.

A kept answer is never given in place of a newer one: the file's name carries the installed
package's identity (its folder and the size and time of its ``version.py``, which any upgrade
rewrites) and the locale variables the package names holidays by when it has no English names
for a country. A file that cannot be read or written costs only the package's loading.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .resources import cache_root

_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_kept: dict[Path, dict[str, Any]] = {}  # the file -> its answers, read once per process


@cache
def _package_identity() -> str | None:
    """The installed package's folder, and the size and time of its ``version.py``; None when
    they cannot be told (a package not in files of its own): then nothing is kept."""
    spec = importlib.util.find_spec("holidays")  # found, not imported
    if spec is None or spec.origin is None:
        return None
    try:
        stat = Path(spec.origin).with_name("version.py").stat()
    except OSError:
        return None
    return f"{spec.origin}:{stat.st_size}:{stat.st_mtime_ns}"


def kept_file() -> Path | None:
    """The file of kept answers for the installed package and the current locale variables."""
    identity = _package_identity()
    if identity is None:
        return None
    locale = tuple(os.environ.get(name, "") for name in _LOCALE_VARIABLES)
    key = hashlib.sha256(repr((identity, locale)).encode("utf-8")).hexdigest()[:16]
    return cache_root() / f"holidays-{key}.json"


def kept(question: str, make: Callable[[], Any]) -> Any:
    """The kept answer to ``question`` (a string naming the function and its arguments), or
    ``make()`` (a JSON value, made with the ``holidays`` package), kept for the next runs."""
    path = kept_file()
    if path is None:
        return make()
    answers = _kept.get(path)
    if answers is None:
        answers = _kept[path] = _read(path)
    if question in answers:
        return answers[question]
    answer = answers[question] = make()
    _write(path, answers)
    return answer


def _read(path: Path) -> dict[str, Any]:
    try:
        answers = json.loads(path.read_bytes())
    except (OSError, ValueError):  # none yet, or damaged: made again
        return {}
    return answers if isinstance(answers, dict) else {}


def _write(path: Path, answers: dict[str, Any]) -> None:
    """Replace the file whole (a temp file moved into place): a reader never sees half of it.
    Two processes writing at once each keep their own answers; the other's are made again."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".holidays-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(answers, out, ensure_ascii=False)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError:  # a read-only or full disk: made again next time
        pass
