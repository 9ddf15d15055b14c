"""Bring plan documents written by older versions of Prospector up to the current schema.

Each migration takes the raw document of version N and returns version N + 1. They work on plain
dicts (before validation) so that a document too old for the current model can still be read.

History of the format (also in docs/plan-format.md):
- 1: the first draft format: a single ``cadence`` object instead of ``cadences``; reps listed
  their accounts by name (``accounts``) instead of by id (``account_ids``).
- 2: several cadences per plan (per tier or persona), reps reference accounts by id.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from .model import SCHEMA_VERSION, new_id

Document = dict


def _v1_to_v2(doc: Document) -> Document:
    cadence = doc.pop("cadence", None)
    if cadence is not None and "cadences" not in doc:
        cadence = dict(cadence)
        cadence.setdefault("id", new_id("cad"))
        cadence.setdefault("name", "Main cadence")
        doc["cadences"] = [cadence]
    by_name = {
        str(acc.get("name", "")).strip().casefold(): acc.get("id")
        for acc in doc.get("accounts", [])
        if isinstance(acc, dict)
    }
    for rep in doc.get("reps", []):
        if isinstance(rep, dict) and "accounts" in rep and "account_ids" not in rep:
            names = rep.pop("accounts") or []
            rep["account_ids"] = [
                by_name[n.strip().casefold()]
                for n in names
                if isinstance(n, str) and by_name.get(n.strip().casefold())
            ]
    return doc


MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2}


class MigrationError(ValueError):
    pass


def migrate(doc: Document) -> Document:
    """Return a copy of ``doc`` at the current schema version (``doc`` is left untouched).

    A document that is already current is returned as a shallow copy: no migration runs, so
    nothing nested is changed, and a deep copy was a third of the time to open a large plan."""
    version = doc.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise MigrationError(f"schema_version must be a whole number from 1 (got {version!r})")
    if version > SCHEMA_VERSION:
        raise MigrationError(
            f"schema_version is {version}, newer than this Prospector reads ({SCHEMA_VERSION}); "
            "update Prospector to open it"
        )
    if version == SCHEMA_VERSION:
        return dict(doc)
    doc = copy.deepcopy(doc)
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
        doc["schema_version"] = version
    return doc
