"""The weekly review's words for the app's review page (ui/actuals_review.py): channels and
verdicts, in English for the app's catalog to translate (its numbers are the locale's, there).
The CLI's text is ``prospector/playbook/review_text.py``, in the review's language."""

from __future__ import annotations

from ..fields import Channel
from .result import TargetWeek


def channel_label(key: str) -> str:
    return Channel(key).label if key in Channel._value2member_map_ else "Not said"


def verdict(week: TargetWeek) -> str:
    if week.goal is None:
        return "not started"
    if week.actual is None:
        return "not entered"
    return "below" if week.below else "met"
