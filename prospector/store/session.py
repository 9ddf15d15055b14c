"""Sessions with the store: the lock, then TinyDB on ``plans.json``, parsed (and if need be
recovered) once.

A lock file serialises sessions across processes and threads (``FileLock``). A folder this
process cannot write in is read under a shared lock (or none), no lock file is created, nothing
is written or repaired, and saving says the folder is read-only. A writing session is one
transaction (``AtomicJSONStorage.transaction``): whatever it changes is written once, atomically,
when it ends, and nothing if it raises.

The blocks of facts a writing session needs are written to their files before ``plans.json``
(``write_fact_blocks``), and removed again if the session fails; a store of version 1 has its
blocks moved to files by its first writing session. A session that stops referring to blocks
notes them in ``meta`` (``plans.json.bak`` still refers to them), and the next one that writes
removes their files once that backup is replaced. So the backup refers to no block but those
``plans.json`` or that note refers to, and the first writing session of a process removes the
other blocks: those a save killed before its end had written (not when a damaged store file kept
aside, ``plans.corrupt-*``, may refer to them).
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

from filelock import FileLock, Timeout
from tinydb import TinyDB

from ..errors import StoreError
from ..messages import Note, system_reason
from .fact_blocks import FactBlocks
from .folder import READ_ONLY, make_private_folder, read_only_error, writable
from .history import fact_refs, move_blocks_to_files
from .layout import META, STORE_FILE
from .recovery import recover_if_damaged, tidy
from .storage import AtomicJSONStorage, LastFile

LOCK_TIMEOUT_S = 15.0


class StoreFiles:
    """The files of one store (``plans.json``, its backup, its lock) and sessions with them."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / STORE_FILE
        self.backup_path = folder / (STORE_FILE + ".bak")
        self.lock_path = folder / (STORE_FILE + ".lock")
        self.notices: list[str] = []  # recoveries to tell the user about
        try:
            make_private_folder(folder, self.notices)
        except OSError as exc:
            raise StoreError(Note(
                "{folder}: cannot create the data folder ({why}); choose another with --data-dir "
                "or PROSPECTOR_DATA_DIR", folder=str(folder), why=system_reason(exc))) from None
        self._lock = FileLock(str(self.lock_path), timeout=LOCK_TIMEOUT_S, mode=0o600)
        self._tidied = False
        self._swept = False  # the blocks of killed saves removed (once per process)
        self._last = LastFile()  # the file as this process last read or wrote it
        self.fact_blocks = FactBlocks(folder)
        self._new_blocks: list[str] = []  # written by the writing session under way

    def write_fact_blocks(self, blocks: list[tuple[str, str]]) -> None:
        """Write the blocks of facts a save refers to (those not on disk yet), before the
        writing session under way writes ``plans.json``."""
        self.fact_blocks.write_missing(blocks, self._new_blocks)

    def tell(self, notice: str) -> None:
        if notice not in self.notices:  # one command may open the store more than once
            self.notices.append(notice)

    @contextmanager
    def session(self, *, writing: bool = False) -> Iterator[TinyDB]:
        """TinyDB on the store, under the lock, the file parsed once. OS errors become a
        ``StoreError`` that says what happened and that nothing was changed."""
        try:
            with self._locked(writing) as may_write:
                if may_write and not self._tidied:
                    self._tidied = True
                    tidy(self)
                db = TinyDB(str(self.path), storage=AtomicJSONStorage,
                            backup=str(self.backup_path), last=self._last)
                storage = cast(AtomicJSONStorage, db.storage)  # TinyDB made it from the class
                recover_if_damaged(self, storage, may_write)  # parses the file, once
                try:
                    if writing:
                        yield from self._writing(db, storage)
                    else:
                        yield db
                finally:
                    db.close()
        except Timeout:
            raise StoreError(Note("{store}: another Prospector is busy with this store; try again "
                                  "in a moment", store=str(self.path))) from None
        except OSError as exc:
            raise StoreError(self._explain(exc, writing)) from None

    def _writing(self, db: TinyDB, storage: AtomicJSONStorage) -> Iterator[TinyDB]:
        """One writing session: the caller's changes and the blocks' bookkeeping, one write."""
        self._new_blocks = []
        referred = fact_refs(db)  # what plans.json refers to now, the backup after this write
        try:
            with storage.transaction():
                move_blocks_to_files(db, self.fact_blocks)
                if not self._swept and storage.refused is None:  # refused: reading a backup
                    self._swept = True
                    self._remove_blocks_of_killed_saves(db)
                yield db
                unused = self._note_dropped_blocks(db, referred) if storage.changed else []
        except BaseException:
            self.fact_blocks.remove(self._new_blocks)  # nothing refers to them
            raise
        finally:
            self._new_blocks = []
        self.fact_blocks.remove(unused)

    def _remove_blocks_of_killed_saves(self, db: TinyDB) -> None:
        """Remove the blocks neither ``plans.json``, nor its backup, nor a damaged store file
        kept aside can refer to (see the module's docstring)."""
        if any(name.startswith("plans.corrupt-") for name in os.listdir(self.folder)):
            return
        self.fact_blocks.remove(self.fact_blocks.on_disk() - fact_refs(db) - _noted(db))

    @staticmethod
    def _note_dropped_blocks(db: TinyDB, referred: set[str]) -> list[str]:
        """Note in ``meta`` the blocks this write stops referring to (the backup it makes still
        does); the blocks noted by the write before, which neither file refers to once this
        write is done: to remove."""
        now, noted = fact_refs(db), _noted(db)
        dropped = sorted(referred - now)
        if dropped or noted:
            db.table(META).update({"dropped_blocks": dropped})
        return sorted(noted - referred - now)

    def _explain(self, exc: OSError, writing: bool) -> Note:
        why, store = system_reason(exc), str(self.path)
        if not writing:
            return Note("{store}: could not be read ({why})", store=store, why=why)
        if exc.errno in READ_ONLY:
            return Note("{store}: could not save ({why}): the data folder is read-only; nothing "
                        "was changed — the plans can still be opened and exported (`prospector "
                        "export-json`); make the folder writable or choose another with "
                        "--data-dir", store=store, why=why)
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return Note("{store}: could not save ({why}); nothing was changed — free some disk "
                        "space and try again", store=store, why=why)
        return Note("{store}: could not save ({why}); nothing was changed", store=store, why=why)

    @contextmanager
    def _locked(self, writing: bool) -> Iterator[bool]:
        """The store's lock for one session; yields whether the session may write. Where this
        process cannot write (the folder, or the lock file in it), a read takes the reader's
        lock instead and a write fails with the error the OS gave."""
        if writable(self.folder):
            try:
                self._lock.acquire()
            except Timeout:
                raise
            except OSError as exc:
                if writing or exc.errno not in READ_ONLY:
                    raise
            else:
                try:
                    yield True
                finally:
                    self._lock.release()
                return
        elif writing:
            raise read_only_error(self.folder)
        with self._reader_lock():
            yield False

    @contextmanager
    def _reader_lock(self) -> Iterator[None]:
        """The lock of a reader that cannot write in the folder: shared (readers read at the
        same time; a writer, should one be able to write here, is waited for) where the lock
        file exists and the OS locks files (flock); else none. Creates nothing."""
        try:
            import fcntl  # noqa: PLC0415 - POSIX only: absent on Windows
        except ImportError:
            yield
            return
        try:
            fd = os.open(self.lock_path, os.O_RDONLY)
        except OSError:  # no lock file: no writer could create one either
            yield
            return
        try:
            deadline = time.monotonic() + LOCK_TIMEOUT_S
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise Timeout(str(self.lock_path)) from None
                    time.sleep(0.05)  # a writer holds it: wait for its end, as FileLock does
                except OSError:  # no flock on this file system: read without a lock
                    break
            yield
        finally:
            os.close(fd)  # releases the lock


def _noted(db: TinyDB) -> set[str]:
    """The blocks the last save stopped referring to (the backup may still refer to them)."""
    return {h for row in db.table(META) if isinstance(row.get("dropped_blocks"), list)
            for h in row["dropped_blocks"] if isinstance(h, str)}
