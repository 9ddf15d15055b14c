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
- 4: ids are short words (letters, digits, - _ . ; at most 64 characters), the logo's bytes are a
  PNG or JPEG of at most 2 MB and 25 megapixels, an email has at most 254 characters and the
  holiday country is one the ``holidays`` package knows. Version 3 allowed any text there (an id
  of "" or "../../etc", an SVG behind a PNG prefix that hung the PDF), so a version-3 plan is
  repaired: an unusable id becomes a new one derived from it (the same on every read) and every
  reference to it follows, and an unusable logo, email or holiday country is cleared.
- 5: the sales conversations: ``objections``, discovery ``questions`` and ``qualification`` (what
  counts as an opportunity). A version-4 plan has none of them and reads as having them empty.
- 6: the actuals (``actuals``: facts imported from CRM exports, weekly figures entered by hand,
  the export names remembered), and what each target counts among them (``counts``). A version-5
  plan has no actuals, and each of its targets counts what its metric's words say
  (``actuals/counting.py``: "First meetings held" counts meetings, "New contacts mapped" is
  entered by hand).
- 7: where the reps work, for the weekend and holidays their schedules skip: the accountability's
  ``holiday_country`` is a country code alone (``DE``), its region moves to
  ``holiday_subdivision`` (``DE-BY`` becomes ``DE`` and ``BY``), and each rep may have their own
  ``holiday_country`` and ``holiday_subdivision``. A version-6 plan's reps have none (the plan's).
- 8: the languages the playbook prints in: the plan's ``basics.language`` (``en``, ``de``, ``fr``,
  ``es``) and each rep's ``language`` (``""``: the plan's). A version-7 plan printed in English,
  so it reads as English with no rep language of its own.
"""

from __future__ import annotations

import copy
import hashlib
import math
import re
from collections.abc import Callable
from datetime import date

from .actuals.counting import counts_for_metric
from .holiday_regions import HolidayCountryError, parse_place
from .images import logo_problem
from .messages import MN_, Note, Number, Quoted, joined, shortened
from .model import (
    EARLIEST_DATE,
    LATEST_DATE,
    MAX_EMAIL_LENGTH,
    SCHEMA_VERSION,
    UNKEEPABLE,
    is_usable_id,
    new_id,
    valid_holiday_country,
)

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
                listed = joined([Quoted(str(n)) for n in missing[:5]], ", ")
                if len(missing) > 5:
                    listed = Note("{listed} and {n} more", listed=listed,
                                  n=Number(len(missing) - 5))
                repairs.append(Note("{where}: no account of the plan is named {listed}; left out "
                                    "of the rep's accounts", where=f"reps[{i}].accounts",
                                    listed=listed))
    return doc


_SURROGATE = re.compile("[\ud800-\udfff]")
_DATE_KEYS = frozenset({"start_date", "end_date"})


def _v2_to_v3(doc: Document, repairs: list[str]) -> Document:
    repaired = _repaired(doc, "", repairs)
    assert isinstance(repaired, dict)  # a dict comes back a dict
    return repaired


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
            what = [Note(MN_("{n} control character removed", "{n} control characters removed"),
                         n=Number(dropped))] if dropped else []
            if halves:
                what.append(Note(MN_("{n} half character shown as {mark}",
                                     "{n} half characters shown as {mark}"),
                                 n=Number(halves), mark="\ufffd"))
            repairs.append(Note("{where}: {what}", where=where, what=what[0]) if len(what) == 1
                           else Note("{where}: {what} and {more}", where=where, what=what[0],
                                     more=what[1]))
        if where.rsplit(".", 1)[-1] in _DATE_KEYS and not _date_in_range(kept):
            repairs.append(Note("{where}: {value} is outside {first} to {last} and was cleared",
                                where=where, value=kept.strip(), first=EARLIEST_DATE,
                                last=LATEST_DATE))
            return None
        return kept
    if isinstance(value, float) and not math.isfinite(value):
        repairs.append(Note("{where}: {value} is not a number a plan can use and was set to 0",
                            where=where, value=str(value)))
        return 0
    return value


def _date_in_range(text: str) -> bool:
    """False only for a real date outside the plan range (anything else is left to validation)."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        return True
    return EARLIEST_DATE <= day <= LATEST_DATE


_ID_PREFIXES = {"accounts": "acc", "personas": "per", "touches": "tch", "differentiators": "dif",
                "cadences": "cad", "reps": "rep"}


def _v3_to_v4(doc: Document, repairs: list[str]) -> Document:
    doc = _copy_of_what_v4_changes(doc)
    plan_id = doc.get("id")
    if isinstance(plan_id, str) and not is_usable_id(plan_id):
        doc["id"] = repaired_plan_id(plan_id)
        repairs.append(Note("id: {old} is not a usable id; the plan's id is now {new}",
                            old=_shown(plan_id), new=doc["id"]))
    renamed = {section: _new_item_ids(doc, section, prefix, repairs)
               for section, prefix in _ID_PREFIXES.items()}
    for account in _items(doc, "accounts"):
        contacts = account.get("contacts")
        for contact in contacts if isinstance(contacts, list) else []:
            if isinstance(contact, dict) and "persona_id" in contact:
                contact["persona_id"] = _follow(contact.get("persona_id"), renamed["personas"])
    for section in ("touches", "cadences"):
        for item in _items(doc, section):
            if isinstance(item.get("persona_ids"), list):
                item["persona_ids"] = [renamed["personas"].get(i, i) if isinstance(i, str) else i
                                       for i in item["persona_ids"]]
    for cadence in _items(doc, "cadences"):
        for step in cadence.get("steps", []) if isinstance(cadence.get("steps"), list) else []:
            if isinstance(step, dict) and "touch_id" in step:
                step["touch_id"] = _follow(step.get("touch_id"), renamed["touches"])
    for rep in _items(doc, "reps"):
        if isinstance(rep.get("account_ids"), list):
            rep["account_ids"] = [renamed["accounts"].get(i, i) if isinstance(i, str) else i
                                  for i in rep["account_ids"]]
    _clear_unusable_values(doc, repairs)
    return doc


def _clear_unusable_values(doc: Document, repairs: list[str]) -> None:
    basics = doc.get("basics")
    if isinstance(basics, dict) and isinstance(basics.get("logo"), str) and basics["logo"]:
        problem = logo_problem(basics["logo"])
        if problem:
            basics["logo"] = None
            repairs.append(Note("basics.logo: the logo {problem}; it was removed (choose a PNG "
                                "or JPEG logo again)", problem=problem))
    people = [(f"reps[{i}]", rep) for i, rep in enumerate(_items(doc, "reps"))]
    for i, account in enumerate(_items(doc, "accounts")):
        contacts = account.get("contacts")
        people += [(f"accounts[{i}].contacts[{j}]", c) for j, c in
                   enumerate(contacts if isinstance(contacts, list) else []) if isinstance(c, dict)]
    for where, person in people:
        email = person.get("email")
        if isinstance(email, str) and len(email.strip()) > MAX_EMAIL_LENGTH:
            person["email"] = ""
            repairs.append(Note("{where}.email: {n} characters is too long for an email address "
                                "(at most {most}); it was cleared", where=where,
                                n=Number(len(email)), most=MAX_EMAIL_LENGTH))
    accountability = doc.get("accountability")
    if isinstance(accountability, dict):
        country = accountability.get("holiday_country")
        if isinstance(country, str) and country.strip() and not valid_holiday_country(country):
            accountability["holiday_country"] = ""
            repairs.append(_country_cleared(country))


def _copy_of_what_v4_changes(doc: Document) -> Document:
    """A copy of the containers _v3_to_v4 may change (the rest is shared): opening a large
    version-3 plan stays as fast as a current one (a deep copy was a third of the time)."""
    doc = dict(doc)
    for key in ("basics", "accountability"):
        if isinstance(doc.get(key), dict):
            doc[key] = dict(doc[key])
    for section in _ID_PREFIXES:
        if isinstance(doc.get(section), list):
            doc[section] = [dict(item) if isinstance(item, dict) else item
                            for item in doc[section]]
    for section, inner in (("accounts", "contacts"), ("cadences", "steps")):
        for item in _items(doc, section):
            if isinstance(item.get(inner), list):
                item[inner] = [dict(x) if isinstance(x, dict) else x for x in item[inner]]
    return doc


def _items(doc: Document, section: str) -> list[dict]:
    items = doc.get(section)
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _new_item_ids(doc: Document, section: str, prefix: str, repairs: list[str]) -> dict[str, str]:
    """Give each item of ``section`` whose id is unusable a new id: {old id: new id}."""
    items = _items(doc, section)
    taken = {item.get("id") for item in items}
    renamed: dict[str, str] = {}
    for i, item in enumerate(doc.get(section) or []):
        old = item.get("id") if isinstance(item, dict) else None
        if isinstance(old, str) and not is_usable_id(old):
            renamed[old] = renamed.get(old) or _derived_id(prefix, old, taken)
            item["id"] = renamed[old]
            repairs.append(Note("{where}: {old} is not a usable id; it is now {new}",
                                where=f"{section}[{i}].id", old=_shown(old), new=renamed[old]))
    return renamed


def repaired_plan_id(old: str) -> str:
    """The id a plan stored under an unusable id (before schema 4) gets: the same every time, so
    the store can move the plan's rows to it."""
    return _derived_id("plan", old, set())


def _derived_id(prefix: str, old: str, taken: set) -> str:
    """A usable id derived from an unusable one: the same on every read of the same plan."""
    digest = hashlib.sha256(old.encode("utf-8", "surrogatepass")).hexdigest()
    for length in range(8, len(digest) + 1):
        candidate = f"{prefix}-{digest[:length]}"
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    return new_id(prefix)


def _follow(reference: object, renamed: dict[str, str]) -> object:
    if reference == "":
        return None
    return renamed.get(reference, reference) if isinstance(reference, str) else reference


def _shown(text: str) -> str:
    return shortened(text, 40, 30)


def _country_cleared(code: str) -> Note:  # one message, two migrations
    return Note("accountability.holiday_country: {code} is not a country whose holidays "
                "Prospector knows; it was cleared (the schedule skips weekends only)",
                code=_shown(code))


def _v4_to_v5(doc: Document, repairs: list[str]) -> Document:
    """Version 5 adds sections with empty defaults; nothing of version 4 changes."""
    return dict(doc)


def _v5_to_v6(doc: Document, repairs: list[str]) -> Document:
    """Version 6 adds the actuals (empty) and says what each target counts, from its metric."""
    doc = dict(doc)
    accountability = doc.get("accountability")
    if isinstance(accountability, dict) and isinstance(accountability.get("targets"), list):
        doc["accountability"] = dict(accountability, targets=[
            dict(target, counts=counts_for_metric(target["metric"]).value)
            if isinstance(target, dict) and isinstance(target.get("metric"), str)
            and "counts" not in target else target
            for target in accountability["targets"]])
    return doc


def _v6_to_v7(doc: Document, repairs: list[str]) -> Document:
    """Version 7 splits the holiday country "DE-BY" into a country and a subdivision."""
    doc = dict(doc)
    accountability = doc.get("accountability")
    code = accountability.get("holiday_country") if isinstance(accountability, dict) else None
    if isinstance(accountability, dict) and isinstance(code, str):
        try:
            country, subdivision = (parse_place(code)
                                    if code.strip() else ("", ""))
        except HolidayCountryError:
            country, subdivision = "", ""
            repairs.append(_country_cleared(code))
        doc["accountability"] = dict(accountability, holiday_country=country,
                                     holiday_subdivision=subdivision)
    return doc


def _v7_to_v8(doc: Document, repairs: list[str]) -> Document:
    """Version 8 adds the plan's and the reps' languages; a version-7 plan printed in English."""
    doc = dict(doc)
    if isinstance(doc.get("basics"), dict):
        doc["basics"] = {"language": "en", **doc["basics"]}
    return doc


MIGRATIONS: dict[int, Callable[[Document, list[str]], Document]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5, 5: _v5_to_v6, 6: _v6_to_v7,
    7: _v7_to_v8}


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
    if version < 3:
        doc = copy.deepcopy(doc)  # from 3 on, each migration copies what it changes
    repairs = [] if repairs is None else repairs
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc, repairs)
        version += 1
        doc["schema_version"] = version
    return doc
