"""The versions of each plan: ``history`` rows, and the list items they share in ``chunks``.

A version's ``plan`` is the plan-file document with each object of its top-level lists (accounts,
touches, cadences, ...) replaced by a hash of that object: ``{"accounts": {"$chunks": [h, ...]}}``.
Each object is stored once in ``chunks`` (``h``, ``item``), whichever versions hold it, so a save
that edits one account of a 1,000-account plan adds one chunk, and keeping the last
``history_limit`` versions of a large plan stays small. Versions beyond that limit are removed,
and so are the chunks no kept version refers to.
"""

from __future__ import annotations

import hashlib
import json


def chunk_key(item: dict) -> str:
    canonical = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:24]


def split(doc: dict) -> tuple[dict, dict[str, dict]]:
    """Replace every object in the document's top-level lists by its hash: (skeleton, chunks)."""
    skeleton, chunks = {}, {}
    for key, value in doc.items():
        if isinstance(value, list) and all(isinstance(item, dict) for item in value):
            refs = []
            for item in value:
                h = chunk_key(item)
                chunks[h] = item
                refs.append(h)
            skeleton[key] = {"$chunks": refs}
        else:
            skeleton[key] = value
    return skeleton, chunks


def join(skeleton: dict, chunks: dict[str, dict]) -> dict:
    """The document ``split`` made ``skeleton`` of (``KeyError``: a chunk is missing)."""
    doc = {}
    for key, value in skeleton.items():
        if isinstance(value, dict) and "$chunks" in value:
            doc[key] = [chunks[h] for h in value["$chunks"]]
        else:
            doc[key] = value
    return doc


def refs(skeleton: dict) -> set[str]:
    return {h for v in skeleton.values() if isinstance(v, dict) and "$chunks" in v
            for h in v["$chunks"]}


def store_chunks(chunks: dict, new_items: dict[str, dict], hist: dict) -> None:
    """Add the items not stored yet and drop the ones no kept version refers to."""
    referenced = set().union(*(refs(h["plan"]) for h in hist.values()))
    present = {}
    for key, chunk in list(chunks.items()):
        if chunk["h"] in referenced:
            present[chunk["h"]] = key
        else:
            del chunks[key]
    next_key_ = next_key(chunks)
    for h, item in new_items.items():
        if h not in present:
            chunks[str(next_key_)] = {"h": h, "item": item}
            present[h] = str(next_key_)
            next_key_ += 1


def next_key(table: dict) -> int:
    return max((int(k) for k in table), default=0) + 1


def prune_history(hist: dict, plan_id: str, keep: int) -> None:
    mine = sorted((k for k, v in hist.items() if v["plan_id"] == plan_id),
                  key=lambda k: hist[k]["version"], reverse=True)
    for key in mine[keep:]:
        del hist[key]
