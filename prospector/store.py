"""The local plan store: TinyDB in one JSON file, written atomically, locked, with history.

Layout of ``plans.json`` (TinyDB tables):
- ``meta``: one document ``{"store_version": 1}``.
- ``plans``: one document per plan: ``plan_id``, ``name``, ``version`` (the current one), ``saved_at``.
- ``history``: one document per saved version: ``plan_id``, ``version``, ``saved_at``, ``name``,
  ``note`` and ``plan``: the plan-file document (it carries its own ``schema_version``) with each
  item of its lists (accounts, touches, ...) replaced by the hash of that item.
- ``chunks``: the list items, once each, by hash (``h``, ``item``). A save that changes one account
  adds one chunk, so keeping the last ``history_limit`` versions of a 1,000-account plan stays small.
- ``trash``: deleted plans (their history is kept), restorable.

Safety: every write replaces the whole file atomically (temp file + fsync + ``os.replace``); the
file starts with the SHA-256 of its contents (``{"checksum": ...}``); the previous file becomes
``plans.json.bak`` once the new one is in place (a hard link, so it costs no copy), so a save that
fails at any step leaves both files as they were; a file that does not parse or does not match its
checksum is kept aside with a timestamp, reported in ``notices`` and never overwritten, and the last
good version is recovered from the backup, the damaged file being replaced only once the recovered
one is safely written; a missing ``plans.json`` beside a backup is recovered the same way; a lock
file serialises writers across processes, and temp files of writers that were killed are removed.
A data folder the user cannot write in (a read-only mount, a folder made read-only) can still be
read: no lock is created, nothing is written or repaired, and saving says the folder is read-only.
Only the owner can read the store: the folder is 0700 and every file the store writes in it 0600.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs
from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.storages import Storage

from .atomic import atomic_write_bytes, fsync_folder, stale_temp_files
from .errors import PlanFileError, PlanNotFound, StoreError
from .migrations import repaired_plan_id
from .model import Plan, is_usable_id, new_id
from .planfile import describe_repairs, plan_from_document, plan_to_document

STORE_VERSION = 1
STORE_FILE = "plans.json"
DEFAULT_HISTORY_LIMIT = 30
LOCK_TIMEOUT_S = 15.0


def default_data_dir() -> Path:
    """``PROSPECTOR_DATA_DIR`` if set, else the platform's user data folder."""
    override = os.environ.get("PROSPECTOR_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("Prospector", appauthor=False))


class CorruptStoreFile(Exception):
    pass


_UNREAD = object()


class AtomicJSONStorage(Storage):
    """A TinyDB storage that never leaves a half-written file behind.

    The file is parsed once per storage: later reads return the same data and a write replaces
    it. The store uses one storage per locked session (``PlanStore._db``), in which no other
    process can change the file, so this is always what the file holds; it halves the work of
    opening and of saving a large plan (each used to parse the whole store twice).
    """

    def __init__(self, path: str, backup: str | None = None) -> None:
        self.path = Path(path)
        self.backup = Path(backup) if backup else None
        self._data = _UNREAD
        # Why this session may read but not write (a read-only folder, or a damaged store that
        # could not be repaired yet): a write raises it, and changes nothing.
        self.refused: OSError | None = None

    def read(self) -> dict | None:
        if self._data is _UNREAD:
            self._data = self._parse()
        return self._data

    def forget(self) -> None:
        """Parse the file again on the next read (after it was replaced behind our back)."""
        self._data = _UNREAD

    def _parse(self) -> dict | None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None
        if not raw.strip():
            raise CorruptStoreFile("the file is empty")
        payload = _verified(raw)
        try:
            data = json.loads(payload.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CorruptStoreFile(str(exc)) from None
        except ValueError:  # an integer of thousands of digits (a file edited by hand)
            raise CorruptStoreFile("it holds a number too long to be part of a plan "
                                   "store") from None
        except RecursionError:
            raise CorruptStoreFile("it is nested deeper than a plan store can be") from None
        if not isinstance(data, dict):
            raise CorruptStoreFile("the file does not hold a plan store")
        data.pop("checksum", None)  # a store file edited by hand: not verified
        unknown = sorted(set(data) - STORE_TABLES)
        if unknown:
            raise CorruptStoreFile(f"the file holds {unknown[0][:40]!r}, which is not part of a "
                                   "plan store")
        _check_tables(data)
        return data

    def write(self, data: dict) -> None:
        # A lone surrogate cannot be UTF-8; the model refuses them, but old versions kept in the
        # history may hold one (schema 2 allowed it). "backslashreplace" writes it as the JSON
        # escape \udXXX (it can only occur inside a string), so it reads back as it was.
        if self.refused is not None:
            raise OSError(self.refused.errno, self.refused.strerror, str(self.path))
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "backslashreplace")
        # The file as it is now becomes the backup, once the new one is in place; a store that
        # holds nothing never replaces a backup (which may hold every plan).
        current = self.read()
        keep = self.backup if self.backup and _holds_anything(current) else None
        atomic_write_bytes(self.path, _with_checksum(payload), private=True, backup=keep)
        self._data = data

    def close(self) -> None:
        pass


# The file starts with the SHA-256 of the rest of the store: {"checksum":"<64 hex>",...}. A file
# that parses as JSON can still be damaged (a flipped bit in a goal or in a step's day reads back
# as another plan, or as one that no longer validates); the checksum tells, and the store is then
# recovered from the backup like a file that does not parse.
STORE_TABLES = frozenset({"meta", "plans", "history", "chunks", "trash"})
_CHECKSUM = b'{"checksum":"'


# What each row of a table must hold for the store to use it (a store edited by hand may not).
_ROW_FIELDS: dict[str, dict[str, type]] = {
    "meta": {},
    "plans": {"plan_id": str, "name": str, "version": int, "saved_at": str},
    "history": {"plan_id": str, "version": int, "saved_at": str, "name": str, "plan": dict},
    "chunks": {"h": str, "item": dict},
    "trash": {"plan_id": str, "name": str, "version": int, "saved_at": str},
}


def _check_tables(data: dict) -> None:
    """Every table a mapping of numbered rows holding the fields the store reads."""
    for table, rows in data.items():
        if not isinstance(rows, dict):
            raise CorruptStoreFile(f"its {table!r} table is not a table of rows")
        for key, row in rows.items():
            if not (key.isdigit() and len(key) <= 18 and key.isascii()):
                raise CorruptStoreFile(f"its {table!r} table has a row numbered {key[:40]!r}")
            if not isinstance(row, dict):
                raise CorruptStoreFile(f"row {key} of its {table!r} table is not a row")
            for name, kind in _ROW_FIELDS[table].items():
                value = row.get(name)
                if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                    raise CorruptStoreFile(f"row {key} of its {table!r} table has no usable "
                                           f"{name!r}")


def _with_checksum(payload: bytes) -> bytes:
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
        raise CorruptStoreFile("its checksum is damaged")
    if hashlib.sha256(payload).hexdigest().encode("ascii") != digest:
        raise CorruptStoreFile("its contents do not match their checksum (the file was damaged)")
    return payload


def _holds_anything(data: dict | None) -> bool:
    """Whether a store's tables hold a plan, a version or a deleted plan."""
    return bool(data) and any(data.get(table) for table in ("plans", "history", "trash"))


# Permissions: the data folder is 0700 and every file the store writes in it (plans.json, its
# backup, the lock, a damaged file moved aside) 0600, whatever the umask; see atomic.py (private).
# What Prospector writes in its data folder: the store, and the logs of the CLI and of the app.
_STORE_NAMES = (STORE_FILE, STORE_FILE + ".bak", STORE_FILE + ".lock", "crash.log",
                "prospector.log", "prospector.log.1")


def _make_private_folder(folder: Path, notices: list[str]) -> None:
    """Create ``folder`` readable by its owner only. An existing one is tightened when it is
    Prospector's own: the platform's data folder for Prospector, or one holding nothing but
    Prospector's files (a folder the user chose that holds other files is left as it is). A
    folder the user cannot write in is left as it is (``notices`` says so)."""
    if not folder.is_dir():
        try:
            folder.mkdir(mode=0o700, parents=True)
            return
        except FileExistsError:
            if not folder.is_dir():
                raise
    if not stat.S_IMODE(folder.stat().st_mode) & 0o077:
        return
    names = os.listdir(folder)
    ours = [name for name in names
            if name in _STORE_NAMES or name.startswith(("plans.corrupt-", f".{STORE_FILE}"))]
    if len(ours) == len(names) or folder == Path(
            platformdirs.user_data_dir("Prospector", appauthor=False)):
        if not _writable(folder):
            notices.append(f"{folder} is read-only, so its permissions were left as they are "
                           "(others may be able to read it; Prospector makes the folder and "
                           "the store its owner's only where it can write)")
            return
        for name in ["", *ours]:  # the folder, then what an older version wrote 0644 in it
            _owner_only(folder / name)


_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)  # what a write where one may not meets


def _writable(folder: Path) -> bool:
    """Whether this process can create, replace and remove files in ``folder``."""
    return os.access(folder, os.W_OK | os.X_OK)


def _read_only_error(folder: Path) -> OSError:
    """The error a write in ``folder`` meets: EROFS on a read-only mount, else EACCES."""
    try:
        read_only_mount = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs (Windows)
        read_only_mount = False
    code = errno.EROFS if read_only_mount else errno.EACCES
    return OSError(code, os.strerror(code), str(folder))


def _owner_only(path: Path) -> None:
    """Take group and others' permissions away from ``path`` (where the OS allows it)."""
    try:
        mode = os.stat(path).st_mode
        if mode & 0o077:
            os.chmod(path, stat.S_IMODE(mode) & ~0o077)
    except OSError:  # not ours to change (or no POSIX permissions): the folder still protects it
        pass


@dataclass(frozen=True)
class PlanSummary:
    id: str
    name: str
    version: int
    saved_at: str


@dataclass(frozen=True)
class PlanVersion:
    plan_id: str
    version: int
    saved_at: str
    name: str
    note: str


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def _chunk_key(item: dict) -> str:
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:24]


def _split(doc: dict) -> tuple[dict, dict[str, dict]]:
    """Replace every object in the document's top-level lists by its hash: (skeleton, chunks)."""
    skeleton, chunks = {}, {}
    for key, value in doc.items():
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            refs = []
            for item in value:
                h = _chunk_key(item)
                chunks[h] = item
                refs.append(h)
            skeleton[key] = {"$chunks": refs}
        else:
            skeleton[key] = value
    return skeleton, chunks


def _join(skeleton: dict, chunks: dict[str, dict]) -> dict:
    doc = {}
    for key, value in skeleton.items():
        if isinstance(value, dict) and "$chunks" in value:
            doc[key] = [chunks[h] for h in value["$chunks"]]
        else:
            doc[key] = value
    return doc


def _refs(skeleton: dict) -> set[str]:
    return {h for v in skeleton.values() if isinstance(v, dict) and "$chunks" in v
            for h in v["$chunks"]}


class PlanStore:
    """All plans of one user, in one folder. Safe to use from several processes at once."""

    def __init__(self, folder: str | os.PathLike | None = None,
                 history_limit: int = DEFAULT_HISTORY_LIMIT) -> None:
        self.folder = Path(folder).expanduser() if folder else default_data_dir()
        self.path = self.folder / STORE_FILE
        self.backup_path = self.folder / (STORE_FILE + ".bak")
        self.history_limit = max(20, history_limit)
        self.notices: list[str] = []  # recoveries to tell the user about
        self.repairs: list[str] = []  # plans opened with values an older version allowed
        try:
            _make_private_folder(self.folder, self.notices)
        except OSError as exc:
            raise StoreError(
                f"{self.folder}: cannot create the data folder ({exc.strerror}); "
                "choose another with --data-dir or PROSPECTOR_DATA_DIR"
            ) from None
        self._lock_path = self.folder / (STORE_FILE + ".lock")
        self._lock = FileLock(str(self._lock_path), timeout=LOCK_TIMEOUT_S, mode=0o600)
        self._tidied = False

    # --- plumbing ------------------------------------------------------------------------------
    @contextmanager
    def _db(self, *, writing: bool = False) -> Iterator[TinyDB]:
        """One session with the store: the file parsed once, under the lock. A folder this
        process cannot write in is read under a shared lock (or none), and nothing is written."""
        try:
            with self._locked(writing) as writable:
                if writable and not self._tidied:
                    self._tidy()
                db = TinyDB(str(self.path), storage=AtomicJSONStorage,
                            backup=str(self.backup_path))
                self._recover_if_damaged(db.storage, writable)  # parses the file, once
                try:
                    yield db
                finally:
                    db.close()
        except Timeout:
            raise StoreError(
                f"{self.path}: another Prospector is busy with this store; try again in a moment"
            ) from None
        except OSError as exc:
            raise StoreError(self._explain(exc, writing)) from None

    def _explain(self, exc: OSError, writing: bool) -> str:
        why = exc.strerror or str(exc)
        if not writing:
            return f"{self.path}: could not be read ({why})"
        if exc.errno in _READ_ONLY:
            return (f"{self.path}: could not save ({why}): the data folder is read-only; "
                    "nothing was changed — the plans can still be opened and exported "
                    "(`prospector export-json`); make the folder writable or choose another "
                    "with --data-dir")
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return (f"{self.path}: could not save ({why}); nothing was changed — free some "
                    "disk space and try again")
        return f"{self.path}: could not save ({why}); nothing was changed"

    @contextmanager
    def _locked(self, writing: bool) -> Iterator[bool]:
        """The store's lock for one session; yields whether the session may write. Where this
        process cannot write (the folder, or the lock file in it), a read takes the reader's
        lock instead and a write fails with the error the OS gave."""
        if _writable(self.folder):
            try:
                self._lock.acquire()
            except Timeout:
                raise
            except OSError as exc:
                if writing or exc.errno not in _READ_ONLY:
                    raise
            else:
                try:
                    yield True
                finally:
                    self._lock.release()
                return
        elif writing:
            raise _read_only_error(self.folder)
        with self._reader_lock():
            yield False

    @contextmanager
    def _reader_lock(self) -> Iterator[None]:
        """The lock of a reader that cannot write in the folder: shared (readers read at the
        same time; a writer, should one be able to write here, is waited for) where the lock
        file exists and the OS locks files (flock); else none. Creates nothing."""
        try:
            import fcntl  # noqa: PLC0415 - POSIX only
        except ImportError:
            yield
            return
        try:
            fd = os.open(self._lock_path, os.O_RDONLY)
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
                        raise Timeout(str(self._lock_path)) from None
                    time.sleep(0.05)  # a writer holds it: wait for its end, as FileLock does
                except OSError:  # no flock on this file system: read without a lock
                    break
            yield
        finally:
            os.close(fd)  # releases the lock

    def _tidy(self) -> None:
        """Remove the temp files of saves that were killed (holding the lock, so no save is
        under way). A save killed after its new file was put in place and before the file it
        replaced became the backup left that file behind: it becomes the backup."""
        self._tidied = True
        stale = stale_temp_files(self.folder, (STORE_FILE, STORE_FILE + ".bak"),
                                 prefixes=("plans.corrupt-",))  # a copy of a damaged file
        for tmp in stale:
            if tmp.name.startswith(f".{STORE_FILE}.bak.") and self._promote_to_backup(tmp):
                continue
            with suppress(OSError):
                tmp.unlink()
        if stale:
            fsync_folder(self.folder)

    def _promote_to_backup(self, held: Path) -> bool:
        try:
            newer = held.stat().st_mtime_ns > (self.backup_path.stat().st_mtime_ns
                                               if self.backup_path.exists() else -1)
            if not newer or held.read_bytes() == self.path.read_bytes():
                return False
            AtomicJSONStorage(str(held)).read()  # a good store file, or CorruptStoreFile
            os.replace(held, self.backup_path)
            return True
        except (OSError, CorruptStoreFile):
            return False

    def _recover_if_damaged(self, storage: AtomicJSONStorage, writable: bool) -> None:
        """Parse the store for this session; a damaged or missing store is recovered from the
        backup. The damaged file is kept (as ``plans.corrupt-<time>.json``) and replaced only once
        the recovered one is written; should that fail (a full disk) or the folder be read-only,
        the files stay as they are, this session reads the backup and cannot write, and the
        user is told."""
        try:
            if storage.read() is not None or not self.backup_path.exists():
                return
            damage = None  # plans.json is missing, a backup is there
        except CorruptStoreFile as exc:
            damage = str(exc)
        try:
            good = AtomicJSONStorage(str(self.backup_path)).read()
            backup_damage = None
        except CorruptStoreFile as exc:
            good, backup_damage = None, str(exc)
        if damage is None and backup_damage is None and not _holds_anything(good):
            return  # no store yet beside an empty backup: an empty store
        good = good if _holds_anything(good) else None
        told = (f"{self.path} is missing" if damage is None
                else f"{self.path} could not be read ({damage})")
        if backup_damage is not None:
            told += f"; its backup could not be read either ({backup_damage})"
        storage.forget()
        if not writable:
            storage._data, storage.refused = good, _read_only_error(self.folder)
            told += ("; the data folder is read-only, so the files were left as they are and "
                     + ("the last good version, from the backup, is shown; nothing was changed"
                        if good is not None else "no plans can be shown"))
            self._tell(told)
            return
        try:
            told += self._repair(damage is not None, good is not None, backup_damage is not None)
        except OSError as exc:
            storage._data, storage.refused = good, exc
            full = exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
            told += (f"; it could not be repaired now ({exc.strerror or exc}), so the files were "
                     "left as they are"
                     + ("; the last good version, from the backup, is shown" if good else "")
                     + "; nothing was changed — "
                     + ("free some disk space and " if full else "")
                     + "open the store again to repair it")
        self._tell(told)

    def _repair(self, damaged: bool, recoverable: bool, backup_damaged: bool) -> str:
        """Keep the damaged files aside and put the backup in place; what was done, told."""
        done = ""
        if recoverable:
            if damaged:
                aside = self._keep_aside(self.path, link=True)
            try:
                atomic_write_bytes(self.path, self.backup_path.read_bytes(), private=True)
            except OSError:
                if damaged:  # plans.json is still the damaged file: no second copy of it
                    with suppress(OSError):
                        aside.unlink()
                raise
            if damaged:
                done += f"; it was moved aside to {aside.name}"
            return done + " and the last good version was recovered from the backup"
        if damaged:
            done += f"; it was moved aside to {self._keep_aside(self.path).name}"
        if backup_damaged:
            done += (f"; the backup was moved aside to "
                     f"{self._keep_aside(self.backup_path, suffix='-backup').name}")
        return done + "; no good backup was found, so the store starts empty"

    def _keep_aside(self, damaged: Path, *, link: bool = False, suffix: str = "") -> Path:
        """Give ``damaged`` a name of its own, ``plans.corrupt-<time>.json``, never overwritten:
        a second name (``link``: the damaged file is replaced afterwards) or a new name."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S") + suffix
        aside = self.folder / f"plans.corrupt-{stamp}.json"
        n = 1
        while aside.exists():
            n += 1
            aside = self.folder / f"plans.corrupt-{stamp}-{n}.json"
        if not link:
            os.replace(damaged, aside)
        else:
            try:
                os.link(damaged, aside)
            except OSError:  # no hard links here: a copy
                atomic_write_bytes(aside, damaged.read_bytes(), private=True)
        _owner_only(aside)
        fsync_folder(self.folder)
        return aside

    def _tell(self, notice: str) -> None:
        if notice not in self.notices:  # one command may open the store more than once
            self.notices.append(notice)

    # --- reading -------------------------------------------------------------------------------
    def list_plans(self) -> list[PlanSummary]:
        with self._db() as db:
            rows = db.table("plans").all()
        summaries = [PlanSummary(r["plan_id"], r["name"], r["version"], r["saved_at"]) for r in rows]
        return sorted(summaries, key=lambda s: s.saved_at, reverse=True)

    def find(self, ref: str) -> PlanSummary:
        """A stored plan by id, unique id prefix or name (case-insensitive)."""
        plans = self.list_plans()
        wanted = ref.strip()
        for summary in plans:
            if summary.id == wanted:
                return summary
        by_name = [s for s in plans if s.name.casefold() == wanted.casefold()]
        if len(by_name) == 1:
            return by_name[0]
        if len(by_name) > 1:
            ids = ", ".join(s.id for s in by_name)
            raise PlanNotFound(f"{len(by_name)} stored plans are named {ref!r} ({ids}); use the id")
        by_prefix = [s for s in plans if wanted and s.id.startswith(wanted)]
        if len(by_prefix) == 1:
            return by_prefix[0]
        raise PlanNotFound(
            f"no stored plan is named or has the id {ref!r}; `prospector list` shows the plans"
        )

    def load(self, plan_id: str) -> Plan:
        with self._db() as db:
            data = db.storage.read() or {}
        row = _find(data.get("plans", {}), plan_id=plan_id)
        if row is None:
            raise PlanNotFound(f"no stored plan has the id {plan_id!r}")
        return self._version_from(data, plan_id, row["version"])

    def history(self, plan_id: str) -> list[PlanVersion]:
        with self._db() as db:
            rows = db.table("history").search(Query().plan_id == plan_id)
        if not rows:
            raise PlanNotFound(f"no stored plan has the id {plan_id!r}")
        versions = [PlanVersion(r["plan_id"], r["version"], r["saved_at"], r["name"],
                                r.get("note", "")) for r in rows]
        return sorted(versions, key=lambda v: v.version, reverse=True)

    def load_version(self, plan_id: str, version: int) -> Plan:
        with self._db() as db:
            data = db.storage.read() or {}
        return self._version_from(data, plan_id, version)

    def _version_from(self, data: dict, plan_id: str, version: int) -> Plan:
        entry = _find(data.get("history", {}), plan_id=plan_id, version=version)
        if entry is None:
            kept = sorted((h["version"] for h in data.get("history", {}).values()
                           if h["plan_id"] == plan_id), reverse=True)
            if not kept:
                raise PlanNotFound(f"no stored plan has the id {plan_id!r}")
            listed = ", ".join(str(v) for v in kept[:10])
            raise PlanNotFound(f"plan {plan_id!r} has no version {version} (kept: {listed})")
        chunks = {c["h"]: c["item"] for c in data.get("chunks", {}).values()}
        source = f"{self.path} (plan {plan_id}, version {version})"
        try:
            doc = _join(entry["plan"], chunks)
        except KeyError:
            raise StoreError(f"{source}: part of this version is missing from the store") from None
        repairs: list[str] = []
        try:
            plan = plan_from_document(doc, source, repairs)
        except PlanFileError as exc:
            raise StoreError(str(exc)) from None
        if repairs:
            self.repairs.append(describe_repairs(
                f"{plan.name!r} (version {version})", repairs,
                "Saving the plan keeps the repair; this version stays in the plan's history."))
        return plan

    # --- writing -------------------------------------------------------------------------------
    def save(self, plan: Plan, note: str = "", *, base_version: int | None = None) -> int:
        """Store ``plan`` as its newest version and return the version number.

        ``base_version`` is the version the caller's edits started from (0 for a plan that was
        never stored): if another save made a newer version meanwhile (another window, the
        command line), or the plan was deleted, nothing is saved and ``VersionConflict`` says
        which version is current. Without it the plan is saved whatever the store holds."""
        skeleton, items = _split(plan_to_document(plan))
        with self._db(writing=True) as db:
            data = db.storage.read() or {}
            _move_repaired_ids(data)
            if base_version is not None:
                _check_base(data, plan, base_version)
            data.setdefault("meta", {"1": {"store_version": STORE_VERSION}})
            plans = data.setdefault("plans", {})
            hist = data.setdefault("history", {})
            chunks = data.setdefault("chunks", {})
            version = 1 + max((h["version"] for h in hist.values() if h["plan_id"] == plan.id),
                              default=0)
            saved_at = _now()
            _upsert(plans, {"plan_id": plan.id, "name": plan.name, "version": version,
                            "saved_at": saved_at})
            hist[str(_next_key(hist))] = {"plan_id": plan.id, "version": version,
                                          "saved_at": saved_at, "name": plan.name, "note": note,
                                          "plan": skeleton}
            _prune_history(hist, plan.id, self.history_limit)
            _store_chunks(chunks, items, hist)
            db.storage.write(data)  # one atomic write for the whole save
        return version

    def restore(self, plan_id: str, version: int) -> int:
        """Make an earlier version the current one (saved as a new version: nothing is lost)."""
        plan = self.load_version(plan_id, version)
        return self.save(plan, note=f"restored from version {version}")

    def delete(self, plan_id: str) -> None:
        """Move a plan to the trash (its history stays; ``undelete`` brings it back)."""
        with self._db(writing=True) as db:
            data = db.storage.read() or {}
            row = _find(data.get("plans", {}), plan_id=plan_id)
            if row is None:
                raise PlanNotFound(f"no stored plan has the id {plan_id!r}")
            data["plans"] = {k: v for k, v in data["plans"].items() if v["plan_id"] != plan_id}
            trash = data.setdefault("trash", {})
            trash[str(_next_key(trash))] = dict(row, deleted_at=_now())
            db.storage.write(data)

    def undelete(self, plan_id: str) -> Plan:
        with self._db(writing=True) as db:
            data = db.storage.read() or {}
            row = _find(data.get("trash", {}), plan_id=plan_id)
            if row is None:
                raise PlanNotFound(f"no deleted plan has the id {plan_id!r}")
            plan = self._version_from(data, plan_id, row["version"])
            data["trash"] = {k: v for k, v in data["trash"].items() if v["plan_id"] != plan_id}
            _upsert(data.setdefault("plans", {}), {k: row[k] for k in
                                                  ("plan_id", "name", "version", "saved_at")})
            db.storage.write(data)
        return plan

    def duplicate(self, plan_id: str, new_name: str) -> Plan:
        copy = self.load(plan_id).model_copy(update={"id": new_id("plan"), "name": new_name})
        copy = Plan.model_validate(plan_to_document(copy))
        self.save(copy, note=f"duplicated from {plan_id}")
        return copy


class VersionConflict(StoreError):
    """A save whose edits started from a version that is no longer the current one.

    ``current_version`` is the version stored now (None: the plan was deleted meanwhile);
    ``current`` its summary (name, when it was saved), None if deleted."""

    def __init__(self, plan: Plan, base_version: int, current: PlanSummary | None) -> None:
        self.plan_id = plan.id
        self.base_version = base_version
        self.current = current
        self.current_version = current.version if current else None
        if current is None:
            what = "was deleted meanwhile (Plans > Undo delete, or restore it from its history)"
        else:
            saved = current.saved_at.replace("T", " ")[:16]
            what = (f"was saved elsewhere meanwhile: version {current.version} of {saved} is "
                    f"current, and these changes started from version {base_version}")
        super().__init__(f"{plan.name!r} ({plan.id}) {what}; nothing was saved, so the other "
                         "changes are kept — open the plan again to see them, or save these "
                         "changes as a copy")


def _check_base(data: dict, plan: Plan, base_version: int) -> None:
    """Raise ``VersionConflict`` unless the stored current version of ``plan`` is
    ``base_version`` (0: the plan was never stored)."""
    row = _find(data.get("plans", {}), plan_id=plan.id)
    if row is not None and row["version"] == base_version:
        return
    if row is None and base_version == 0 and not _find(data.get("history", {}),
                                                       plan_id=plan.id):
        return
    current = None if row is None else PlanSummary(row["plan_id"], row["name"], row["version"],
                                                   row["saved_at"])
    raise VersionConflict(plan, base_version, current)


def _move_repaired_ids(data: dict) -> None:
    """Rows of plans an older Prospector stored under an unusable id (``""``, ``../x``) move to
    the id the plan gets when it is read, so saving it continues its history as one plan."""
    for table in ("plans", "history", "trash"):
        for row in data.get(table, {}).values():
            if not is_usable_id(row.get("plan_id")) and isinstance(row.get("plan_id"), str):
                row["plan_id"] = repaired_plan_id(row["plan_id"])


def _find(table: dict, **match) -> dict | None:
    return next((row for row in table.values()
                 if all(row.get(k) == v for k, v in match.items())), None)


def _store_chunks(chunks: dict, new_items: dict[str, dict], hist: dict) -> None:
    """Add the items not stored yet and drop the ones no kept version refers to."""
    referenced = set().union(*(_refs(h["plan"]) for h in hist.values()))
    present = {}
    for key, chunk in list(chunks.items()):
        if chunk["h"] in referenced:
            present[chunk["h"]] = key
        else:
            del chunks[key]
    next_key = _next_key(chunks)
    for h, item in new_items.items():
        if h not in present:
            chunks[str(next_key)] = {"h": h, "item": item}
            present[h] = str(next_key)
            next_key += 1


def _next_key(table: dict) -> int:
    return max((int(k) for k in table), default=0) + 1


def _upsert(table: dict, record: dict) -> None:
    for key, row in table.items():
        if row.get("plan_id") == record["plan_id"]:
            table[key] = record
            return
    table[str(_next_key(table))] = record


def _prune_history(hist: dict, plan_id: str, keep: int) -> None:
    mine = sorted((k for k, v in hist.items() if v["plan_id"] == plan_id),
                  key=lambda k: hist[k]["version"], reverse=True)
    for key in mine[keep:]:
        del hist[key]
