"""The checks of the coach on actuals (declared in ``prospector/coach/actuals_rules.py``): each
takes one rep's weeks and yields the messages of its findings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..coach.actuals_rules import ACTUALS_RULES, SECTION
from ..coach.engine import Finding
from ..coach.thresholds import Thresholds
from ..wording import noun
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


_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _weeks(n: int) -> str:
    return f"{_WORDS[n] if n < len(_WORDS) else n} week{'s' if n != 1 else ''}"


def _counted(n: int, word: str, words: str) -> str:
    """``"One dream client"``, ``"Three dream clients"``, ``"12 dream clients"``: to start a
    sentence (a numbered list of findings reads badly as "1. 1 dream client")."""
    count = _WORDS[n].capitalize() if n < len(_WORDS) else f"{n:,}"
    return f"{count} {noun(n, word, words)}"


def _names(names: tuple[str, ...] | list[str], shown: int = 3) -> str:
    listed = ", ".join(names[:shown])
    return listed + (f" and {len(names) - shown} more" if len(names) > shown else "")


def _end(text: str) -> str:
    """``text`` as the end of a sentence: one full stop ("Wardęga S.A." keeps its own)."""
    return text if text.endswith(".") else text + "."


def _volume(rep: RepWeeks, th: Thresholds) -> Iterator[str]:
    if (rep.window_weeks >= th.outcome_window_weeks and rep.window_meetings == 0
            and rep.window_touches >= th.volume_without_outcome_touches):
        yield (f"{rep.window_touches:,} touches, no first meeting in "
               f"{_weeks(rep.window_weeks)}: look at the touches' value, not their number.")


def _cold(rep: RepWeeks, th: Thresholds) -> Iterator[str]:
    if rep.cold:
        n = len(rep.cold)
        yield (f"{_counted(n, 'dream client', 'dream clients')} untouched for "
               f"{_weeks(th.cold_weeks)}: "
               + _end(_names([a.name for a in rep.cold])))


def _pace(rep: RepWeeks, th: Thresholds) -> Iterator[str]:
    planned, logged = rep.planned_to_date, rep.logged_to_date
    if planned >= th.pace_min_planned and logged < th.pace_behind_share * planned:
        yield (f"{logged:,} touches logged of the {planned:,} the schedule planned so far "
               f"({logged / planned:.0%}): far behind the cadence's pace.")


def _definition(rep: RepWeeks, th: Thresholds) -> Iterator[str]:
    if rep.unqualified:
        n = len(rep.unqualified)
        yield (f"{_counted(n, 'opportunity', 'opportunities')} created this week with no meeting "
               f"logged in the {th.opportunity_meeting_days} days before "
               f"({_names(list(rep.unqualified))}): check {'it' if n == 1 else 'them'} "
               "against the plan's qualification criteria.")


CHECKS: dict[str, Callable[[RepWeeks, Thresholds], Iterator[str]]] = {
    "actuals-volume-without-outcome": _volume,
    "actuals-dream-clients-cold": _cold,
    "actuals-behind-pace": _pace,
    "actuals-opportunity-without-definition": _definition,
}


def coach_rep(rep: RepWeeks, th: Thresholds) -> tuple[Finding, ...]:
    """The coach's findings on one rep's actuals, in the rules' order."""
    return tuple(
        Finding(rule.id, rule.severity, SECTION, rep.rep_id, rep.rep_name, message,
                rule.text(rule.why, th), rule.text(rule.fix, th))
        for rule in ACTUALS_RULES for message in CHECKS[rule.id](rep, th))
