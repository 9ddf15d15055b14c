"""The ``prospector`` command line. Every verb has ``--help``; errors are one clear line."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import pkgutil
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from . import __version__, commands
from .error_log import write_log
from .errors import ProspectorError, one_line
from .messages import M_, MN_, Note, Say, error_said
from .model import new_id
from .plan_lookup import (
    open_store,
    read_plan_file_warning,
    resolve_plan,
    warn_notices,
    warn_pending,
)
from .planfile import write_plan_file
from .resources import sample_plan_path
from .terminal import cell, columns, shown

Handler = Callable[[argparse.Namespace], int]


GuiStarter = Callable[[str | None], int]


def main(argv: Sequence[str] | None = None, *, start_gui: GuiStarter | None = None,
         whole_process: bool = False) -> int:
    """Run one command. ``start_gui`` opens the desktop app; the ``ui`` package passes it in
    (``ui.launcher``), so that this package never imports Qt. ``whole_process``: the command is
    all this process does (``python -m prospector``, the ``prospector`` command), so what a
    long-lived process must clean up is left to its end (see ``_leave_the_heap_to_the_end``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.start_gui = start_gui
    args.whole_process = whole_process
    try:
        return _run(args)
    finally:
        if whole_process:
            _leave_the_heap_to_the_end()


def _leave_the_heap_to_the_end() -> None:
    """The process ends now and its objects go with it. Frozen, the garbage collector leaves
    them alone on the way out instead of walking (and freeing) a rendered playbook's heap:
    about 0.5 s of CPU less for ``prospector pdf`` (issue 17). Files are already closed, and
    atexit handlers still run."""
    gc.freeze()


def _folder_named(text: str) -> str:
    """``--data-dir``'s value: an empty one used the user data folder without a word."""
    if not text.strip():
        raise argparse.ArgumentTypeError("give a folder (the value is empty)")
    return text


def _run(args: argparse.Namespace) -> int:
    if args.data_dir:
        os.environ["PROSPECTOR_DATA_DIR"] = str(Path(args.data_dir).expanduser().resolve())
    handler: Handler = getattr(args, "handler", None) or cmd_gui
    # English, or the language the command was asked to speak (--language de)
    tell = Say(getattr(args, "language", None) or "en")
    try:
        return handler(args)
    except ProspectorError as exc:
        warn_pending()
        _error(error_said(exc, tell))
        return 1
    except KeyboardInterrupt as exc:
        # a second Ctrl+C while the command ends broke into the interpreter's clean-up
        with contextlib.suppress(ValueError):  # (run in a thread: not ours to set)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        _error(tell(M_("interrupted; nothing was half-saved")))
        written = getattr(exc, "written", ())  # --all-reps: the PDFs it had finished
        if written:
            print(Note(MN_("{n} file was written before it:", "{n} files were written before it:"),
                       n=len(written)).said(tell), *map(one_line, written), sep="\n  ",
                  file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback on screen
        warn_pending()
        log = _write_crash_log()
        _error(Note("unexpected problem: {kind}: {problem}. Details were written to {log}",
                    kind=type(exc).__name__, problem=str(exc), log=str(log)).said(tell))
        return 70
    finally:
        warn_pending()  # whatever a command that succeeded left untold


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prospector",
        description="Build a B2B prospecting plan and print it as a playbook.",
        epilog="PLAN is a plan file (.json) or the name or id of a stored plan.",
    )
    parser.add_argument("--version", action="version", version=f"prospector {__version__}")
    parser.add_argument("--data-dir", metavar="FOLDER", type=_folder_named,
                        help="folder of the plan store (default: $PROSPECTOR_DATA_DIR or the "
                             "user data folder)")
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND")

    def verb(name: str, handler: Handler, summary: str) -> argparse.ArgumentParser:
        sub = verbs.add_parser(name, help=summary, description=summary)
        sub.set_defaults(handler=handler)
        return sub

    gui = verb("gui", cmd_gui, "Start the desktop app (the default command).")
    gui.add_argument("plan", nargs="?", metavar="PLAN")

    verb("list", cmd_list, "List the stored plans (name, id, version, last saved).")

    imp = verb("import", cmd_import, "Validate a plan file and store it; prints its id.")
    src = imp.add_mutually_exclusive_group(required=True)
    src.add_argument("file", nargs="?", metavar="FILE", help="the plan file (.json)")
    src.add_argument("--sample", action="store_true", help="import the bundled sample plan")
    imp.add_argument("--as-new", action="store_true",
                     help="store it as a new plan even if a plan with its id is stored")

    exp = verb("export-json", cmd_export_json, "Write a plan as a plan file.")
    exp.add_argument("plan", metavar="PLAN")
    exp.add_argument("-o", "--output", required=True, metavar="FILE")

    his = verb("history", cmd_history, "List the saved versions of a stored plan.")
    his.add_argument("plan", metavar="PLAN")

    res = verb("restore", cmd_restore,
               "Make an earlier version of a stored plan the current one (kept as a new version).")
    res.add_argument("plan", metavar="PLAN")
    res.add_argument("version", type=int, metavar="VERSION")

    for module in _feature_command_modules():
        module.register(verb)
    return parser


def _feature_command_modules() -> list:
    """Verbs of the feature modules: each module in ``prospector/commands`` has
    ``register(verb)``, where ``verb(name, handler, summary)`` returns an argparse sub-parser."""
    names = sorted(m.name for m in pkgutil.iter_modules(commands.__path__) if not m.ispkg)
    return [importlib.import_module(f"{commands.__name__}.{name}") for name in names]


# --- helpers ------------------------------------------------------------------------------------
def _error(message: str) -> None:
    print(f"prospector: error: {message}", file=sys.stderr)


def _write_crash_log() -> Path:
    from .store import default_data_dir  # noqa: PLC0415 - the store only when it is needed

    log = write_log(default_data_dir(), f"--- {datetime.now().isoformat()} {sys.argv!r}\n"
                                        + traceback.format_exc())
    return log or Path("(log could not be written)")


# --- verbs --------------------------------------------------------------------------------------
def cmd_gui(args: argparse.Namespace) -> int:
    if args.start_gui is None:
        raise ProspectorError(
            "the desktop app is not available from here; run the `prospector` command "
            "(the command-line verbs work: see `prospector --help`)"
        )
    return args.start_gui(getattr(args, "plan", None))


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store()
    plans = store.list_plans()
    warn_notices(store)
    if not plans:
        print(f"No plans stored yet in {store.folder}.")
        print("Import one with `prospector import FILE`, or the sample: "
              "`prospector import --sample`.")
        return 0
    width = max(4, *(columns(shown(p.name)) for p in plans))
    print(f"{'NAME':<{width}}  {'ID':<13}  {'VERSION':>7}  LAST SAVED")
    for p in plans:
        saved = p.saved_at.replace("T", " ")[:16]
        print(f"{cell(p.name, width)}  {p.id:<13}  {p.version:>7}  {saved}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    path = sample_plan_path() if args.sample else Path(args.file)
    plan = read_plan_file_warning(path)
    store = open_store()
    if args.as_new:
        plan = plan.model_copy(update={"id": new_id("plan")})
    stored = next((p for p in store.list_plans() if p.id == plan.id), None)
    if stored is not None and store.load(plan.id) == plan:  # a new version would push an old out
        print(plan.id)
        print(f"{plan.name!r} is stored as it is in the file (version {stored.version}): "
              "nothing changed.", file=sys.stderr)
        return 0
    version = store.save(plan, note=f"imported from {Path(path).name}")
    warn_notices(store)
    print(plan.id)
    if stored is None:
        print(f"{plan.name!r} stored.", file=sys.stderr)
    else:  # the file replaced what the store held: say how to have that back
        print(f"{plan.name!r} updated from the file (version {version}); the version it "
              f"replaced is kept: `prospector restore {plan.id} {stored.version}` brings it "
              "back (or import the file with --as-new to keep both).", file=sys.stderr)
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    plan = resolve_plan(args.plan)
    out = write_plan_file(plan, args.output)
    print(f"Wrote {plan.name!r} to {out}.", file=sys.stderr)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    store = open_store()
    summary = store.find(args.plan)
    versions = store.history(summary.id)
    warn_notices(store)
    count = f"{len(versions)} version{'s' if len(versions) != 1 else ''}"
    print(f"{summary.name} ({summary.id}): {count} kept")
    print(f"{'VERSION':>7}  {'SAVED':<16}  NOTE")
    for v in versions:
        current = "  (current)" if v.version == summary.version else ""
        print(f"{v.version:>7}  {v.saved_at.replace('T', ' ')[:16]:<16}  {v.note}{current}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store = open_store()
    summary = store.find(args.plan)
    wanted = store.load_version(summary.id, args.version)  # it reads (else: why not)
    if args.version == summary.version or wanted == store.load(summary.id):
        # a version the same as the current one would push an older one out of those kept
        print(f"Version {args.version} of {summary.name!r} is the same as the current one "
              f"(version {summary.version}): nothing changed.")
        return 0
    new_version = store.restore(summary.id, args.version)
    warn_notices(store)
    print(f"Restored {summary.name!r} to version {args.version}; it is now version "
          f"{new_version} (version {summary.version} is kept in the history).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
