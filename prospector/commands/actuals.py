"""``prospector actuals PLAN --import FILE.csv``: bring a CRM export's activities, meetings or
opportunities into the plan's actuals (docs/actuals-import.md).

The export is read whole first and what it holds is printed: the facts to import, the rows not
imported and why, the duplicates, the accounts outside the plan. Nothing is imported while a rep
of the export matches no rep of the plan (``--map-rep "CRM name=Rep name"``, or ``"CRM name="``
to leave that name's rows out), while dates read two ways (``--date-format dmy|mdy``) or while
amounts read two ways and the file's other amounts do not tell (``--number-format dot|comma``): the
command then says what to choose and exits with 1. ``--dry-run`` prints the same and saves
nothing. A stored plan gets a new version; a plan file is rewritten atomically; neither
overwrites a save made meanwhile.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import ProspectorError
from ..messages import M_, Note, Quoted, Say
from ..messages import languages as message_languages
from ..plan_lookup import plan_to_change
from .accounts import columns_line, delimiter_name, encoding_label


def register(verb) -> None:
    sub = verb("actuals", cmd_actuals,
               "Import what the reps did from a CRM export (Salesforce, HubSpot) into a plan's "
               "actuals.")
    sub.add_argument("plan", metavar="PLAN")
    sub.add_argument("--import", dest="import_file", metavar="FILE.csv", required=True,
                     help="a Salesforce activity or opportunity report, or a HubSpot activity "
                          "or deal export, as CSV")
    sub.add_argument("--language", metavar="LANG", default="en", choices=message_languages(),
                     help="print the import's summary and its errors in this language (" +
                          ", ".join(message_languages()) + "); default: English")
    sub.add_argument("--dry-run", action="store_true",
                     help="show what the import would bring in and save nothing")
    sub.add_argument("--date-format", choices=("dmy", "mdy"),
                     help="how to read dates such as 03/04/2027 that read two ways: day first "
                          "(dmy) or month first (mdy)")
    sub.add_argument("--number-format", choices=("dot", "comma"),
                     help="how the export writes numbers, when amounts such as 1,234 read two "
                          "ways and its other amounts do not tell: 1,234.5 (dot) or 1.234,5 "
                          "(comma)")
    sub.add_argument("--map-rep", action="append", default=[], metavar='"CRM NAME=REP NAME"',
                     help="the plan's rep an export name is (remembered for later imports); "
                          "nothing after '=' leaves that name's rows out; may be repeated")
    sub.add_argument("--map-account", action="append", default=[],
                     metavar='"CRM NAME=ACCOUNT NAME"',
                     help="the plan's account an export name is (remembered); may be repeated")
    sub.add_argument("--delimiter", metavar="X",
                     help="the file's delimiter: , ; | or tab (default: detected)")
    sub.add_argument("--encoding", metavar="NAME",
                     help="the file's encoding: utf-8, cp1252, utf-16... (default: detected)")


def cmd_actuals(args: argparse.Namespace) -> int:
    from ..actuals_import import read_actuals  # noqa: PLC0415 - only when importing

    rep_map = {name: rep or None for name, rep in _pairs(args.map_rep, "--map-rep")}
    account_map = dict(_pairs(args.map_account, "--map-account"))
    target = plan_to_change(args.plan, "The file is unchanged unless actuals are imported.")
    plan = target.plan
    found = read_actuals(plan, args.import_file, date_format=args.date_format,
                         number_format=args.number_format, rep_map=rep_map,
                         account_map=account_map, delimiter=args.delimiter,
                         encoding=args.encoding)
    source = Path(args.import_file).name
    tell = Say(args.language)
    print(Note("{source}: {export}, read as {encoding}, {delimiter}-separated, into {plan}",
               source=source, export=Note(found.export.label), encoding=encoding_label(
                   found.encoding), delimiter=delimiter_name(found.delimiter),
               plan=Quoted(plan.name)).said(tell))
    print(columns_line(found.headers, found.columns).said(tell))
    for line in found.summary_lines(language=args.language):
        print(line)
    if not found.ready:
        raise ProspectorError(Note(
            "{source}: nothing was imported; to settle first: {what} (--date-format dmy|mdy, "
            "--number-format dot|comma, --map-rep \"CRM name=Rep name\")", source=source,
            what="; ".join(found.to_settle(args.language))))
    if args.dry_run:
        print(tell(M_("Dry run: nothing was saved.")))
        return 0
    if not found.facts and not found.remember_reps and not found.remember_accounts:
        print(tell(M_("Nothing to import: the plan has every fact of this export already."))
              if found.unchanged else tell(M_("Nothing to import.")))
        return 0
    target.save_import(found.apply(plan),
                       f"imported {len(found.facts):,} actuals from {source}",
                       during="the actuals were imported",
                       then="add the actuals to the current version")
    return 0


def _pairs(values: list[str], flag: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        name, equals, what = value.partition("=")
        if not equals or not name.strip():
            raise ProspectorError(Note('{flag} {value}: write it as "CRM name=name in the plan"',
                                       flag=flag, value=Quoted(value)))
        pairs.append((name.strip(), what.strip()))
    return pairs


