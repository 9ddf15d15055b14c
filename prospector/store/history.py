"""The versions of each plan: ``history`` rows, and the list items they share in ``chunks``.

A version's ``plan`` is the plan-file document with each object of its top-level lists (accounts,
touches, cadences, ...) replaced by a hash of that object: ``{"accounts": {"$chunks": [h, ...]}}``.
Each object is stored once in ``chunks`` (``h``, ``item``), whichever versions hold it, so a save
that edits one account of a 1,000-account plan adds one chunk, and keeping the last
``history_limit`` versions of a large plan stays small. Versions beyond that limit are removed,
and so are the chunks no kept version refers to.

The plan's actuals can hold 100,000 facts imported from CRM exports: one chunk each would give
every version 100,000 hashes. Their facts are kept in blocks of ``FACTS_PER_BLOCK`` consecutive
facts instead, each block a file of its own, written once (``fact_blocks.py``), and a version
refers to them by hash (``{"actuals": {"facts": {"$blocks": [h, ...]}, ...}}``): an import adds
its facts at the end, so the versions before it share every block but the last, and a save that
changes the plan but not its actuals writes no fact (``plans.json`` stays small). The blocks are
made by the plan's ``FactLog`` (``prospector/actuals/fact_log.py``), once per log, and a plan read
from the store keeps the blocks it was read from (its facts validated straight from their JSON).

Stores written before (store version 1) kept the blocks in ``chunks`` as JSON text
(``{"facts_json": "[...]"}``); they are read from there, and the first save moves them to their
files (``move_blocks_to_files``). A block that is missing or damaged is left out of the version
read, and said (``LostBlock``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from pydantic import ValidationError
from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from ..actuals.fact_log import FACTS_PER_BLOCK, FactLog, block_hash
from ..model import SCHEMA_VERSION
from .fact_blocks import DamagedBlock, FactBlocks
from .layout import CHUNKS, HISTORY, META, STORE_VERSION

Row = Query()
ACTUALS = "actuals"
__all__ = ["FACTS_PER_BLOCK"]


def next_version(db: TinyDB, plan_id: str) -> int:
    """The number the plan's next version gets (1 for a plan never stored)."""
    return 1 + max((row["version"] for row in kept_versions(db, plan_id)), default=0)


def add_version(db: TinyDB, row: dict, items: dict[str, dict], keep: int) -> None:
    """Store a version (``row``, its ``plan`` a skeleton from ``split``, and the ``items`` it
    refers to), then keep the plan's newest ``keep`` versions and the items they refer to."""
    history = db.table(HISTORY)
    history.insert(row)
    mine = sorted(history.search(Row.plan_id == row["plan_id"]), key=lambda r: r["version"],
                  reverse=True)
    if len(mine) > keep:
        history.remove(doc_ids=[old.doc_id for old in mine[keep:]])
    _store_chunks(db.table(CHUNKS), items, history)


def kept_versions(db: TinyDB, plan_id: str) -> list[Document]:
    """The kept versions of a plan (``history`` rows), in no particular order."""
    return db.table(HISTORY).search(Row.plan_id == plan_id)


def find_version(db: TinyDB, plan_id: str, version: int) -> Document | None:
    return db.table(HISTORY).get((Row.plan_id == plan_id) & (Row.version == version))


@dataclass(frozen=True)
class LostBlock:
    """A block of a version's facts that could not be read: the ``index``-th of ``count``."""
    h: str
    index: int
    count: int
    why: str


def version_document(db: TinyDB, version_row: dict,
                     blocks: FactBlocks) -> tuple[dict, list[LostBlock]]:
    """The plan-file document of a version (``KeyError``: one of its items is missing), and the
    blocks of its facts that could not be read (left out of the document)."""
    skeleton = version_row["plan"]
    found = {chunk["h"]: chunk["item"]
             for chunk in db.table(CHUNKS).search(Row.h.one_of(refs(skeleton)))}
    lost = []
    hashes = fact_block_hashes(skeleton)
    for index, h in enumerate(hashes):
        if h not in found:
            try:
                found[h] = {"facts_json": blocks.read(h)}
            except DamagedBlock as exc:
                lost.append(LostBlock(exc.h, index, len(hashes), exc.why))
    return join(skeleton, found, skip={lost_block.h for lost_block in lost}), lost


def fact_block_hashes(skeleton: dict) -> list:
    """The hashes of a version's blocks of facts, in order."""
    actuals = skeleton.get(ACTUALS)
    return list(actuals["facts"]["$blocks"]) if isinstance(actuals, dict) and _blocks(
        actuals) else []


def fact_refs(db: TinyDB) -> set[str]:
    """The blocks of facts the kept versions of every plan refer to."""
    return {h for row in db.table(HISTORY) if isinstance(row.get("plan"), dict)
            for h in fact_block_hashes(row["plan"]) if isinstance(h, str)}


def move_blocks_to_files(db: TinyDB, blocks: FactBlocks) -> None:
    """Store version 1 to 2: the blocks of facts kept in ``chunks`` are written to their files,
    then taken out of ``chunks`` (the caller's transaction writes ``plans.json`` after the
    files: a crash in between leaves the blocks in both places). A block whose text does not
    match its hash (damaged, or written before blocks were hashed as written) stays where it
    is, and is read from there."""
    meta = db.table(META)
    if any(isinstance(row.get("store_version"), int)
           and row["store_version"] >= STORE_VERSION for row in meta):
        return
    chunks = db.table(CHUNKS)
    movable = [chunk for chunk in chunks.search(Row.item.test(_holds_block_text))
               if block_hash(chunk["item"]["facts_json"]) == chunk["h"]]
    blocks.write_missing([(chunk["h"], chunk["item"]["facts_json"]) for chunk in movable], [])
    if movable:
        chunks.remove(doc_ids=[chunk.doc_id for chunk in movable])
    if len(meta):
        meta.update({"store_version": STORE_VERSION})
    else:
        meta.insert({"store_version": STORE_VERSION})


def _holds_block_text(item: object) -> bool:
    return isinstance(item, dict) and isinstance(item.get("facts_json"), str)


def _store_chunks(chunks: Table, new_items: dict[str, dict], history: Table) -> None:
    """Drop the items no kept version refers to, and add the ones not stored yet."""
    referenced = set().union(*(refs(row["plan"]) for row in history))
    chunks.remove(~Row.h.one_of(referenced))
    present = {chunk["h"] for chunk in chunks}
    new = [{"h": h, "item": item} for h, item in new_items.items() if h not in present]
    if new:
        chunks.insert_multiple(new)


# --- a plan document as a skeleton and its list items ------------------------------------------
def chunk_key(item: dict) -> str:
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:24]


def split(doc: dict, facts: FactLog | None = None
          ) -> tuple[dict, dict[str, dict], list[tuple[str, str]]]:
    """Replace every object in the document's top-level lists by its hash, and the actuals'
    facts by the hashes of their blocks: (skeleton, chunks, blocks of facts as ``(hash, JSON
    text)``). ``facts``: the plan's facts, left out of ``doc`` (their blocks are made once per
    ``FactLog``, not at each save)."""
    skeleton: dict = {}
    chunks: dict[str, dict] = {}
    fact_blocks: list[tuple[str, str]] = []
    if facts is not None and isinstance(doc.get(ACTUALS), dict):
        fact_blocks = facts.blocks()
        doc = {**doc, ACTUALS: {**doc[ACTUALS],
                                "facts": {"$blocks": [h for h, _ in fact_blocks]}}}
    for key, value in doc.items():
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            hashes = []
            for item in value:
                h = chunk_key(item)
                chunks[h] = item
                hashes.append(h)
            skeleton[key] = {"$chunks": hashes}
        elif key == ACTUALS and isinstance(value, dict) and isinstance(value.get("facts"), list):
            facts = value["facts"]
            blocks = []
            for start in range(0, len(facts), FACTS_PER_BLOCK):
                text = json.dumps(facts[start:start + FACTS_PER_BLOCK], ensure_ascii=False,
                                  separators=(",", ":"))
                h = block_hash(text)
                fact_blocks.append((h, text))
                blocks.append(h)
            skeleton[key] = {**value, "facts": {"$blocks": blocks}}
        else:
            skeleton[key] = value
    return skeleton, chunks, fact_blocks


def join(skeleton: dict, chunks: dict[str, dict], skip: AbstractSet[str] = frozenset()) -> dict:
    """The document ``split`` made ``skeleton`` of (``KeyError``: a chunk is missing), without
    the blocks of facts in ``skip``. The facts of a document of the current schema are read
    straight into a ``FactLog`` that keeps the blocks it was read from (a save after an edit
    writes none of them again)."""
    doc: dict = {}
    for key, value in skeleton.items():
        if isinstance(value, dict) and "$chunks" in value:
            doc[key] = [chunks[h] for h in value["$chunks"]]
        elif key == ACTUALS and isinstance(value, dict) and _blocks(value):
            hashes = [h for h in value["facts"]["$blocks"] if h not in skip]
            log = None
            if skeleton.get("schema_version") == SCHEMA_VERSION:
                log = _fact_log([(h, chunks[h]) for h in hashes])
            doc[key] = {**value, "facts": log if log is not None else [
                fact for h in hashes for fact in _facts_of(chunks[h], h)]}
        else:
            doc[key] = value
    return doc


def refs(skeleton: dict) -> set[str]:
    """The hashes of the items a skeleton refers to."""
    found = {h for v in skeleton.values() if isinstance(v, dict) and "$chunks" in v
             for h in v["$chunks"]}
    actuals = skeleton.get(ACTUALS)
    if isinstance(actuals, dict) and _blocks(actuals):
        found.update(actuals["facts"]["$blocks"])
    return found


def _fact_log(blocks: list[tuple[str, dict]]) -> FactLog | None:
    """The facts of blocks stored as JSON text, validated from it; None if a block is not
    such a text or its facts are not valid (read as plain data then, for the plan's own
    message)."""
    texts = [(h, block.get("facts_json")) for h, block in blocks]
    if not all(isinstance(text, str) for _h, text in texts):
        return None
    try:
        return FactLog.from_blocks(texts)  # type: ignore[arg-type]
    except (ValidationError, ValueError, RecursionError):
        return None


def _facts_of(block: dict, h: str) -> list:
    """The facts of a block (``KeyError``: it is damaged, e.g. edited by hand)."""
    try:
        facts = json.loads(block["facts_json"]) if "facts_json" in block else block["facts"]
    except (ValueError, RecursionError):
        raise KeyError(h) from None
    if not isinstance(facts, list):
        raise KeyError(h)
    return facts


def _blocks(actuals: dict) -> bool:
    facts = actuals.get("facts")
    return isinstance(facts, dict) and isinstance(facts.get("$blocks"), list)
