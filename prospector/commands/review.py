"""``prospector review PLAN [--week 2027-W05] [--format text|json] [--language de]``: the plan's
actuals against its targets for one week, rep by rep, with the coach's findings (prospector/review),
the text's labels and the findings in the plan's language (or ``--language``'s)."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import ProspectorError
from ..model import Plan
from ..plan_lookup import resolve_plan


def register(verb) -> None:
    sub = verb("review", cmd_review,
               "Review a week's actuals against the plan's targets, rep by rep, with the "
               "coach's findings.")
    sub.add_argument("plan", metavar="PLAN")
    sub.add_argument("--week", metavar="YYYY-Www",
                     help="the ISO week to review, e.g. 2027-W05 (default: the last full week "
                          "within the plan's period)")
    sub.add_argument("--format", choices=("text", "json"), default="text",
                     help="text for people (default), json for tools")
    sub.add_argument("--language", metavar="LANG", default=None,
                     help="write the review's labels, dates, numbers and the coach's findings "
                          "in this language (en, de, es, fr); default: the plan's language")


def require_actuals(plan: Plan, plan_ref: str) -> None:
    """A ``ProspectorError`` that says how to import actuals, for a plan that has none."""
    if plan.actuals.is_empty():
        raise ProspectorError(
            f"the plan {plan.name!r} has no actuals yet: import a CRM export first with "
            f"`prospector actuals {plan_ref} --import FILE.csv` (Salesforce or HubSpot "
            "activities, meetings or opportunities), or enter weekly figures in the app")


def cmd_review(args: argparse.Namespace) -> int:
    from ..coach.wording import findings_language, languages  # noqa: PLC0415 - the catalogs
    from ..playbook.review_text import review_text  # noqa: PLC0415
    from ..review import weekly_review  # noqa: PLC0415 - only for this verb

    if args.language and args.language not in languages():
        print(f"prospector review: no coach wording in {args.language!r}; "
              f"choose one of {', '.join(languages())}.", file=sys.stderr)
        return 2
    plan = resolve_plan(args.plan)
    require_actuals(plan, args.plan)
    language = args.language or findings_language(plan.basics.language)
    review = weekly_review(plan, args.week, language=language)
    if args.format == "json":
        print(json.dumps(review.to_dict(), indent=2))  # ASCII: any console can take it
    else:
        print(review_text(plan, review, language), end="")
    return 0
