"""What the leader typed since the last save, on disk at every keystroke.

The app saves a moment after typing stops (``ui/autosave.py``); a process killed in that moment
(a crash in a library, the session ended, ``kill -9``) lost what was typed since. Each value the
leader sets is therefore also appended to a small file of this window's own,
``unsaved-<plan id>-<process id>-<n>.jsonl`` in the store's folder, one JSON line a value, written
straight to the file (no buffer: a killed process loses no line it wrote; the store's own saves
are what is fsynced). Each save drops the lines it holds (``saved``); a window closed normally
removes its file. When a plan is opened and a file of it is left by a process that no longer
runs (its lock is free), its values are set again (``recover``), then the file is removed.

A cell of a table being typed in (its text is stored in the plan at Enter) is kept too, as a
``draft`` line at each keystroke (a value, or a weekly figure), carried over each save until
the cell closes; a cell closed without storing its text (Escape) has the file written anew
without it.

Values are kept, and rows added (with their contents), removed and moved, the weekly figures
typed in the actuals' grid (``figures``: each figure set or cleared, by its rep, week and target)
and whole sections replaced (``sections``: an accounts import, a qualification framework). Those
too large for a line (an import of 100,000 CRM facts, a merge) are a ``structure`` line naming
them, after which no row's change by its place is set again unless it was saved (a row's place
may be another without it); what is not set again is listed for the leader and its file kept
aside.

The lock is ``fcntl.flock`` where there is one (Linux, macOS): the kernel frees it when the
process dies, however it dies. Elsewhere a file is taken as left once its process is gone.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
import re
import stat
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic_core import to_jsonable_python

from ..atomic import atomic_write_bytes

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

PREFIX = "unsaved-"
MAX_LINE_BYTES = 8_000_000  # sections replaced (5,000 accounts imported: about 3 MB) are kept
#                             whole up to this; a longer line is only named, and one read
#                             longer is not ours and is not read


_opened = itertools.count(1)  # this process's files, one a plan opened


def spare_folder(folder: Path, *, make: bool = False) -> Path | None:
    """Where a window keeps its file when the data folder takes none (read-only, full): a
    folder of this user's own in the system's temporary folder, one per data folder; None
    where there is none, or it is not safely this user's alone (another user's, a link)."""
    key = hashlib.sha256(str(Path(folder).resolve()).encode()).hexdigest()[:16]
    owner = os.getuid() if hasattr(os, "getuid") else 0
    spare = Path(tempfile.gettempdir()) / f"prospector-unsaved-{owner}-{key}"
    try:
        if make:
            spare.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(spare)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or (hasattr(os, "getuid") and (
            info.st_uid != owner or info.st_mode & 0o077)):
        return None
    return spare


def _tidy(folder: Path) -> None:
    """A spare folder left empty goes (a data folder never: ``rmdir`` of it is not tried)."""
    if folder.name.startswith("prospector-unsaved-") and folder.parent == Path(
            tempfile.gettempdir()):
        try:
            folder.rmdir()
        except OSError:
            pass  # it holds another window's file


def _name(plan_id: str) -> str:
    # ids are [A-Za-z0-9_.-] (prospector/fields.py): kept as they are, so that two plans never
    # share a name ("plan.a" and "plan_a" did); anything else is written out, not replaced
    return re.sub(r"[^A-Za-z0-9_.-]", lambda m: f"%{ord(m.group()):x}", plan_id)


def _locked_elsewhere(fd: int) -> bool:
    """Whether another process holds ``fd``'s file (True: leave it)."""
    if fcntl is None:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    return False


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _line(record: dict) -> bytes:
    return (json.dumps(record, ensure_ascii=False, default=to_jsonable_python) + "\n").encode()


class UnsavedEdits:
    """One window's file of values set since its last save. ``value`` and ``structure`` are
    called by the GUI thread at each edit; ``mark`` when a save takes its snapshot; ``saved``
    (any thread) when that save is on disk. Never raises: a file that cannot be written is
    logged, and the store's saves go on as before."""

    def __init__(self, folder: Path, plan_id: str, base: int | None = None) -> None:
        self.path = Path(folder) / f"{PREFIX}{_name(plan_id)}-{os.getpid()}-{next(_opened)}.jsonl"
        self._lock = threading.Lock()
        self._count = 0          # lines written so far (the number of the last one)
        self._kept: list[tuple[int, bytes]] = []  # the lines no save holds yet
        self._fd: int | None = None
        self._base = base      # the stored version the lines are edits of
        self._broken = False   # a line could not be written: the file is written anew
        self._draft: bytes | None = None  # the line of the cell being typed in, if any
        self._drafted = False  # draft lines written since the file was last written anew
        for place in (Path(folder), None):  # a data folder that takes no file (read-only,
            place = place or spare_folder(folder, make=True)  # full): the spare folder
            if place is None:
                break
            self.path = place / self.path.name
            try:
                self._fd = self._open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
                os.write(self._fd, _line({"n": 0, "base": base}))
                break
            except OSError as exc:
                log.warning("cannot keep unsaved edits in %s: %s", self.path, exc)
                if self._fd is not None:
                    os.close(self._fd)
                    self._fd = None

    @staticmethod
    def _open(path: Path, flags: int) -> int:
        fd = os.open(path, flags | os.O_APPEND, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            raise
        return fd

    def value(self, path: Sequence, value: Any, row: str | None = None) -> None:
        """A field set to ``value`` (as the plan holds it); ``row``: the row a path names by
        its place, as the leader knew it (``editing.place_label``), to name it if it cannot
        be made again."""
        self._write({"path": list(path), "value": value} | ({} if row is None else {"row": row}))

    def inserted(self, path: Sequence, items: Sequence[tuple[int, Any]],
                 references: Sequence[tuple[Sequence, Any]] = ()) -> None:
        """Items (parts of the plan) put at their indexes, ascending, in the list at ``path``,
        and the references to them set again (an undone removal): ``(path, value)``."""
        self._write({"insert": list(path), "items": [[i, item] for i, item in items],
                     "references": [[list(p), value] for p, value in references]})

    def removed(self, path: Sequence, items: Sequence[tuple[int, str | None, str]],
                references: Sequence[tuple[Sequence, Any]] = ()) -> None:
        """The items of the list at ``path`` removed, each as ``(index, id, name)`` (the id and
        name let a start remove the same row where its place changed, and name it), and the
        references to them, each ``(path, value after)``, cleared with them."""
        self._write({"remove": list(path), "indexes": [i for i, _id, _name in items],
                     "ids": [item_id for _i, item_id, _name in items],
                     "names": [name for _i, _id, name in items],
                     "references": [[list(p), value] for p, value in references]})

    def moved(self, path: Sequence, source: int, target: int, keep: str | None,
              name: str = "") -> None:
        self._write({"move": list(path), "source": source, "target": target, "keep": keep,
                     "name": name})

    def figures(self, entered: Sequence[Any], cleared: Sequence[Sequence[str]]) -> None:
        """Weekly figures entered (``WeeklyFigure``, each replacing the one of its rep, week and
        target) and cleared (``(rep id, week, target)``), in the actuals' grid."""
        self._write({"figures": list(entered), "cleared": [list(c) for c in cleared]})

    def draft(self, path: Sequence, value: Any) -> None:
        """The cell at ``path`` is being typed in and reads ``value`` (not yet in the plan)."""
        self._drafting({"draft": True, "path": list(path), "value": value})

    def draft_figures(self, entered: Sequence[Any], cleared: Sequence[Sequence[str]]) -> None:
        """A cell of the weekly grid is being typed in: the figure it reads (``figures``)."""
        self._drafting({"draft": True, "figures": list(entered),
                        "cleared": [list(c) for c in cleared]})

    def _drafting(self, record: dict) -> None:
        with self._lock:
            try:
                self._draft = _line(record)
            except (TypeError, ValueError):
                return
            self._drafted = True
            if self._fd is None:
                return
            if self._broken and self._rewrite():
                return
            try:
                if os.write(self._fd, self._draft) != len(self._draft):
                    raise OSError("short write")
            except OSError as exc:
                log.warning("cannot keep a cell being typed in %s: %s", self.path, exc)
                self._broken = True

    def draft_ended(self) -> None:
        """The cell closed: its text stored in the plan (a value line came after its drafts) or
        given up (Escape). Either way its draft lines go."""
        with self._lock:
            self._draft = None
            if self._drafted and self._fd is not None:
                self._rewrite()
            self._drafted = False

    def replaced(self, sections: Mapping[str, Any]) -> None:
        """Whole sections put in place (an accounts import, a qualification framework chosen,
        their undo), as plan-file data: kept whole where the line holds them
        (``MAX_LINE_BYTES``), else only named (``structure``)."""
        self._write({"sections": dict(sections)})

    def structure(self, sections: Sequence[str] = ()) -> None:
        """Sections replaced (a merge, the CRM facts): too big to keep here, only named; no
        row's change by its place after it is set again unless it is saved."""
        self._write({"structure": True, "sections": list(sections)})

    def _write(self, record: dict) -> None:
        with self._lock:
            self._count += 1
            try:
                data: bytes | None = _line({"n": self._count, **record})
            except (TypeError, ValueError) as exc:  # a value JSON cannot hold: a structure
                log.warning("unsaved edit not kept: %s", exc)
                data = None
            if data is None or len(data) > MAX_LINE_BYTES:
                data = _line({"n": self._count, "structure": True,
                              "sections": sorted(record.get("sections", ()))})
            self._kept.append((self._count, data))
            if self._fd is not None:
                if self._broken and self._rewrite():  # a hole: the file anew, with this line
                    return
                try:  # (a file that cannot be written anew still takes lines: the start that
                    #    reads it sees the hole and makes again only what is named by ids)
                    if os.write(self._fd, data) != len(data):
                        raise OSError("short write")
                except OSError as exc:
                    log.warning("cannot keep an unsaved edit in %s: %s", self.path, exc)
                    self._broken = True

    def mark(self) -> int:
        """The number of the last line written: a snapshot taken now holds up to it."""
        with self._lock:
            return self._count

    def saved(self, upto: int, version: int | None = None) -> None:
        """The snapshot of ``mark() == upto`` is saved: the file keeps the lines after it only
        (written anew beside it, locked, then moved over it)."""
        with self._lock:
            self._kept = [(n, data) for n, data in self._kept if n > upto]
            if version is not None:
                self._base = version
            if self._fd is not None:
                self._rewrite()

    def _rewrite(self) -> bool:
        """The file written anew from the lines kept (under ``self._lock``). Whether it was: a
        folder that cannot take a new file (read-only, full) leaves the file as it was, which
        still takes lines (``_write``): typing is never dropped for want of a rewrite."""
        temp = self.path.with_name(self.path.name + ".new")
        fd = None
        try:
            fd = self._open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            data = (_line({"n": 0, "base": self._base}) + b"".join(d for _n, d in self._kept)
                    + (self._draft or b""))
            if os.write(fd, data) != len(data):
                raise OSError("short write")
            os.replace(temp, self.path)
        except OSError as exc:
            log.warning("cannot write %s anew: %s", self.path, exc)
            if fd is not None:
                os.close(fd)
            return False
        if self._fd is not None:
            os.close(self._fd)
        self._fd, self._broken = fd, False
        self._drafted = self._draft is not None
        return True

    def close(self) -> None:
        """The window is closing: the file goes if every line is saved, else it stays for the
        next start to set its values again."""
        with self._lock:
            if self._fd is None:
                return
            if not self._kept and self._draft is None:
                try:
                    self.path.unlink()
                except OSError:
                    pass
                _tidy(self.path.parent)
            os.close(self._fd)
            self._fd = None


@dataclass
class Left:
    """What a process that ended without saving left: its edits, in order (``runs``), and its
    files (removed once they are set again: ``discard``)."""

    # every edit in order, with whether it is left out (a row named by its place
    # after sections not kept; sections not kept are ``{"structure": True, "sections": [their
    # names]}``)
    order: list[tuple[bool, dict]] = field(default_factory=list)
    rows: dict[tuple, str] = field(default_factory=dict)  # a path by place -> its row's words
    files: list[Path] = field(default_factory=list)
    folder: Path | None = None  # the data folder (the files may be in its spare folder)

    @property
    def edits(self) -> list[dict]:
        """The edits to make again, in order."""
        return [edit for skip, edit in self.order if not skip]

    @property
    def values(self) -> list[tuple[tuple, Any]]:
        """Every value set, in order (``(path, value)``)."""
        return [(tuple(e["path"]), e["value"]) for e in self.edits if "path" in e]

    def latest(self) -> dict[tuple, Any]:
        """Each field's last value, in the order the fields were last set."""
        return _latest(self.values)

    def runs(self) -> list[dict[Any, Any]]:
        """The edits to make again, in order: a row's change (a record with ``insert``,
        ``remove`` or ``move``) and weekly figures (``figures``) stand alone; the values set
        between two of them are one mapping of each field to its last value (typing a name is
        one value, not 30)."""
        return _runs(self.edits)

    def steps(self) -> list[tuple[bool, dict[Any, Any]]]:
        """Every run, made again or left out, in the order they were made: ``(left out,
        run)``."""
        out: list[tuple[bool, dict[Any, Any]]] = []
        for skip, group in itertools.groupby(self.order, key=lambda pair: pair[0]):
            out += [(skip, run) for run in _runs([edit for _skip, edit in group])]
        return out

    def discard(self) -> None:
        for path in self.files:
            try:
                path.unlink()
            except OSError as exc:
                log.warning("cannot remove %s: %s", path, exc)
            _tidy(path.parent)

    def keep_aside(self) -> list[Path]:
        """Some edits were not set again: the files are kept, renamed so that no start sets
        them again (``unsaved-<plan>-<pid>-<n>.not-restored-<time>.jsonl``, never over another
        file), in the data folder (a file of the spare folder is moved there once the data
        folder takes it: the temporary folder may be emptied at the next boot). Where they now
        are (a file that can be neither moved nor renamed stays where it was)."""
        kept = []
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for path in self.files:
            target = path
            for place in dict.fromkeys(p for p in (self.folder, path.parent) if p is not None):
                target = _linked(path, place, stamp)
                if target != path:
                    break
            if target != path:
                try:
                    path.unlink()
                except OSError as exc:
                    log.warning("cannot remove %s: %s", path, exc)
                _tidy(path.parent)
            kept.append(target)
        return kept


def _linked(path: Path, place: Path, stamp: str) -> Path:
    """``path`` linked into ``place`` as not restored (never over another file); ``path``
    itself where it cannot be."""
    for attempt in itertools.count(1):
        suffix = f".not-restored-{stamp}" + (f"-{attempt}" if attempt > 1 else "")
        target = place / (path.stem + suffix + path.suffix)
        try:
            os.link(path, target)  # fails where the name is taken: nothing overwritten
        except FileExistsError:
            continue
        except OSError as exc:  # another file system (the temporary folder's): a copy
            if target.exists():
                continue
            try:
                atomic_write_bytes(target, path.read_bytes(), private=True)
            except OSError:
                log.warning("cannot keep %s aside in %s: %s", path, place, exc)
                return path
        return target
    raise AssertionError("unreachable")


def by_place(edit: dict) -> bool:
    """Whether ``edit`` names a row by its place only: a move, a field of a cadence's step (by
    its index), rows added without ids or removed without theirs (an older file)."""
    if "path" in edit:
        return any(type(part) is int for part in edit["path"])
    if "insert" in edit:
        return not all(isinstance(item, dict) and isinstance(item.get("id"), str)
                       for _index, item in edit["items"])
    if "remove" in edit:
        ids = edit.get("ids")
        return not (isinstance(ids, list) and all(isinstance(i, str) for i in ids))
    return "move" in edit


def _runs(edits: Sequence[dict]) -> list[dict[Any, Any]]:
    out: list[dict[Any, Any]] = []
    values: list[tuple[tuple, Any]] = []
    for edit in edits:
        if "path" in edit:
            values.append((tuple(edit["path"]), edit["value"]))
            continue
        if values:
            out.append(_latest(values))
            values = []
        if edit.get("draft") and out and out[-1].get("draft") and "figures" in out[-1]:
            out[-1] = edit  # one grid cell typed in: its figure as it last read ("38", not "3")
            continue
        out.append(edit)
    if values:
        out.append(_latest(values))
    return out


def _latest(values: Sequence[tuple[tuple, Any]]) -> dict[tuple, Any]:
    last: dict[tuple, Any] = {}
    for path, value in values:
        last.pop(path, None)
        last[path] = value
    return last


def _edit(record: dict) -> dict | None:
    """``record`` if it is a whole edit of ours (a value, an insertion, a removal, a move,
    weekly figures)."""
    if "figures" in record:
        cleared = record.get("cleared")
        if isinstance(record["figures"], list) and all(
                isinstance(f, dict) for f in record["figures"]) and isinstance(cleared, list) \
                and all(isinstance(c, list) and len(c) == 3 and all(isinstance(p, str) for p in c)
                        for c in cleared):
            return record
        return None
    if "sections" in record and not record.get("structure"):
        sections = record["sections"]
        return record if isinstance(sections, dict) and sections and all(
            isinstance(key, str) for key in sections) else None
    for key in ("path", "insert", "remove", "move"):
        if key in record and not (isinstance(record[key], list) and all(
                isinstance(p, (str, int)) and not isinstance(p, bool) for p in record[key])):
            return None
    if "items" in record and not (isinstance(record["items"], list) and all(
            isinstance(i, list) and len(i) == 2 and type(i[0]) is int for i in record["items"])):
        return None
    if "indexes" in record and not (isinstance(record["indexes"], list)
                                    and all(type(i) is int for i in record["indexes"])):
        return None
    if "references" in record and not (isinstance(record["references"], list) and all(
            isinstance(r, list) and len(r) == 2 and isinstance(r[0], list) and r[0] and all(
                isinstance(p, (str, int)) and not isinstance(p, bool) for p in r[0])
            for r in record["references"])):
        return None
    for key in ("ids", "names"):
        if key in record and not (isinstance(record[key], list) and len(record[key]) == len(
                record.get("indexes", ())) and all(v is None or isinstance(v, str)
                                                   for v in record[key])):
            return None
    if isinstance(record.get("path"), list) and "value" in record:
        return record
    if isinstance(record.get("insert"), list) and isinstance(record.get("items"), list):
        return record
    if isinstance(record.get("remove"), list) and isinstance(record.get("indexes"), list):
        return record
    if isinstance(record.get("move"), list) and isinstance(record.get("source"), int) \
            and isinstance(record.get("target"), int):
        return record
    return None


def recover(folder: Path, plan_id: str, version: int | None | bool = False) -> Left:
    """The edits left for ``plan_id`` by windows that ended without saving them (their files
    no process holds, in the data folder or its spare one), oldest file first, in
    ``Left.order``. Left out there: sections too large for the file (a merge, the CRM facts:
    ``structure``) and, after them, a row's change named only by its place (a move; an
    insertion, a removal or a field of a row without an id: a cadence's step, a contact):
    without them, that place may be another row's. Values of items
    named by their ids, rows added or removed by their ids, weekly figures and sections kept
    whole are made again (the plan refuses a value whose row is not there). With ``version``
    (the stored version the plan is opened at), a file whose edits are of another version
    (saved since, by this window before it died or by another) has no row's change by its
    place and no whole section made again either (it would undo the other save's)."""
    left = Left(folder=Path(folder))
    pattern = re.compile(re.escape(PREFIX + _name(plan_id)) + r"-(\d+)-\d+\.jsonl")
    names = []
    for place in (Path(folder), spare_folder(folder)):  # (a read-only data folder's spare)
        try:
            names += [place / name for name in sorted(os.listdir(place))] if place else []
        except OSError:
            continue
    files = []
    for path in names:
        match = pattern.fullmatch(path.name)
        if not match or (fcntl is None and int(match.group(1)) == os.getpid()):
            continue
        try:
            fd = os.open(path, os.O_RDWR)
        except OSError:
            continue
        try:
            if _locked_elsewhere(fd) or (fcntl is None and _running(int(match.group(1)))):
                continue
            files.append((os.fstat(fd).st_mtime, path, _read(fd)))
        finally:
            os.close(fd)
    for _mtime, path, records in sorted(files, key=lambda f: f[0]):
        left.files.append(path)
        stale = version is not False and not (
            records and records[0].get("n") == 0 and records[0].get("base") == version)
        last = None
        placed = not stale  # rows named by their place are the plan's rows (else: skipped)
        for record in records:
            n = record.get("n")
            if n == 0 and "base" in record:
                continue
            if record.get("draft") is not True:  # (a cell being typed in: its text as it was)
                if type(n) is not int or (last is not None and n != last + 1):
                    placed = False  # a line lost (disk full): it may have been a row's
                last = n if type(n) is int else last
                if record.get("structure"):
                    named = record.get("sections")
                    left.order.append((True, {"structure": True, "sections": named if isinstance(
                        named, list) and all(isinstance(k, str) for k in named) else []}))
                    placed = False
                    continue
            if (edit := _edit(record)) is None:
                continue
            if "path" in edit and isinstance(edit.get("row"), str):
                left.rows[tuple(edit["path"])] = edit["row"]
            if "sections" in edit:  # whole: right whatever came before, unless over another
                if stale:           # window's save (it would undo theirs)
                    left.order.append((True, {"structure": True,
                                              "sections": sorted(edit["sections"])}))
                else:
                    left.order.append((False, edit))
                continue
            if not placed and by_place(edit):
                # a row named by its place (a move, a cadence's step's field, a row without an
                # id), which what was not made again may have moved; a value named by ids (the
                # plan refuses it where the row is not there), rows added or removed by their
                # ids and a weekly figure (by its rep, week and target) are still made again
                left.order.append((True, edit))
                continue
            left.order.append((False, edit))
    return left


def _read(fd: int) -> list[dict]:
    """The file's whole JSON lines (a last line cut by the kill is left out)."""
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    records = []
    for raw in b"".join(chunks).split(b"\n"):
        if not raw or len(raw) > MAX_LINE_BYTES:
            continue
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict):
            records.append(record)
    return records


def _running(pid: int) -> bool:  # pragma: no cover - only without fcntl
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
