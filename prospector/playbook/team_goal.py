"""The reps' targets summed for the team and set against the figures the plan's goal states.

A goal reads "60 first meetings and 16 new qualified opportunities by 30 June"; the targets say
"First meetings held: 1 a week per rep". Three reps over 25 weeks make that 75, not 60: a leader
who reads both must be told the sum and the difference, never left to assume that they agree.

``goal_figure`` finds the goal's figure for a target: a number followed by the first words of
the target's name ("60 first meetings" for "First meetings held"; a plural "s" is ignored).
``team_totals`` sums each target over the campaign (the scorecard's total row, which is one
rep's) for the team, with the goal's figure where the goal states one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..model import Target
from ..textnorm import fold
from .translations import gettext, number

# a figure: digits with thousands separators ("1,200", "1.200", "1 200"), then words
_FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+)(?![\w.,]\d)")
_WORD = re.compile(r"\w+")
WORDS_TO_MATCH = 2  # the target's first words the goal must name after the figure


def _stem(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(fold(text))]


def goal_figure(goal: str, metric: str) -> int | None:
    """The figure ``goal`` states for the target named ``metric``, or None."""
    wanted = _words(re.sub(r"\(.*?\)", " ", metric))[:WORDS_TO_MATCH]
    if not wanted:
        return None
    for found in _FIGURE.finditer(goal):
        after = _words(goal[found.end():found.end() + 200])[:len(wanted)]
        if after == wanted:
            return int(re.sub(r"\D", "", found.group(1)))
    return None


def team_totals(targets: Sequence[Target], per_rep_totals: Sequence[float | None],
                reps: int, goal: str) -> list[dict[str, Any]]:
    """Per target with a total over the campaign (``per_rep_totals``: one rep's, as the
    scorecard's total row counts it, None where it has none): the team's total, and the goal's
    figure (None where the goal names none)."""
    return [{"metric": target.metric, "per_rep": each, "team": each * reps,
             "goal": goal_figure(goal, target.metric)}
            for target, each in zip(targets, per_rep_totals, strict=False) if each is not None]


def goal_sentences(totals: Sequence[dict[str, Any]], reps: int, weeks: int) -> list[str]:
    """One sentence per target the goal states a figure for: what the reps' targets add up to
    over the campaign, against the goal's figure, and the difference."""
    out = []
    for t in totals:
        if t["goal"] is None:
            continue
        team, goal = round(t["team"]), t["goal"]
        values = {"weeks": number(weeks), "target": t["metric"], "team": number(team)}
        said = (gettext("Over the campaign’s %(weeks)s weeks, the target “%(target)s” adds up "
                        "to %(team)s for the rep", **values) if reps == 1
                else gettext("Over the campaign’s %(weeks)s weeks, the target “%(target)s” adds "
                             "up to %(team)s for the team of %(reps)s reps (%(each)s each)",
                             reps=number(reps), each=number(round(t["per_rep"])), **values))
        if team == goal:
            out.append(gettext("%(said)s: the goal’s %(goal)s.", said=said, goal=number(goal)))
        elif team > goal:
            out.append(gettext("%(said)s, against a goal of %(goal)s: %(gap)s more than the "
                               "goal.", said=said, goal=number(goal), gap=number(team - goal)))
        else:
            out.append(gettext("%(said)s, against a goal of %(goal)s: %(gap)s short of it; the "
                               "targets do not reach the goal.", said=said, goal=number(goal),
                               gap=number(goal - team)))
    return out
