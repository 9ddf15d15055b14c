"""``prospector accounts PLAN``: list a plan's target accounts, or add accounts from a CSV file.

``--import FILE.csv`` reads a CRM or spreadsheet export (see docs/csv-import.md), merges rows that
name accounts the plan already has, and saves the result: a stored plan gets a new version (the
old one stays in ``prospector history``), a plan file is rewritten atomically. ``--dry-run`` shows
the same summary and saves nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import ProspectorError
from ..messages import M_, Note, Quoted, Say, joined, quoted
from ..messages import languages as message_languages
from ..model import TIERS, Plan
from ..plan_lookup import PlanToChange, plan_to_change
from ..terminal import cell, columns, shown


def register(verb) -> None:
    sub = verb("accounts", cmd_accounts,
               "List a plan's target accounts, or add accounts from a CSV file (--import).")
    sub.add_argument("plan", metavar="PLAN")
    sub.add_argument("--import", dest="import_file", metavar="FILE.csv",
                     help="add the accounts of a CSV export (Salesforce, HubSpot, a spreadsheet)")
    sub.add_argument("--tier", choices=TIERS, default=None,
                     help="tier of imported accounts whose row names none (default: B)")
    sub.add_argument("--delimiter", metavar="X",
                     help="the file's delimiter: , ; | or tab (default: detected)")
    sub.add_argument("--encoding", metavar="NAME",
                     help="the file's encoding: utf-8, cp1252, utf-16... (default: detected)")
    sub.add_argument("--language", metavar="LANG", default="en", choices=message_languages(),
                     help="print the import's summary and its errors in this language (" +
                          ", ".join(message_languages()) + "); default: English")
    sub.add_argument("--dry-run", action="store_true",
                     help="show what the import would change and save nothing")


def cmd_accounts(args: argparse.Namespace) -> int:
    if not args.import_file:
        given = [flag for flag, value in (("--tier", args.tier), ("--delimiter", args.delimiter),
                                          ("--encoding", args.encoding),
                                          ("--dry-run", args.dry_run)) if value]
        if given:
            raise ProspectorError(f"{', '.join(given)} go{'es' if len(given) == 1 else ''} with "
                                  "--import FILE.csv")
        _print_accounts(_load(args.plan).plan)
        return 0
    return _import(args)


def _load(ref: str) -> PlanToChange:
    return plan_to_change(ref, "The file is unchanged unless accounts are imported into it.")


def _import(args: argparse.Namespace) -> int:
    from ..account_import import import_accounts  # noqa: PLC0415 - only when importing

    target = _load(args.plan)
    plan = target.plan
    result = import_accounts(plan, args.import_file, default_tier=args.tier or "B",
                             delimiter=args.delimiter, encoding=args.encoding)
    source = Path(args.import_file).name
    tell = Say(args.language)
    print(Note("{source}: read as {encoding}, {delimiter}-separated, into {plan}", source=source,
               encoding=encoding_label(result.encoding),
               delimiter=delimiter_name(result.delimiter), plan=Quoted(plan.name)).said(tell))
    print(columns_line(result.headers, result.mapping).said(tell))
    unused = [h for i, h in enumerate(result.headers) if i not in result.mapping.values()]
    if unused:
        print(Note("columns not imported: {columns}",
                   columns=", ".join(quoted(h, tell) for h in unused)).said(tell))
    for line in result.summary_lines(language=args.language):
        print(line)
    if args.dry_run:
        print(tell(M_("Dry run: nothing was saved.")))
        return 0
    if not result.changed:
        print(tell(M_("Nothing to change: the plan already has these accounts.")))
        return 0
    target.save_import(result.new_plan, f"imported {len(result.added)} accounts from {source}",
                       during="the accounts were imported",
                       then="add the accounts to the current version")
    return 0


def _print_accounts(plan: Plan) -> None:
    if not plan.accounts:
        print(f"{plan.name!r} has no target accounts yet. Add them in the app, or from a CSV "
              "export: prospector accounts PLAN --import FILE.csv")
        return
    rep_of = {aid: rep.name for rep in plan.reps for aid in rep.account_ids}
    width = min(40, max(columns(shown(a.name)) for a in plan.accounts))
    print(f"{'TIER':<4}  {'ACCOUNT':<{width}}  {'REP':<20}  WEBSITE")
    for tier in TIERS:
        for a in plan.accounts_in_tier(tier):
            print(f"{a.tier:<4}  {cell(a.name, width)}  {cell(rep_of.get(a.id, '-'), 20)}  "
                  f"{shown(a.website)}")
    print(f"{len(plan.accounts)} accounts", file=sys.stderr)


def encoding_label(codec: str) -> str:
    from ..account_import.csv_source import ENCODING_LABELS  # noqa: PLC0415 - only when importing

    return Note(ENCODING_LABELS[codec]) if codec in ENCODING_LABELS else codec


def delimiter_name(delimiter: str) -> str:
    from ..account_import import DELIMITERS  # noqa: PLC0415 - only when importing

    return Note(DELIMITERS[delimiter]) if delimiter in DELIMITERS else repr(delimiter)


def columns_line(headers: list[str], columns: dict[str, int]) -> Note:
    """Which column of the file each field was read from: ``columns: name <- 'Account Name'``
    (the fields by their names in the plan file, the columns quoted as the language quotes)."""
    return Note("columns: {columns}", columns=joined(
        [Note("{field} <- {column}", field=field.replace("_", " "), column=Quoted(headers[i]))
         for field, i in columns.items()], ", "))
