"""What a rule is, and the registry the check modules fill.

A rule is data (stable id, section, severity, title, what trips it, why, fix) plus one check
function. A check gets a ``Context`` (the plan, the thresholds and look-ups computed once per
review) and yields a ``Hit`` per item it flags; the engine turns hits into findings. Texts may
name thresholds in braces, e.g. ``{min_cadence_touches}``; they are filled in from the
thresholds in force.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from ..model import Plan
from ..sections import SECTIONS as PLAN_SECTIONS
from .thresholds import Thresholds
from .wording import ENGLISH, and_list, quote, translated, worded, worded_n

Severity = Literal["blocker", "warning", "tip"]
SEVERITIES: tuple[str, ...] = ("blocker", "warning", "tip")

# The plan's sections, their titles and item nouns, as prospector/sections.py declares them.
SECTIONS: tuple[str, ...] = tuple(section.key for section in PLAN_SECTIONS)
SECTION_TITLES: dict[str, str] = {section.key: section.title for section in PLAN_SECTIONS}
ITEM_NOUNS: dict[str, tuple[str, str]] = {section.key: (section.item, section.items)
                                          for section in PLAN_SECTIONS if section.item}


@dataclass(frozen=True, slots=True)
class Hit:
    """One flagged item, as a check reports it."""

    item_id: str | None
    item_label: str
    message: str
    field: str | None = None
    fix: str | None = None  # replaces the rule's fix when the check knows better
    row: int | None = None  # the row of the item's own list the finding is about (a step)


class Context:
    """The plan under review plus look-ups several rules need, each computed at most once."""

    def __init__(self, plan: Plan, thresholds: Thresholds, language: str = ENGLISH) -> None:
        self.plan = plan
        self.th = thresholds
        self.language = language  # the findings' language

    def say(self, msgid: str, /, **values: object) -> str:
        """A finding's message in the review's language (``msgid``: its English text)."""
        return worded(self.language, msgid, **values)

    def say_n(self, singular: str, plural: str, n: int, /, **values: object) -> str:
        """A counted message in the review's language, by its own plural rule."""
        return worded_n(self.language, singular, plural, n, **values)

    def quote(self, text: str) -> str:
        """``text`` between the quotation marks of the review's language."""
        return quote(text, self.language)

    def and_list(self, items: list[str]) -> str:
        return and_list(items, self.language)

    def section_title(self, section: str) -> str:
        """A section's title in the review's language."""
        return translated(self.language, SECTION_TITLES[section])

    @cached_property
    def touch_ids_in_cadences(self) -> set[str]:
        return {s.touch_id for c in self.plan.cadences for s in c.steps if s.touch_id}

    @cached_property
    def persona_ids_served(self) -> set[str]:
        return {pid for t in self.plan.touches for pid in t.persona_ids}

    @cached_property
    def owners(self) -> dict[str, list[str]]:
        """Account id -> names of the reps who own it."""
        owners: dict[str, list[str]] = {}
        for rep in self.plan.reps:
            for aid in rep.account_ids:
                owners.setdefault(aid, []).append(rep.name)
        return owners

    @cached_property
    def tier_counts(self) -> dict[str, int]:
        counts = {"A": 0, "B": 0, "C": 0}
        for account in self.plan.accounts:
            counts[account.tier] += 1
        return counts

    @cached_property
    def single_tier(self) -> bool:
        """Enough accounts to expect tiers, yet all of them in one tier."""
        used = [t for t, n in self.tier_counts.items() if n]
        return len(self.plan.accounts) >= self.th.min_accounts_for_tiers and len(used) == 1


Check = Callable[[Context], Iterable[Hit]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    section: str
    severity: Severity
    title: str
    trips: str
    why: str
    fix: str
    check: Check
    thresholds: tuple[str, ...] = ()

    def text(self, template: str, th: Thresholds) -> str:
        """A rule text with its ``{threshold}`` (or ``{threshold:.0%}``) placeholders filled in;
        other braces, such as merge fields ``{{first_name}}``, are left alone."""
        if not self.thresholds:
            return template

        def fill(match: re.Match[str]) -> str:
            name, spec = match.group(1), match.group(2) or ""
            if name not in self.thresholds:
                return match.group(0)
            return format(getattr(th, name), spec)

        return _PLACEHOLDER.sub(fill, template)


_PLACEHOLDER = re.compile(r"(?<!\{)\{(\w+)(?::([^{}]+))?\}(?!\})")
REGISTRY: list[Rule] = []


def rule(
    rule_id: str,
    *,
    section: str,
    severity: Severity,
    title: str,
    trips: str,
    why: str,
    fix: str,
    thresholds: tuple[str, ...] = (),
) -> Callable[[Check], Check]:
    """Register the decorated check as a rule. Ids are stable: tools and tests rely on them."""
    assert section in SECTIONS, section
    assert severity in SEVERITIES, severity
    assert all(r.id != rule_id for r in REGISTRY), f"duplicate rule id {rule_id}"

    def register(check: Check) -> Check:
        REGISTRY.append(Rule(rule_id, section, severity, title, trips, why, fix, check, thresholds))
        return check

    return register


def short(text: str, limit: int = 60) -> str:
    """A label for an item whose name is a sentence (a differentiator, an objective)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,;:.") + "…"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"
