"""The weekly review: the plan's actuals against its targets, rep by rep, and the coach on them.

``weekly_review(plan, week)`` returns a ``WeeklyReview`` (``result.py``) that the CLI
(``prospector review``), the printed one-page review and the app's review page share.

- ``weeks.py``: the plan's ISO weeks, the default week, reading ``--week``;
- ``summary.py``: the facts summed once per log (rep, day, kind, channel, account);
- ``tally.py``: the facts counted per rep and week, and the plan's definition of an opportunity;
- ``pace.py``: the touches each rep's schedule planned per week;
- ``build.py``: the review itself; ``coach.py``: the coach's checks on a rep's actuals (the
  rules are declared in ``prospector/coach/actuals_rules.py``);
- ``text.py``: the review as plain text.
"""

from .build import rep_actuals_by_week, review_steps, weekly_goal, weekly_review
from .result import ColdAccount, RepWeek, TargetLine, TargetWeek, WeeklyReview
from .weeks import ReviewError, default_week, parse_week, plan_weeks

__all__ = [
    "ColdAccount",
    "RepWeek",
    "ReviewError",
    "TargetLine",
    "TargetWeek",
    "WeeklyReview",
    "default_week",
    "parse_week",
    "plan_weeks",
    "rep_actuals_by_week",
    "review_steps",
    "weekly_goal",
    "weekly_review",
]
