"""The steps of the plan builder, in the order a leader works through them.

Each module here holds pages (``StepPage`` subclasses) whose ``key`` is a step declared in
``prospector/sections.py``; ``step_pages()`` finds them, in the steps' order, so a new step's page
is a new module here and no list to update.
"""

from __future__ import annotations

import importlib
import pkgutil

from prospector.sections import STEPS
from ui.widgets.step_page import StepPage


def step_pages() -> list[type[StepPage]]:
    """One page class per declared step, in the steps' order."""
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    by_key: dict[str, type[StepPage]] = {}
    pending: list[type[StepPage]] = [StepPage]
    while pending:
        for page in pending.pop().__subclasses__():
            pending.append(page)
            if page.key:
                if page.key in by_key and by_key[page.key] is not page:
                    raise LookupError(f"two pages for the step {page.key!r}: "
                                      f"{by_key[page.key].__name__} and {page.__name__}")
                by_key[page.key] = page
    missing = [step.key for step in STEPS if step.key not in by_key]
    if missing:
        raise LookupError(f"no page in ui/pages for the steps {missing}")
    return [by_key[step.key] for step in STEPS]
