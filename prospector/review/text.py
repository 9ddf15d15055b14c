"""The weekly review's figures in words for the app's review page (ui/actuals_review.py): numbers,
channels, goals and verdicts, in English for the app's catalog to translate. The CLI's text is
``prospector/playbook/review_text.py``, in the review's language."""

from __future__ import annotations

from ..fields import Channel
from .result import TargetLine, TargetWeek


def number(value: float | None) -> str:
    """``12``, ``0.5``, ``-`` (not entered)."""
    if value is None:
        return "-"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def channel_label(key: str) -> str:
    return Channel(key).label if key in Channel._value2member_map_ else "Not said"


def goal_label(line: TargetLine) -> str:
    goal = number(line.this_week.goal)
    return f"{goal} ({number(line.per_rep)}/month)" if line.period == "month" else goal


def verdict(week: TargetWeek) -> str:
    if week.goal is None:
        return "not started"
    if week.actual is None:
        return "not entered"
    return "below" if week.below else "met"
