"""The plan's imported facts on disk: blocks of 2,000 facts, each in a file of its own, written
once.

A plan can hold 100,000 facts imported from CRM exports (28 MB as JSON). Kept inside
``plans.json``, they were written again at every autosave, whatever was edited. Facts never
change once imported, so each block of them is a file named by the hash of its text,
``facts/<hash>.json`` in the data folder (``FactLog.blocks()`` makes the blocks): versions of the
plan refer to their blocks by hash (``history.py``), an import writes only the blocks it adds,
and an autosave after an edit of the plan's text writes none (``plans.json`` stays small).

Safety:

- a block is written atomically (temp file, fsync, ``os.replace``, fsync of the folder) and
  before the save that refers to it is written, so a crash at any point leaves no version
  referring to a missing block (at worst a block no version refers to yet);
- the name is the checksum: a block is read only if its text hashes to its name, so a truncated
  or changed file is told from a good one (``DamagedBlock``), moved aside as
  ``<hash>.damaged-<time>.json`` (never overwritten, and an import of the same facts writes a
  good block again) and the user is told which facts it held;
- blocks go only once neither ``plans.json`` nor its backup refers to them: a save records the
  blocks it stopped referring to (``meta``), and the next save, once that backup is replaced,
  removes them; the blocks a save killed before its end had written are removed by the next
  process that saves (``session.py``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from contextlib import suppress
from datetime import datetime
from pathlib import Path

from ..actuals.fact_log import block_hash
from ..atomic import atomic_write_bytes, fsync_folder, owner_only
from ..messages import Note

FACTS_FOLDER = "facts"
_HASH = re.compile(r"f[0-9a-f]{23}")  # block_hash's names (a hand-edited store may hold others)


class DamagedBlock(Exception):
    """A block of facts that cannot be read: missing, or its text does not match its name."""

    def __init__(self, h: str, why: str) -> None:
        super().__init__(f"block {h}: {why}")
        self.h, self.why = h, why


def is_block_name(h: object) -> bool:
    return isinstance(h, str) and _HASH.fullmatch(h) is not None


class FactBlocks:
    """The block files of one data folder (the caller holds the store's lock)."""

    def __init__(self, data_folder: Path) -> None:
        self.folder = data_folder / FACTS_FOLDER
        self._checked: set[str] = set()  # blocks this process has read or written intact

    def path(self, h: str) -> Path:
        if not is_block_name(h):
            raise DamagedBlock(str(h)[:40], Note("the store names them wrongly (edited by hand?)"))
        return self.folder / f"{h}.json"

    def write_missing(self, blocks: Iterable[tuple[str, str]], written: list[str]) -> None:
        """Write each block (``(hash, JSON text)``) that is not on disk yet, atomically, adding
        its hash to ``written`` (a save that fails, here or later, removes them). A file found
        under a block's name that this process has not read or written is checked first: a
        damaged one is moved aside and written again from ``text``."""
        for h, text in blocks:
            path = self.path(h)
            if path.exists():
                if h in self._checked:
                    continue
                try:
                    self.read(h)
                    continue
                except DamagedBlock:
                    self.keep_aside(h)
            if not self.folder.is_dir():
                self.folder.mkdir(mode=0o700, exist_ok=True)
                owner_only(self.folder)
            atomic_write_bytes(path, text.encode("utf-8", "surrogatepass"), private=True)
            written.append(h)
            self._checked.add(h)

    def read(self, h: str) -> str:
        """The JSON text of a block, checked against its name (``DamagedBlock`` if it is
        missing or does not match)."""
        path = self.path(h)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise DamagedBlock(h, Note("the file holding them is missing")) from None
        try:
            text = raw.decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            text = None
        if text is None or block_hash(text) != h:
            raise DamagedBlock(h, Note("the file holding them is damaged, cut short or changed "
                                       "(its contents no longer match their checksum)"))
        self._checked.add(h)
        return text

    def keep_aside(self, h: str) -> Path | None:
        """Rename a damaged block to a name of its own (never overwritten); None if it is
        missing or cannot be renamed."""
        if not is_block_name(h):
            return None
        self._checked.discard(h)
        path = self.path(h)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.folder / f"{h}.damaged-{stamp}.json"
        n = 1
        while aside.exists():
            n += 1
            aside = self.folder / f"{h}.damaged-{stamp}-{n}.json"
        try:
            os.rename(path, aside)
        except OSError:
            return None
        fsync_folder(self.folder)
        return aside

    def on_disk(self) -> set[str]:
        """The blocks in the folder (not the damaged ones kept aside, nor temp files)."""
        try:
            names = os.listdir(self.folder)
        except OSError:
            return set()
        return {name[:-5] for name in names if name.endswith(".json") and is_block_name(
            name[:-5])}

    def remove(self, hashes: Iterable[str]) -> None:
        """Remove blocks no stored version refers to any more."""
        removed = False
        for h in hashes:
            if is_block_name(h):
                self._checked.discard(h)
                with suppress(OSError):
                    self.path(h).unlink()
                    removed = True
        if removed:
            fsync_folder(self.folder)
