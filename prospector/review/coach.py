"""The checks of the coach on actuals (declared in ``prospector/coach/actuals_rules.py``): each
takes one rep's weeks and yields the messages of its findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from babel.numbers import format_decimal, format_percent

from ..coach.actuals_rules import ACTUALS_RULES, SECTION
from ..coach.engine import Finding
from ..coach.thresholds import Thresholds
from ..coach.wording import ENGLISH, T_, translated, worded_n
from .result import ColdAccount


@dataclass(frozen=True, slots=True)
class RepWeeks:
    """What the checks read of one rep, the week reviewed and the weeks before."""

    rep_id: str
    rep_name: str
    window_weeks: int  # how many weeks the window holds (fewer at the plan's start)
    window_touches: int
    window_meetings: int
    planned_to_date: int
    logged_to_date: int
    cold: tuple[ColdAccount, ...]  # the rep's dream clients gone cold
    unqualified: tuple[str, ...]  # accounts of this week's opportunities without a meeting


_WORDS = (T_("no"), T_("one"), T_("two"), T_("three"), T_("four"), T_("five"), T_("six"),
          T_("seven"), T_("eight"), T_("nine"), T_("ten"))


def _number(n: int, language: str) -> str:
    """A small count in words ("three"), a larger one in figures ("12", "1,204")."""
    return (translated(language, _WORDS[n]) if n < len(_WORDS)
            else format_decimal(n, locale=language))


def _weeks(n: int, language: str) -> str:
    return worded_n(language, "{count} week", "{count} weeks", n, count=_number(n, language))


def _names(names: list[str], language: str, shown: int = 3) -> str:
    if len(names) > shown:
        return worded_n(language, "{items} and {n} more", "{items} and {n} more",
                        len(names) - shown, items=", ".join(names[:shown]))
    return ", ".join(names)


def _end(text: str) -> str:
    """``text`` as the end of a sentence: one full stop ("Wardęga S.A." keeps its own)."""
    return text if text.endswith(".") else text + "."


def _volume(rep: RepWeeks, th: Thresholds, language: str) -> Iterator[str]:
    if (rep.window_weeks >= th.outcome_window_weeks and rep.window_meetings == 0
            and rep.window_touches >= th.volume_without_outcome_touches):
        yield worded_n(language, "{touches} touch, no first meeting in {weeks}: look at the "
                       "touches' value, not their number.",
                       "{touches} touches, no first meeting in {weeks}: look at the touches' "
                       "value, not their number.", rep.window_touches,
                       touches=format_decimal(rep.window_touches, locale=language),
                       weeks=_weeks(rep.window_weeks, language))


def _cold(rep: RepWeeks, th: Thresholds, language: str) -> Iterator[str]:
    if rep.cold:
        n = len(rep.cold)
        yield worded_n(language, "{count} dream client untouched for {weeks}: {names}",
                       "{count} dream clients untouched for {weeks}: {names}", n,
                       count=_number(n, language).capitalize(),
                       weeks=_weeks(th.cold_weeks, language),
                       names=_end(_names([a.name for a in rep.cold], language)))


def _pace(rep: RepWeeks, th: Thresholds, language: str) -> Iterator[str]:
    planned, logged = rep.planned_to_date, rep.logged_to_date
    if planned >= th.pace_min_planned and logged < th.pace_behind_share * planned:
        yield worded_n(language, "{logged} touch logged of the {planned} the plan set so far "
                       "({share}): far behind the cadence's pace.",
                       "{logged} touches logged of the {planned} the plan set so far "
                       "({share}): far behind the cadence's pace.", logged,
                       logged=format_decimal(logged, locale=language),
                       planned=format_decimal(planned, locale=language),
                       share=format_percent(logged / planned, locale=language))


def _definition(rep: RepWeeks, th: Thresholds, language: str) -> Iterator[str]:
    if rep.unqualified:
        n = len(rep.unqualified)
        yield worded_n(language, "{count} opportunity created this week with no meeting logged "
                       "in the {days} days before ({names}): check it against the plan's "
                       "qualification criteria.",
                       "{count} opportunities created this week with no meeting logged in the "
                       "{days} days before ({names}): check them against the plan's "
                       "qualification criteria.", n,
                       count=_number(n, language).capitalize(), days=th.opportunity_meeting_days,
                       names=_names(list(rep.unqualified), language))


CHECKS: dict[str, Callable[[RepWeeks, Thresholds, str], Iterator[str]]] = {
    "actuals-volume-without-outcome": _volume,
    "actuals-dream-clients-cold": _cold,
    "actuals-behind-pace": _pace,
    "actuals-opportunity-without-definition": _definition,
}


def coach_rep(rep: RepWeeks, th: Thresholds, language: str = ENGLISH) -> tuple[Finding, ...]:
    """The coach's findings on one rep's actuals, in the rules' order, written in
    ``language``."""
    return tuple(
        Finding(rule.id, rule.severity, SECTION, rep.rep_id, rep.rep_name, message,
                rule.text(translated(language, rule.why), th),
                rule.text(translated(language, rule.fix), th))
        for rule in ACTUALS_RULES for message in CHECKS[rule.id](rep, th, language))
