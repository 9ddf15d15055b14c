"""``prospector pdf PLAN -o OUT.pdf``: the printed playbook (leader's, one rep's, or every
rep's), or one section of it (``--section cadences``)."""

from __future__ import annotations

import argparse
import gc
import sys

from ..errors import InterruptedAfter, ProspectorError
from ..plan_lookup import resolve_plan
from ..playbook.translations import languages
from ..sections import SECTIONS
from .review import require_actuals
from .schedule import _start_date


def register(verb) -> None:
    sub = verb("pdf", cmd_pdf,
               "Print the playbook as PDF: the leader's edition, a rep's (--rep), or every rep's "
               "(--all-reps, one PDF each, rendered in parallel).")
    sub.add_argument("plan", metavar="PLAN")
    sub.add_argument("-o", "--output", required=True, metavar="OUT",
                     help="the PDF to write (with --all-reps: a folder)")
    who = sub.add_mutually_exclusive_group()
    who.add_argument("--rep", metavar="NAME", help="one rep's edition: their accounts and schedule")
    who.add_argument("--all-reps", action="store_true", help="one PDF per rep in the folder OUT")
    sub.add_argument("--start", metavar="YYYY-MM-DD",
                     help="first day of the rep schedule (default: the rep's start date, else "
                          "the plan's)")
    sub.add_argument("--readiness", action="store_true",
                     help="add the coach's 'Plan readiness' appendix to the leader's edition")
    sub.add_argument("--review", action="store_true",
                     help="print the one-page weekly review of the plan's actuals for the "
                          "leader's meeting instead of the playbook")
    sub.add_argument("--week", metavar="YYYY-Www",
                     help="with --review: the ISO week to review, e.g. 2027-W05 (default: the "
                          "last full week within the plan's period)")
    sub.add_argument("--section", action="append", metavar="SECTION",
                     help="print only this section's chapters (e.g. cadences for a team "
                          "meeting); repeat to print several. The leader's edition: cover, "
                          "contents, " + ", ".join(s.key for s in SECTIONS if s.leader) +
                          ", readiness (with --readiness); a rep's: "
                          "cover, contents, " + ", ".join(s.key for s in SECTIONS if s.rep))
    sub.add_argument("--language", metavar="LANG", choices=languages(),
                     help="print the edition's labels in this language (" +
                          ", ".join(languages()) + "; default: the rep's language, else the "
                          "plan's)")


class _Progress:
    """A one-line progress bar on a terminal; silent when stderr is not a terminal."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, stage: str, fraction: float) -> None:
        if self.live:
            filled = int(fraction * 24)
            bar = "#" * filled + "." * (24 - filled)
            sys.stderr.write(f"\r[{bar}] {fraction:4.0%} {stage[:40]:<40}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.live:
            sys.stderr.write("\r" + " " * 80 + "\r")
            sys.stderr.flush()


def cmd_review_pdf(args: argparse.Namespace) -> int:
    from ..playbook.review_sheet import render_review_pdf  # noqa: PLC0415 - WeasyPrint

    others = [flag for flag, given in (("--rep", args.rep), ("--all-reps", args.all_reps),
                                       ("--start", args.start), ("--readiness", args.readiness),
                                       ("--section", args.section)) if given]
    if others:
        raise ProspectorError(f"--review prints the weekly review alone; leave out "
                              f"{' and '.join(others)}")
    plan = resolve_plan(args.plan)
    require_actuals(plan, args.plan)
    result = render_review_pdf(plan, args.output, week=args.week, language=args.language)
    print(f"Wrote {result.path} ({result.pages} {'page' if result.pages == 1 else 'pages'}, "
          f"{result.seconds:.1f} s).")
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    if getattr(args, "whole_process", False) and not args.all_reps:
        # One document, and then the process ends: its garbage goes with it. With the cycle
        # collector on, the collection after the render walked the document's ~600,000 objects
        # (0.3 s of CPU, of 0.4 s of collections in `prospector pdf`). A process that renders
        # more than once (the app's render worker, --all-reps) keeps collecting.
        gc.disable()
    from ..playbook import render_all_reps, render_playbook_pdf  # noqa: PLC0415 - WeasyPrint

    if args.review:
        return cmd_review_pdf(args)
    if args.week:
        raise ProspectorError("--week goes with --review (the weekly review of the actuals)")

    if args.start and not (args.rep or args.all_reps):
        raise ProspectorError("--start goes with --rep NAME or --all-reps (the leader's edition "
                              "has no dated schedule)")
    if args.readiness and (args.rep or args.all_reps):
        raise ProspectorError("--readiness is an appendix of the leader's edition; leave out "
                              "--rep and --all-reps")
    if args.section and args.all_reps:
        raise ProspectorError("--section prints part of one edition; leave out --all-reps")
    start = _start_date(args.start) if args.start else None
    plan = resolve_plan(args.plan)
    progress = _Progress()
    try:
        if args.all_reps:
            results = render_all_reps(plan, args.output, start=start, progress=progress,
                                      language=args.language)
        else:
            results = [render_playbook_pdf(plan, args.output, rep_name=args.rep, start=start,
                                           progress=progress, readiness=args.readiness,
                                           section=args.section,
                                           language=args.language)]
    finally:
        progress.done()
    try:
        for result in results:
            print(f"Wrote {result.path} ({result.pages} pages, {result.seconds:.1f} s).")
    except KeyboardInterrupt as exc:  # every file is written: say so, not "interrupted" alone
        raise InterruptedAfter([str(result.path) for result in results]) from exc
    notes = list(dict.fromkeys(n for r in results for n in r.notes))
    if notes:  # a very large plan prints in a reduced form: say so, once, on one line
        print(f"prospector: note: the playbook is shortened for print. {' '.join(notes)}",
              file=sys.stderr)
    return 0
