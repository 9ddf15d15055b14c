"""``PlanStore``: the plans of one user, with their history; what the app and the CLI call."""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB

from ..actuals.fact_log import FACTS_PER_BLOCK
from ..collector import collection_paused
from ..errors import PlanFileError, PlanNotFound, StoreError
from ..messages import Note, Number, Quoted, joined
from ..migrations import repaired_plan_id
from ..model import Plan, is_usable_id, new_id
from ..planfile import describe_repairs, plan_from_document
from .folder import default_data_dir
from .history import (
    LostBlock,
    Row,
    add_version,
    find_version,
    kept_versions,
    next_version,
    split,
    version_document,
)
from .layout import HISTORY, META, PLANS, STORE_VERSION, TRASH
from .session import StoreFiles

DEFAULT_HISTORY_LIMIT = 30


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
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


class PlanStore:
    """All plans of one user, in one folder. Safe to use from several processes at once."""

    def __init__(self, folder: str | os.PathLike | None = None,
                 history_limit: int = DEFAULT_HISTORY_LIMIT) -> None:
        self._files = StoreFiles(Path(folder).expanduser() if folder else default_data_dir())
        self.folder = self._files.folder
        self.path = self._files.path
        self.backup_path = self._files.backup_path
        self.history_limit = max(20, history_limit)
        self.notices = self._files.notices  # recoveries to tell the user about
        self.repairs: list[str] = []  # plans opened with values an older version allowed

    def _db(self, *, writing: bool = False) -> AbstractContextManager[TinyDB]:
        """A session with the store's tables. A writing session is written to the file once,
        atomically, when it ends (every table operation in it: one save, one write), and not at
        all if it raises."""
        return self._files.session(writing=writing)

    # --- reading -------------------------------------------------------------------------------
    def list_plans(self) -> list[PlanSummary]:
        with self._db() as db:
            rows = db.table(PLANS).all()
        summaries = [PlanSummary(r["plan_id"], r["name"], r["version"], r["saved_at"])
                     for r in rows]
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
        # no cycle collection while the plan is read: with 100,000 facts the collector's full
        # passes walked the growing heap three or four times, 0.2-0.27 s each (nothing read
        # here makes cycles; the app's window then leaves the plan out of the collector)
        with collection_paused():
            with self._db() as db:
                row = db.table(PLANS).get(Row.plan_id == plan_id)
                if row is None:
                    raise PlanNotFound(_no_plan(plan_id))
                doc = self._version_document(db, plan_id, row["version"])
            return self._plan_from(doc, plan_id, row["version"])

    def history(self, plan_id: str) -> list[PlanVersion]:
        with self._db() as db:
            rows = kept_versions(db, plan_id)
        if not rows:
            raise PlanNotFound(_no_plan(plan_id))
        versions = [PlanVersion(r["plan_id"], r["version"], r["saved_at"], r["name"],
                                r.get("note", "")) for r in rows]
        return sorted(versions, key=lambda v: v.version, reverse=True)

    def load_version(self, plan_id: str, version: int) -> Plan:
        with self._db() as db:
            doc = self._version_document(db, plan_id, version)
        return self._plan_from(doc, plan_id, version)

    def _version_document(self, db: TinyDB, plan_id: str, version: int) -> dict:
        entry = find_version(db, plan_id, version)
        if entry is None:
            kept = sorted((row["version"] for row in kept_versions(db, plan_id)),
                          reverse=True)
            if not kept:
                raise PlanNotFound(_no_plan(plan_id))
            listed = ", ".join(str(v) for v in kept[:10])
            raise PlanNotFound(Note("plan {plan} has no version {version} (kept: {kept})",
                                    plan=Quoted(plan_id), version=version, kept=listed))
        try:
            doc, lost = version_document(db, entry, self._files.fact_blocks)
        except KeyError:
            raise StoreError(Note("{source}: part of this version is missing from the store or "
                                  "damaged", source=self._source(plan_id, version))) from None
        if lost:
            self._files.tell(self._lost_facts(entry.get("name", plan_id), version, lost))
        return doc

    def _lost_facts(self, name: str, version: int, lost: list[LostBlock]) -> str:
        """What the user is told about blocks of facts that could not be read (the damaged
        ones moved aside, never overwritten): which facts, and how to get them back."""
        parts: list[str] = []
        for block in lost:
            first = block.index * FACTS_PER_BLOCK + 1
            which = (Note("facts {first}-{last}", first=Number(first),
                          last=Number(first + FACTS_PER_BLOCK - 1))
                     if block.index < block.count - 1 else
                     Note("facts {first} onwards (at most {most})", first=Number(first),
                          most=Number(FACTS_PER_BLOCK)))
            aside = self._files.fact_blocks.keep_aside(block.h)
            parts.append(Note("{which}: {why}; the file was moved aside to {aside}", which=which,
                              why=block.why, aside=str(aside)) if aside else
                         Note("{which}: {why}", which=which, why=block.why))
        return Note("{plan} (version {version}): some of its imported facts could not be read — "
                    "{parts}. The plan was opened without them: import the CRM export that held "
                    "them again to bring them back (facts already imported are not counted "
                    "twice)", plan=Quoted(name), version=version, parts=joined(parts))

    def _plan_from(self, doc: dict, plan_id: str, version: int) -> Plan:
        repairs: list[str] = []
        try:
            plan = plan_from_document(doc, self._source(plan_id, version), repairs)
        except PlanFileError as exc:
            raise StoreError(str(exc)) from None
        if repairs:
            self.repairs.append(describe_repairs(
                Note("{plan} (version {version})", plan=Quoted(plan.name), version=version),
                repairs, Note("Saving the plan keeps the repair; this version stays in the "
                              "plan's history.")))
        return plan

    def _source(self, plan_id: str, version: int) -> str:
        return f"{self.path} (plan {plan_id}, version {version})"

    # --- writing -------------------------------------------------------------------------------
    def save(self, plan: Plan, note: str = "", *, base_version: int | None = None) -> int:
        """Store ``plan`` as its newest version and return the version number.

        ``base_version`` is the version the caller's edits started from (0 for a plan that was
        never stored): if another save made a newer version meanwhile (another window, the
        command line), or the plan was deleted, nothing is saved and ``VersionConflict`` says
        which version is current. Without it the plan is saved whatever the store holds."""
        skeleton, items, fact_blocks = split(_document_without_facts(plan), plan.actuals.facts)
        with self._db(writing=True) as db:
            _move_repaired_ids(db)
            if base_version is not None:
                _check_base(db, plan, base_version)
            self._files.write_fact_blocks(fact_blocks)  # before the version that refers to them
            meta = db.table(META)
            if not len(meta):
                meta.insert({"store_version": STORE_VERSION})
            version = next_version(db, plan.id)
            saved_at = _now()
            db.table(PLANS).upsert({"plan_id": plan.id, "name": plan.name, "version": version,
                                    "saved_at": saved_at}, Row.plan_id == plan.id)
            add_version(db, {"plan_id": plan.id, "version": version, "saved_at": saved_at,
                             "name": plan.name, "note": note, "plan": skeleton},
                        items, keep=self.history_limit)
        return version

    def restore(self, plan_id: str, version: int) -> int:
        """Make an earlier version the current one (saved as a new version: nothing is lost)."""
        plan = self.load_version(plan_id, version)
        return self.save(plan, note=f"restored from version {version}")

    def delete(self, plan_id: str) -> None:
        """Move a plan to the trash (its history stays; ``undelete`` brings it back)."""
        with self._db(writing=True) as db:
            plans = db.table(PLANS)
            row = plans.get(Row.plan_id == plan_id)
            if row is None:
                raise PlanNotFound(_no_plan(plan_id))
            plans.remove(Row.plan_id == plan_id)
            db.table(TRASH).insert(dict(row, deleted_at=_now()))

    def undelete(self, plan_id: str) -> Plan:
        with self._db(writing=True) as db:
            trash = db.table(TRASH)
            row = trash.get(Row.plan_id == plan_id)
            if row is None:
                raise PlanNotFound(f"no deleted plan has the id {plan_id!r}")
            doc = self._version_document(db, plan_id, row["version"])
            plan = self._plan_from(doc, plan_id, row["version"])  # before anything changes
            trash.remove(Row.plan_id == plan_id)
            db.table(PLANS).upsert({k: row[k] for k in ("plan_id", "name", "version",
                                                        "saved_at")}, Row.plan_id == plan_id)
        return plan

    def duplicate(self, plan_id: str, new_name: str) -> Plan:
        copy = self.load(plan_id).model_copy(update={"id": new_id("plan"), "name": new_name})
        doc = _document_without_facts(copy)  # checked again, but the facts (checked once)
        doc["actuals"]["facts"] = copy.actuals.facts
        copy = Plan.model_validate(doc)
        self.save(copy, note=f"duplicated from {plan_id}")
        return copy


def _document_without_facts(plan: Plan) -> dict:
    """``plan_to_document(plan)`` but the actuals' facts (stored in blocks, written once)."""
    return plan.model_dump(mode="json", exclude={"actuals": {"facts"}})


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


def _check_base(db: TinyDB, plan: Plan, base_version: int) -> None:
    """Raise ``VersionConflict`` unless the stored current version of ``plan`` is
    ``base_version`` (0: the plan was never stored)."""
    row = db.table(PLANS).get(Row.plan_id == plan.id)
    if row is not None and row["version"] == base_version:
        return
    if row is None and base_version == 0 and not kept_versions(db, plan.id):
        return
    current = None if row is None else PlanSummary(row["plan_id"], row["name"], row["version"],
                                                   row["saved_at"])
    raise VersionConflict(plan, base_version, current)


def _move_repaired_ids(db: TinyDB) -> None:
    """Rows of plans an older Prospector stored under an unusable id (``""``, ``../x``) move to
    the id the plan gets when it is read, so saving it continues its history as one plan."""
    unusable = Row.plan_id.test(_is_unusable)
    for name in (PLANS, HISTORY, TRASH):
        table = db.table(name)
        if table.contains(unusable):
            table.update(_repair_id, unusable)


def _is_unusable(plan_id: object) -> bool:
    return isinstance(plan_id, str) and not is_usable_id(plan_id)


def _repair_id(row: MutableMapping) -> None:
    row["plan_id"] = repaired_plan_id(row["plan_id"])


def _no_plan(plan_id: str) -> Note:
    """A plan gone from the store (deleted in another window, or by the command line)."""
    return Note("no stored plan has the id {plan}", plan=Quoted(plan_id))
