"""``review(plan)``: every rule run on a plan, the findings, and the readiness scores.

Pure and fast (a few milliseconds on the sample plan), so the app can call it on every edit,
and the CLI, the PDF appendix and the tests use the same function.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Plan
from ..sections import completeness, content_of
from .catalog import RULES
from .language import texts_default_to
from .rules import SECTIONS, SEVERITIES, Context, Rule, Severity
from .thresholds import SCORING, THRESHOLDS, Scoring, Thresholds
from .wording import ENGLISH, T_, findings_language, translated

_SEVERITY_ORDER = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the coach flags: which rule, where (section and item), and what to do."""

    rule_id: str
    severity: Severity
    section: str
    item_id: str | None  # None when the finding is about the whole section
    item_label: str
    message: str
    why: str
    fix: str
    field: str | None = None  # the item's field to edit, when there is one
    row: int | None = None  # in the item's own list (a cadence's steps), when it is one row

    def to_dict(self) -> dict:
        return {
            "rule_id": self.rule_id,
            "severity": self.severity,
            "section": self.section,
            "item": {"id": self.item_id, "label": self.item_label},
            "field": self.field,
            "row": self.row,
            "message": self.message,
            "why": self.why,
            "fix": self.fix,
        }


@dataclass(frozen=True, slots=True)
class ScoreHint:
    """A fix that would raise the written score (``Review.quality``): the rule, how many items,
    how many points. The readiness score rises by that times the plan's completeness, and more
    when the fix also completes a step."""

    rule_id: str
    severity: Severity
    section: str
    title: str
    fix: str
    items: int
    gain: int

    def to_dict(self) -> dict:
        return {"rule_id": self.rule_id, "severity": self.severity, "section": self.section,
                "title": self.title, "fix": self.fix, "items": self.items, "gain": self.gain}


@dataclass(frozen=True, slots=True)
class Review:
    findings: tuple[Finding, ...]
    section_scores: dict[str, int]
    overall: int
    blockers: int
    warnings: int
    tips: int
    raise_score_hints: tuple[ScoreHint, ...] = field(default=())
    verdict: str = ""  # for people, e.g. "not ready (fix the blockers first)"
    quality: int = 100  # the coach's score of what is written (the sections' scores blended)
    completeness: float = 1.0  # how complete the plan is (0-1): overall = quality x this
    language: str = ENGLISH  # the language its texts are written in

    @property
    def ready(self) -> bool:
        """No blockers: the plan can go to the sales force."""
        return self.blockers == 0

    def in_section(self, section: str) -> list[Finding]:
        return [f for f in self.findings if f.section == section]

    def to_dict(self) -> dict:
        return {
            "overall": self.overall,
            "quality": self.quality,
            "completeness": round(self.completeness, 3),
            "ready": self.ready,
            "verdict": self.verdict,
            "counts": {"blocker": self.blockers, "warning": self.warnings, "tip": self.tips},
            "section_scores": dict(self.section_scores),
            "findings": [f.to_dict() for f in self.findings],
            "raise_score_hints": [h.to_dict() for h in self.raise_score_hints],
        }


def review(plan: Plan, thresholds: Thresholds = THRESHOLDS, scoring: Scoring = SCORING, *,
           in_progress: Iterable[str] = (), language: str | None = None) -> Review:
    """Run every rule on ``plan``. Findings come by section, then severity, then rule.

    Only content is judged: an item still exactly as "Add" made it is left out. The items
    ``in_progress`` names (ids of what the leader is writing now) count as there, so the coach
    never says "no accounts" beside the one being typed, but nothing is said about them until
    the leader leaves them.

    The overall score is what the coach makes of what is written (``quality``: each section
    starts at 100 and loses points for each finding) times how complete the plan is (the steps'
    shares, as the app's step bars show them): adding content done well never lowers it, and a
    half-written plan never reads as nearly ready.

    Every text is written in ``language`` (``de``, ``fr``, ``es``), the plan's own language by
    default (English when it has none or the coach has no catalog for it)."""
    written_in = plan_language(plan)
    language = findings_language(language or written_in)  # Italian: English, figures too
    plan = content_of(plan)
    held = set(in_progress)
    ctx = Context(plan, thresholds, language)
    with texts_default_to(written_in):  # "Relancer" alone is French in a French plan
        fired = _fire(ctx, held)
    fired.sort(key=lambda rf: (SECTIONS.index(rf[0].section), _SEVERITY_ORDER[rf[0].severity]))
    findings = tuple(f for _, found in fired for f in found)

    penalties = [(rule, _penalty(rule, found, plan, scoring)) for rule, found in fired]
    sections, quality = _scores(penalties, scoring)
    complete = completeness(content_of(plan, held))  # what is being written counts once left
    overall = round(quality * complete)
    counts = {s: 0 for s in SEVERITIES}
    for f in findings:
        counts[f.severity] += 1
    return Review(findings, sections, overall, counts["blocker"], counts["warning"], counts["tip"],
                  _hints(fired, penalties, quality, thresholds, scoring, language),
                  translated(language, _verdict(overall, counts["blocker"], scoring)), quality,
                  complete, language)


def _fire(ctx: Context, held: set[str]) -> list[tuple[Rule, list[Finding]]]:
    """Every rule run on the plan: the rules that fired and their findings."""
    fired: list[tuple[Rule, list[Finding]]] = []
    for rule in RULES:
        why = rule.text(translated(ctx.language, rule.why), ctx.th)
        fix = rule.text(translated(ctx.language, rule.fix), ctx.th)
        found = [
            Finding(rule.id, rule.severity, rule.section, hit.item_id, hit.item_label,
                    hit.message, why, hit.fix or fix, hit.field, hit.row)
            for hit in rule.check(ctx) if hit.item_id not in held or hit.item_id is None
        ]
        if found:
            fired.append((rule, found))
    return fired


def plan_language(plan: Plan) -> str:
    """The language the plan is written in (``PlanBasics.language``)."""
    return plan.basics.language or ENGLISH


def _verdict(overall: int, blockers: int, scoring: Scoring) -> str:
    if blockers:
        return T_("not ready (fix the blockers first)")
    if overall >= scoring.ready_score:
        return T_("ready for the sales force")
    return T_("nearly ready (no blockers, but the warnings weaken the plan)")


# --- scoring -----------------------------------------------------------------------------------
def _section_size(plan: Plan, section: str) -> int:
    items = getattr(plan, section)
    return len(items) if isinstance(items, list) else 1


def _penalty(rule: Rule, found: list[Finding], plan: Plan, scoring: Scoring) -> float:
    """Points the rule takes from its section: its weight, scaled by the share of items hit."""
    if any(f.item_id is None for f in found):
        share = 1.0
    else:
        concerned = len({f.item_id for f in found})
        share = min(1.0, concerned / max(1, _section_size(plan, rule.section)))
    floor = scoring.share_floor
    return scoring.weight_of(rule.severity) * (floor + (1 - floor) * share)


def _scores(penalties: list[tuple[Rule, float]], scoring: Scoring) -> tuple[dict[str, int], int]:
    lost = dict.fromkeys(SECTIONS, 0.0)
    blocked: set[str] = set()
    blocker_rules = 0
    for rule, points in penalties:
        lost[rule.section] += points
        if rule.severity == "blocker":
            blocked.add(rule.section)
            blocker_rules += 1
    sections = {}
    for section in SECTIONS:
        score = max(0.0, 100.0 - lost[section])
        if section in blocked:
            score = min(score, scoring.blocker_section_cap)
        sections[section] = round(score)
    weights = dict(scoring.section_weights)
    mean = sum(sections[s] * weights.get(s, 1.0) for s in SECTIONS) / sum(
        weights.get(s, 1.0) for s in SECTIONS)
    share = scoring.weakest_section_share
    blended = (1 - share) * mean + share * min(sections.values())
    overall = max(0, round(blended - scoring.blocker_overall_penalty * blocker_rules))
    return sections, overall


def _hints(fired, penalties, quality, thresholds, scoring, language) -> tuple[ScoreHint, ...]:
    """The fixes that raise the written score most: each fired rule, taken away in turn."""
    hints = []
    for i, (rule, found) in enumerate(fired):
        _, without = _scores(penalties[:i] + penalties[i + 1:], scoring)
        items = len({f.item_id for f in found}) if all(f.item_id for f in found) else 1
        fix = (found[0].fix if len(found) == 1
               else rule.text(translated(language, rule.fix), thresholds))
        hints.append(ScoreHint(rule.id, rule.severity, rule.section,
                               translated(language, rule.title), fix, items, without - quality))
    hints.sort(key=lambda h: (-h.gain, _SEVERITY_ORDER[h.severity], SECTIONS.index(h.section)))
    return tuple(h for h in hints if h.gain > 0)[: thresholds.max_hints]
