"""Run the reliability tests and write docs/RELIABILITY.md from the figures they print.

    .venv/bin/python tests/reliability_report.py            # writes docs/RELIABILITY.md
    .venv/bin/python tests/reliability_report.py -o FILE    # somewhere else

The tests print one line per figure (``crash test: 100 kills, ...``); this script runs them with
pytest (``-s``), collects those lines and the pass/fail counts (JUnit XML), and writes the page.
It exits 1 when a test fails, a figure is missing, or a figure shows data lost. Not a test module
(no ``test_`` prefix): pytest does not collect it.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Row:
    what: str
    figures: tuple[str, ...]  # regexes of the figure lines, in the order shown
    nodes: tuple[str, ...]    # the tests that produce them (pytest node ids)
    healthy: str              # a regex every figure line of the row must match: nothing lost


ROWS = [
    Row("A writing process is killed (SIGKILL) at a random moment, 100 times, and at each step "
        "of a save (every file it opens, writes, syncs, links, renames or removes; a write is "
        "cut in half); the store is reopened after each kill",
        (r"crash test: .*", r"killed at each step of a save: .*"),
        ("tests/test_store_crash.py::test_killed_writers_never_lose_a_completed_save",
         "tests/test_store_crash.py::"
         "test_a_writer_killed_at_any_step_of_a_save_leaves_the_previous_or_the_new_save"),
        r"(100 kills, 100 survived, 0 saves lost, 0 torn stores|steps, .*, 0 torn stores)"),
    Row("The store file is damaged: empty, truncated at every 5 %, zeroed blocks (what a power "
        "loss can leave), single flipped bits anywhere, foreign files. Each damaged file is "
        "noticed (it does not parse, or does not match its checksum), moved aside untouched, "
        "reported, and the store opens with the last good version (the backup of the save "
        "before)",
        (r"corrupt and truncated stores recovered: .*",),
        ("tests/test_store_recovery.py::test_every_damaged_store_is_noticed_kept_and_recovered",
         "tests/test_store.py::test_corrupt_store_is_moved_aside_reported_and_recovered",
         "tests/test_store.py::test_corrupt_store_without_backup_starts_empty_and_keeps_the_file",
         "tests/test_store.py::test_two_corruptions_in_the_same_second_keep_both_files"),
        r"recovered: (\d+) of \1\b"),
    Row("The disk fills up during a save (simulated where Prospector calls the OS: writing, "
        "flushing, renaming, keeping the backup), from the API, the command line and the app",
        (r"disk full during a save: .*", r"disk full on the command line: .*",
         r"disk full in the app: .*"),
        ("tests/test_store_recovery.py::"
         "test_a_full_disk_at_any_step_of_a_save_keeps_the_previous_version",
         "tests/test_store_recovery.py::test_a_full_disk_on_the_command_line_is_one_clear_line",
         "tests/test_store_recovery.py::"
         "test_a_full_disk_in_the_app_keeps_the_edits_open_and_says_so",
         "tests/test_store.py::test_disk_full_during_save_keeps_the_previous_version"),
        r"(intact (\d+) of \2, user told (\d+) of \3, 0 temp files left|store unchanged|"
        r"edits kept open, store unchanged)"),
    Row("Several writers at once: processes and threads saving the same plan and their own "
        "plans; every save must come back as a version",
        (r"concurrent writers: .*", r"two processes saving one plan: .*"),
        ("tests/test_store_recovery.py::"
         "test_four_processes_and_two_threads_saving_at_once_lose_nothing",
         "tests/test_store_crash.py::test_two_processes_saving_at_once_lose_nothing"),
        r"(\b0 lost|\b0 saves lost)"),
    Row("Property-based (hypothesis, deterministic): generated plans with arbitrary Unicode "
        "(emoji sequences, right-to-left and bidi controls, combining marks, unassigned and "
        "private-use code points, markup), fields of 10,000 to 100,000 characters, odd dates "
        "(leap days, 2000, 2099/2100, the first and last allowed) and cross-referenced lists go "
        "store → plan file → store, and through the app's render-job JSON, equal at every step",
        (r"hypothesis round trips: .*",),
        ("tests/test_properties.py::test_any_plan_survives_store_plan_file_store",),
        r"\b0 differences"),
    Row("Property-based: generated plans (characters no font has included) print the leader's "
        "and a rep's playbook; each PDF opens with pypdf and has pages",
        (r"hypothesis PDFs: .*",),
        ("tests/test_properties.py::test_any_plan_prints_the_leaders_and_a_reps_playbook",),
        r"\b0 failures"),
    Row("What the model cannot keep faithfully is refused with a message naming the field, "
        "never stored damaged: control characters, lone surrogates (from a plan file's "
        "\\uD800 escapes), dates before 2000 or after 2199, an end before the start, "
        "non-finite numbers",
        (),
        ("tests/test_properties.py::"
         "test_control_characters_and_lone_surrogates_are_refused_by_name",
         "tests/test_properties.py::"
         "test_a_plan_file_with_escaped_nul_or_surrogate_is_refused_and_changes_nothing",
         "tests/test_properties.py::test_tabs_and_line_breaks_are_kept",
         "tests/test_properties.py::test_dates_outside_what_a_plan_can_use_are_refused",
         "tests/test_properties.py::test_an_end_date_before_the_start_is_refused",
         "tests/test_properties.py::test_targets_must_be_finite_numbers"),
        r""),
    Row("A plan an older Prospector stored with values the current rules refuse (schema 2: "
        "control characters, a lone surrogate, a date in year 9999, an infinite target) opens "
        "repaired instead of being locked in the store; the app and the command line name each "
        "field changed, the stored versions stay as they were, and saving still works",
        (),
        ("tests/test_store.py::"
         "test_a_version_2_plan_the_current_rules_refuse_still_opens_and_saves",
         "tests/test_model.py::"
         "test_version_2_text_dates_and_numbers_the_current_rules_refuse_are_repaired",
         "tests/test_cli.py::"
         "test_importing_an_older_file_says_what_was_repaired_and_keeps_the_file",
         "tests/test_ui_journey.py::"
         "test_opening_a_plan_an_older_version_stored_says_what_was_repaired"),
        r""),
    Row("Who can read the files: the store and its backup are readable by their owner only; "
        "exported PDFs, plan files, calendars and task lists get the user's usual permissions "
        "(umask), and a replaced file keeps its own",
        (),
        ("tests/test_file_permissions.py",
         "tests/test_playbook_pdf.py::test_leader_pdf_pages_metadata_and_tagging"),
        r""),
    Row("No word of either playbook edition is printed over another (poppler's word boxes)",
        (),
        ("tests/test_playbook_pdf.py::test_no_text_is_printed_over_other_text",),
        r""),
    Row("Text that stalled or crashed the renderer (found by the property tests): very long runs "
        "without spaces, soft hyphens beside a float, U+2029 after a space at a line end",
        (r"long runs, soft hyphens and paragraph separators: .*",),
        ("tests/test_playbook_layout.py",),
        r"pages in \d"),
    Row("Hostile text in a plan (markup, file:// and http:// references, CSS url() and "
        "@import, attachments) fetches nothing and prints literally",
        (r"hostile text in the PDF: .*", r"hostile plan printed by `prospector pdf`: .*"),
        ("tests/test_playbook_pdf.py::test_injected_text_prints_literally_and_fetches_nothing",
         "tests/test_playbook_pdf.py::test_raw_html_injection_is_stopped_by_the_fetcher",
         "tests/test_no_network.py::"
         "test_hostile_text_fetches_nothing_prints_literally_and_opens_no_socket"),
        r"(0 fetches outside templates/ and assets/, 0 refused, 0 sockets, 0 embedded files|"
        r"(\d+) of \2 printed literally, 0 sockets, 0 embedded files)"),
    Row("No command opens a network socket: every CLI verb (list, import, export-json, history, "
        "restore, check, accounts --import, schedule --ics --csv, pdf, pdf --rep, "
        "pdf --all-reps), the desktop app (offscreen, with its preview renderer and an "
        "autosave) and the hostile plan, each in its own watched process tree",
        (r"sockets opened: .*",),
        ("tests/test_no_network.py",),
        r"sockets opened: 0 across"),
]


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1_048_576:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = f"; load average {os.getloadavg()[0]:.1f} when the run started"
    return (f"{cpu}, {os.cpu_count()} CPUs{memory}; {platform.system()} {platform.release()} "
            f"({platform.libc_ver()[0] or platform.platform()}){load}")


def _versions() -> str:
    code = ("import sys, weasyprint, pydantic, hypothesis, tinydb; "
            "print(f'Python {sys.version.split()[0]}, WeasyPrint {weasyprint.__version__}, '"
            "f'pydantic {pydantic.VERSION}, TinyDB {tinydb.__version__}, '"
            "f'hypothesis {hypothesis.__version__}')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    return done.stdout.strip() or f"Python {platform.python_version()}"


def _junit(path: Path) -> dict[str, str]:
    """Test id (``tests/x.py::name[param]``) -> passed, failed, error or skipped."""
    results = {}
    for case in ET.parse(path).iter("testcase"):
        module = case.get("classname", "").replace(".", "/") + ".py"
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error", "skipped"):
                outcome = {"failure": "failed"}.get(child.tag, child.tag)
        results[f"{module}::{case.get('name')}"] = outcome
    return results


def _count(results: dict[str, str], node: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for test, outcome in results.items():
        if test == node or test.startswith(node + "[") or test.startswith(node + "::"):
            counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def run(output: Path) -> int:
    nodes = sorted({n for row in ROWS for n in row.nodes})
    started_at = datetime.now().astimezone()
    machine = _machine()
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / "junit.xml"
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-s", "-q",
             f"--junitxml={xml}", *nodes],
            cwd=REPO, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        results = _junit(xml) if xml.exists() else {}
    printed = [line.strip() for line in done.stdout.splitlines()]
    problems: list[str] = []
    if done.returncode != 0:
        problems.append(f"pytest exited with {done.returncode}")

    lines = [
        "# Reliability",
        "",
        "How Prospector keeps plans safe and prints whatever a plan holds, in figures. Every "
        "figure below is printed by a test in this repository and collected by "
        "`tests/reliability_report.py`, which wrote this page; nothing here is typed by hand. The "
        "figures are the same on every run (fixed seeds, derandomized hypothesis) except the "
        "timings.",
        "",
        "| What is tested | Figure | Produced by |",
        "|---|---|---|",
    ]
    for row in ROWS:
        figures = []
        for pattern in row.figures:
            found = [line for line in printed if re.fullmatch(pattern, line)]
            if not found:
                figures.append("**missing: the test did not run or failed**")
                problems.append(f"no figure matches {pattern!r}")
                continue
            figure = found[-1]
            if row.healthy and not re.search(row.healthy, figure):
                problems.append(f"figure shows a problem: {figure}")
                figure = f"**{figure}**"
            figures.append(figure)
        outcome: dict[str, int] = {}
        for node in row.nodes:
            for key, value in _count(results, node).items():
                outcome[key] = outcome.get(key, 0) + value
        if not outcome:
            problems.append(f"no test ran for: {row.what[:60]}")
        if outcome.get("failed") or outcome.get("error"):
            problems.append(f"tests failed for: {row.what[:60]}")
        tally = ", ".join(f"{v} {k}" for k, v in sorted(outcome.items())) or "did not run"
        if not row.figures:
            figures.append(f"{outcome.get('passed', 0)} of {sum(outcome.values())} checks pass")
        tests = "<br>".join(f"`{_short(n)}`" for n in row.nodes)
        lines.append(f"| {_cell(row.what)} | {'<br>'.join(_cell(f) for f in figures)} | "
                     f"{tests}<br>({tally}) |")

    total = {}
    for outcome in results.values():
        total[outcome] = total.get(outcome, 0) + 1
    lines += [
        "",
        "## What the figures mean",
        "",
        "- A *kill* is `SIGKILL` to a process that is saving, at a random moment (before its "
        "first save completed too) or at a chosen step of a save; *survived* means the store "
        "opened afterwards without a recovery and holds a state the writer completed, *saves "
        "lost* counts completed saves (reported by the writer before the kill) missing from it, "
        "and a *torn* store is one that cannot be read, had to be recovered, or holds a plan no "
        "completed save wrote.",
        "- A damaged store file is never overwritten: it is moved aside as "
        "`plans.corrupt-<time>.json` and the user is told. The store then opens with the backup "
        "(`plans.json.bak`, the file as it was before the last save), so the save that was in "
        "the damaged file is the one not in the store; it is still in the file kept aside. The "
        "store file starts with a SHA-256 of its contents, so a flipped bit that still parses "
        "as JSON is noticed too.",
        "- The disk-full cases make the operating-system call fail with `ENOSPC` at the "
        "step named, after part of the data was written where that applies. *Intact* means the "
        "store file and its backup are byte for byte what they were and the previous version "
        "loads; *told* means the error names the disk and says nothing was changed.",
        "- The property-based tests compare the whole plan (every field) after each step; the "
        "PDF test renders each generated plan twice (the leader's and one rep's edition).",
        "- The socket check watches every Python process of each command with an audit hook "
        "(socket creation, connect, bind, send, name lookups, URL opens) and, where `strace` "
        "works, every process's system calls; AF_UNIX sockets (between a process and its "
        "workers) are allowed, any AF_INET or AF_INET6 socket or name lookup fails the test.",
        "",
        "## Reproduce",
        "",
        "```sh",
        ".venv/bin/python tests/reliability_report.py",
        "```",
        "",
        "It runs these tests with `pytest -s` and rewrites this page. The same tests run in the "
        "whole suite (`.venv/bin/python -m pytest`).",
        "",
        "## This run",
        "",
        f"- Date: {started_at:%Y-%m-%d %H:%M %Z}",
        f"- Machine: {machine}",
        f"- Software: {_versions()}",
        f"- Tests: {', '.join(f'{v} {k}' for k, v in sorted(total.items())) or 'none'} "
        f"in {seconds:.0f} s",
    ]
    if problems:
        lines += ["", "## Problems in this run", ""] + [f"- {p}" for p in problems]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {output}" + (f" with {len(problems)} problems" if problems else ""))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(done.stdout[-3000:], file=sys.stderr)
    return 1 if problems else 0


def _short(node: str) -> str:
    return node.removeprefix("tests/")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=REPO / "docs" / "RELIABILITY.md")
    return run(parser.parse_args(argv).output)


if __name__ == "__main__":
    sys.exit(main())
