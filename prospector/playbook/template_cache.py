"""The playbook's templates compiled once, kept between runs (issue 17: the CLI's start-up).

Jinja compiles a template to Python code the first time it is loaded: 0.17 s of CPU of every
``prospector pdf`` for the playbook's templates. Their compiled code is kept in the user's
cache folder (``~/.cache/Prospector/templates-<key>`` on Linux,
``PROSPECTOR_CACHE_DIR`` if set) and loaded from there next time.

A kept template is never printed in place of a newer one: each compiled file carries the
checksum of the source it was made from, and Jinja compiles again when the template's text
differs (an upgrade, an edited template); the folder's name carries Jinja's and Python's
versions and the environment's settings that shape the compiled code (autoescape, finalize,
extensions), so code compiled under other settings is never read. A folder that cannot be made
or written costs only the compiling: the render goes on without the cache.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from ..resources import cache_root


def settings_key(settings: object) -> str:
    """A short name for Jinja's and Python's versions and the environment's ``settings``."""
    text = repr((jinja2.__version__, sys.version_info[:2], settings))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class KeptTemplates(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, in a folder of the owner's only, that never
    fails a render: a file it cannot read or write is compiled again instead."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder), "%s.jinja")
        self.folder = folder
        self._ready: bool | None = None

    def _folder_ready(self) -> bool:
        if self._ready is None:
            try:
                self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
                self._ready = os.access(self.folder, os.W_OK | os.X_OK)
            except OSError:
                self._ready = False
        return self._ready

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - a damaged file: compile again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if not self._folder_ready():
            return
        try:
            super().dump_bytecode(bucket)
        except OSError:  # a full disk, a folder removed meanwhile: compiled again next time
            pass


def kept_templates(settings: object) -> KeptTemplates:
    """The cache of compiled templates for an environment made with ``settings``."""
    return KeptTemplates(cache_root() / f"templates-{settings_key(settings)}")
