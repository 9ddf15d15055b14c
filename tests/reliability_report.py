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
        "cut in half), the same for an import's save, which writes its blocks of facts to "
        "their own files first; the store is reopened after each kill",
        (r"crash test: .*", r"killed at each step of a save: .*",
         r"killed at each step of an import's save .*"),
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
    Row("Fuzzed CSV files: 250 built from hostile pieces (quotes in every position, the four "
        "delimiters, CR, LF, CR LF, BOMs, NUL, Windows-1252 bytes, lines in two encodings, cells "
        "of 20,000 characters, formulas, empty lines, ragged rows) and 150 mutated copies of the "
        "real Salesforce and HubSpot exports (flipped bits, quotes and line breaks inserted, lines "
        "duplicated or dropped, cut short). Each is refused in one line naming the file, or "
        "imported so that every added name is its row's name cell as Python's csv module reads "
        "it, every row is added, merged, skipped, blank or footer exactly once, no one-line "
        "value holds a line break, the plan passed in is unchanged and the new plan survives a "
        "plan file; `prospector accounts --import --dry-run` on a few of them",
        (r"CSV fuzzing: .*", r"CSV fuzzing on the command line: .*"),
        ("tests/test_fuzzing.py::"
         "test_fuzzed_csv_files_import_what_each_row_says_or_are_refused_in_one_line",
         "tests/test_fuzzing.py::test_fuzzed_csv_files_on_the_command_line_are_never_a_traceback",
         "tests/test_fuzzing.py::"
         "test_an_undefined_windows_1252_byte_is_never_stored_as_a_replacement_character"),
        r"(\b0 crashes, 0 merged rows stored, 0 changes to the plan passed in; 0 rows added "
        r"with U\+FFFD|"
        r"exit 0 for \d+, exit 1 for \d+, 0 tracebacks, plan file unchanged)"),
    Row("Fuzzed plan files: the sample plan with flipped bits, cut short, a key given twice, "
        "keys no plan has (named with line breaks, escapes, lone surrogates), a number of 4,301 "
        "digits in every numeric field, nesting thousands deep, a wrong type in every field, "
        "control characters and lone surrogates in strings, imported with `prospector import`: "
        "exit 0, or exit 1 with one printable line and the store byte for byte unchanged",
        (r"plan file fuzzing: .*",),
        ("tests/test_fuzzing.py::"
         "test_fuzzed_plan_files_import_or_are_refused_in_one_line_leaving_the_store_as_it_was",
         "tests/test_fuzzing.py::"
         "test_what_a_refusal_quotes_from_the_file_stays_one_printable_line"),
        r"\b0 exit-70 crashes, 0 tracebacks, 0 stores changed by a refused file"),
    Row("Plan files that crashed the command line with exit 70 (numbers of 5,000 digits, "
        "brackets nested 10,000 deep) or were read wrongly (a key given twice) are refused in "
        "one line naming the field, by `import`, `check` and `schedule`",
        (),
        ("tests/test_hostile_input.py::test_a_plan_file_that_crashed_is_refused_in_one_line",
         "tests/test_hostile_input.py::"
         "test_a_key_given_twice_in_a_plan_file_is_refused_naming_it"),
        r""),
    Row("Calendar injection: generated hostile text (every kind of line break, a lone CR, "
        "commas, semicolons, backslashes, colons, property names, long lines, characters "
        "outside the BMP, combining marks, bidi controls) in every text field of a plan that "
        "reaches the .ics, which the model itself lists; python-icalendar and vobject read the "
        "same events and texts, equal to the plan's (line breaks in the name and summary "
        "become spaces)",
        (r"calendar fuzzing: .*", r"calendar fields: .*"),
        ("tests/test_fuzzing.py::"
         "test_hostile_text_in_every_calendar_field_reads_the_same_in_two_parsers",
         "tests/test_fuzzing.py::test_every_text_field_that_reaches_the_calendar_is_fuzzed",
         "tests/test_calendar_export.py::test_line_breaks_in_any_text_forge_no_calendar_entry",
         "tests/test_calendar_export.py::"
         "test_a_rep_named_with_a_line_break_exports_a_calendar_from_the_command_line"),
        r"(\b0 disagreements, 0 forged properties or events, 0 texts unlike the plan's|"
        r", 0 of them not fuzzed)"),
    Row("Every text field of the model is filled with hostile text by the PDF property test's "
        "generator (the model's fields are listed by walking it, so a new field cannot escape "
        "the PDF fuzzing)",
        (r"PDF fuzzing coverage: .*",),
        ("tests/test_fuzzing.py::"
         "test_the_pdf_property_test_generates_every_text_field_of_the_model",),
        r"\((\d+) free text, \1 of them with hostile text\), .*, 0 never generated"),
    Row("A damaged store on a full disk (issue 13): a flipped byte, the disk full during `list`, "
        "space freed, two imports; simulated where Prospector calls the OS and, where mounting "
        "works, on a real 400 KiB tmpfs filled to the last byte; a store missing beside its "
        "backup; an empty store never replaces a backup holding plans",
        (r"damaged store on a full disk \(simulated\): .*",
         r"damaged store on a real full disk .*"),
        ("tests/test_store_attacks.py::test_a_damaged_store_on_a_full_disk_loses_no_plan",
         "tests/test_store_attacks.py::test_a_damaged_store_on_a_really_full_tmpfs_loses_no_plan",
         "tests/test_store_attacks.py::"
         "test_a_missing_store_beside_its_backup_is_recovered_and_the_user_told",
         "tests/test_store_attacks.py::"
         "test_a_missing_store_beside_its_backup_on_a_full_disk_shows_the_backup",
         "tests/test_store_attacks.py::"
         "test_an_empty_store_never_replaces_a_backup_that_holds_plans",
         "tests/test_store_attacks.py::"
         "test_a_damaged_store_and_a_damaged_backup_are_both_kept_aside"),
        r"\b0 plans lost"),
    Row("Housekeeping after failures: temp files of writers killed mid-write are removed when "
        "the store is next opened (a writer's fresh file and other files are kept); after a "
        "save that fails at any step the backup is still the previous version, never a second "
        "name of the store file",
        (r"temp files of killed saves: .*", r"backup after a failed save: .*"),
        ("tests/test_store_attacks.py::"
         "test_temp_files_of_killed_saves_are_removed_when_the_store_is_opened",
         "tests/test_store_attacks.py::"
         "test_a_save_killed_before_its_backup_was_kept_leaves_the_previous_version_as_backup",
         "tests/test_store_attacks.py::"
         "test_old_temp_files_without_a_writer_are_removed_and_other_files_kept",
         "tests/test_store_attacks.py::test_a_failed_save_leaves_the_backup_the_previous_version",
         "tests/test_store_attacks.py::"
         "test_a_backup_that_cannot_be_renamed_does_not_fail_a_save_nor_leave_a_file"),
        r"(\b0 once the store was opened again|previous version (\d+) of \2 .*, "
        r"0 temp files left)"),
    Row("A read-only data folder (simulated with EROFS on every call that would write, a folder "
        "chmod 0500 in a process that obeys permissions, a tmpfs remounted read-only): the plans "
        "can still be listed, their history shown and exported; a save says read-only and "
        "changes nothing",
        (r"read-only data folder \(simulated: .*", r"read-only data folder \(chmod 0500.*",
         r"read-only data folder \(a tmpfs remounted.*"),
        ("tests/test_store_attacks.py::test_a_read_only_data_folder_can_still_be_read_and_exported",
         "tests/test_store_attacks.py::"
         "test_a_damaged_store_in_a_read_only_folder_shows_the_backup_and_changes_nothing",
         "tests/test_store_attacks.py::"
         "test_a_read_only_folder_readable_by_others_is_left_as_it_is_and_the_user_told",
         "tests/test_store_attacks.py::test_a_data_folder_chmod_0500_can_still_be_read_and_exported",
         "tests/test_store_attacks.py::test_a_read_only_tmpfs_can_still_be_read_and_exported",
         "tests/test_store_attacks.py::"
         "test_a_lock_file_that_cannot_be_opened_for_writing_still_lets_the_plans_be_read"),
        r"3 of 3 work, (0 writes attempted, )?a save told"),
    Row("Version conflicts: a save based on a version another writer has replaced is refused "
        "and changes nothing; two processes saving from the same version keep exactly one",
        (r"a save from a version another writer replaced: .*",
         r"two processes saving one plan from the same version: .*"),
        ("tests/test_store_attacks.py::"
         "test_a_save_from_a_version_another_writer_replaced_is_refused_and_changes_nothing",
         "tests/test_store_attacks.py::test_a_save_without_a_base_version_saves_as_before",
         "tests/test_store_attacks.py::test_a_new_plan_saved_from_version_0",
         "tests/test_store_attacks.py::test_a_save_to_a_plan_deleted_meanwhile_is_refused",
         "tests/test_store_attacks.py::test_concurrent_saves_from_one_base_keep_exactly_one"),
        r"(refused, the other writer's version kept|1 saved, 1 refused \(VersionConflict\), "
        r"0 saves overwritten)"),
    Row("Huge plan files: a plan file of over 54 MB (as large as a 65,000-account export) is "
        "written and read back; the export never writes a file the import would refuse as too "
        "large",
        (r"huge plan file: .*",),
        ("tests/test_hostile_input.py::test_a_plan_over_50_mb_is_written_and_read_back",
         "tests/test_hostile_input.py::test_export_never_writes_what_import_refuses"),
        r"read back with (\d+) of \1 accounts"),
    Row("Large plans print in time and memory proportional to their size: above 400 accounts "
        "the accounts are one line each, long texts are cut with a marker, a rep's schedule "
        "prints its first 3,000 touches, and the edition says what it left out. The 2,000-account "
        "leader's edition is printed here through the render job the app runs; 20,000 and "
        "60,000 accounts are measured by `bench/bench_large_pdf.py`, with their budgets "
        "(bench/RESULTS.md)",
        (r"large plan PDF: .*",),
        ("tests/test_large_plan_pdf.py::"
         "test_2000_accounts_print_as_the_app_prints_them_within_the_memory_budget",),
        r"peak ([1-5]?\d\d) MB"),
    Row("Logos: only real PNG or JPEG bytes are a logo (an SVG sent as PNG, a GIF as JPEG, "
        "60,000 x 60,000 pixels, over 2 MB, a header alone are refused, by the model and by the "
        "PDF fetcher); a plan holding an SVG bomb (10^10 shapes) as its logo still prints, "
        "without it; a stored plan with such a logo opens repaired",
        (r"SVG bomb as logo: .*",),
        ("tests/test_hostile_input.py::test_a_logo_that_is_not_a_real_png_or_jpeg_is_refused",
         "tests/test_hostile_input.py::test_a_real_png_or_jpeg_logo_is_kept_and_served",
         "tests/test_hostile_input.py::"
         "test_the_pdf_of_a_plan_holding_an_svg_bomb_as_logo_finishes_without_it",
         "tests/test_hostile_input.py::test_a_stored_plan_with_an_svg_logo_opens_repaired"),
        r"the PDF printed \(\d+ pages?\) without it"),
    Row("Regular expressions on user text run in linear time: a tier cell of 100,000 spaces, an "
        "email of 100,000 dots (145 s with the old rule) and cells of 100,000 characters through "
        "every cell parser, each run in a child process",
        (r"regular expressions on 100,000-character cells: .*",),
        ("tests/test_hostile_input.py::"
         "test_a_tier_cell_of_100000_spaces_gets_a_row_warning_not_a_hang",
         "tests/test_hostile_input.py::test_an_email_of_100000_dots_is_refused_not_a_hang",
         "tests/test_hostile_input.py::test_every_cell_parser_is_linear_on_100000_character_cells",
         "tests/test_hostile_input.py::test_email_rule_is_unchanged_for_ordinary_addresses"),
        r"(\d+) of \1 cells answered"),
    Row("The app under long use: 2,500 edits through the real window (typing, cells, rows added, "
        "duplicated, deleted and moved, undo and redo, steps, coach, preview, dialogs), then "
        "reopened from the store; memory may not keep growing",
        (r"soak: .*",),
        ("tests/test_app_soak.py::test_thousands_of_edits_then_reopened_from_the_store",),
        r"^soak: ([2-9]\d{3}|\d{5,}) edits .*\+-?([0-9]|1[0-9]|2[0-4])\.\d MB$"),
    Row("The app killed (SIGKILL) at a random moment while the leader types, 8 times on two "
        "stores: each store opens without recovery, holds every save the app reported and what "
        "was typed 5 s before the kill",
        (r"app killed while typing: .*",),
        ("tests/test_app_kill.py::test_killing_the_app_never_loses_what_was_typed_5_s_before",),
        r", 0 problems"),
    Row("The Qt binding keeps its references: the Qt calls every edit makes, run thousands of "
        "times in a child process, drop no reference to None, True or False (PySide6 6.12.0 did, "
        "and the app aborted after a few thousand edits on Python 3.11)",
        (r"Qt references: .*",),
        ("tests/test_qt_refcounts.py::test_qt_calls_made_on_every_edit_keep_their_references",),
        r", 0 dropping references"),
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
        "- The fuzz tests (`tests/test_fuzzing.py`) use fixed seeds and derandomized hypothesis, "
        "so every run tries the same files and plans. A *crash* is an exception other than the "
        "one-line error the user is meant to see (on the command line: exit code 70 or a "
        "traceback); a *merged row stored* is an account whose name, tier, website, city, "
        "country, industry or revenue holds a line break, which only a misquoted row can give; "
        "the two calendar parsers *disagree* when they read a different number of events or "
        "properties or a different text.",
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
