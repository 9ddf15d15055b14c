"""Bring plan documents written by older versions of Prospector up to the current schema.

Each migration takes the raw document of version N and returns version N + 1. They work on plain
dicts (before validation) so that a document too old for the current model can still be read.

History of the format (also in docs/plan-format.md):
- 1: the first draft format: a single ``cadence`` object instead of ``cadences``; reps listed
  their accounts by name (``accounts``) instead of by id (``account_ids``).
- 2: several cadences per plan (per tier or persona), reps reference accounts by id.
- 3: text may no longer hold control characters (other than tab and line breaks) or lone
  surrogates, dates are from 2000-01-01 to 2199-12-31, numbers are finite. Version 2 allowed them
  (and the schedule, the PDF or the next save then failed), so a version-2 plan is repaired rather
  than refused: such control characters are dropped, a lone surrogate becomes U+FFFD (the
  replacement character, visible where the broken character was), a date out of range is cleared
  (the app shows it as not set) and an infinite or NaN number becomes 0.
"""

from __future__ import annotations

import copy
import math
import re
from collections.abc import Callable
from datetime import date

from .model import EARLIEST_DATE, LATEST_DATE, SCHEMA_VERSION, UNKEEPABLE, new_id

Document = dict


def _v1_to_v2(doc: Document, repairs: list[str]) -> Document:
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
    for i, rep in enumerate(doc.get("reps", [])):
        if isinstance(rep, dict) and "accounts" in rep and "account_ids" not in rep:
            names = rep.pop("accounts") or []
            rep["account_ids"] = [
                by_name[n.strip().casefold()]
                for n in names
                if isinstance(n, str) and by_name.get(n.strip().casefold())
            ]
            missing = [n for n in names if not (isinstance(n, str)
                                                and by_name.get(n.strip().casefold()))]
            if missing:
                listed = ", ".join(repr(n) for n in missing[:5])
                more = f" and {len(missing) - 5} more" if len(missing) > 5 else ""
                repairs.append(f"reps[{i}].accounts: no account of the plan is named "
                               f"{listed}{more}; left out of the rep's accounts")
    return doc


_SURROGATE = re.compile("[\ud800-\udfff]")
_DATE_KEYS = frozenset({"start_date", "end_date"})


def _v2_to_v3(doc: Document, repairs: list[str]) -> Document:
    return _repaired(doc, "", repairs)


def _repaired(value: object, where: str, repairs: list[str]) -> object:
    if isinstance(value, dict):
        return {k: _repaired(v, f"{where}.{k}" if where else str(k), repairs)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_repaired(v, f"{where}[{i}]", repairs) for i, v in enumerate(value)]
    if isinstance(value, str):
        kept = UNKEEPABLE.sub("", _SURROGATE.sub("\ufffd", value))
        if kept != value:
            halves = len(_SURROGATE.findall(value))
            dropped = len(value) - len(kept)
            what = [f"{dropped} control character{'s' * (dropped != 1)} removed"] if dropped else []
            what += [f"{halves} half character{'s' * (halves != 1)} shown as \ufffd"] if halves else []
            repairs.append(f"{where}: {' and '.join(what)}")
        if where.rsplit(".", 1)[-1] in _DATE_KEYS and not _date_in_range(kept):
            repairs.append(f"{where}: {kept.strip()} is outside {EARLIEST_DATE.isoformat()} to "
                           f"{LATEST_DATE.isoformat()} and was cleared")
            return None
        return kept
    if isinstance(value, float) and not math.isfinite(value):
        repairs.append(f"{where}: {value} is not a number a plan can use and was set to 0")
        return 0
    return value


def _date_in_range(text: str) -> bool:
    """False only for a real date outside the plan range (anything else is left to validation)."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        return True
    return EARLIEST_DATE <= day <= LATEST_DATE


MIGRATIONS: dict[int, Callable[[Document, list[str]], Document]] = {1: _v1_to_v2, 2: _v2_to_v3}


class MigrationError(ValueError):
    pass


def migrate(doc: Document, repairs: list[str] | None = None) -> Document:
    """Return a copy of ``doc`` at the current schema version (``doc`` is left untouched).

    Values an older version allowed and the current one cannot keep are repaired, each repair
    described in ``repairs`` (``"basics.start_date: 9999-01-01 is outside ..."``).

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
    repairs = [] if repairs is None else repairs
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc, repairs)
        version += 1
        doc["schema_version"] = version
    return doc
