"""The rule registry, filled by importing the check modules, in section order."""

from __future__ import annotations

from . import (  # noqa: F401 - they register rules
    checks_campaign,
    checks_conversations,
    checks_messages,
    checks_targets,
)
from .rules import REGISTRY, SECTIONS, Rule

RULES: tuple[Rule, ...] = tuple(sorted(REGISTRY, key=lambda r: SECTIONS.index(r.section)))
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
