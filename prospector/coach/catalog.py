"""The rule registry, filled by importing the check modules (every ``checks_*.py`` here), in
section order: a new section's checks are a new module, and no list to update."""

from __future__ import annotations

import importlib
import pkgutil

from . import __name__ as _package
from . import __path__ as _path
from .rules import REGISTRY, SECTIONS, Rule

for _module in sorted(m.name for m in pkgutil.iter_modules(_path) if m.name.startswith("checks_")):
    importlib.import_module(f"{_package}.{_module}")  # each registers its rules

RULES: tuple[Rule, ...] = tuple(sorted(REGISTRY, key=lambda r: SECTIONS.index(r.section)))
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
