"""Which plan a command means: PLAN on the command line is a plan file or a stored plan's name or
id. Shared by the verbs of ``prospector.cli`` and ``prospector.commands`` and by the app's
``prospector PLAN``; warnings (a store recovered, an older plan repaired) go to stderr."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ProspectorError
from .model import Plan
from .planfile import FILE_UNCHANGED, read_plan_file_noting, write_plan_file

if TYPE_CHECKING:  # the store (TinyDB, the file lock: ~40 modules) is imported for a stored
    from .store import PlanStore, PlanSummary  # plan only: a plan file needs none of it


def warn_notices(store: PlanStore) -> None:
    """Print what the store had to tell (recovered, repaired) as warnings, once."""
    for notice in [*store.notices, *store.repairs]:
        print(f"prospector: warning: {notice}", file=sys.stderr)
    store.notices.clear()
    store.repairs.clear()


def read_plan_file_warning(path: str | os.PathLike, after: str = FILE_UNCHANGED) -> Plan:
    """``read_plan_file``, printing a warning for what an older file needed repaired."""
    plan, told = read_plan_file_noting(path, after)
    if told:
        print(f"prospector: warning: {told}", file=sys.stderr)
    return plan


_opened: list[PlanStore] = []  # the stores this command opened, for warn_pending


def open_store() -> PlanStore:
    from .store import PlanStore, default_data_dir  # noqa: PLC0415 - see TYPE_CHECKING above

    store = PlanStore(default_data_dir())
    _opened.append(store)
    return store


def warn_pending() -> None:
    """Print what the stores this command opened had to tell and nobody printed yet: a command
    that fails after the store was recovered (the plan asked for was in the damaged file) must
    still say that the store was recovered and where the damaged file is."""
    for store in _opened:
        warn_notices(store)
    _opened.clear()


def looks_like_file(ref: str, store: PlanStore | None = None) -> bool:
    """PLAN names a plan file: a file that exists, or a path-like PLAN (ending in .json or
    holding a folder separator) that is not the name or id of a stored plan: a plan named
    "EMEA/DACH H1" is found in the store by every verb, as ``history`` always did."""
    if _is_file(ref):
        return True
    separators = {os.sep, os.altsep or os.sep}
    if not (ref.lower().endswith(".json") or any(sep in ref for sep in separators)):
        return False
    return not _is_stored_plan(ref, store)


def _is_file(ref: str) -> bool:
    try:
        return Path(ref).is_file()
    except (OSError, ValueError):  # a name too long for a path (ENAMETOOLONG), a NUL in it
        return False


def _is_stored_plan(ref: str, store: PlanStore | None) -> bool:
    from .store import STORE_FILE, default_data_dir  # noqa: PLC0415 - see TYPE_CHECKING above

    wanted = ref.strip()
    try:
        if store is None:
            if not (default_data_dir() / STORE_FILE).exists():
                return False
            store = open_store()
        return any(s.id == wanted or s.name.casefold() == wanted.casefold()
                   for s in store.list_plans())
    except ProspectorError:  # a store that cannot be read: PLAN is then taken as the file named
        return False


def resolve_plan(ref: str, store: PlanStore | None = None) -> Plan:
    """PLAN on the command line: a plan file path, or a stored plan's name or id."""
    if looks_like_file(ref, store):
        return read_plan_file_warning(ref)
    store = store or open_store()
    summary = store.find(ref)
    plan = store.load(summary.id)
    warn_notices(store)
    return plan


@dataclass
class PlanToChange:
    """A plan a command changes, and how to save it without overwriting a newer save: a stored
    plan gets a new version only if no other save made one since it was read; a plan file is
    rewritten only if no other program changed it since."""

    ref: str
    plan: Plan
    store: PlanStore | None  # None: a plan file
    read: PlanSummary | str  # the version read, or the file's fingerprint

    def save_import(self, new_plan: Plan, note: str, *, during: str, then: str) -> None:
        """Save what an import made of the plan and print where. ``during`` and ``then`` name
        the import in a refusal: "while {during}" and "run the import again to {then}"."""
        if self.store is None:
            if _fingerprint(self.ref) != self.read:
                raise ProspectorError(f"{self.ref}: the file was changed by another program "
                                      f"while {during}; nothing was written, so those changes "
                                      "are kept: run the import again")
            print(f"Wrote {write_plan_file(new_plan, self.ref)}.")
            return
        from .store import PlanSummary, VersionConflict  # noqa: PLC0415 - as above

        assert isinstance(self.read, PlanSummary)
        try:  # refused if the app or another command saved the plan since it was read
            version = self.store.save(new_plan, note=note, base_version=self.read.version)
        except VersionConflict as exc:
            raise ProspectorError(f"{exc.args[0].split('; nothing was saved')[0]}; nothing was "
                                  "imported, so those changes are kept: run the import again "
                                  f"to {then}") from None
        warn_notices(self.store)
        print(f"Saved {self.plan.name!r} as version {version} (`prospector history` lists the "
              "earlier ones).")


def plan_to_change(ref: str, after: str) -> PlanToChange:
    """PLAN, read to be changed (``after``: what a warning about a repaired file adds)."""
    if looks_like_file(ref):
        read = _fingerprint(ref)  # before reading: a save in between is then noticed
        return PlanToChange(ref, read_plan_file_warning(ref, after), None, read)
    store = open_store()
    summary = store.find(ref)
    plan = store.load(summary.id)
    warn_notices(store)
    return PlanToChange(ref, plan, store, summary)


def _fingerprint(path: str) -> str:
    """The plan file's contents, as a digest: a save elsewhere changes it."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return ""
