"""``Actuals``: what the plan keeps of what the reps did, and the export names it remembers.

- ``facts``: the touches, meetings and opportunities imported from CRM exports, one per key;
- ``weekly``: the figures entered by hand, one per rep, week and target;
- ``rep_names`` and ``account_names``: an export's name (or e-mail) for a rep or an account,
  mapped once by the leader, and used by every later import (keys as the export wrote them;
  matching folds case, accents and legal forms).

Facts and figures keep the rep and account ids they were imported with: removing a rep or an
account from the plan later leaves their actuals in place (the weeks they worked stay counted),
so these ids are not checked against the plan's reps and accounts.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field, field_validator, model_validator

from ..fields import Id, Part
from .fact_log import FactLog
from .records import LoggedFact
from .weekly import WeeklyFigure

MAX_REMEMBERED_NAMES = 10_000

# the weekly figures entered, and those cleared as (rep id, week, target)
FigureChanges = tuple[list[WeeklyFigure], list[tuple[str, str, str]]]


class Actuals(Part):
    # in the order imported, never changed in place: an import makes a new log (fact_log.py)
    facts: FactLog = Field(default_factory=FactLog)
    weekly: list[WeeklyFigure] = Field(default_factory=list)
    rep_names: dict[str, Id] = Field(default_factory=dict, description=(
        "A rep's name or e-mail in an export -> the rep's id."))
    account_names: dict[str, Id] = Field(default_factory=dict, description=(
        "An account's name in an export -> the plan account's id."))

    @field_validator("rep_names", "account_names")
    @classmethod
    def _few_names(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) > MAX_REMEMBERED_NAMES:
            raise ValueError(f"remembers {len(value):,} names, more than "
                             f"{MAX_REMEMBERED_NAMES:,}")
        if any(not name.strip() or len(name) > 300 for name in value):
            raise ValueError("an export name is empty or longer than 300 characters")
        return value

    @model_validator(mode="after")
    def _one_of_each(self) -> Actuals:
        twice = self.facts.duplicate()  # checked once per FactLog
        if twice is not None:
            raise ValueError(f"facts[{twice[0]}].key: {twice[1]!r} is there twice; a fact is "
                             "kept once")
        figures: set[tuple[str, str, str]] = set()
        for i, figure in enumerate(self.weekly):
            which = (figure.rep_id, figure.week, figure.metric.casefold())
            if which in figures:
                raise ValueError(f"weekly[{i}]: {figure.metric!r} of {figure.week} is entered "
                                 f"twice for rep {figure.rep_id}")
            figures.add(which)
        return self

    def is_empty(self) -> bool:
        return not (self.facts or self.weekly)

    def with_facts(self, facts: Iterable[LoggedFact]) -> Actuals:
        """These actuals with ``facts`` added; a fact whose key is kept already replaces it
        (the later export knows better: an opportunity moved on a stage)."""
        new = {fact.key: fact for fact in facts}
        kept = [new.pop(fact.key, fact) for fact in self.facts]
        facts = FactLog([*kept, *new.values()], after=self.facts)  # its unchanged blocks kept
        return self.model_copy(update={"facts": facts})

    def with_facts_placed(self, facts: Iterable[LoggedFact], rep_names: dict[str, str],
                          account_names: dict[str, str]) -> Actuals:
        """These actuals with ``facts`` as they are (these actuals' facts with an import's put in
        place already: ``export_reader.Placing``) and the export names mapped remembered."""
        update: dict[str, object] = {"facts": FactLog(facts, after=self.facts)}
        if rep_names or account_names:
            update["rep_names"] = {**self.rep_names, **rep_names}
            update["account_names"] = {**self.account_names, **account_names}
        return self.model_copy(update=update)

    def with_figure(self, figure: WeeklyFigure) -> Actuals:
        """These actuals with ``figure`` entered (replacing the one of its rep, week and
        target)."""
        which = (figure.rep_id, figure.week, figure.metric.casefold())
        kept = [f for f in self.weekly if (f.rep_id, f.week, f.metric.casefold()) != which]
        return self.model_copy(update={"weekly": [*kept, figure]})

    def without_figure(self, rep_id: str, week: str, metric: str) -> Actuals:
        """These actuals without the figure entered for the rep, week and target (the week
        counts the facts imported again)."""
        which = (rep_id, week, metric.casefold())
        kept = [f for f in self.weekly if (f.rep_id, f.week, f.metric.casefold()) != which]
        return self if len(kept) == len(self.weekly) else self.model_copy(update={"weekly": kept})

    def figures_to(self, other: Actuals) -> FigureChanges | None:
        """What turns these actuals into ``other`` when only weekly figures differ (the facts
        the same log): the figures entered and the ``(rep id, week, target)`` cleared; None
        when more than the figures changed."""
        if other.facts is not self.facts or other.rep_names != self.rep_names \
                or other.account_names != self.account_names:
            return None
        before = {(f.rep_id, f.week, f.metric.casefold()): f for f in self.weekly}
        after = {(f.rep_id, f.week, f.metric.casefold()): f for f in other.weekly}
        entered = [f for key, f in after.items() if before.get(key) != f]
        cleared = [(f.rep_id, f.week, f.metric) for key, f in before.items() if key not in after]
        return entered, cleared

    def figure(self, rep_id: str, week: str, metric: str) -> WeeklyFigure | None:
        """The figure entered for the rep, week and target, if one was."""
        which = (rep_id, week, metric.casefold())
        return next((f for f in self.weekly if (f.rep_id, f.week, f.metric.casefold()) == which),
                    None)
