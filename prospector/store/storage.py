"""``AtomicJSONStorage``: how TinyDB keeps the store's tables in ``plans.json`` (a TinyDB
``Storage``, its documented extension point).

- Atomic: a write replaces the whole file (temp file, fsync, ``os.replace``, fsync of the folder:
  ``prospector/atomic.py``), so a crash leaves the old file or the new one, never a mix. The file
  replaced becomes the backup once the new one is in place (a hard link, so it costs no copy); a
  file that holds no plan never replaces a backup (which may hold every plan).
- Checksummed: the file starts with the SHA-256 of the rest, ``{"checksum":"<64 hex>",...}``. A
  file that parses as JSON can still be damaged (a flipped bit in a goal or in a step's day reads
  back as another plan, or as one that no longer validates); the checksum tells. Reading a file
  that does not parse, does not match its checksum or does not have the shape of a plan store
  (``layout.py``) raises ``CorruptStoreFile``; ``recovery.py`` decides what to do about it.
- One write per transaction: TinyDB writes the whole file after each table operation (insert,
  update, remove). Inside ``transaction()`` those operations change the tables in memory only, and
  the end of the block writes the file once; a block that raises writes nothing. A save (its
  plan row, its version, the chunks it adds and the ones pruning drops) is so one atomic write.
- Parsed once: later reads return the same data, and a write replaces it. The store uses one
  storage per locked session, in which no other process can change the file.
- Parsed once per process while the file stays as this process left it (``LastFile``): a
  session finds the tables it read or wrote last when the file is still the same file (same
  inode, size, modification time and checksum); any other writer (another process, a recovery,
  a file edited by hand) makes it parse the file again. (The imported facts, which made the file
  28 MB, are in files of their own since store version 2: ``fact_blocks.py``.)
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

from tinydb.storages import Storage

from ..atomic import atomic_write_bytes
from ..messages import Note
from .layout import CorruptStoreFile, check_tables, holds_anything

_CHECKSUM = b'{"checksum":"'


class _Unread(Enum):
    """The tables are not read yet (None means the file does not exist)."""
    UNREAD = "unread"


_UNREAD = _Unread.UNREAD


class LastFile:
    """The store file as this process last read or wrote it, for the next session to skip
    parsing it (``key``: how to tell it is still the same file; ``data``: its tables)."""

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.data: dict | None = None

    def forget(self) -> None:
        self.key = self.data = None


class AtomicJSONStorage(Storage):
    """A TinyDB storage that never leaves a half-written or unchecked file behind."""

    def __init__(self, path: str, backup: str | None = None,
                 last: LastFile | None = None) -> None:
        self.path = Path(path)
        self.backup = Path(backup) if backup else None
        self.last = last
        self._data: dict | None | _Unread = _UNREAD
        self._file_holds_plans = False  # what the file holds now (not what a write will hold)
        self._in_transaction = False
        self._pending = False  # tables changed in a transaction, not written yet
        # Why this session may read but not write (a read-only folder, or a damaged store that
        # could not be repaired yet): a write raises it, and changes nothing.
        self.refused: OSError | None = None

    # --- TinyDB's Storage interface ----------------------------------------------------------
    def read(self) -> dict | None:
        if self._data is _UNREAD:
            self._data = self._parse()
            self._file_holds_plans = holds_anything(self._data)
        return self._data

    def write(self, data: dict) -> None:
        if self.refused is not None:
            raise OSError(self.refused.errno, self.refused.strerror, str(self.path))
        if self._in_transaction:
            self._data, self._pending = data, True
        else:
            self._write_file(data)

    def close(self) -> None:
        pass

    # --- the store's own -----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Table operations in this block are written to the file once, atomically, when it
        ends; if it raises, nothing is written (and the next read parses the file again, since
        TinyDB changes the tables it read in place)."""
        if self._in_transaction:
            raise RuntimeError("a transaction is already open on this storage")
        self._in_transaction, self._pending = True, False
        try:
            yield
            if self._pending and isinstance(self._data, dict):  # what write() was given
                self._write_file(self._data)
        except BaseException:
            if self.last is not None:  # TinyDB may have changed its tables in place
                self.last.forget()
            if self.refused is None:
                self._data = _UNREAD
            raise
        finally:
            self._in_transaction = self._pending = False

    @property
    def changed(self) -> bool:
        """Whether the transaction under way has changed the tables (and will write them)."""
        return self._pending

    def forget(self) -> None:
        """Parse the file again on the next read (after it was replaced behind our back)."""
        self._data = _UNREAD
        if self.last is not None:
            self.last.forget()

    def serve_read_only(self, data: dict | None, refused: OSError) -> None:
        """Read ``data`` instead of the file (the backup of a damaged store), and refuse every
        write with ``refused``."""
        self._data, self.refused = data, refused

    # --- the file --------------------------------------------------------------------------------
    def _parse(self) -> dict | None:
        try:
            with self.path.open("rb") as handle:
                status = os.fstat(handle.fileno())
                if self.last is not None and self.last.key is not None:
                    if self.last.key == _key(status, handle.read(len(_CHECKSUM) + 64)):
                        return self.last.data  # as this process left it
                    handle.seek(0)
                raw = handle.read()
        except FileNotFoundError:
            return None
        data = self._parsed(raw)
        if self.last is not None:
            self.last.key, self.last.data = _key(status, raw), data
        return data

    def _parsed(self, raw: bytes) -> dict:
        if not raw.strip():
            raise CorruptStoreFile(Note("the file is empty"))
        payload = _verified(raw)
        try:
            data = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorruptStoreFile(str(exc)) from None
        except ValueError:  # an integer of thousands of digits (a file edited by hand)
            raise CorruptStoreFile(Note("it holds a number too long to be part of a plan "
                                        "store")) from None
        except RecursionError:
            raise CorruptStoreFile(Note("it is nested deeper than a plan store can be")) from None
        if not isinstance(data, dict):
            raise CorruptStoreFile(Note("the file does not hold a plan store"))
        data.pop("checksum", None)  # a store file edited by hand: not verified
        check_tables(data)
        return data

    def _write_file(self, data: dict) -> None:
        # A lone surrogate cannot be UTF-8; the model refuses them, but old versions kept in the
        # history may hold one (schema 2 allowed it). "backslashreplace" writes it as the JSON
        # escape \udXXX (it can only occur inside a string), so it reads back as it was.
        last = self.last
        if last is not None:
            last.forget()  # until the new file is in place
        keep = self.backup if self.backup and self._file_holds_plans else None
        written = with_checksum(_dumps(data))
        atomic_write_bytes(self.path, written, private=True, backup=keep)
        self._data, self._file_holds_plans = data, holds_anything(data)
        if last is not None:
            try:
                last.key, last.data = _key(os.stat(self.path), written), data
            except OSError:
                pass


def _dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "backslashreplace")


def _key(status: os.stat_result, start: bytes) -> tuple:
    """What tells a store file from another: its inode, size, modification time, and its
    first bytes (its checksum)."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns,
            start[:len(_CHECKSUM) + 64])


def with_checksum(payload: bytes) -> bytes:
    """``payload`` (a JSON object) with its SHA-256 as the first member."""
    digest = hashlib.sha256(payload).hexdigest().encode("ascii")
    rest = b'"}' if payload == b"{}" else b'",' + payload[1:]
    return _CHECKSUM + digest + rest


def _verified(raw: bytes) -> bytes:
    """The JSON object in a store file, its checksum checked (files without one pass as they are:
    written before checksums, or edited by hand)."""
    if not raw.startswith(_CHECKSUM):
        return raw
    start = len(_CHECKSUM)
    digest, rest = raw[start:start + 64], raw[start + 64:]
    if rest.startswith(b'",'):
        payload = b"{" + rest[2:]
    elif rest == b'"}':
        payload = b"{}"
    else:
        raise CorruptStoreFile(Note("its checksum is damaged"))
    if hashlib.sha256(payload).hexdigest().encode("ascii") != digest:
        raise CorruptStoreFile(Note("its contents do not match their checksum (the file was "
                                    "damaged)"))
    return payload
