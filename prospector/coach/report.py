"""A review as text for people and as a JSON document for tools (``prospector check``), in the
review's language."""

from __future__ import annotations

import textwrap
from itertools import groupby

from babel.numbers import format_percent

from ..model import Plan
from .catalog import RULES_BY_ID
from .engine import Finding, Review
from .rules import SECTION_TITLES, SECTIONS
from .wording import T_, translated, worded, worded_n

WIDTH = 100
ITEMS_PER_RULE = 8  # text output lists this many items per rule, then "... and N more"
MARKS = {"blocker": T_("[X] BLOCKER"), "warning": T_("[!] WARNING"), "tip": T_("[i] TIP")}


def TN_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - gettext's marker style
    """Marks a counted text for the catalog (``pybabel extract -k TN_:1,2``)."""
    return singular, plural


# How many of a section's items a fix concerns ("+6 points, ... (3 touches)").
_ITEMS = {
    "accounts": TN_("{n} account", "{n} accounts"),
    "personas": TN_("{n} persona", "{n} personas"),
    "touches": TN_("{n} touch", "{n} touches"),
    "differentiators": TN_("{n} differentiator", "{n} differentiators"),
    "objections": TN_("{n} objection", "{n} objections"),
    "questions": TN_("{n} question", "{n} questions"),
    "cadences": TN_("{n} cadence", "{n} cadences"),
    "reps": TN_("{n} rep", "{n} reps"),
}
_ANY_ITEMS = TN_("{n} item", "{n} items")
_SEVERITIES = {"blocker": TN_("{n} blocker", "{n} blockers"),
               "warning": TN_("{n} warning", "{n} warnings"),
               "tip": TN_("{n} tip", "{n} tips")}


def review_document(review: Review, plan: Plan) -> dict:
    """The JSON form: plan id and name, scores, counts, findings and score hints."""
    return {"plan": {"id": plan.id, "name": plan.name}, "language": review.language,
            **review.to_dict()}


def review_text(review: Review, plan: Plan) -> str:
    language = review.language
    lines = [worded(language, "Coach's review of “{plan}”", plan=plan.name),
             worded(language, "Readiness {overall}/100 (what is written scores {quality}/100, "
                    "the plan is {complete} complete): {verdict}. {counts}.",
                    overall=review.overall, quality=review.quality,
                    complete=format_percent(review.completeness, locale=language),
                    verdict=review.verdict, counts=_counts(review)), ""]
    lines += _score_table(review)
    for section in SECTIONS:
        findings = review.in_section(section)
        if not findings:
            continue
        title = translated(language, SECTION_TITLES[section]).upper()
        lines += ["", f"{title} ({review.section_scores[section]}/100)"]
        for _, group in groupby(findings, key=lambda f: f.rule_id):
            lines += _rule_block(list(group), language)
    if review.raise_score_hints:
        lines += ["", worded(language, "WHAT WOULD RAISE THE WRITTEN SCORE MOST")]
        for n, hint in enumerate(review.raise_score_hints, 1):
            items = ""
            if hint.items > 1:
                noun = _ITEMS.get(hint.section, _ANY_ITEMS)
                items = f" ({worded_n(language, *noun, hint.items)})"
            lines += _wrap(worded_n(language, "{rank}. +{n} point, {title}{items}: {fix}",
                                    "{rank}. +{n} points, {title}{items}: {fix}", hint.gain,
                                    rank=n, title=_in_sentence(hint.title, language),
                                    items=items, fix=hint.fix), "  ", "     ")
    elif not review.findings:
        lines += ["", worded(language, "Nothing to flag: every rule passes.")]
    return "\n".join(lines) + "\n"


def _in_sentence(title: str, language: str) -> str:
    """A rule's title inside a sentence: lower case, but German nouns keep their capital."""
    if language == "de":
        return title
    return title[:1].lower() + title[1:]


def _counts(review: Review) -> str:
    if not review.findings:
        return worded(review.language, "No blockers, warnings or tips")
    return ", ".join(worded_n(review.language, *_SEVERITIES[s], n) for s, n in
                     (("blocker", review.blockers), ("warning", review.warnings),
                      ("tip", review.tips)))


def _score_table(review: Review) -> list[str]:
    language = review.language
    titles = {s: translated(language, SECTION_TITLES[s]) for s in SECTIONS}
    width = max(len(t) for t in titles.values())
    rows = [worded(language, "Section scores")]
    for section in SECTIONS:
        findings = review.in_section(section)
        note = ""
        if findings:
            counts = {s: sum(f.severity == s for f in findings) for s in MARKS}
            note = "  " + ", ".join(worded_n(language, *_SEVERITIES[s], n)
                                    for s, n in counts.items() if n)
        score = review.section_scores[section]
        rows.append(f"  {titles[section]:<{width}}  {score:>3}{note}")
    return rows


def _rule_block(findings: list[Finding], language: str) -> list[str]:
    first = findings[0]
    title = translated(language, RULES_BY_ID[first.rule_id].title)
    mark = translated(language, MARKS[first.severity])
    lines = [f"  {mark}  {title}  ({first.rule_id})"]
    same_fix = all(f.fix == first.fix for f in findings)
    fix_label = worded(language, "Fix: {fix}", fix="")
    for finding in findings[:ITEMS_PER_RULE]:
        lines += _wrap(f"- {finding.message}", "    ", "      ")
        if not same_fix:
            lines += _wrap(fix_label + finding.fix, "      ", "           ")
    if len(findings) > ITEMS_PER_RULE:
        more = worded_n(language, "… and {n} more", "… and {n} more",
                        len(findings) - ITEMS_PER_RULE)
        lines.append(f"    - {more}")
    lines += _wrap(worded(language, "Why: {why}", why=first.why), "    ", "         ")
    if same_fix:
        lines += _wrap(fix_label + first.fix, "    ", "         ")
    return lines


def _wrap(text: str, indent: str, subsequent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=subsequent,
                         break_long_words=False, break_on_hyphens=False) or [indent]
