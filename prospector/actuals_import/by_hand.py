"""Figures entered by hand: what a rep did in one week against one target, for teams with no CRM
export (or a target no export counts). The app's weekly grid and scripts call ``enter_figure``.
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import ValidationError

from ..actuals.counting import Counts
from ..actuals.weekly import WeeklyFigure, week_start
from ..errors import ProspectorError, describe_validation_error
from ..messages import Note, Quoted
from ..model import Plan, Target
from ..textnorm import fold, person_key


def enter_figure(plan: Plan, rep: str, week: str, metric: str, value: float) -> Plan:
    """``plan`` with ``value`` entered for the rep (name or id), the ISO week (``2027-W05``) and
    the target (its metric); a figure entered before for them is replaced. ``plan`` itself is
    not changed. Raises ``ProspectorError`` saying what to fix."""
    found = next((r for r in plan.reps if r.id == rep.strip()), None) or next(
        (r for r in plan.reps if person_key(r.name) == person_key(rep)), None)
    if found is None:
        raise ProspectorError(
            Note("the plan has no rep named {rep} (its reps: {names})", rep=Quoted(rep.strip()),
                 names=", ".join(r.name for r in plan.reps)) if plan.reps else
            Note("the plan has no rep named {rep} (it has no reps yet)", rep=Quoted(rep.strip())))
    target = next((t for t in plan.accountability.targets if fold(t.metric) == fold(metric)),
                  None)
    if target is None:
        targets = plan.accountability.targets
        raise ProspectorError(
            Note("the plan has no target {metric} (its targets: {metrics})",
                 metric=Quoted(metric.strip()), metrics="; ".join(t.metric for t in targets))
            if targets else Note("the plan has no target {metric} (it has no targets yet)",
                                 metric=Quoted(metric.strip())))
    try:
        figure = WeeklyFigure(rep_id=found.id, week=week, metric=target.metric, value=value)
    except ValidationError as exc:
        raise ProspectorError(describe_validation_error(exc)) from None
    refuse_part_of_a_count(target, figure.value)
    monday = week_start(figure.week)
    first, last = plan.basics.start_date, plan.basics.end_date
    if (first and monday + timedelta(days=6) < first) or (last and monday > last):
        raise ProspectorError(Note("{week} is outside the plan ({first} to {last}); enter figures "
                                   "for the plan's weeks", week=figure.week, first=first or "…",
                                   last=last or "…"))
    return plan.model_copy(update={"actuals": plan.actuals.with_figure(figure)})


def refuse_part_of_a_count(target: Target, value: float) -> None:
    """Raises ``ProspectorError`` if ``target`` counts touches, conversations, meetings or
    opportunities and ``value`` is not a whole number ("1,5" touches were taken); a figure
    entered by hand (a sum of money, say) may have decimals."""
    if target.counts is not Counts.HAND_ENTERED and not float(value).is_integer():
        raise ProspectorError(Note("{metric} is a count: enter a whole number",
                                   metric=Quoted(target.metric)))
