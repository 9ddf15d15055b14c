"""What ``plans.json`` holds: its TinyDB tables, the fields of their rows, and the check that a
file read from disk has that shape.

- ``meta``: one row ``{"store_version": 2}``, and ``dropped_blocks``: the blocks of facts the
  last save stopped referring to (only the backup may still refer to them; the next save removes
  their files).
- ``plans``: one row per plan: ``plan_id``, ``name``, ``version`` (the current one), ``saved_at``.
- ``history``: one row per saved version: ``plan_id``, ``version``, ``saved_at``, ``name``,
  ``note`` and ``plan``: the plan-file document (it carries its own ``schema_version``) with each
  item of its lists (accounts, touches, ...) replaced by the hash of that item (``history.py``).
- ``chunks``: the list items, once each, by hash (``h``, ``item``). The actuals' facts are in
  blocks of 2,000, each in a file of its own beside ``plans.json`` (``facts/<h>.json``,
  ``fact_blocks.py``); store version 1 kept them here (``item`` is ``{"facts_json": "<the facts
  as JSON text>"}``), and the first save moves them out.
- ``trash``: deleted plans (their ``plans`` row with ``deleted_at``; their history is kept).

Rows are TinyDB documents: each table maps a document id (a number, as a JSON key) to a row.
"""

from __future__ import annotations

from ..messages import Note, Quoted

STORE_FILE = "plans.json"
STORE_VERSION = 2  # 2: the blocks of facts in files of their own (1: in ``chunks``)

META, PLANS, HISTORY, CHUNKS, TRASH = "meta", "plans", "history", "chunks", "trash"
STORE_TABLES = frozenset({META, PLANS, HISTORY, CHUNKS, TRASH})

# What each row of a table must hold for the store to use it (a store edited by hand may not).
ROW_FIELDS: dict[str, dict[str, type]] = {
    META: {},
    PLANS: {"plan_id": str, "name": str, "version": int, "saved_at": str},
    HISTORY: {"plan_id": str, "version": int, "saved_at": str, "name": str, "plan": dict},
    CHUNKS: {"h": str, "item": dict},
    TRASH: {"plan_id": str, "name": str, "version": int, "saved_at": str},
}


class CorruptStoreFile(Exception):
    """A store file that cannot be used: it does not parse, does not match its checksum, or does
    not have the shape of a plan store."""


def check_tables(data: dict) -> None:
    """Raise ``CorruptStoreFile`` unless ``data`` holds only the store's tables, each a mapping of
    numbered rows (one row a number: TinyDB reads ``"07"`` as 7) holding the fields the store
    reads."""
    unknown = sorted(set(data) - STORE_TABLES)
    if unknown:
        raise CorruptStoreFile(Note("the file holds {name}, which is not part of a plan store",
                                    name=Quoted(unknown[0][:40])))
    for table, rows in data.items():
        if not isinstance(rows, dict):
            raise CorruptStoreFile(Note("its {table} table is not a table of rows",
                                        table=Quoted(table)))
        numbers = set()
        for key, row in rows.items():
            if not (key.isdigit() and len(key) <= 18 and key.isascii()):
                raise CorruptStoreFile(f"its {table!r} table has a row numbered {key[:40]!r}")
            if int(key) in numbers:  # "7" and "07": TinyDB would keep one of them
                raise CorruptStoreFile(f"its {table!r} table has two rows numbered {int(key)}")
            numbers.add(int(key))
            if not isinstance(row, dict):
                raise CorruptStoreFile(f"row {key} of its {table!r} table is not a row")
            for name, kind in ROW_FIELDS[table].items():
                value = row.get(name)
                if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                    raise CorruptStoreFile(f"row {key} of its {table!r} table has no usable "
                                           f"{name!r}")


def holds_anything(data: dict | None) -> bool:
    """Whether a store's tables hold a plan, a version or a deleted plan."""
    return data is not None and any(data.get(table) for table in (PLANS, HISTORY, TRASH))
