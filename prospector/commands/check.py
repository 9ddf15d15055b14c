"""``prospector check PLAN``: the plan coach on the command line."""

from __future__ import annotations

import argparse
import json
import sys

from ..plan_lookup import resolve_plan


def register(verb) -> None:
    """Add the verb; ``verb(name, handler, summary)`` (from prospector.cli) returns the parser."""
    sub = verb("check", cmd_check,
               "Coach a plan: what to fix before it goes to the sales force, with a readiness "
               "score.")
    sub.add_argument("plan", metavar="PLAN")
    sub.add_argument("--format", choices=("text", "json"), default="text",
                     help="text for people (default), json for tools")
    sub.add_argument("--strict", action="store_true",
                     help="exit with status 1 when any blocker is found")
    sub.add_argument("--language", metavar="LANG", default=None,
                     help="write the findings in this language (en, de, es, fr); default: the "
                          "plan's language")


def cmd_check(args: argparse.Namespace) -> int:
    from ..coach import review  # noqa: PLC0415 - the coach's rules: only for this verb
    from ..coach.report import review_document, review_text  # noqa: PLC0415 - the coach
    from ..coach.wording import languages  # noqa: PLC0415 - the coach's catalogs

    if args.language and args.language not in languages():
        print(f"prospector check: no coach wording in {args.language!r}; "
              f"choose one of {', '.join(languages())}.", file=sys.stderr)
        return 2
    plan = resolve_plan(args.plan)
    result = review(plan, language=args.language)
    if args.format == "json":
        print(json.dumps(review_document(result, plan), indent=2))  # ASCII: any console can take it
    else:
        print(review_text(result, plan), end="")
    return 1 if args.strict and result.blockers else 0
