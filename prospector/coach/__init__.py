"""The plan coach: rules a seasoned sales leader would apply to a prospecting plan.

``review(plan)`` runs every rule and returns a ``Review``: the findings (rule id, severity,
section, item, message, why it matters, how to fix it), a readiness score per section and
overall, and the fixes that would raise the score most. It is a pure function and fast enough
to call on every keystroke. Rules live in ``checks_*.py``, thresholds in ``thresholds.py``, phrase
detection in ``text.py``; ``docs/coach-rules.md`` is generated from them (``python -m
prospector.coach.docs``). Every text a finding carries is worded in the plan's language (or
``review(plan, language="fr")``) from the ``coach`` gettext catalogs (``wording.py``); each text
the coach reads is judged with the phrase lists of its own language (``language.py``).
"""

from .catalog import RULES, RULES_BY_ID
from .engine import Finding, Review, ScoreHint, review
from .rules import SECTION_TITLES, SECTIONS, SEVERITIES, Rule
from .thresholds import SCORING, THRESHOLDS, Scoring, Thresholds

__all__ = [
    "RULES",
    "RULES_BY_ID",
    "SCORING",
    "SECTIONS",
    "SECTION_TITLES",
    "SEVERITIES",
    "THRESHOLDS",
    "Finding",
    "Review",
    "Rule",
    "ScoreHint",
    "Scoring",
    "Thresholds",
    "review",
]
