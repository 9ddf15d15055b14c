"""The leader's team scorecard: one table of the team in the accountability chapter.

A row per rep gives the rep's weekly activity targets (a week's goal each) and the opportunity
target (the first target that counts towards opportunity creation, else the first outcome): its
goal over the campaign, then a column per month of the campaign where the leader writes the
rep's actual, the month's goal printed small in it ("/ 4"). The team's row sums them; under it,
where the plan's goal states a figure for the opportunity target, the goal's row says whether
the reps' targets add up to it, or by how much they miss or pass it.

Everything comes from the reps' scorecard (``build_scorecard``: its month rows and total), so
the two tables never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Rep, Target
from .glance import period_word
from .team_goal import goal_figure
from .text_width import clamp_lines
from .translations import gettext, number

ACTIVITY_COLUMNS = 4  # the weekly activity targets a page's width holds beside the months
NAME_MM = 28.0  # the rep's column: 33 mm less its padding, 2 mm to spare
NAME_LINES = 2  # a longer name wraps ("Matthias Virtan…" said less than the row had room for)


def opportunity_target(targets: Sequence[Target]) -> int | None:
    """The index of the target the team's scorecard counts by month: the first that creates
    opportunities, else the first outcome; None if there is neither."""
    return next((i for i, t in enumerate(targets) if t.creates_opportunities),
                next((i for i, t in enumerate(targets) if t.kind == "outcome"), None))


def build_team_scorecard(targets: Sequence[Target], reps: Sequence[Rep],
                         scorecard: dict[str, Any], goal: str) -> dict[str, Any]:
    """The team's table from the reps' ``scorecard`` (``build_scorecard``'s result): its
    columns, a row per rep, the team's row and the goal's. Empty without reps or targets."""
    activity = [i for i, t in enumerate(targets) if t.kind == "activity" and t.period == "week"]
    chosen = opportunity_target(targets)
    if not reps or (chosen is None and not activity):
        return {}
    months = [r for r in scorecard["rows"] if r["kind"] == "month"]
    team = len(reps)
    more_activity = max(0, len(activity) - ACTIVITY_COLUMNS)
    activity = activity[:ACTIVITY_COLUMNS]
    out: dict[str, Any] = {
        "more_activity": more_activity,
        # the targets' names as the reps' scorecard heads them (cut as it cuts them)
        "activity": [{"metric": scorecard["columns"][i]["metric"],
                      "goal": number(targets[i].per_rep),
                      "team": number(targets[i].per_rep * team)} for i in activity],
        "months": [m["short"] for m in months],
        "reps": [clamp_lines([r.name], NAME_MM, "sans-bold", 9, NAME_LINES)[0][0] for r in reps],
        # a team of one: the rep's row is the team's
        "team_label": gettext("Team (%(reps)s)", reps=number(team)) if team > 1 else "",
        "opportunity": None,
    }
    if chosen is None:
        return out
    target = targets[chosen]
    total = scorecard["total_values"][chosen]
    each = [m["goal_values"][chosen] for m in months]
    opportunity: dict[str, Any] = {
        "metric": scorecard["columns"][chosen]["metric"],
        # over the campaign, else (no dates: no months) a week's or a month's goal
        "goal": number(total) if total is not None
        else f"{number(target.per_rep)} / {period_word(target.period)}",
        "team": number(total * team) if total is not None
        else f"{number(target.per_rep * team)} / {period_word(target.period)}",
        "month_goals": [number(v) for v in each],
        "team_month_goals": [number(v * team) for v in each],
        "goal_figure": None, "gap": "",
    }
    figure = goal_figure(goal, target.metric)
    if figure is not None and total is not None:
        sum_ = round(total * team)
        opportunity["goal_figure"] = number(figure)
        opportunity["gap"] = _gap(sum_ - figure, team)
    out["opportunity"] = opportunity
    return out


def _gap(more: float, reps: int) -> str:
    """What the reps' targets add up to against the goal: ``more`` than it (less if negative)."""
    if reps == 1:
        return (gettext("the rep’s target adds up to the goal") if more == 0
                else gettext("the rep’s target adds up to %(gap)s more than the goal",
                             gap=number(more)) if more > 0
                else gettext("the rep’s target falls %(gap)s short of the goal",
                             gap=number(-more)))
    return (gettext("the reps’ targets add up to the goal") if more == 0
            else gettext("the reps’ targets add up to %(gap)s more than the goal",
                         gap=number(more)) if more > 0
            else gettext("the reps’ targets fall %(gap)s short of the goal",
                         gap=number(-more)))
