"""Where our own templates and assets are, in a source checkout and in an installed wheel."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


@cache
def templates_dir() -> Path:
    return _package_or_source("templates")


@cache
def assets_dir() -> Path:
    return _package_or_source("assets")


def cache_root() -> Path:
    """Where Prospector keeps what it can make again (compiled templates, holidays):
    ``PROSPECTOR_CACHE_DIR`` if set, else the platform's user cache folder."""
    override = os.environ.get("PROSPECTOR_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs  # noqa: PLC0415 - only when no folder is set

    return Path(platformdirs.user_cache_dir("Prospector", appauthor=False))


def sample_plan_path() -> Path:
    return assets_dir() / "samples" / "sample-plan.json"


def _package_or_source(name: str) -> Path:
    """Installed wheels carry the folder as ``prospector/<name>``; a checkout has it at the top."""
    packaged = Path(__file__).resolve().parent / name
    if packaged.is_dir():
        return packaged
    source = _SOURCE_ROOT / name
    if source.is_dir():
        return source
    raise FileNotFoundError(f"Prospector's {name} folder is missing from the installation")
