"""The preview's excerpt of a long account list: the accounts around the one being edited.

A preview of the targets step for a plan of 1,000 accounts would lay out every account's line
(22 pages, 5-7 s). Above ``EXCERPT_ABOVE`` accounts, ``excerpt_accounts`` keeps in the edition's
context only ``AROUND`` accounts either side of the focused one (in print order: tier A first,
then by name), the tiers' headings and counts unchanged, without the overview table, and says
so on the page: "Accounts 41-70 of 1,000". The export never takes an excerpt
(``Renderer.render(excerpt=...)`` is the preview's).
"""

from __future__ import annotations

from typing import Any

EXCERPT_ABOVE = 40  # accounts: a longer list is previewed as an excerpt
AROUND = 15  # accounts printed either side of the focused one


def excerpt_accounts(context: dict[str, Any], focus: str | None) -> None:
    """Cut ``context``'s account list (cards or lines, by tier) to the window around the
    account ``focus`` (an account's id; the list's start if it is not one), and set
    ``context["excerpt"]`` = first, last (1-based, in print order) and total."""
    tiers = context.get("tiers") or []
    printed = [a for t in tiers for a in t["accounts"]]
    if len(printed) <= EXCERPT_ABOVE:
        return
    at = next((i for i, a in enumerate(printed) if a.get("id") == focus), 0)
    first = max(0, min(at - AROUND, len(printed) - (2 * AROUND + 1)))
    last = min(len(printed), first + 2 * AROUND + 1)
    kept = {id(a) for a in printed[first:last]}
    shown = []
    for tier in tiers:
        accounts = [a for a in tier["accounts"] if id(a) in kept]
        if accounts:
            shown.append({**tier, "accounts": accounts, "not_printed": 0})
    context["tiers"] = shown
    # the overview table (up to 400 accounts) would count only the excerpt's rows as if they
    # were all; the cards that follow say the same of each account
    context["overview"] = {}
    context["excerpt"] = {"first": first + 1, "last": last, "total": len(printed)}
