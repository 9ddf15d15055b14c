"""What a session does first: tidy up after killed saves, and recover a damaged or missing store.

A store file that does not parse, does not match its checksum or does not have the shape of a
plan store is kept aside as ``plans.corrupt-<time>.json`` (never overwritten), the user is told
(``notices``), and the last good version is recovered from the backup (``plans.json.bak``, the
file as it was before the last save); the damaged file is replaced only once the recovered one is
safely written. A missing ``plans.json`` beside a backup is recovered the same way. Where that
cannot be done now (a full disk, a read-only folder), the files stay as they are, the session
reads the backup and cannot write, and the user is told.
"""

from __future__ import annotations

import errno
import os
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..atomic import atomic_write_bytes, fsync_folder, owner_only, stale_temp_files
from ..messages import Note, joined, system_reason
from .folder import read_only_error
from .layout import STORE_FILE, CorruptStoreFile, holds_anything
from .storage import AtomicJSONStorage

if TYPE_CHECKING:
    from .session import StoreFiles


def tidy(files: StoreFiles) -> None:
    """Remove the temp files of saves that were killed, the store's and its blocks of facts'
    (the caller holds the lock, so no save is under way). A save killed after its new file was
    put in place and before the file it replaced became the backup left that file behind: it
    becomes the backup."""
    stale = stale_temp_files(files.folder, (STORE_FILE, STORE_FILE + ".bak"),
                             prefixes=("plans.corrupt-",))  # a copy of a damaged file
    for tmp in stale:
        if tmp.name.startswith(f".{STORE_FILE}.bak.") and _promote_to_backup(files, tmp):
            continue
        with suppress(OSError):
            tmp.unlink()
    if stale:
        fsync_folder(files.folder)
    blocks = files.fact_blocks.folder  # a block's temp file: .f<hash>.json.<pid>.<hex>.tmp
    stale_blocks = stale_temp_files(blocks, (), prefixes=("f",))
    for tmp in stale_blocks:
        with suppress(OSError):
            tmp.unlink()
    if stale_blocks:
        fsync_folder(blocks)


def _promote_to_backup(files: StoreFiles, held: Path) -> bool:
    try:
        newer = held.stat().st_mtime_ns > (files.backup_path.stat().st_mtime_ns
                                           if files.backup_path.exists() else -1)
        if not newer or held.read_bytes() == files.path.read_bytes():
            return False
        AtomicJSONStorage(str(held)).read()  # a good store file, or CorruptStoreFile
        os.replace(held, files.backup_path)
        return True
    except (OSError, CorruptStoreFile):
        return False


def recover_if_damaged(files: StoreFiles, storage: AtomicJSONStorage, writable: bool) -> None:
    """Parse the store for this session; a damaged or missing store is recovered from the
    backup (see the module's docstring)."""
    try:
        if storage.read() is not None or not files.backup_path.exists():
            return
        damage = None  # plans.json is missing, a backup is there
    except CorruptStoreFile as exc:
        damage = exc.args[0] if exc.args else str(exc)  # a Note, said in the app's language
    try:
        good = AtomicJSONStorage(str(files.backup_path)).read()
        backup_damage = None
    except CorruptStoreFile as exc:
        good, backup_damage = None, exc.args[0] if exc.args else str(exc)
    if damage is None and backup_damage is None and not holds_anything(good):
        return  # no store yet beside an empty backup: an empty store
    good = good if holds_anything(good) else None
    # what the user is told, in parts (``Note``s: said in the app's language)
    told: list[str] = [Note("{file} is missing", file=str(files.path)) if damage is None
                       else Note("{file} could not be read ({why})", file=str(files.path),
                                 why=damage)]
    if backup_damage is not None:
        told.append(Note("; its backup could not be read either ({why})", why=backup_damage))
    storage.forget()
    if not writable:
        storage.serve_read_only(good, read_only_error(files.folder))
        told.append(Note("; the data folder is read-only, so the files were left as they are "
                         "and the last good version, from the backup, is shown; nothing was "
                         "changed") if good is not None else
                    Note("; the data folder is read-only, so the files were left as they are "
                         "and no plans can be shown"))
        files.tell(joined(told, ""))
        return
    try:
        told += _repair(files, damage is not None, good is not None, backup_damage is not None)
    except OSError as exc:
        storage.serve_read_only(good, exc)
        full = exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
        told.append(Note("; it could not be repaired now ({why}), so the files were left as "
                         "they are", why=system_reason(exc)))
        if good:
            told.append(Note("; the last good version, from the backup, is shown"))
        told.append(Note("; nothing was changed — free some disk space and open the store "
                         "again to repair it") if full else
                    Note("; nothing was changed — open the store again to repair it"))
    files.tell(joined(told, ""))


def _repair(files: StoreFiles, damaged: bool, recoverable: bool,
            backup_damaged: bool) -> list[str]:
    """Keep the damaged files aside and put the backup in place; what was done, told."""
    done: list[str] = []
    if recoverable:
        if damaged:
            aside = _keep_aside(files.folder, files.path, link=True)
        try:
            atomic_write_bytes(files.path, files.backup_path.read_bytes(), private=True)
        except OSError:
            if damaged:  # plans.json is still the damaged file: no second copy of it
                with suppress(OSError):
                    aside.unlink()
            raise
        if damaged:
            done.append(Note("; it was moved aside to {name}", name=aside.name))
        return [*done, Note(" and the last good version was recovered from the backup")]
    if damaged:
        done.append(Note("; it was moved aside to {name}",
                         name=_keep_aside(files.folder, files.path).name))
    if backup_damaged:
        kept = _keep_aside(files.folder, files.backup_path, suffix="-backup")
        done.append(Note("; the backup was moved aside to {name}", name=kept.name))
    return [*done, Note("; no good backup was found, so the store starts empty")]


def _keep_aside(folder: Path, damaged: Path, *, link: bool = False, suffix: str = "") -> Path:
    """Give ``damaged`` a name of its own, ``plans.corrupt-<time>.json``, never overwritten:
    a second name (``link``: the damaged file is replaced afterwards) or a new name."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S") + suffix
    aside = folder / f"plans.corrupt-{stamp}.json"
    n = 1
    while aside.exists():
        n += 1
        aside = folder / f"plans.corrupt-{stamp}-{n}.json"
    if not link:
        os.replace(damaged, aside)
    else:
        try:
            os.link(damaged, aside)
        except OSError:  # no hard links here: a copy
            atomic_write_bytes(aside, damaged.read_bytes(), private=True)
    owner_only(aside)
    fsync_folder(folder)
    return aside
