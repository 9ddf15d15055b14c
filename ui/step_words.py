"""A step's status in the app's language: "26 Accounts", "Ziel gesetzt", the to-dos.

``prospector/sections.py`` words a step's status in English for every reader (the CLI, the
review); its summary is counts ("7 objections, 12 questions") or a few fixed words ("goal set"),
and its to-dos are fixed sentences. The app shows them through its catalog: fixed words with
``_()`` (ui/catalog_sources.py extracts them from the steps' status on an empty plan), counts
again with the language's plural rule and number format."""

from __future__ import annotations

import re
from collections.abc import Callable

from prospector.sections import StepStatus
from ui.language import _, ngettext
from ui.table_model import show_number

_COUNTED = re.compile(r"(\d+) (\w+)")

# every noun a step's summary counts, by the words it is counted in (sections.py's count())
_NOUNS: dict[str, Callable[[int], str]] = {
    "account": lambda n: ngettext("{n} account", "{n} accounts", n),
    "persona": lambda n: ngettext("{n} persona", "{n} personas", n),
    "touch": lambda n: ngettext("{n} touch", "{n} touches", n),
    "differentiator": lambda n: ngettext("{n} differentiator", "{n} differentiators", n),
    "objection": lambda n: ngettext("{n} objection", "{n} objections", n),
    "question": lambda n: ngettext("{n} question", "{n} questions", n),
    "step": lambda n: ngettext("{n} step", "{n} steps", n),
    "target": lambda n: ngettext("{n} target", "{n} targets", n),
    "rep": lambda n: ngettext("{n} rep", "{n} reps", n),
}
_PLURALS = {"touches": "touch"}


def _part(text: str) -> str:
    found = _COUNTED.fullmatch(text)
    if found:
        n, noun = int(found[1]), found[2]
        singular = _PLURALS.get(noun, noun[:-1] if noun.endswith("s") and n != 1 else noun)
        if singular in _NOUNS:
            return _NOUNS[singular](n).format(n=show_number(n))
    return _(text)


def summary(status: StepStatus) -> str:
    """The status's summary in the app's language."""
    return ", ".join(_part(part) for part in status.summary.split(", "))


def to_do(status: StepStatus) -> str:
    """What would complete the step, in the app's language, one thing after another."""
    return "; ".join(_(todo) for todo in status.missing)
