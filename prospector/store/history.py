"""The versions of each plan: ``history`` rows, and the list items they share in ``chunks``.

A version's ``plan`` is the plan-file document with each object of its top-level lists (accounts,
touches, cadences, ...) replaced by a hash of that object: ``{"accounts": {"$chunks": [h, ...]}}``.
Each object is stored once in ``chunks`` (``h``, ``item``), whichever versions hold it, so a save
that edits one account of a 1,000-account plan adds one chunk, and keeping the last
``history_limit`` versions of a large plan stays small. Versions beyond that limit are removed,
and so are the chunks no kept version refers to.

The plan's actuals can hold 100,000 facts imported from CRM exports: one chunk each would give
every version 100,000 hashes. Their facts are kept in blocks of ``FACTS_PER_BLOCK`` consecutive
facts instead, each block one chunk (``{"actuals": {"facts": {"$blocks": [h, ...]}, ...}}``):
an import adds its facts at the end, so the versions before it share every block but the last,
and a save that changes the plan but not its actuals adds none. The blocks are written by the
plan's ``FactLog`` (``prospector/actuals/fact_log.py``), once per log: a save after an edit of
the plan's text writes no fact out, and a plan read from the store keeps the blocks it was read
from (its facts validated straight from their JSON). A block is kept as the JSON text
of its facts (``{"facts_json": "[...]"}``, hashed as written): every session with the store
parses the whole file, and 100,000 facts as 50 strings parse in a third of the time they took as
objects (0.25 s rather than 0.7 s here), so listing the plans, opening one and saving stay
faster; only opening a version reads its blocks' facts.
"""

from __future__ import annotations

import hashlib
import json

from pydantic import ValidationError
from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from ..actuals.fact_log import FACTS_PER_BLOCK, FactLog, block_hash
from ..model import SCHEMA_VERSION
from .layout import CHUNKS, HISTORY

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


def version_document(db: TinyDB, version_row: dict) -> dict:
    """The plan-file document of a version (``KeyError``: one of its items is missing)."""
    skeleton = version_row["plan"]
    found = db.table(CHUNKS).search(Row.h.one_of(refs(skeleton)))
    return join(skeleton, {chunk["h"]: chunk["item"] for chunk in found})


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


def split(doc: dict, facts: FactLog | None = None) -> tuple[dict, dict[str, dict]]:
    """Replace every object in the document's top-level lists by its hash, and the actuals'
    facts by the hashes of their blocks: (skeleton, chunks). ``facts``: the plan's facts, left
    out of ``doc`` (their blocks are written once per ``FactLog``, not at each save)."""
    skeleton: dict = {}
    if facts is not None and isinstance(doc.get(ACTUALS), dict):
        written = facts.blocks()
        doc = {**doc, ACTUALS: {**doc[ACTUALS], "facts": {"$blocks": [h for h, _ in written]}}}
        chunks = {h: {"facts_json": text} for h, text in written}
    else:
        chunks = {}
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
                chunks[h] = {"facts_json": text}
                blocks.append(h)
            skeleton[key] = {**value, "facts": {"$blocks": blocks}}
        else:
            skeleton[key] = value
    return skeleton, chunks


def join(skeleton: dict, chunks: dict[str, dict]) -> dict:
    """The document ``split`` made ``skeleton`` of (``KeyError``: a chunk is missing). The
    facts of a document of the current schema are read straight into a ``FactLog`` that keeps
    the blocks it was read from (a save after an edit writes none of them again)."""
    doc: dict = {}
    for key, value in skeleton.items():
        if isinstance(value, dict) and "$chunks" in value:
            doc[key] = [chunks[h] for h in value["$chunks"]]
        elif key == ACTUALS and isinstance(value, dict) and _blocks(value):
            hashes = value["facts"]["$blocks"]
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
