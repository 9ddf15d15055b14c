"""Structural edits of a plan (add, remove, reorder, cadence templates), as pure functions.

Each returns the changed sections as plan-file data (``{"accounts": [...], "reps": [...]}``), so
the app can apply them as one undoable step and the CLI or tests can apply them directly with
``apply_sections``. Removing an item also removes every reference to it, so the plan stays valid.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from .model import Channel, Plan, new_id
from .planfile import plan_to_document

Sections = dict[str, list | dict]
FieldPath = tuple  # ("accounts", "acc-01", "name") or ("cadences", "cad-1", "steps", 3, "day")

ID_PREFIX = {"accounts": "acc", "personas": "per", "touches": "tch", "differentiators": "dif",
             "cadences": "cad", "reps": "rep"}


def apply_sections(plan: Plan, sections: Sections) -> Plan:
    doc = plan_to_document(plan)
    doc.update(sections)
    return Plan.model_validate(doc)


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
    twin = copy.deepcopy(items[index])
    twin["id"] = new_id(ID_PREFIX[section])
    label_key = next(k for k in ("name", "title", "role", "difference") if k in twin)
    twin[label_key] = f"{twin[label_key]} (copy)"
    return add_item(plan, section, twin, index + 1)


def remove_items(plan: Plan, section: str, ids: set[str]) -> Sections:
    """The section without those items, and every section that referred to them, cleaned."""
    doc = plan_to_document(plan)
    changed: Sections = {section: [it for it in doc[section] if it["id"] not in ids]}
    if section == "accounts":
        changed["reps"] = [dict(r, account_ids=[a for a in r["account_ids"] if a not in ids])
                           for r in doc["reps"]]
    elif section == "personas":
        changed["touches"] = [dict(t, persona_ids=[p for p in t["persona_ids"] if p not in ids])
                              for t in doc["touches"]]
        changed["cadences"] = [dict(c, persona_ids=[p for p in c["persona_ids"] if p not in ids])
                               for c in doc["cadences"]]
        changed["accounts"] = [
            dict(a, contacts=[dict(ct, persona_id=None if ct["persona_id"] in ids
                                   else ct["persona_id"]) for ct in a["contacts"]])
            for a in doc["accounts"]
        ]
    elif section == "touches":
        changed["cadences"] = [
            dict(c, steps=[dict(s, touch_id=None if s["touch_id"] in ids else s["touch_id"])
                           for s in c["steps"]])
            for c in doc["cadences"]
        ]
    return changed


def move_item(plan: Plan, section: str, source: int, target: int) -> Sections:
    items = plan_to_document(plan)[section]
    item = items.pop(source)
    items.insert(max(0, min(target, len(items))), item)
    return {section: items}


def _cadence_index(doc: dict, cadence_id: str) -> int:
    return next(i for i, c in enumerate(doc["cadences"]) if c["id"] == cadence_id)


def add_step(plan: Plan, cadence_id: str) -> Sections:
    """A new step a week after the last one (or on day 0), email by default."""
    doc = plan_to_document(plan)
    cadence = doc["cadences"][_cadence_index(doc, cadence_id)]
    day = max((s["day"] for s in cadence["steps"]), default=-7) + 7
    cadence["steps"].append({"day": day, "channel": "email", "touch_id": None, "objective": "",
                             "is_ask": False})
    return {"cadences": doc["cadences"]}


def remove_steps(plan: Plan, cadence_id: str, rows: set[int]) -> Sections:
    doc = plan_to_document(plan)
    cadence = doc["cadences"][_cadence_index(doc, cadence_id)]
    cadence["steps"] = [s for i, s in enumerate(cadence["steps"]) if i not in rows]
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


def sort_steps_by_day(plan: Plan, cadence_id: str) -> Sections:
    doc = plan_to_document(plan)
    cadence = doc["cadences"][_cadence_index(doc, cadence_id)]
    cadence["steps"].sort(key=lambda s: s["day"])
    return {"cadences": doc["cadences"]}


@dataclass(frozen=True)
class CadenceTemplate:
    name: str
    description: str
    days: tuple[int, ...]
    channels: tuple[Channel, ...]
    asks: tuple[int, ...]  # step indexes that ask for a meeting


_E, _P, _S, _M, _V, _I, _EV = (Channel.EMAIL, Channel.PHONE, Channel.SOCIAL, Channel.MAIL,
                               Channel.VIDEO, Channel.IN_PERSON, Channel.EVENT)

CADENCE_TEMPLATES = (
    CadenceTemplate(
        "12 touches over 90 days",
        "The dream-client campaign: persistent for a quarter, spaced, five channels, two asks.",
        (0, 3, 7, 12, 18, 25, 33, 42, 52, 63, 75, 88),
        (_E, _P, _S, _M, _E, _P, _V, _E, _P, _EV, _E, _P),
        (7, 11),
    ),
    CadenceTemplate(
        "8 touches over 45 days",
        "For B and C accounts: shorter, still spaced and multi-channel, ending in an ask.",
        (0, 3, 7, 12, 18, 25, 34, 45),
        (_E, _P, _S, _E, _P, _V, _E, _P),
        (7,),
    ),
    CadenceTemplate(
        "16 touches over 120 days",
        "For large, slow-moving accounts: patient nurture with value, three asks along the way.",
        (0, 4, 9, 14, 20, 27, 35, 43, 51, 60, 69, 78, 88, 98, 109, 120),
        (_E, _P, _S, _M, _E, _P, _V, _EV, _E, _P, _S, _E, _I, _P, _E, _P),
        (7, 12, 15),
    ),
)


def add_cadence_from_template(plan: Plan, template: CadenceTemplate, name: str | None = None,
                              tiers: list[str] | None = None) -> Sections:
    """A new cadence laid out like the template; each step gets the plan's first touch of its
    channel (an ask step prefers a touch whose title starts with "Ask"), ready to adapt."""
    doc = plan_to_document(plan)
    steps = []
    for i, (day, channel) in enumerate(zip(template.days, template.channels, strict=True)):
        is_ask = i in template.asks
        touch = _touch_for(plan, channel, is_ask)
        steps.append({
            "day": day, "channel": channel.value, "touch_id": touch.id if touch else None,
            "objective": ("Ask for a first meeting" if is_ask else ""), "is_ask": is_ask,
        })
    doc["cadences"].append({"id": new_id("cad"), "name": name or template.name,
                            "tiers": tiers or [], "persona_ids": [], "steps": steps})
    return {"cadences": doc["cadences"]}


def _touch_for(plan: Plan, channel: Channel, is_ask: bool):
    same = [t for t in plan.touches if t.channel == channel]
    if is_ask:
        asks = [t for t in same if t.title.lower().startswith("ask")]
        if asks:
            return asks[0]
    return next((t for t in same if not t.title.lower().startswith("ask")), same[0] if same else None)
