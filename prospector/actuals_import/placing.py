"""Where an import's facts go in the plan's actuals: worked out where the export is read (the
app's reader process, ``prospector.export_reader``), so that the app puts them in place without
looking every key up again (100,000 keys: 50-140 ms on the window's thread)."""

from __future__ import annotations

from dataclasses import dataclass

from ..actuals.ledger import Actuals
from ..actuals.records import LoggedFact
from .result import ActualsImport


@dataclass(frozen=True)
class Placing:
    """Where an import's facts go in the plan's actuals, worked out by the reader so that the
    app puts them in place without looking every key up again (100,000 keys: 50-140 ms).

    ``replacing``: (index in the plan's facts, index in the import's facts) for the facts an
    earlier import brought in and this one changes; ``adding``: the import's facts added at the
    end, in order (a ``range`` when it is all of them)."""

    replacing: list[tuple[int, int]]
    adding: range | list[int]

    @classmethod
    def of(cls, found: ActualsImport, actuals: Actuals) -> Placing:
        """As ``Actuals.with_facts(found.facts)`` places them."""
        where = {fact.key: i for i, fact in enumerate(found.facts)}
        replacing = [(i, where.pop(fact.key)) for i, fact in enumerate(actuals.facts)
                     if fact.key in where]
        if not replacing:
            return cls([], range(len(found.facts)))
        return cls(replacing, list(where.values()))

    def actuals_after(self, found: ActualsImport, actuals: Actuals) -> Actuals:
        """``found.actuals_after`` for a plan with ``actuals``, from this placing."""
        facts: list[LoggedFact] = list(actuals.facts)
        for i, j in self.replacing:
            facts[i] = found.facts[j]
        if isinstance(self.adding, range) and self.adding == range(len(found.facts)):
            facts += found.facts
        else:
            facts += [found.facts[j] for j in self.adding]
        return actuals.with_facts_placed(facts, found.remember_reps, found.remember_accounts)
