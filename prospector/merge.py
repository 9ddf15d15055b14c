"""Merging two sets of edits made to the same plan version (another window, the command line).

``merge_plans(base, mine, theirs)`` takes three plan documents (``plan_to_document``): the version
both sides started from, and each side's result. Items of the plan's lists are matched by id, so
an account added on one side and a touch edited on the other merge; a field changed on both sides
to different values, or an item deleted on one side and edited on the other, is a conflict that
is named, and nothing is merged. The actuals' facts are matched by their key and the weekly
figures by rep, week and target, so two imports of different exports merge.
"""

from __future__ import annotations

from typing import Any

from .messages import Note, Number
from .model import Plan
from .sections import LIST_SECTIONS

_MISSING = object()


class Item(str):
    """A place's part that is a list's item, by its words (its name, title, ...)."""


Place = tuple[str, ...]  # keys of the plan document and ``Item`` words, from the top


class MergeConflict(ValueError):
    """The two sets of edits cannot be combined; ``places`` names each place (the app words them
    in its language), ``conflicts`` as the command line prints them (``touches “Mine”.title``)."""

    def __init__(self, places: list[Place]) -> None:
        self.places = places
        self.conflicts = [written(place) for place in places]
        shown = "; ".join(self.conflicts[:5]) + (f"; and {len(self.conflicts) - 5} more"
                                                  if len(self.conflicts) > 5 else "")
        super().__init__(f"both sides changed: {shown}")


def written(place: Place) -> str:
    """A place as the command line names it: ``basics.owner``, ``touches “Mine”.title``."""
    text = ""
    for part in place:
        text += f" “{part}”" if isinstance(part, Item) else f".{part}" if text else part
    return text.strip() or "the plan"


def merge_plans(base: dict, mine: dict, theirs: dict) -> dict:
    """The plan document with both sides' edits; raises MergeConflict if they collide, or
    ValueError if the combination would not be a valid plan (e.g. one side deleted a persona the
    other side's new touch is for, or both sides' new accounts together would be more than a
    plan holds)."""
    conflicts: list[Place] = []
    merged = _merge_dict(base, mine, theirs, (), conflicts)
    if conflicts:
        raise MergeConflict(conflicts)
    Plan.model_validate(merged)
    for section in LIST_SECTIONS:
        if section.most is not None and len(merged.get(section.key, ())) > max(
                section.most, len(mine.get(section.key, ())), len(theirs.get(section.key, ()))):
            raise ValueError(Note(section.too_many, limit=Number(section.most)))
    return merged


def _merge_value(base: Any, mine: Any, theirs: Any, where: Place, conflicts: list[Place]) -> Any:
    if _same(mine, base):
        return theirs
    if _same(theirs, base) or _same(mine, theirs):
        return mine
    if isinstance(mine, dict) and isinstance(theirs, dict) and isinstance(base, dict):
        return _merge_dict(base, mine, theirs, where, conflicts)
    if _is_item_list(mine) and _is_item_list(theirs) and _is_item_list(base):
        return _merge_items(base, mine, theirs, where, conflicts)
    conflicts.append(where)
    return mine


def _merge_dict(base: dict, mine: dict, theirs: dict, where: Place,
                conflicts: list[Place]) -> dict:
    merged = {}
    for key in list(dict.fromkeys([*theirs, *mine])):
        value = _merge_value(base.get(key, _MISSING), mine.get(key, _MISSING),
                             theirs.get(key, _MISSING), (*where, key), conflicts)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _merge_items(base: list, mine: list, theirs: list, where: Place,
                 conflicts: list[Place]) -> list:
    """Lists of items with ids: each item merged on its own, in theirs' order, with mine's other
    items where they stand in mine."""
    by_id = {side: {_identity(item): item for item in items}
             for side, items in (("base", base), ("mine", mine), ("theirs", theirs))}
    order = [_identity(item) for item in theirs]
    for index, item in enumerate(mine):
        if _identity(item) not in by_id["theirs"]:  # new in mine, or gone from theirs
            order.insert(min(index, len(order)), _identity(item))
    merged = []
    for item_id in order:
        label = _label(by_id["mine"].get(item_id) or by_id["theirs"].get(item_id) or {})
        value = _merge_value(by_id["base"].get(item_id, _MISSING),
                             by_id["mine"].get(item_id, _MISSING),
                             by_id["theirs"].get(item_id, _MISSING),
                             (*where, Item(label)), conflicts)
        if value is not _MISSING:
            merged.append(value)
    return merged


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not _MISSING and b is not _MISSING and a == b)


def _is_item_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(i, dict) and _identity(i) is not _MISSING
                                           for i in value)


_FIGURE = ("rep_id", "week", "metric")


def _identity(item: dict) -> Any:
    """What an item is known by: its id, a fact's key, a weekly figure's rep, week and target."""
    if "id" in item:
        return item["id"]
    if "key" in item:
        return ("key", item["key"])
    if all(isinstance(item.get(k), str) for k in _FIGURE):
        return ("figure", item["rep_id"], item["week"], item["metric"].casefold())
    return _MISSING


def _label(item: dict) -> str:
    for key in ("name", "title", "role", "difference", "subject", "metric", "key", "id"):
        if item.get(key):
            return str(item[key])[:60]
    return "?"
