"""The coach on actuals: what a seasoned sales leader says about a rep's weeks, declared once.

These rules read what the reps did (``prospector/review`` checks them on a weekly review, and
puts the findings in its own section, ``actuals``), not the plan's text, so they take no part in
the plan's readiness score. Each is declared here (id, severity, title, when it trips, why, fix,
the thresholds it uses) for ``docs/coach-rules.md``; its check is in ``prospector/review/coach.py``
under the same id.
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import _PLACEHOLDER, Severity
from .thresholds import Thresholds
from .wording import T_

SECTION = "actuals"
SECTION_TITLE = "Actuals"


@dataclass(frozen=True, slots=True)
class ActualsRule:
    id: str
    severity: Severity
    title: str
    trips: str
    why: str
    fix: str
    thresholds: tuple[str, ...] = ()

    def text(self, template: str, th: Thresholds) -> str:
        """A text with its ``{threshold}`` placeholders filled in."""
        return _PLACEHOLDER.sub(
            lambda m: format(getattr(th, m.group(1)), m.group(2) or "")
            if m.group(1) in self.thresholds else m.group(0), template)


ACTUALS_RULES: tuple[ActualsRule, ...] = (
    ActualsRule(
        "actuals-volume-without-outcome", "warning", T_("Volume without outcome"),
        "A rep logged at least {volume_without_outcome_touches} touches in the last "
        "{outcome_window_weeks} weeks and not one meeting.",
        T_("Counting activity is not engagement: touches that bring the client nothing get no "
           "meeting however many there are. Quality activity drives revenue."),
        T_("Look at the touches' value, not their number: sit in on the rep's calls, read their "
           "last e-mails against the plan's touches, and swap the empty ones for touches that "
           "teach the client something."),
        ("volume_without_outcome_touches", "outcome_window_weeks")),
    ActualsRule(
        "actuals-dream-clients-cold", "warning", T_("Dream clients left cold"),
        "A tier A account the rep owns has had no touch, meeting or opportunity for "
        "{cold_weeks} weeks, although its schedule has started.",
        T_("Dream clients are the accounts the plan bets on; a campaign that stops for weeks "
           "starts again from zero, and a competitor fills the silence."),
        T_("Put the cold dream clients first on the rep's list this week, with the next touch "
           "of their cadence."),
        ("cold_weeks",)),
    ActualsRule(
        "actuals-behind-pace", "warning", T_("Far behind the cadence's pace"),
        "A rep logged less than {pace_behind_share:.0%} of the touches the plan set from the "
        "start to the week reviewed: each week, the goal of the target counting touches, or "
        "the touches of the rep's schedule when they are more (at least {pace_min_planned} "
        "planned).",
        T_("The cadence works by its rhythm: prospects who get a third of it forget the rep "
           "between touches, and the plan's outcomes were sized on the full cadence."),
        T_("Find out what is in the way (time, data, courage on the phone) and agree the "
           "touches to catch up this week, dream clients first; or move the rep's waves later."),
        ("pace_behind_share", "pace_min_planned")),
    ActualsRule(
        "actuals-opportunity-without-definition", "warning",
        T_("Opportunities created without meeting the definition"),
        "An opportunity was created with no meeting logged with its account on its creation "
        "day or in the {opportunity_meeting_days} days before (the plan's qualification "
        "criteria are judged in a first meeting).",
        T_("Opportunities opened without a qualifying meeting fill the pipeline with hope: the "
           "forecast and the plan's outcome target both stop meaning anything."),
        T_("Review each one against the plan's qualification criteria with the rep; keep those "
           "that meet them (and log the meeting), turn the rest back into prospects."),
        ("opportunity_meeting_days",)),
)
ACTUALS_RULES_BY_ID = {r.id: r for r in ACTUALS_RULES}
