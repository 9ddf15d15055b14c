"""A review as text for people and as a JSON document for tools (``prospector check``)."""

from __future__ import annotations

import textwrap
from itertools import groupby

from ..model import Plan
from .catalog import RULES_BY_ID
from .engine import Finding, Review
from .rules import ITEM_NOUNS, SECTION_TITLES, SECTIONS, plural

WIDTH = 100
ITEMS_PER_RULE = 8  # text output lists this many items per rule, then "... and N more"
MARKS = {"blocker": "[X] BLOCKER", "warning": "[!] WARNING", "tip": "[i] TIP"}


def review_document(review: Review, plan: Plan) -> dict:
    """The JSON form: plan id and name, scores, counts, findings and score hints."""
    return {"plan": {"id": plan.id, "name": plan.name}, **review.to_dict()}


def review_text(review: Review, plan: Plan) -> str:
    lines = [f"Coach's review of “{plan.name}”",
             f"Readiness {review.overall}/100 (what is written scores {review.quality}/100, the "
             f"plan is {review.completeness:.0%} complete): {review.verdict}. "
             f"{_counts(review)}.", ""]
    lines += _score_table(review)
    for section in SECTIONS:
        findings = review.in_section(section)
        if not findings:
            continue
        title = SECTION_TITLES[section].upper()
        lines += ["", f"{title} ({review.section_scores[section]}/100)"]
        for _, group in groupby(findings, key=lambda f: f.rule_id):
            lines += _rule_block(list(group))
    if review.raise_score_hints:
        lines += ["", "WHAT WOULD RAISE THE WRITTEN SCORE MOST"]
        for n, hint in enumerate(review.raise_score_hints, 1):
            noun = ITEM_NOUNS.get(hint.section, ("item", "items"))
            items = f" ({plural(hint.items, *noun)})" if hint.items > 1 else ""
            lines += _wrap(f"{n}. +{hint.gain} points, {hint.title.lower()}{items}: {hint.fix}",
                           "  ", "     ")
    elif not review.findings:
        lines += ["", "Nothing to flag: every rule passes."]
    return "\n".join(lines) + "\n"


def _counts(review: Review) -> str:
    if not review.findings:
        return "No blockers, warnings or tips"
    return ", ".join([plural(review.blockers, "blocker"), plural(review.warnings, "warning"),
                      plural(review.tips, "tip")])


def _score_table(review: Review) -> list[str]:
    width = max(len(t) for t in SECTION_TITLES.values())
    rows = ["Section scores"]
    for section in SECTIONS:
        findings = review.in_section(section)
        note = ""
        if findings:
            counts = {s: sum(f.severity == s for f in findings) for s in MARKS}
            note = "  " + ", ".join(plural(n, s) for s, n in counts.items() if n)
        score = review.section_scores[section]
        rows.append(f"  {SECTION_TITLES[section]:<{width}}  {score:>3}{note}")
    return rows


def _rule_block(findings: list[Finding]) -> list[str]:
    first = findings[0]
    title = RULES_BY_ID[first.rule_id].title
    lines = [f"  {MARKS[first.severity]}  {title}  ({first.rule_id})"]
    same_fix = all(f.fix == first.fix for f in findings)
    for finding in findings[:ITEMS_PER_RULE]:
        lines += _wrap(f"- {finding.message}", "    ", "      ")
        if not same_fix:
            lines += _wrap(f"Fix: {finding.fix}", "      ", "           ")
    if len(findings) > ITEMS_PER_RULE:
        lines.append(f"    - … and {len(findings) - ITEMS_PER_RULE} more")
    lines += _wrap(f"Why: {first.why}", "    ", "         ")
    if same_fix:
        lines += _wrap(f"Fix: {first.fix}", "    ", "         ")
    return lines


def _wrap(text: str, indent: str, subsequent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=subsequent,
                         break_long_words=False, break_on_hyphens=False) or [indent]
