"""Edits of a plan, without Qt.

Two kinds:

- In place, small (what the app's undoable edits use): ``new_items`` + ``check_insert`` check
  items before they are inserted into a list of the plan (the items alone, then only what can
  break: an id used twice, a reference to nothing); ``insert_into``, ``take_from``,
  ``move_within`` and ``put_values`` then change the plan in place, unchecked, touching only the
  items they move. ``references_to`` lists the references that removing items must clear in
  the same step. ``checked_sections`` checks whole replacement sections once.
- As plan-file data (what the CLI and tests apply with ``apply_sections``): ``add_item``,
  ``remove_items``, ``move_item``, ``add_step``, ... return the changed sections
  (``{"accounts": [...], "reps": [...]}``). Removing an item also removes every reference to it.

A list of the plan is named by its path: ``("accounts",)``, ``("accounts", "acc-01",
"contacts")``, ``("cadences", "cad-1", "steps")``, ``("accountability", "targets")``; an item
of a top-level list by its id, of a nested list by its index.
"""

from __future__ import annotations

import copy
import typing
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .messages import Note, Number
from .model import Channel, Part, Plan, new_id
from .planfile import plan_to_document
from .sections import LIST_SECTIONS

Sections = dict[str, list | dict]
FieldPath = tuple  # ("accounts", "acc-01", "name") or ("cadences", "cad-1", "steps", 3, "day")
ListPath = tuple  # ("accounts",) or ("cadences", "cad-1", "steps")
Reference = tuple  # (field path, value before, value after) of a reference an edit changes

ID_PREFIX = {section.key: section.id_prefix for section in LIST_SECTIONS}


class Room(NamedTuple):
    """The most items a list section holds, and what a leader is told there."""

    limit: int
    too_many: str


MOST = {section.key: Room(section.most, section.too_many) for section in LIST_SECTIONS
        if section.most is not None}
LABEL_FIELDS = ("name", "title", "role", "difference", "says", "question", "metric")


def apply_sections(plan: Plan, sections: Sections) -> Plan:
    """A new plan: ``plan`` with ``sections`` (plan-file data) in place of its own, checked once."""
    return plan.model_copy(update=checked_sections(plan, sections), deep=True)


def checked_sections(plan: Plan, sections: Sections) -> dict[str, Any]:
    """``sections`` (plan-file data, or parts of a plan) checked once against the rest of
    ``plan``: their own rules, then the whole plan's (ids, references). Returns the checked
    sections as parts of a plan; raises ValueError (pydantic's ValidationError) if refused.

    Only the replaced sections are validated: the others are passed as they are (pydantic does
    not validate an instance again), so replacing the reps of a 1,000-account plan does not
    read the 1,000 accounts again."""
    data = {name: getattr(plan, name) for name in type(plan).model_fields}
    data.update(sections)
    checked = Plan.model_validate(data)
    return {name: getattr(checked, name) for name in sections}


# --- in-place edits of the lists of a plan (the app's undoable structural edits) ---------------
def items_at(plan: Plan, path: ListPath) -> list:
    """The list of the plan at ``path`` (the list itself: changing it changes the plan)."""
    node: Any = plan
    for part in path:
        node = _child(node, part)
    if not isinstance(node, list):
        raise KeyError(f"{'.'.join(map(str, path))} is not a list")
    return node


def item_type(plan: Plan, path: ListPath) -> type[Part]:
    owner, field = resolve(plan, path)
    (kind,) = typing.get_args(type(owner).model_fields[field].annotation)
    return kind


def new_items(plan: Plan, path: ListPath, items: Iterable[dict | Part]) -> list[Part]:
    """``items`` as the list at ``path`` holds them, each checked on its own (a missing id is
    made). Raises ValueError if one is refused."""
    kind = item_type(plan, path)
    return [kind.model_validate(item.model_dump() if isinstance(item, Part) else item)
            for item in items]


def check_insert(plan: Plan, path: ListPath, index: int, items: Sequence[Part]) -> None:
    """Raise ValueError if the plan with ``items`` inserted at ``index`` of the list at ``path``
    would not hold together (an id used twice, a reference to nothing). The items themselves are
    checked by ``new_items``; here only the parts along ``path`` are copied, once."""
    candidate = list(items_at(plan, path))
    candidate[index:index] = items
    with_value(plan, path, candidate)


def check_room(path: ListPath, count: int, more: int) -> None:
    """Raise ValueError if ``more`` items added to the ``count`` of the list at ``path`` pass
    the most its section holds (``Section.most``: 5,000 accounts). Asked where a leader adds
    (Add, Duplicate, an import), not of every insertion: an edit made again (undo, redo, the
    unsaved edits restored after a crash) puts back what was there, however many."""
    room = MOST.get(path[0]) if len(path) == 1 else None
    if room is not None and more > 0 and count + more > room.limit:
        raise ValueError(Note(room.too_many, limit=Number(room.limit)))


def insert_into(plan: Plan, path: ListPath, index: int, items: Sequence[Part]) -> None:
    items_at(plan, path)[index:index] = items


def take_from(plan: Plan, path: ListPath, first: int, last: int) -> list[Part]:
    """Remove (and return) the items ``first``..``last`` of the list at ``path``."""
    items = items_at(plan, path)
    taken = items[first:last + 1]
    del items[first:last + 1]
    return taken


def move_within(plan: Plan, path: ListPath, source: int, target: int,
                keep: str | None = None) -> list[int]:
    """Move the item at ``source`` to ``target`` (its index afterwards). With ``keep``, each
    position keeps the value of that field (a cadence step's ``day``: the rhythm stays). Returns
    the rows whose ``keep`` field changed."""
    items = items_at(plan, path)
    if not keep:
        items.insert(target, items.pop(source))
        return []
    kept = [getattr(item, keep) for item in items]
    items.insert(target, items.pop(source))
    changed = []
    for row, value in enumerate(kept):
        if getattr(items[row], keep) != value:
            _put(items[row], keep, value)
            changed.append(row)
    return changed


def moved_one_place(items: list, rows: Iterable[int], delta: int,
                    keep: str | None = None) -> list:
    """A new list of ``items`` with those at ``rows`` one place up (``delta`` -1) or down
    (+1) together, the others closing up behind them; with ``keep``, each position keeps the
    value of that field (changed items are copies). ``items`` is left as it was. The rows
    must be able to move (none first when moving up, none last when moving down)."""
    chosen = set(rows)
    order = list(range(len(items)))
    for row in sorted(chosen, reverse=delta > 0):  # the one nearest its end first
        order[row], order[row + delta] = order[row + delta], order[row]
    moved = [items[i] for i in order]
    if keep:
        moved = [item if getattr(item, keep) == getattr(items[row], keep)
                 else item.model_copy(update={keep: getattr(items[row], keep)})
                 for row, item in enumerate(moved)]
    return moved


def runs(indexes: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted indexes as (first, last) runs of consecutive ones:
    [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    found: list[list[int]] = []
    for index in sorted(set(indexes)):
        if found and index == found[-1][1] + 1:
            found[-1][1] = index
        else:
            found.append([index, index])
    return [(first, last) for first, last in found]


def references_to(plan: Plan, section: str, ids: set[str]) -> list[Reference]:
    """The references to the items ``ids`` of ``section`` that removing them must clear, as
    (path, value before, value after): a removed account leaves its rep, a removed persona its
    touches, cadences, contacts, objections and questions, a removed differentiator the
    objections it proved, a removed touch the cadence steps that delivered it."""
    found: list[Reference] = []

    def without(part: str, items, field: str) -> None:
        for item in items:
            before = getattr(item, field)
            after = [i for i in before if i not in ids]
            if len(after) != len(before):
                found.append(((part, item.id, field), before, after))

    if section == "accounts":
        without("reps", plan.reps, "account_ids")
    elif section == "personas":
        without("touches", plan.touches, "persona_ids")
        without("cadences", plan.cadences, "persona_ids")
        without("objections", plan.objections, "persona_ids")
        without("questions", plan.questions, "persona_ids")
        for account in plan.accounts:
            for row, contact in enumerate(account.contacts):
                if contact.persona_id in ids:
                    found.append((("accounts", account.id, "contacts", row, "persona_id"),
                                  contact.persona_id, None))
    elif section == "differentiators":
        for objection in plan.objections:
            if objection.differentiator_id in ids:
                found.append((("objections", objection.id, "differentiator_id"),
                              objection.differentiator_id, None))
    elif section == "touches":
        for cadence in plan.cadences:
            for row, step in enumerate(cadence.steps):
                if step.touch_id in ids:
                    found.append((("cadences", cadence.id, "steps", row, "touch_id"),
                                  step.touch_id, None))
    return found


def put_values(plan: Plan, values: Iterable[tuple[FieldPath, Any]]) -> None:
    """Set each field at its path, unchecked (the values come from a checked edit, or are what
    the fields held before it). Items named by id are found through one index per list, so
    clearing 500 contacts' persona does not search the 1,000 accounts 500 times."""
    owners = _Owners(plan)
    for path, value in values:
        _put(owners.of(path), path[-1], value)


def get_values(plan: Plan, paths: Iterable[FieldPath]) -> list[Any]:
    """The value at each path, items found by id through one index per list (the tier of 1,000
    selected accounts without searching the accounts 1,000 times)."""
    owners = _Owners(plan)
    return [getattr(owners.of(path), path[-1]) for path in paths]


class _Owners:
    """Finds the part that holds a field, by path, indexing each list by id once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.by_id: dict[int, dict[str | None, Any]] = {}

    def of(self, path: FieldPath) -> Any:
        node: Any = self.plan
        for part in path[:-1]:
            if isinstance(node, list) and isinstance(part, str):
                index = self.by_id.get(id(node))
                if index is None:
                    index = self.by_id[id(node)] = {getattr(i, "id", None): i for i in node}
                node = index[part]
            else:
                node = _child(node, part)
        return node


def _put(owner: Part, field: str, value: Any) -> None:
    """Set a field without pydantic's assignment check (the value is known to be valid)."""
    owner.__dict__[field] = value
    owner.__pydantic_fields_set__.add(field)


# Fields whose names are not the leader's words (the rest read as their names, "_" as spaces).
FIELD_WORDS = {
    "account_ids": "accounts", "persona_ids": "personas", "persona_id": "persona",
    "touch_id": "touch", "is_ask": "ask", "tiers": "tiers", "cares_about": "what they care about",
    "value_means": "what value means", "why": "why a target", "why_it_matters": "why it matters",
    "creates_opportunities": "opportunity target", "per_rep": "per rep", "talk_track": "talk track",
    "daily_touch_capacity": "touches a day", "page_size": "paper size",
    "says": "what the client says", "behind": "what is behind it",
    "differentiator_id": "differentiator that proves it", "good_answer": "what a good answer tells",
    "must_show": "what it must show",
}
_NUMBERED = {"steps": "step", "contacts": "contact", "targets": "target"}


def describe_edit(plan: Plan, path: FieldPath,
                  speak: Callable[[str], str] = lambda words: words) -> str:
    """A field edit in the leader's words, for its undo step: ``tier of Brückner & Voss``,
    ``day of step 3 of Dream client campaign``, ``goal``. ``speak`` puts each English word and
    pattern in the user's language (the app passes its catalog, ui/field_names.py)."""
    path = tuple(path)
    if path == ("name",):
        return speak("plan name")
    words = speak(FIELD_WORDS.get(str(path[-1]), str(path[-1]).replace("_", " ")))
    owners: list[str] = []
    node: Any = plan
    try:
        for i, part in enumerate(path[:-1]):
            node = _child(node, part)
            label = label_of(node)
            if isinstance(part, int):
                item = speak(_NUMBERED.get(str(path[i - 1]), "item"))
                owners.append(label or speak("{item} {number}").format(item=item, number=part + 1))
            elif label and not isinstance(node, list):
                owners.append(label)
    except (LookupError, AttributeError, TypeError, ValueError):
        return words
    for owner in reversed(owners):
        words = speak("{field} of {owner}").format(field=words, owner=owner)
    return words


def place_label(plan: Plan, path: FieldPath) -> str | None:
    """The row that ``path`` names by its place (its last index: a cadence's step, a contact),
    as the leader knows it now (``row_words``: its name, else its objective); None when the
    path names no row by its place, "" when the row is not there or has no such words."""
    last = max((i for i, part in enumerate(path) if type(part) is int), default=None)
    if last is None:
        return None
    node: Any = plan
    try:
        for part in path[:last + 1]:
            node = _child(node, part)
    except (LookupError, AttributeError, TypeError, ValueError):
        return ""
    return row_words(node)


def row_words(node: Any) -> str:
    """A row as the leader knows it: its name (``label_of``), else its objective (a cadence's
    step), at most 40 characters; "" if it has neither."""
    words = label_of(node) or str(getattr(node, "objective", "") or "").strip()
    return words[:39] + "…" if len(words) > 40 else words


def label_of(node: Any) -> str:
    """An item's name as the leader knows it (its name, title, role, ...; "" if it has none),
    at most 40 characters."""
    for key in LABEL_FIELDS:
        value = getattr(node, key, None)
        if isinstance(value, str) and value.strip():
            text = value.strip()
            return text if len(text) <= 40 else text[:39] + "…"
    return ""


def resolve(plan: Plan, path: FieldPath) -> tuple[Any, str]:
    """The part of the plan that owns the last field of ``path``, and that field's name."""
    node: Any = plan
    for part in path[:-1]:
        node = _child(node, part)
    return node, path[-1]


def get_value(plan: Plan, path: FieldPath) -> Any:
    owner, field = resolve(plan, path)
    return getattr(owner, field)


def with_value(plan: Plan, path: FieldPath, value: Any) -> Plan:
    """A copy of ``plan`` with the field at ``path`` set to ``value``, checked as a whole plan.

    Raises ValueError (pydantic's ValidationError) if the field's own rules refuse the value, or
    if the plan would no longer hold together: an id used twice, a reference to an account,
    persona or touch that does not exist. Only the parts along ``path`` are copied, so a
    keystroke in a 1,000-account plan copies one account and one list, not the plan."""
    return _set_copy(plan, tuple(path), value)


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, list):
        return node[_index(node, part)]
    return getattr(node, part)


def _index(items: list, part: Any) -> int:
    if isinstance(part, int):
        if not 0 <= part < len(items):
            raise KeyError(f"no item {part}")
        return part
    for i, item in enumerate(items):
        if getattr(item, "id", None) == part:
            return i
    raise KeyError(f"no item has id '{part}'")


def _set_copy(node: Any, path: FieldPath, value: Any) -> Any:
    head, rest = path[0], path[1:]
    if isinstance(node, list):
        items = list(node)
        index = _index(items, head)
        items[index] = _set_copy(items[index], rest, value)
        return items
    changed = value if not rest else _set_copy(getattr(node, head), rest, value)
    twin = node.model_copy()
    setattr(twin, head, changed)  # validated: the field's rules, then the part's own checks
    return twin


def add_item(plan: Plan, section: str, item: dict, index: int | None = None) -> Sections:
    items = copy.deepcopy(plan_to_document(plan)[section])
    item = dict(item)
    item.setdefault("id", new_id(ID_PREFIX[section]))
    items.insert(len(items) if index is None else index, item)
    return {section: items}


def duplicate_item(plan: Plan, section: str, item_id: str) -> Sections:
    items = plan_to_document(plan)[section]
    index = next(i for i, it in enumerate(items) if it["id"] == item_id)
    return add_item(plan, section, copy_of(items[index], section), index + 1)


def copy_of(item: dict, section: str,
            named: Callable[[str], str] = lambda name: f"{name} (copy)") -> dict:
    """An item's data as its copy: a new id, its name ``named`` ("… (copy)"; the app's in its
    language)."""
    twin = copy.deepcopy(item)
    twin["id"] = new_id(ID_PREFIX[section])
    label_key = next(k for k in LABEL_FIELDS if k in twin)
    twin[label_key] = named(twin[label_key])
    return twin


def remove_items(plan: Plan, section: str, ids: set[str]) -> Sections:
    """The section without those items, and every section that referred to them, cleaned (the
    rules of ``references_to``)."""
    twin = Plan.model_validate(plan_to_document(plan))
    references = references_to(twin, section, ids)
    put_values(twin, ((path, after) for path, _before, after in references))
    kept = [item for item in getattr(twin, section) if item.id not in ids]
    doc = plan_to_document(twin)
    changed: Sections = {name: doc[name] for name in {path[0] for path, *_ in references}}
    changed[section] = [item.model_dump(mode="json") for item in kept]
    return changed


def move_item(plan: Plan, section: str, source: int, target: int) -> Sections:
    items = plan_to_document(plan)[section]
    item = items.pop(source)
    items.insert(max(0, min(target, len(items))), item)
    return {section: items}


def _cadence_index(doc: dict, cadence_id: str) -> int:
    return next(i for i, c in enumerate(doc["cadences"]) if c["id"] == cadence_id)


def next_step(cadence) -> dict:
    """A new step a week after the last one (or on day 0), email by default."""
    day = max((s.day for s in cadence.steps), default=-7) + 7
    return {"day": day, "channel": "email", "touch_id": None, "objective": "", "is_ask": False}


def add_step(plan: Plan, cadence_id: str) -> Sections:
    doc = plan_to_document(plan)
    cadence = doc["cadences"][_cadence_index(doc, cadence_id)]
    cadence["steps"].append(next_step(next(c for c in plan.cadences if c.id == cadence_id)))
    return {"cadences": doc["cadences"]}


def move_step(plan: Plan, cadence_id: str, source: int, target: int) -> Sections:
    """Reorder the touches of a cadence while its timing stays: each position keeps its day.

    Dragging the meeting ask from step 13 to step 9 moves the ask earlier in the campaign; the
    rhythm of the cadence (days 0, 3, 7, ...) is unchanged."""
    doc = plan_to_document(plan)
    cadence = doc["cadences"][_cadence_index(doc, cadence_id)]
    steps = cadence["steps"]
    days = [s["day"] for s in steps]
    step = steps.pop(source)
    steps.insert(max(0, min(target, len(steps))), step)
    for s, day in zip(steps, days, strict=True):
        s["day"] = day
    return {"cadences": doc["cadences"]}


@dataclass(frozen=True)
class CadenceTemplate:
    name: str
    description: str
    days: tuple[int, ...]
    channels: tuple[Channel, ...]
    asks: tuple[int, ...]  # step indexes that ask for a meeting
    # the name's days count day 0 and the last step's day, as the cadence step counts them


_E, _P, _S, _M, _V, _I, _EV = (Channel.EMAIL, Channel.PHONE, Channel.SOCIAL, Channel.MAIL,
                               Channel.VIDEO, Channel.IN_PERSON, Channel.EVENT)

CADENCE_TEMPLATES = (
    CadenceTemplate(
        "12 touches over 90 days",
        "The dream-client campaign: persistent for a quarter, spaced, five channels, two asks.",
        (0, 3, 7, 12, 18, 25, 33, 42, 52, 63, 75, 89),
        (_E, _P, _S, _M, _E, _P, _V, _E, _P, _EV, _E, _P),
        (7, 11),
    ),
    CadenceTemplate(
        "8 touches over 45 days",
        "For B and C accounts: shorter, still spaced and multi-channel, ending in an ask.",
        (0, 3, 7, 12, 18, 25, 34, 44),
        (_E, _P, _S, _E, _P, _V, _E, _P),
        (7,),
    ),
    CadenceTemplate(
        "16 touches over 120 days",
        "For large, slow-moving accounts: patient nurture with value, three asks along the way.",
        (0, 4, 9, 14, 20, 27, 35, 43, 51, 60, 69, 78, 88, 98, 109, 119),
        (_E, _P, _S, _M, _E, _P, _V, _EV, _E, _P, _S, _E, _I, _P, _E, _P),
        (7, 12, 15),
    ),
)


def add_cadence_from_template(plan: Plan, template: CadenceTemplate, name: str | None = None,
                              tiers: list[str] | None = None) -> Sections:
    doc = plan_to_document(plan)
    doc["cadences"].append(cadence_from_template(plan, template, name, tiers))
    return {"cadences": doc["cadences"]}


def cadence_from_template(plan: Plan, template: CadenceTemplate, name: str | None = None,
                          tiers: list[str] | None = None) -> dict:
    """A new cadence laid out like the template; each step gets a touch of its channel, each of
    the plan's touches of that channel in turn before one comes twice (an ask step prefers a
    touch whose title starts with "Ask"), ready to adapt."""
    steps = []
    given: dict[Channel, list[str]] = {}
    for i, (day, channel) in enumerate(zip(template.days, template.channels, strict=True)):
        is_ask = i in template.asks
        touch = _touch_for(plan, channel, is_ask, given.setdefault(channel, []))
        if touch is not None:
            given[channel].append(touch.id)
        steps.append({
            "day": day, "channel": channel.value, "touch_id": touch.id if touch else None,
            "objective": ("Ask for a first meeting" if is_ask else ""), "is_ask": is_ask,
        })
    return {"id": new_id("cad"), "name": name or template.name, "tiers": tiers or [],
            "persona_ids": [], "steps": steps}


def _touch_for(plan: Plan, channel: Channel, is_ask: bool, given: list[str]):
    """The touch of ``channel`` for a step: the one given least often so far in this cadence
    (the plan's order breaks ties), an ask step preferring a touch titled "Ask..."."""
    same = [t for t in plan.touches if t.channel == channel]
    asks = [t for t in same if t.title.lower().startswith("ask")]
    pool = (asks if is_ask and asks else [t for t in same if t not in asks]) or same
    return min(pool, key=lambda t: given.count(t.id)) if pool else None
