"""A plan's JSON written again after each edit, at the cost of what the edit changed.

The live preview sends the whole plan to its render worker a moment after each edit; pydantic
writes a 1,000-account plan in 8-25 ms, on the window's thread. ``PlanJson`` keeps each list
item's JSON (an account, a touch, a rep...) until it is told the item changed (``forget``), and
writes only the rest each time: the plan's other parts and the items edited since. Whoever
edits the plan must say what changed, or ``forget_all``.

The actuals' facts (up to 100,000 imported from CRM exports) are left out: the leader's edition
prints none of them, and with them each preview sent 24 MB to the render worker, which spent 2 s
reading them (a rep's edition fills the scorecard with the rep's actuals: ``printed_plan_json``
sends them to a render process; the preview sends the rep's actuals per week instead,
``review.rep_actuals_by_week``). The rest of the actuals (the weekly
figures, the names remembered) is kept as written while the plan holds the same ``Actuals``
object: an import or a figure entered replaces it (``Actuals.with_facts``, ``with_figure``); an
edit inside it must be told (``forget``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .model import Plan

# the plan's lists of items with ids: their items' JSON is kept
LISTS: tuple[str, ...] = tuple(
    name for name, field in Plan.model_fields.items()
    if getattr(field.annotation, "__origin__", None) is list)
ACTUALS = "actuals"


def printed_plan_json(plan: Plan, *, facts: bool) -> str:
    """``plan.model_dump_json()`` for a process that prints the playbook, with the actuals'
    facts only when the edition prints what they count (``facts``: a rep's edition fills the
    rep's scorecard with them; the leader's edition prints none). With 100,000 facts each render
    worker of ``--all-reps`` read 24 MB, about 2 s each. The facts are written from the JSON
    blocks their ``FactLog`` keeps (written once, for the store), not written out again."""
    if not facts or not plan.actuals.facts:
        return plan.model_dump_json(exclude={ACTUALS: {"facts"}})
    actuals = plan.actuals.model_dump_json(exclude={"facts"})
    blocks = ",".join(text[1:-1] for _h, text in plan.actuals.facts.blocks())
    with_facts = '{"facts":[' + blocks + "]" + ("}" if actuals == "{}" else "," + actuals[1:])
    without = plan.model_dump_json(exclude={ACTUALS})
    return without[:-1] + (',"' if without != "{}" else '"') + ACTUALS + '":' + with_facts + "}"


class PlanJson:
    def __init__(self) -> None:
        self._items: dict[tuple[str, str], tuple[int, bytes]] = {}  # (list, id) -> (object, JSON)
        self._actuals: tuple[object, bytes] | None = None  # (the Actuals written, its JSON)

    def forget(self, path: Sequence[Any]) -> None:
        """The value at ``path`` (``("accounts", "acc-3f9a", "city")``) changed."""
        if not path:
            self.forget_all()
        elif path[0] == ACTUALS:
            self._actuals = None
        elif path[0] in LISTS:
            if len(path) > 1 and isinstance(path[1], str):
                self._items.pop((path[0], path[1]), None)
            else:  # the list as a whole, or an item by its row
                self._items = {k: v for k, v in self._items.items() if k[0] != path[0]}

    def forget_all(self) -> None:
        self._items.clear()
        self._actuals = None

    def json(self, plan: Plan) -> bytes:
        """``plan`` as JSON (what ``plan.model_dump_json()`` writes, as UTF-8), without the
        actuals' facts."""
        rest = plan.__pydantic_serializer__.to_json(plan, exclude={*LISTS, ACTUALS})
        if self._actuals is None or self._actuals[0] is not plan.actuals:
            actuals = plan.actuals
            self._actuals = (actuals, actuals.__pydantic_serializer__.to_json(
                actuals, exclude={"facts"}))
        kept: dict[tuple[str, str], tuple[int, bytes]] = {}
        parts = [rest[:-1], b'"%s":%s' % (ACTUALS.encode(), self._actuals[1])]
        for name in LISTS:
            items = []
            for item in getattr(plan, name):
                key = (name, item.id)
                known = self._items.get(key)
                if known is None or known[0] != id(item):  # new, edited, or another object
                    known = (id(item), item.__pydantic_serializer__.to_json(item))
                kept[key] = known
                items.append(known[1])
            parts.append(b'"%s":[%s]' % (name.encode(), b",".join(items)))
        self._items = kept  # the removed items go
        return parts[0] + (b"," if parts[0] != b"{" else b"") + b",".join(parts[1:]) + b"}"
