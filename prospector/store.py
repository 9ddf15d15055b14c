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
file starts with the SHA-256 of its contents (``{"checksum": ...}``); the previous file is kept as
``plans.json.bak`` (a hard link, so it costs no copy); a file that does not parse or does not match
its checksum is moved aside with a timestamp, reported in ``notices`` and never overwritten, and the
last good version is recovered from the backup; a lock file serialises writers across processes.
Only the owner can read the store: the folder is 0700 and every file the store writes in it 0600.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs
from filelock import FileLock, Timeout
from tinydb import Query, TinyDB
from tinydb.storages import Storage

from .atomic import atomic_write_bytes, fsync_folder
from .errors import PlanFileError, PlanNotFound, StoreError
from .model import Plan, new_id
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
        if not isinstance(data, dict):
            raise CorruptStoreFile("the file does not hold a plan store")
        data.pop("checksum", None)  # a store file edited by hand: not verified
        unknown = sorted(set(data) - STORE_TABLES)
        if unknown:
            raise CorruptStoreFile(f"the file holds {unknown[0][:40]!r}, which is not part of a "
                                   "plan store")
        return data

    def write(self, data: dict) -> None:
        # A lone surrogate cannot be UTF-8; the model refuses them, but old versions kept in the
        # history may hold one (schema 2 allowed it). "backslashreplace" writes it as the JSON
        # escape \udXXX (it can only occur inside a string), so it reads back as it was.
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(
            "utf-8", "backslashreplace")
        if self.backup and self.path.exists():
            _keep_as_backup(self.path, self.backup)
        atomic_write_bytes(self.path, _with_checksum(payload), private=True)
        self._data = data

    def close(self) -> None:
        pass


# The file starts with the SHA-256 of the rest of the store: {"checksum":"<64 hex>",...}. A file
# that parses as JSON can still be damaged (a flipped bit in a goal or in a step's day reads back
# as another plan, or as one that no longer validates); the checksum tells, and the store is then
# recovered from the backup like a file that does not parse.
STORE_TABLES = frozenset({"meta", "plans", "history", "chunks", "trash"})
_CHECKSUM = b'{"checksum":"'


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


def _keep_as_backup(current: Path, backup: Path) -> None:
    """Make ``backup`` the file as it is now, atomically (hard link; copy where links fail)."""
    tmp = backup.with_name(f".{backup.name}.{os.getpid()}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        os.link(current, tmp)
        _owner_only(tmp)  # the same file as ``current``: one written by an older version was 0644
        os.replace(tmp, backup)
        fsync_folder(backup.parent)
    except OSError:
        tmp.unlink(missing_ok=True)
        atomic_write_bytes(backup, current.read_bytes(), private=True)


# Permissions: the data folder is 0700 and every file the store writes in it (plans.json, its
# backup, the lock, a damaged file moved aside) 0600, whatever the umask; see atomic.py (private).
# What Prospector writes in its data folder: the store, and the logs of the CLI and of the app.
_STORE_NAMES = (STORE_FILE, STORE_FILE + ".bak", STORE_FILE + ".lock", "crash.log",
                "prospector.log", "prospector.log.1")


def _make_private_folder(folder: Path) -> None:
    """Create ``folder`` readable by its owner only. An existing one is tightened when it is
    Prospector's own: the platform's data folder for Prospector, or one holding nothing but
    Prospector's files (a folder the user chose that holds other files is left as it is)."""
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
        for name in ["", *ours]:  # the folder, then what an older version wrote 0644 in it
            _owner_only(folder / name)


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
            _make_private_folder(self.folder)
        except OSError as exc:
            raise StoreError(
                f"{self.folder}: cannot create the data folder ({exc.strerror}); "
                "choose another with --data-dir or PROSPECTOR_DATA_DIR"
            ) from None
        self._lock = FileLock(str(self.folder / (STORE_FILE + ".lock")), timeout=LOCK_TIMEOUT_S,
                              mode=0o600)

    # --- plumbing ------------------------------------------------------------------------------
    @contextmanager
    def _db(self) -> Iterator[TinyDB]:
        try:
            with self._lock:
                db = TinyDB(str(self.path), storage=AtomicJSONStorage,
                            backup=str(self.backup_path))
                self._recover_if_corrupt(db.storage)  # parses the file, once for this session
                try:
                    yield db
                finally:
                    db.close()
        except Timeout:
            raise StoreError(
                f"{self.path}: another Prospector is busy with this store; try again in a moment"
            ) from None
        except OSError as exc:
            raise StoreError(f"{self.path}: could not save ({exc.strerror or exc}); "
                             "nothing was changed — free some disk space and try again") from None

    def _recover_if_corrupt(self, storage: AtomicJSONStorage) -> None:
        try:
            storage.read()
            return
        except CorruptStoreFile as exc:
            reason = str(exc)
        storage.forget()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        aside = self.folder / f"plans.corrupt-{stamp}.json"
        n = 1
        while aside.exists():
            n += 1
            aside = self.folder / f"plans.corrupt-{stamp}-{n}.json"
        os.replace(self.path, aside)
        _owner_only(aside)
        fsync_folder(self.folder)
        message = f"{self.path} could not be read ({reason}); it was moved aside to {aside.name}"
        try:
            good = AtomicJSONStorage(str(self.backup_path)).read()
        except CorruptStoreFile:
            good = None
        if good is not None:
            atomic_write_bytes(self.path, self.backup_path.read_bytes(), private=True)
            message += " and the last good version was recovered from the backup"
        else:
            message += "; no good backup was found, so the store starts empty"
        self.notices.append(message)

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
    def save(self, plan: Plan, note: str = "") -> int:
        """Store ``plan`` as its newest version and return the version number."""
        skeleton, items = _split(plan_to_document(plan))
        with self._db() as db:
            data = db.storage.read() or {}
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
        with self._db() as db:
            data = db.storage.read() or {}
            row = _find(data.get("plans", {}), plan_id=plan_id)
            if row is None:
                raise PlanNotFound(f"no stored plan has the id {plan_id!r}")
            data["plans"] = {k: v for k, v in data["plans"].items() if v["plan_id"] != plan_id}
            trash = data.setdefault("trash", {})
            trash[str(_next_key(trash))] = dict(row, deleted_at=_now())
            db.storage.write(data)

    def undelete(self, plan_id: str) -> Plan:
        with self._db() as db:
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
