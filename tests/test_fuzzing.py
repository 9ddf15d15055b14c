"""Fuzzing (issue 13): CSV files, plan files and every text that reaches the calendar or the PDF.

- CSV: files generated from hostile pieces (quotes anywhere, the four delimiters, every kind of
  line break, BOMs, NUL, Windows-1252 bytes, lines in two encodings, very long cells, formulas,
  ragged rows) and mutated copies of the real exports in tests/data. Each is imported into a plan;
  a whole file may be refused (one line naming it), but what is imported must be what the file
  says, row by row, and never a misquoted row stored merged.
- Plan files: the sample plan, damaged (flipped bits, cut short, keys twice, numbers of thousands
  of digits, nesting thousands deep, a wrong type in every field, control characters and lone
  surrogates), imported with ``prospector import``: exit 0 or one clear line and exit 1, with
  the store byte for byte unchanged.
- Calendar: hostile text in every field of a plan that reaches the .ics, read back by two
  parsers (python-icalendar and vobject) that must agree with each other and with the plan.
- PDF: the property test's plan generator fills every text field of the model (so a new field
  cannot escape the PDF fuzzing); rendering stays in tests/test_properties.py.

Deterministic: fixed seeds (``random.Random``) and derandomized hypothesis. Each test prints one
figure line for docs/RELIABILITY.md (``tests/reliability_report.py``). No timing is asserted.
"""

from __future__ import annotations

import csv
import io
import json
import random
import re
import typing
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from prospector.account_import import CsvFileError, import_accounts
from prospector.calendar_export import schedule_to_ics
from prospector.cli import main
from prospector.model import Channel, Plan, Rep, TargetAccount
from prospector.planfile import read_plan_file, write_plan_file
from prospector.resources import sample_plan_path
from prospector.schedule import build_schedule
from prospector.store import PlanStore
from tests.test_calendar_export import physical_lines, two_readers
from tests.test_properties import (  # noqa: F401 - the fixture keeps hypothesis repeatable
    SETTINGS,
    _same_examples_in_any_run,
    plan_documents,
)

DATA = Path(__file__).parent / "data"
EXPORTS = sorted(DATA.glob("*.csv"))


# =================================================================================================
# 1. CSV files
# =================================================================================================
GENERATED_CSVS = 250
MUTATED_CSVS = 150
ONE_LINE_FIELDS = ("name", "tier", "website", "city", "country", "industry", "annual_revenue")
HEADERS = ["Account Name", "Billing City", "Website", "Tier", "Account Owner", "Employees",
           "Notes", "Industry", "Country", "Annual Revenue", "Why", "Record ID"]
OWNERS = ["Jonas Albrecht", "mette@seller.example", "Sorensen, Mette", "Nobody Known"]
# Pieces of a cell. Quotes, delimiters and line breaks also come from the quoting below.
CELL_PIECES = [
    '"', '""', "'", ",", ";", "\t", "|", "\r", "\n", "\r\n", " ", "  ", "\ufeff", "\u00a0",
    "=SUM(A1:A9)", "+49 711", "-1", "@cmd", "'=1+1", "=HYPERLINK(\"http://x\")",
    "Acme", "Acme Corp.", "GmbH", "Müller", "Société Générale", "Ångström", "Łódź", "中文",
    "👩‍👩‍👧‍👦", "e\u0301", "\u202eevil", "€ 45.000", "1.250", "2,100", "Tier A", "C", "b",
    "https://acme.example/x", "www.example.com", "Grand Totals", "x" * 300,
]
RARE_PIECES = ["\x00", "x" * 20_000, "\x1a", "sep=;"]


def _cell(rng: random.Random) -> str:
    if rng.random() < 0.35:  # an ordinary value: most rows of a real file are fine
        return rng.choice(["Acme", "Nordlicht Logistik AG", "Bremen", "A", "https://n.example",
                           "Café Crème GmbH", "Wendt Precision", "640", "", "Jonas Albrecht"])
    return "".join(rng.choice(CELL_PIECES) for _ in range(rng.randint(1, 4)))


def _quoted(cell: str, delimiter: str, rng: random.Random, careless: float) -> str:
    """The cell as a CSV writer would write it or, with odds ``careless``, as a careless one did."""
    if rng.random() >= careless:  # quoted when it needs to be (or anyway)
        if any(c in cell for c in (delimiter, '"', "\r", "\n")) or rng.random() < 0.3:
            return '"' + cell.replace('"', '""') + '"'
        return cell
    return rng.choice([
        cell,  # raw, whatever it holds
        '"' + cell,  # a quote opened and never closed
        '"' + cell + '"' + rng.choice(["x", " ", '"', "a b"]),  # text after the closing quote
        cell[: len(cell) // 2] + '"' + cell[len(cell) // 2:],  # a quote in the middle
    ])


def generated_csv(seed: int) -> bytes:
    """A CSV file built from hostile pieces: header, rows, line ends and encodings vary."""
    rng = random.Random(seed)
    delimiter = rng.choice([",", ";", "\t", "|"])
    header = rng.sample(HEADERS, rng.randint(1, len(HEADERS)))
    if "Account Name" not in header and rng.random() < 0.9:
        header.insert(rng.randrange(len(header) + 1), "Account Name")
    if rng.random() < 0.1:
        header[rng.randrange(len(header))] = _cell(rng)
    rows = [header]
    for _ in range(rng.randint(0, 14)):
        roll = rng.random()
        if roll < 0.08:
            rows.append([])  # an empty line
        elif roll < 0.12:
            rows.append(list(header))  # the header again
        elif roll < 0.15:
            rows.append([rng.choice(["Grand Totals (3 records)", "Copyright (c) 2026 x"])])
        else:
            width = len(header) + rng.choice([0, 0, 0, 0, -1, 1, -2, 3])  # ragged rows too
            row = [_cell(rng) for _ in range(max(1, width))]
            if "Account Owner" in header and rng.random() < 0.5:
                row[min(header.index("Account Owner"), len(row) - 1)] = rng.choice(OWNERS)
            rows.append(row)
    if rng.random() < 0.08:  # now and then a NUL, a 20,000-character cell, a ^Z, a "sep=" cell
        row = rng.choice(rows[1:] or rows)
        if row:
            row[rng.randrange(len(row))] += rng.choice(RARE_PIECES)
    ends = ["\r\n", "\n", "\r"]
    usual_end = rng.choice(ends)
    legacy = rng.random() < 0.3  # a Windows-1252 file
    out = bytearray()
    if rng.random() < 0.1:
        out += b"sep=" + delimiter.encode() + usual_end.encode()
    for n, row in enumerate(rows):
        line = delimiter.join(_quoted(c, delimiter, rng, 0.15 if n else 0.03) for c in row)
        line += usual_end if rng.random() < 0.9 else rng.choice(ends)
        if legacy == (rng.random() < 0.9):  # now and then a line in the other encoding
            out += line.encode("utf-8")
        else:  # what a legacy export cannot write comes out as "?"
            out += line.encode("cp1252", "replace")
    if rng.random() < 0.05:
        out += bytes(rng.choice([0x80, 0x9F, 0xE4, 0xFC, 0xA0, 0x81]) for _ in range(3))
    if legacy and rng.random() < 0.15:  # a byte Windows-1252 has no character for
        at = rng.randrange(len(out) + 1)
        out[at:at] = b"\x81"
    bom = rng.random() + (0.2 if legacy else 0)
    if bom < 0.15:
        return b"\xef\xbb\xbf" + bytes(out)
    if bom < 0.18:  # Excel's "Unicode text": UTF-16 with its BOM
        return "\ufeff".encode("utf-16-le") + bytes(out).decode("utf-8", "replace").encode(
            "utf-16-le")
    if bom < 0.20:  # a BOM of the wrong kind
        return b"\xff\xfe" + bytes(out)
    return bytes(out)


def mutated_export(seed: int) -> bytes:
    """One of the real exports with a few bytes flipped, quotes or line breaks inserted, lines
    duplicated or dropped, or cut short."""
    rng = random.Random(seed)
    data = bytearray(EXPORTS[seed % len(EXPORTS)].read_bytes())
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.25 and data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif roll < 0.55:
            at = rng.randrange(len(data) + 1)
            data[at:at] = rng.choice([b'"', b'""', b"\n", b"\r", b"\r\n", b'"\n', b",", b";",
                                      b"\t", b"\xe4", b"\xc3\xa4", b"\xef\xbb\xbf"])
        elif roll < 0.75:
            lines = bytes(data).splitlines(keepends=True)
            at = rng.randrange(len(lines))
            lines.insert(at, lines[at] if rng.random() < 0.7 else lines[at].rstrip(b"\r\n"))
            data = bytearray(b"".join(lines))
        elif roll < 0.85:
            lines = bytes(data).splitlines(keepends=True)
            if len(lines) > 1:
                del lines[rng.randrange(1, len(lines))]
            data = bytearray(b"".join(lines))
        else:
            data = data[: rng.randrange(len(data) + 1)]
    return bytes(data)


def import_plan() -> Plan:
    return Plan(
        name="Fuzz plan", id="plan-fuzz",
        accounts=[TargetAccount(id="acc-1", name="Acme Corporation", website="https://acme.example",
                                industry="Machinery")],
        reps=[Rep(id="rep-1", name="Jonas Albrecht", email="jonas@seller.example",
                  account_ids=["acc-1"]),
              Rep(id="rep-2", name="Mette Sørensen", email="mette@seller.example")],
    )


# --- what Python's csv module reads: the oracle -----------------------------------------------
_SEP_LINE = re.compile(r"^sep=(.)[ \t]*(\r\n|\n|\r|$)", re.IGNORECASE)
_UNDEFINED_IN_CP1252 = re.compile(b"[\x81\x8d\x8f\x90\x9d]")


def _decoded(data: bytes, codec: str) -> tuple[str, set[int]]:
    """The text as the importer says it read it: in the codec it announced, or, for a file that
    is not all UTF-8, line by line (a line that is UTF-8 read as UTF-8, another as Windows-1252);
    and the lines (1-based) that fit neither."""
    if codec not in ("utf-8", "cp1252"):
        return data.decode(codec).removeprefix("\ufeff"), set()
    try:
        return data.decode("utf-8"), set()
    except UnicodeDecodeError:
        pass
    parts, unfit = [], set()
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        for attempt in ("utf-8", "cp1252"):
            try:
                parts.append(line.decode(attempt))
                break
            except UnicodeDecodeError:
                continue
        else:
            parts.append(line.decode("cp1252", "replace"))
            unfit.add(number)
    return "".join(parts), unfit


def _clean(cell: str) -> str:
    """What the importer documents it does to a cell: NULs and byte order marks dropped,
    spaces trimmed, the apostrophe a spreadsheet puts before formula-like text removed."""
    cell = cell.replace("\x00", "").replace("\ufeff", "").strip()
    if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@":
        cell = cell[1:]
    return cell


@dataclass
class OracleRow:
    cells: list[str] | None  # None: the csv module refuses the row (a quote left open...)
    lines: tuple[int, int]  # first and last line of the file


def oracle_rows(text: str, delimiter: str) -> list[OracleRow]:
    """The file's rows as ``csv.reader`` (strict) reads them, one ``next()`` a row."""
    first_line = 1
    sep = _SEP_LINE.match(text)
    if sep:
        text = text[sep.end():]
        first_line += 1 if sep.group(2) else 0
    lines = io.StringIO(text, newline="").readlines()
    taken = [0]

    def feed():
        for line in lines:
            taken[0] += 1
            yield line

    reader = csv.reader(feed(), delimiter=delimiter, strict=True)
    rows = []
    while True:
        start = taken[0] + first_line
        try:
            cells = [_clean(c) for c in next(reader)]
        except StopIteration:
            return rows
        except csv.Error:
            cells = None
        rows.append(OracleRow(cells, (start, taken[0] + first_line - 1)))


@dataclass
class CsvStats:
    files: int = 0
    refused: int = 0
    imported: int = 0
    rows: int = 0
    added: int = 0
    merged_rows_stored: int = 0
    plan_changes: int = 0
    crashes: list[str] = field(default_factory=list)
    replacement_rows: int = 0


def check_csv_import(path: Path, stats: CsvStats) -> None:
    """Import ``path`` and hold the result to what the file says."""
    plan = import_plan()
    before = plan.model_dump(mode="json")
    data = path.read_bytes()
    stats.files += 1
    try:
        result = import_accounts(plan, path)
    except CsvFileError as exc:
        message = str(exc)
        assert message.startswith(f"{path}: ") and "\n" not in message and "\r" not in message, \
            message
        assert plan.model_dump(mode="json") == before
        stats.refused += 1
        return
    except Exception as exc:  # a crash: the file goes in the failure message
        stats.crashes.append(f"{type(exc).__name__}: {exc}")
        raise AssertionError(f"import crashed on {data[:400]!r}") from exc
    stats.imported += 1
    if plan.model_dump(mode="json") != before:
        stats.plan_changes += 1
        raise AssertionError("the plan passed in was changed")

    # every account of the new plan: no line break in a one-line value (no merged row stored)
    new = result.new_plan
    for account in new.accounts:
        broken = [f for f in ONE_LINE_FIELDS if re.search("[\r\n]", str(getattr(account, f)))]
        if broken:
            stats.merged_rows_stored += 1
            raise AssertionError(f"{account.name!r} stored with a line break in {broken}: "
                                 f"{data[:600]!r}")
    assert len(new.accounts) == len(plan.accounts) + len(result.added)

    # each added name is the name cell of its row, as the csv module reads that row
    text, unfit = _decoded(data, result.encoding)
    rows = oracle_rows(text, result.delimiter)
    header_at = next(i for i, r in enumerate(rows) if r.cells and any(r.cells))
    name_column = result.mapping["name"]
    for added in result.added:
        row = rows[added.row_number - 1]
        assert row.cells is not None, f"row {added.row_number} is not CSV, yet was added"
        assert name_column < len(row.cells) and added.name == row.cells[name_column], (
            f"row {added.row_number}: added {added.name!r}, the row reads {row.cells!r}")
        account = new.account(added.account_id)
        for key in ("city", "country", "notes"):  # and the other values are the row's own
            column = result.mapping.get(key)
            cell = row.cells[column] if column is not None and column < len(row.cells) else ""
            assert not cell or getattr(account, key) == cell, (
                f"row {added.row_number}: {key} {getattr(account, key)!r}, the row reads {cell!r}")
        if any(line in unfit for line in range(row.lines[0], row.lines[1] + 1)):
            # a line that is neither UTF-8 nor Windows-1252 must be skipped and named
            stats.replacement_rows += 1
    # every data row is accounted for, once
    data_rows = rows[header_at + 1:]
    blank = sum(1 for r in data_rows if r.cells is not None and not any(r.cells))
    reported = ([a.row_number for a in result.added] + [m.row_number for m in result.merged]
                + [s.row_number for s in result.skipped] + list(result.footer_rows))
    assert len(reported) == len(set(reported)), f"a row reported twice: {sorted(reported)}"
    assert set(reported) <= set(range(header_at + 2, len(rows) + 1)), sorted(reported)
    assert result.blank_rows == blank
    assert len(reported) + blank == len(data_rows), (
        f"{len(data_rows)} data rows, {len(reported)} reported + {blank} blank")
    stats.rows += len(data_rows)
    stats.added += len(result.added)

    # the new plan is a valid plan and survives a plan file
    assert Plan.model_validate(new.model_dump(mode="json")) == new
    out = path.with_suffix(".plan.json")
    assert read_plan_file(write_plan_file(new, out)) == new


def test_fuzzed_csv_files_import_what_each_row_says_or_are_refused_in_one_line(tmp_path,
                                                                                capsys):
    stats = CsvStats()
    cases = ([("generated", seed, generated_csv(seed)) for seed in range(GENERATED_CSVS)]
             + [("mutated", seed, mutated_export(seed)) for seed in range(MUTATED_CSVS)])
    try:
        for kind, seed, data in cases:
            path = tmp_path / f"{kind}-{seed}.csv"
            path.write_bytes(data)
            try:
                check_csv_import(path, stats)
            except AssertionError as exc:
                raise AssertionError(f"{kind} CSV, seed {seed}: {exc}") from None
    finally:
        with capsys.disabled():
            print(f"\nCSV fuzzing: {stats.files} files ({GENERATED_CSVS} generated, "
                  f"{MUTATED_CSVS} mutated exports; {stats.refused} refused as a whole in one "
                  f"line, {stats.imported} imported: {stats.rows} rows, {stats.added} accounts "
                  f"added), {len(stats.crashes)} crashes, {stats.merged_rows_stored} merged rows "
                  f"stored, {stats.plan_changes} changes to the plan passed in; "
                  f"{stats.replacement_rows} rows added with U+FFFD for a byte no encoding has")
    # the fuzzing reached the rows: most files were imported, with accounts
    assert stats.imported >= 0.5 * stats.files and stats.added >= stats.imported
    assert stats.replacement_rows == 0


def test_fuzzed_csv_files_on_the_command_line_are_never_a_traceback(tmp_path, capsys):
    plan_file = write_plan_file(import_plan(), tmp_path / "plan.json")
    before = plan_file.read_bytes()
    codes = []
    # generated and mutated files the importer takes, and ones it refuses as a whole
    files = [(generated_csv, seed) for seed in (1000, 1001, 1002, 1006, 1009)] + [
        (mutated_export, seed) for seed in (1000, 1003, 1035)]
    for make, seed in files:
        data = make(seed)
        path = tmp_path / f"{make.__name__}-{seed}.csv"
        path.write_bytes(data)
        code = main(["accounts", str(plan_file), "--import", str(path), "--dry-run"])
        out, err = capsys.readouterr()
        assert code in (0, 1) and "Traceback" not in out + err, (seed, code, err[-2000:])
        if code == 1:
            assert err.startswith(f"prospector: error: {path}: ") and err.count("\n") == 1, err
        else:
            assert "Dry run: nothing was saved." in out
        assert plan_file.read_bytes() == before
        codes.append(code)
    with capsys.disabled():
        print(f"\nCSV fuzzing on the command line: {len(codes)} files, exit 0 for "
              f"{codes.count(0)}, exit 1 for {codes.count(1)}, 0 tracebacks, plan file unchanged")


def test_an_undefined_windows_1252_byte_is_never_stored_as_a_replacement_character(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes(b"Account Name,City\nM\x81ller GmbH,K\xf6ln\n")  # 0x81: no character
    result = import_accounts(import_plan(), path)
    assert not any("\ufffd" in a.name for a in result.added)
    assert [s.row_number for s in result.skipped] == [2]


# =================================================================================================
# 2. Plan files
# =================================================================================================
SAMPLE_TEXT = sample_plan_path().read_text("utf-8")
SAMPLE_DOC = json.loads(SAMPLE_TEXT)
HUGE = "9" * 4301  # one digit more than Python converts (ValueError: Exceeds the limit)


def _leaves(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _leaves(value, (*path, i))


ALL_PATHS = list(_leaves(SAMPLE_DOC))[1:]


def _generic(path: tuple) -> tuple:
    return tuple("[]" if isinstance(p, int) else p for p in path)


def _render(node, path=(), overrides=None, extra=None) -> str:
    """JSON text of ``node``, with raw JSON text at the paths in ``overrides`` and, in the object
    at ``extra[0]``, the raw item ``extra[1]`` (``"key": value``) added."""
    overrides = overrides or {}
    if path in overrides:
        return overrides[path]
    if isinstance(node, dict):
        items = [f"{json.dumps(k)}: {_render(v, (*path, k), overrides, extra)}"
                 for k, v in node.items()]
        if extra and extra[0] == path:
            items.insert(len(items) // 2, extra[1])
        return "{" + ", ".join(items) + "}"
    if isinstance(node, list):
        return "[" + ", ".join(_render(v, (*path, i), overrides, extra)
                               for i, v in enumerate(node)) + "]"
    return json.dumps(node, ensure_ascii=False)


def _wrong_values(value) -> list[str]:
    """JSON values of another type than ``value``."""
    if isinstance(value, bool):
        return ['"yes"', "1.5", "[]", "null"]
    if isinstance(value, (int, float)):
        return ['"12"', "true", "[]", "{}", "null", "1e400", "-1"]
    if isinstance(value, str):
        return ["123", "true", "[]", '{"a": 1}', "null", '["x"]']
    if isinstance(value, list):
        return ["{}", '"x"', "0", "null", "[1, 2]"]
    if isinstance(value, dict):
        return ["[]", '"x"', "0", "null"]
    return ['"x"', "0", "[]", "{}"]  # None


HOSTILE_STRINGS = [
    '"a\\u0000b"', '"\\u001b[31mred"', '"half \\ud800 a character"', '"\\udfff"',
    '"\\ud83d\\ude00 a whole one"', '"\\u0085 next line"', '"\\u2028\\u2029"', '"\\u007f"',
    '"raw \x01 control"', '"raw\ttab"', '"\udced\udca0\udc80 raw surrogate bytes"',
    '"\udcff not UTF-8"', '"line\\nbreak\\r\\n"', '"' + "x" * 100_000 + '"', '""', '"   "',
]


def mutated_plan_files(rng: random.Random) -> list[tuple[str, bytes]]:
    raw = SAMPLE_TEXT.encode("utf-8")
    cases: list[tuple[str, bytes]] = []

    def text(overrides=None, extra=None) -> bytes:
        return _render(SAMPLE_DOC, (), overrides, extra).encode("utf-8", "surrogateescape")

    for _ in range(80):
        data = bytearray(raw)
        for _ in range(rng.randint(1, 3)):
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        cases.append(("flipped bits", bytes(data)))
    for _ in range(40):
        cases.append(("cut short", raw[: rng.randrange(len(raw))]))
    objects = [p for p, v in [((), SAMPLE_DOC), *ALL_PATHS] if isinstance(v, dict)]
    for _ in range(30):
        path = rng.choice(objects)
        node = SAMPLE_DOC
        for part in path:
            node = node[part]
        key = rng.choice(list(node) or ["name"])
        value = json.dumps(node.get(key, "again"), ensure_ascii=False)
        cases.append(("a key twice", text(extra=(path, f"{json.dumps(key)}: {value}"))))
    for _ in range(20):  # keys no plan has, named with what a message must not print raw
        key = rng.choice(HOSTILE_STRINGS[:12])
        twice = rng.random() < 0.3
        cases.append(("an unknown key", text(extra=(rng.choice(objects), f"{key}: 1"
                                                    + (f", {key}: 2" if twice else "")))))
    numbers = [p for p, v in ALL_PATHS if isinstance(v, (int, float)) and not isinstance(v, bool)]
    for path in numbers:  # every number of the plan
        cases.append(("a number of 4,301 digits", text({path: rng.choice([HUGE, "-" + HUGE])})))
    for _ in range(20):
        path = rng.choice(ALL_PATHS)[0]
        deep = rng.choice(["[" * 5000 + "]" * 5000, '{"a": ' * 3000 + "1" + "}" * 3000,
                           "[" * 70 + "]" * 70])
        cases.append(("nested thousands deep", text({path: deep})))
    by_field: dict[tuple, list[tuple]] = {}
    for path, _ in ALL_PATHS:
        by_field.setdefault(_generic(path), []).append(path)
    for paths in by_field.values():  # every field of the plan, twice
        for _ in range(2):
            path = rng.choice(paths)
            value = SAMPLE_DOC
            for part in path:
                value = value[part]
            cases.append(("a wrong type", text({path: rng.choice(_wrong_values(value))})))
    strings = [p for p, v in ALL_PATHS if isinstance(v, str)]
    for _ in range(60):
        cases.append(("control characters and surrogates",
                      text({rng.choice(strings): rng.choice(HOSTILE_STRINGS)})))
    return cases


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_fuzzed_plan_files_import_or_are_refused_in_one_line_leaving_the_store_as_it_was(
        tmp_path, data_dir, capsys):
    assert main(["import", "--sample"]) == 0
    capsys.readouterr()
    stored = _folder_bytes(data_dir)
    cases = mutated_plan_files(random.Random(13))
    outcomes = {"imported": 0, "refused": 0, "crashes": 0, "tracebacks": 0, "store changed": 0}
    kinds: dict[str, int] = {}
    try:
        for n, (kind, data) in enumerate(cases):
            kinds[kind] = kinds.get(kind, 0) + 1
            path = tmp_path / f"plan-{n}.json"
            path.write_bytes(data)
            code = main(["import", str(path)])
            out, err = capsys.readouterr()
            where = f"case {n} ({kind}): exit {code}: {err[-600:]!r}"
            if code == 70:
                outcomes["crashes"] += 1
            if "Traceback" in out + err:
                outcomes["tracebacks"] += 1
            assert code in (0, 1) and "Traceback" not in out + err, where
            if code == 1:
                lines = err.splitlines()
                assert len(lines) == 1 and lines[0].startswith(
                    f"prospector: error: {path}: ") and out == "", where
                assert len(err) < 2000, where
                if _folder_bytes(data_dir) != stored:
                    outcomes["store changed"] += 1
                    raise AssertionError(f"{where}: refused, yet the store changed")
                outcomes["refused"] += 1
            else:
                outcomes["imported"] += 1
                assert PlanStore(data_dir).load(out.strip()) == read_plan_file(path)
                for name in set(_folder_bytes(data_dir)) - set(stored):  # back as it was
                    (data_dir / name).unlink()
                for name, content in stored.items():
                    (data_dir / name).write_bytes(content)
    finally:
        with capsys.disabled():
            print(f"\nplan file fuzzing: {sum(kinds.values())} damaged plan files "
                  f"({', '.join(f'{v} {k}' for k, v in kinds.items())}), "
                  f"{outcomes['imported']} imported, {outcomes['refused']} refused in one line, "
                  f"{outcomes['crashes']} exit-70 crashes, {outcomes['tracebacks']} tracebacks, "
                  f"{outcomes['store changed']} stores changed by a refused file")
    assert outcomes["refused"] > outcomes["imported"] > 0


@pytest.mark.parametrize("text", [
    '"accounts": [{"id": "a1", "name": "Acme\\nSUMMARY:x", "tier": "D"}]',  # a name with a break
    '"accounts": [{"id": "a1", "name": "half \\ud800", "tier": "D"}]',  # with a lone surrogate
    '"accounts": [{"id": "a1", "name": "\\u001b[2J\\u001b[31mred", "tier": "D"}]',  # escapes
    '"basics": {"goal\\n2": 1, "goal\\n2": 2}',  # a key with a line break, given twice
    '"basics": {"\\udc80": 1, "\\udc80": 2}',  # a lone surrogate as a key, given twice
    '"basics": {"x\\r\\ny": 1}',  # an unknown key with a line break
])
def test_what_a_refusal_quotes_from_the_file_stays_one_printable_line(tmp_path, capsys, text):
    """Found by the plan file fuzzing: the message quoted a name or key as the file wrote it, so a
    line break split it in two and a lone surrogate made printing it fail with a traceback."""
    path = tmp_path / "plan.json"
    path.write_text('{"format": "prospector-plan", "schema_version": 4, "name": "P", ' + text
                    + "}", "utf-8")
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"prospector: error: {path}: ")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029]", err)


# =================================================================================================
# 3. Calendar (.ics)
# =================================================================================================
NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
ICS_PLANS = 60
# The text fields of a plan that reach the calendar (test_every_text_field_that_reaches_...).
ICS_FIELDS = {"Plan.name", "Rep.name", "TargetAccount.name", "Cadence.name", "ValueTouch.title",
              "ValueTouch.value", "ValueTouch.message", "CadenceStep.objective"}
ICS_PIECES = [
    "\n", "\r\n", "\r", "\n\n", "\r\r\n", " \r\n ", "\u2028", "\u2029", "\t", ",", ";", ":",
    "\\", "\\n", "\\,", "\\;", '"', "'", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR",
    "SUMMARY:forged", "DESCRIPTION;LANGUAGE=en:x", "X-WR-CALNAME:x", " ", "\u00a0",
    "𝔘𝔫𝔦", "👩‍👩‍👧‍👦", "🇩🇪", "e\u0301", "Z\u0364\u0311\u0313", "\u202eevil\u202c", "\u2067x\u2069",
    "\u200f", "中文", "é" * 40, "x" * 90, "€" * 30, "ü",
]
_ICS_CHARS = st.characters(exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n\r")
ics_texts = st.lists(st.sampled_from(ICS_PIECES) | _ICS_CHARS, max_size=14).map("".join)
ics_names = ics_texts.map(str.strip).filter(lambda s: 0 < len(s) <= 200)


@st.composite
def ics_plans(draw) -> Plan:
    touches = [{"id": f"tch-{i}", "title": draw(ics_names), "channel": "email",
                "value": draw(ics_texts), "message": draw(ics_texts)}
               for i in range(draw(st.integers(1, 2)))]
    steps = [{"day": draw(st.integers(0, 20)), "channel": draw(st.sampled_from(list(Channel))),
              "touch_id": draw(st.none() | st.sampled_from([t["id"] for t in touches])),
              "objective": draw(ics_texts), "is_ask": draw(st.booleans())}
             for _ in range(draw(st.integers(1, 4)))]
    accounts = [{"id": f"acc-{i}", "name": draw(ics_names), "tier": draw(st.sampled_from("ABC"))}
                for i in range(draw(st.integers(1, 3)))]
    return Plan.model_validate({
        "name": draw(ics_names), "id": "plan-ics", "accounts": accounts, "touches": touches,
        "cadences": [{"id": "cad-1", "name": draw(ics_names), "steps": steps}],
        "reps": [{"id": "rep-1", "name": draw(ics_names),
                  "account_ids": [a["id"] for a in accounts]}],
    })


def _lf(text: str) -> str:
    """The documented normalisation of calendar text: CR LF and CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _one_line(text: str) -> str:
    """A one-line property (calendar name, summary): line breaks and runs of spaces -> 1 space."""
    return " ".join(_lf(text).split())


def expected_calendar(plan: Plan) -> tuple[str, list[tuple[str, str]]]:
    """The calendar name and each event's (summary, description), from the plan's own fields."""
    rep, cadence = plan.reps[0], plan.cadences[0]
    schedule = build_schedule(plan, rep, date(2027, 1, 11), country="")
    events = []
    for touch in schedule.touches:
        account = plan.account(touch.account_id)
        step = cadence.ordered_steps()[touch.step_index]
        value_touch = plan.touch(step.touch_id)
        title = value_touch.title if value_touch else step.channel.label
        ask = " (ask for a meeting)" if step.is_ask else ""
        summary = _one_line(f"{account.name}: {step.channel.label} – {title}{ask}")
        lines = [f"Account: {account.name} (tier {account.tier})",
                 f"Channel: {step.channel.label}",
                 (f"Step {touch.step_index + 1} of {len(cadence.steps)}, day {step.day} of "
                  f"{cadence.name}"),
                 f"Touch: {title}"]
        if step.objective:
            lines.append(f"Objective: {step.objective}")
        if step.is_ask:
            lines.append("This step asks for a meeting.")
        if value_touch and value_touch.value:
            lines += ["", f"Value for the client: {value_touch.value}"]
        if value_touch and value_touch.message:
            lines += ["", "Talk track:", value_touch.message]
        lines += ["", f"From the prospecting plan “{plan.name}” for {rep.name}."]
        events.append((summary, _lf("\n".join(lines))))
    return _one_line(f"Prospecting: {rep.name} ({plan.name})"), events


def test_hostile_text_in_every_calendar_field_reads_the_same_in_two_parsers(capsys):
    stats = {"plans": 0, "events": 0, "disagreements": 0, "wrong texts": 0, "forged": 0}

    @settings(max_examples=ICS_PLANS, **SETTINGS)
    @given(plan=ics_plans())
    def calendars(plan: Plan) -> None:
        schedule = build_schedule(plan, plan.reps[0], date(2027, 1, 11), country="")
        data = schedule_to_ics(schedule, now=NOW, sequence=1)
        physical_lines(data)  # CRLF only: no lone CR or LF anywhere
        by_icalendar, by_vobject = two_readers(data)
        if by_icalendar != by_vobject:
            stats["disagreements"] += 1
            raise AssertionError(f"the parsers disagree:\n{by_icalendar}\n{by_vobject}")
        properties, calendar_name, events = by_icalendar
        if (properties != ["CALSCALE", "METHOD", "PRODID", "VERSION", "X-WR-CALNAME"]
                or len(events) != len(schedule.touches)):
            stats["forged"] += 1
            raise AssertionError(f"{properties}, {len(events)} events for "
                                 f"{len(schedule.touches)} touches")
        want_name, want_events = expected_calendar(plan)
        got = [(summary, description) for _, summary, description in events]
        if (calendar_name, got) != (want_name, want_events):
            stats["wrong texts"] += 1
            assert calendar_name == want_name
            assert got == want_events
        stats["plans"] += 1
        stats["events"] += len(events)

    try:
        calendars()
    finally:
        with capsys.disabled():
            print(f"\ncalendar fuzzing: {stats['plans']} plans with hostile text in all "
                  f"{len(ICS_FIELDS)} fields that reach the calendar, {stats['events']} events, "
                  f"read by icalendar and vobject: {stats['disagreements']} disagreements, "
                  f"{stats['forged']} forged properties or events, {stats['wrong texts']} texts "
                  f"unlike the plan's")
    assert stats["plans"] == ICS_PLANS and stats["events"] >= ICS_PLANS


# --- which fields are text: the model, introspected ---------------------------------------------
def _text_fields(model: type[BaseModel] = Plan) -> dict[str, object]:
    """``{"Model.field": FieldInfo}`` for every field of the plan's models that holds text (a str
    or a list of str), found by walking the model, so a new field is found too."""
    found: dict[str, object] = {}
    pending, seen = [model], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            kinds = _types_in(info.annotation)
            if str in kinds:
                found[f"{current.__name__}.{name}"] = info
            pending += [k for k in kinds if isinstance(k, type) and issubclass(k, BaseModel)]
    return found


def _types_in(annotation) -> set:
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) is typing.Annotated:
        return _types_in(args[0])
    if args:
        return set().union(*(_types_in(a) for a in args))
    if typing.get_origin(annotation) is typing.Literal:
        return set()
    return {annotation}


def test_every_text_field_that_reaches_the_calendar_is_fuzzed(capsys):
    """Each text field of the model gets a marker; the markers found in the .ics are exactly the
    fields the calendar fuzzing fills with hostile text."""
    fields = _text_fields()
    markers = {name: f"QZ{n:03d}QZ" for n, name in enumerate(sorted(fields))}

    def text(model: str, name: str) -> str:
        return markers[f"{model}.{name}"]

    plan = Plan.model_validate({
        "name": text("Plan", "name"), "id": "plan-m",
        "basics": {f: text("PlanBasics", f) for f in ("company", "offering", "owner", "goal",
                                                      "strategy", "sales_force", "roles")},
        "ideal_client_profile": {f: ([text("IdealClientProfile", f)]
                                     if f in ("industries", "geography", "trigger_events",
                                              "disqualifiers")
                                     else text("IdealClientProfile", f))
                                 for f in ("industries", "company_size", "geography",
                                           "trigger_events", "disqualifiers", "notes")},
        "accounts": [{"id": "acc-m", "tier": "A", "contacts": [
            {**{f: text("Contact", f) for f in ("name", "title", "phone", "notes")},
             "email": f"{text('Contact', 'email')}@m.example", "persona_id": "per-m"}],
            **{f: text("TargetAccount", f) for f in (
                "name", "industry", "annual_revenue", "website", "city", "country", "why",
                "notes")}}],
        "personas": [{"id": "per-m", "cares_about": [text("Persona", "cares_about")],
                      **{f: text("Persona", f) for f in ("role", "responsibilities",
                                                         "value_means")}}],
        "touches": [{"id": "tch-m", "channel": "email", "persona_ids": ["per-m"],
                     **{f: text("ValueTouch", f) for f in ("title", "value", "asset",
                                                           "message")}}],
        "differentiators": [{"id": "dif-m", **{f: text("Differentiator", f) for f in (
            "difference", "why_it_matters", "proof", "alternative", "talk_track")}}],
        "objections": [{"id": "obj-m", "persona_ids": ["per-m"], "differentiator_id": "dif-m",
                        **{f: text("Objection", f) for f in ("says", "behind", "response",
                                                              "proof")}}],
        "questions": [{"id": "qst-m", "persona_ids": ["per-m"],
                       **{f: text("DiscoveryQuestion", f) for f in ("question", "why",
                                                                    "good_answer")}}],
        "qualification": {"notes": text("Qualification", "notes"), "criteria": [
            {f: text("Criterion", f) for f in ("name", "must_show")}]},
        "cadences": [{"id": "cad-m", "name": text("Cadence", "name"), "steps": [
            {"day": 0, "channel": "phone", "touch_id": "tch-m",
             "objective": text("CadenceStep", "objective")}]}],
        "accountability": {"review": text("Accountability", "review"), "targets": [
            {"metric": text("Target", "metric"), "per_rep": 1}]},
        "reps": [{"id": "rep-m", "name": text("Rep", "name"), "account_ids": ["acc-m"],
                  "email": f"{text('Rep', 'email')}@m.example",
                  "territory": text("Rep", "territory")}],
        "actuals": {"facts": [{"kind": "touch", "rep_id": "rep-m", "date": "2027-01-12",
                               "source": "hubspot", **{f: text("LoggedFact", f) for f in (
                                   "key", "account_name", "subject", "stage")}}],
                    "weekly": [{"rep_id": "rep-m", "week": "2027-W02", "value": 1,
                                "metric": text("WeeklyFigure", "metric")}],
                    "rep_names": {text("Actuals", "rep_names"): "rep-m"},
                    "account_names": {text("Actuals", "account_names"): "acc-m"}},
    })
    filled = {name for name, marker in markers.items() if marker in plan.model_dump_json()}
    constrained = {"Plan.format", "Plan.id", "PlanBasics.brand_colour", "PlanBasics.logo",
                   "Accountability.holiday_country", "Accountability.holiday_subdivision",
                   "Rep.holiday_country", "Rep.holiday_subdivision", "WeeklyFigure.week"} | {
                       n for n in fields if n.endswith(("_id", "_ids", ".id"))}
    assert set(fields) - filled - constrained == set(), "a text field this test does not fill"
    data = schedule_to_ics(build_schedule(plan, plan.reps[0], date(2027, 1, 11), country=""),
                           now=NOW)
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    reached = {name for name, marker in markers.items() if marker in unfolded}
    with capsys.disabled():
        print(f"\ncalendar fields: {len(fields)} text fields in the model, {len(reached)} reach "
              f"the calendar, {len(reached - ICS_FIELDS)} of them not fuzzed")
    assert reached == ICS_FIELDS


# =================================================================================================
# 4. PDF: the property test's generator fills every text field
# =================================================================================================
PDF_COVERAGE_EXAMPLES = 40
NOT_GENERATED = {
    "PlanBasics.logo": "an image, not text: test_hostile_input.py fuzzes logos",
    **dict.fromkeys(("Actuals.account_names", "Actuals.rep_names", "LoggedFact.account_id",
                     "LoggedFact.account_name", "LoggedFact.key", "LoggedFact.rep_id",
                     "LoggedFact.stage", "LoggedFact.subject", "WeeklyFigure.metric",
                     "WeeklyFigure.rep_id", "WeeklyFigure.week"),
                    "the actuals are not printed in the playbook (the weekly review will be: "
                    "generate them here then)"),
}


def _texts_at(doc: dict) -> dict[str, list[str]]:
    """``{"Model.field": [values]}`` of a generated plan document, by the model's names."""
    found: dict[str, list[str]] = {}

    def visit(model: type[BaseModel], node: dict) -> None:
        for name, info in model.model_fields.items():
            value = node.get(name)
            kinds = _types_in(info.annotation)
            key = f"{model.__name__}.{name}"
            values = value if isinstance(value, list) else [value]
            if str in kinds:
                found.setdefault(key, []).extend(v for v in values if isinstance(v, str))
            for kind in kinds:
                if isinstance(kind, type) and issubclass(kind, BaseModel):
                    for item in values:
                        if isinstance(item, dict):
                            visit(kind, item)

    visit(Plan, doc)
    return found


def _is_free_text(info) -> bool:
    """Text with no format of its own (not an id, email, colour, country or fixed choice)."""
    names = {getattr(m.func, "__name__", "") for m in info.metadata if hasattr(m, "func")}
    return "_keepable" in names and not names & {
        "_email_address", "_holiday_country", "_holiday_subdivision"}


def test_the_pdf_property_test_generates_every_text_field_of_the_model(capsys):
    fields = _text_fields()
    generated: dict[str, list[str]] = {name: [] for name in fields}

    @settings(max_examples=PDF_COVERAGE_EXAMPLES, **{**SETTINGS, "suppress_health_check": list(
        HealthCheck)})
    @given(doc=plan_documents(max_long=0))
    def collect(doc: dict) -> None:
        for name, values in _texts_at(doc).items():
            generated.setdefault(name, []).extend(values)

    collect()
    never = sorted(n for n in fields if not any(v.strip() for v in generated[n])
                   and n not in NOT_GENERATED)
    free = [n for n, info in fields.items() if _is_free_text(info)]
    plain = sorted(n for n in free if n not in NOT_GENERATED
                   and not any(not v.isascii() or "\n" in v for v in generated[n]))
    with capsys.disabled():
        print(f"\nPDF fuzzing coverage: {len(fields)} text fields in the model, "
              f"{len(fields) - len(never) - len(NOT_GENERATED)} generated by the PDF property "
              f"test ({len(free)} free text, {len(free) - len(plain)} of them with hostile "
              f"text), {len(NOT_GENERATED)} left out on purpose, {len(never)} never generated")
    assert never == [], f"plan_documents() never fills {never}: add them to it"
    assert plain == [], f"plan_documents() fills {plain} with plain ASCII only"
    assert set(NOT_GENERATED) <= set(fields), "NOT_GENERATED names a field the model lost"
