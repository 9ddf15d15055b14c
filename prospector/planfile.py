"""Plan files: the JSON exchange format (``"format": "prospector-plan"``), read and written
safely."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from pydantic import ValidationError

from .atomic import atomic_write_bytes
from .errors import PlanFileError, describe_validation_error, one_line
from .messages import Note, Number, joined, system_reason
from .migrations import MigrationError, migrate
from .model import FORMAT_NAME, Plan
from .userfile import read_user_file

# The largest plan file read or written. The store and the model set no limit of their own on a
# plan's size, so this is generous (a 65,000-account plan is about 54 MB; 50 MB was the limit and
# refused it) yet keeps memory sane; write_plan_file refuses a file it could not read back.
MAX_PLAN_FILE_BYTES = 256 * 1024 * 1024


_FIX_FIELD = Note("fix that field and try again")


def plan_from_document(doc: object, source: str, repairs: list[str] | None = None) -> Plan:
    """Validate a parsed document (any schema version) into a Plan, or raise PlanFileError.

    What migrating an older document had to repair is added to ``repairs``."""
    if not isinstance(doc, dict):
        raise PlanFileError(source, Note("is not a plan (expected a JSON object, found {kind})",
                                         kind=_json_kind(doc)))
    if "format" not in doc:  # '{}', or a JSON file of another program
        raise PlanFileError(source, Note('is not a Prospector plan file (it has no "format"; a '
                                         'plan file says "format": "{format}")',
                                         format=FORMAT_NAME))
    if doc.get("format") != FORMAT_NAME:
        raise PlanFileError(
            source,
            Note('is not a Prospector plan file (its "format" is {found}, expected "{format}")',
                 found=one_line(repr(doc.get("format"))), format=FORMAT_NAME),
        )
    try:
        current = migrate(doc, repairs)
    except MigrationError as exc:
        raise PlanFileError(source, one_line(str(exc))) from None
    try:
        return Plan.model_validate(current)
    except ValidationError as exc:
        raise PlanFileError(
            source, describe_validation_error(exc, current), _FIX_FIELD,
        ) from None


FILE_UNCHANGED = Note("The file itself is unchanged.")
STORED_REPAIRED = Note("The plan was stored as repaired; the file itself is unchanged.")


def describe_repairs(what: str, repairs: list[str], after: str) -> Note:
    """One message for the user about the values migrating ``what`` had to repair (each repair
    a ``Note``, so the whole is said in the app's language)."""
    listed = joined(repairs[:8])
    if len(repairs) > 8:
        listed = Note("{listed}; and {n} more", listed=listed, n=Number(len(repairs) - 8))
    return Note("{what} was written by an earlier Prospector and held values this version "
                "cannot keep, repaired as it was read: {listed}. {after}", what=what,
                listed=listed, after=after)


# A whole number in a plan is a count or a day (at most 9 digits); JSON allows any length, and
# Python refuses to convert one of over 4,300 digits (ValueError: Exceeds the limit), so longer
# numbers are kept as a marker while parsing and refused with the field named.
MAX_INTEGER_DIGITS = 30
# A plan is 5 levels deep (plan > accounts > account > contacts > contact); the JSON parser and
# the validation recurse, and 10,000 nested brackets ended in RecursionError.
MAX_NESTING = 64


class _TooLongNumber:
    def __init__(self, digits: int) -> None:
        self.digits = digits


_DUPLICATE = object()  # key under which an object read with a key twice notes that key


def parse_plan_text(text: str, source: str, repairs: list[str] | None = None) -> Plan:
    flagged: list[bool] = []  # a number too long or a key given twice: find where after parsing

    def integer(digits: str) -> int | _TooLongNumber:
        if len(digits.lstrip("-")) <= MAX_INTEGER_DIGITS:
            return int(digits)
        flagged.append(True)
        return _TooLongNumber(len(digits.lstrip("-")))

    def json_object(pairs: list[tuple[str, object]]) -> dict:
        obj: dict[object, object] = dict(pairs)
        if len(obj) != len(pairs):  # JSON would silently keep the last value
            flagged.append(True)
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    obj[_DUPLICATE] = key  # the first key given twice
                    break
                seen.add(key)
        return obj

    try:
        doc = json.loads(text, parse_int=integer, object_pairs_hook=json_object)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            source,
            Note("is not valid JSON (line {line}, column {column}: {problem})", line=exc.lineno,
                 column=exc.colno, problem=exc.msg),
            Note("was it saved by Prospector or edited by hand?"),
        ) from None
    except RecursionError:
        raise PlanFileError(source, one_line(_too_deep(text)),
                            "a plan file is a few levels deep") from None
    problem = _find_unreadable(doc) if flagged else ""
    if problem:
        raise PlanFileError(source, one_line(problem), _FIX_FIELD)
    try:
        return plan_from_document(doc, source, repairs)
    except RecursionError:
        raise PlanFileError(source, one_line(_too_deep(text)),
                            "a plan file is a few levels deep") from None


def _find_unreadable(doc: object) -> str:
    """The first number of over MAX_INTEGER_DIGITS digits or key given twice, with where it is
    ("" when there is none). Walks the document without recursion."""
    pending: list[tuple[str, object]] = [("", doc)]
    while pending:
        where, node = pending.pop()
        if isinstance(node, _TooLongNumber):
            return (f"{where or 'the file'}: is a number of {node.digits:,} digits, far larger "
                    "than any value of a plan")
        if isinstance(node, dict):
            if _DUPLICATE in node:
                key = str(node[_DUPLICATE])[:40]
                field = f"{where}.{key}" if where else key
                inside = f" inside {where}" if where else ""
                return (f"{field}: the key {key!r} is given twice{inside}; JSON would keep only "
                        "the last one")
            pending += reversed([(f"{where}.{k}" if where else str(k), v)
                                 for k, v in node.items()])
        elif isinstance(node, list):
            pending += reversed([(f"{where}[{i}]", v) for i, v in enumerate(node)])
    return ""


_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]')


def _too_deep(text: str) -> str:
    """Where the JSON first nests more than MAX_NESTING levels deep, named for the user."""
    path: list[str | int] = []
    last_string = ""
    for token in _JSON_TOKEN.finditer(text):
        mark = token.group()
        if mark in "[{":
            if len(path) >= MAX_NESTING:
                line = text.count("\n", 0, token.start()) + 1
                column = token.start() - text.rfind("\n", 0, token.start())
                where = _path_text(path)
                return (f"{where + ': ' if where else ''}is nested more than {MAX_NESTING} levels "
                        f"deep (line {line}, column {column})")
            path.append(0 if mark == "[" else "")
        elif mark in "]}":
            if path:
                path.pop()
        elif mark == ",":
            if path and isinstance(path[-1], int):
                path[-1] += 1
        elif mark == ":":
            if path and isinstance(path[-1], str):
                path[-1] = last_string
        else:
            last_string = mark
    return f"is nested too deeply (more than {MAX_NESTING} levels)"


def _path_text(path: list[str | int], parts: int = 4) -> str:
    text = ""
    for part in path[:parts]:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            try:
                key = json.loads(part)
            except ValueError:
                key = part
            key = str(key)[:40]
            text += f".{key}" if text else key
    return text + ("…" if len(path) > parts else "")


def read_plan_file(path: str | os.PathLike, repairs: list[str] | None = None) -> Plan:
    path = Path(path)
    source = str(path)
    raw = read_user_file(path, what=Note("a plan file"), max_bytes=MAX_PLAN_FILE_BYTES,
                         too_large=Note("too large for a plan file (at most {size} MB)",
                                        size=Number(MAX_PLAN_FILE_BYTES // 1_048_576)),
                         error=PlanFileError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanFileError(
            source, Note("is not a text file in UTF-8 (byte {byte} is not valid UTF-8)",
                         byte=exc.start)
        ) from None
    large = len(raw) > MAX_PLAN_FILE_BYTES // 32  # a file omitting empty fields grows ~20x
    del raw  # half the memory of a large file while it is parsed
    plan = parse_plan_text(text, source, repairs)
    if large and len(_compact_json(plan)) > MAX_PLAN_FILE_BYTES:
        # A file that leaves out every empty field can hold a plan too large to write back:
        # what Prospector reads, it must be able to export.
        raise PlanFileError(source, f"holds a plan too large to be written back as a plan file "
                                    f"(more than {_megabytes()} with every field written out)",
                            "split its accounts over two plans")
    return plan


def read_plan_file_noting(path: str | os.PathLike, after: str,
                          label: str | None = None) -> tuple[Plan, str]:
    """``read_plan_file``, with what migrating an older file repaired as one message for the
    user ("" when nothing was), naming the file as ``label`` (default: its path)."""
    repairs: list[str] = []
    plan = read_plan_file(path, repairs)
    told = describe_repairs(label or str(path), repairs, after) if repairs else ""
    return plan, told


def plan_to_json(plan: Plan) -> str:
    return json.dumps(plan_to_document(plan), indent=2, ensure_ascii=False) + "\n"


def plan_to_document(plan: Plan) -> dict:
    return plan.model_dump(mode="json")


def write_plan_file(plan: Plan, path: str | os.PathLike) -> Path:
    """Write the plan atomically: the file is either the old one or the complete new one."""
    path = Path(path)
    data = plan_to_json(plan).encode("utf-8")
    if len(data) > MAX_PLAN_FILE_BYTES:  # indented for people, unless only a compact file fits
        data = _compact_json(plan)
    if len(data) > MAX_PLAN_FILE_BYTES:  # what Prospector writes, Prospector reads
        raise PlanFileError(str(path), Note(
            "would be {size} MB, more than a plan file may hold ({most} MB); nothing was written",
            size=Number(len(data) // 1_048_576), most=Number(MAX_PLAN_FILE_BYTES // 1_048_576)))
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise PlanFileError(str(path), Note("cannot be written ({why})",
                                            why=system_reason(exc))) from None
    return path


def _compact_json(plan: Plan) -> bytes:
    return (json.dumps(plan_to_document(plan), ensure_ascii=False, separators=(",", ":"))
            + "\n").encode("utf-8")


def _megabytes() -> str:
    return f"{MAX_PLAN_FILE_BYTES // 1_048_576:,} MB"


def _json_kind(value: object) -> str:
    return {list: "a list", str: "a string", int: "a number", float: "a number"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def plan_json_schema() -> dict:
    """The JSON Schema of a plan file, generated from the model (kept in docs/)."""
    schema = Plan.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Prospector plan file"
    return schema


if __name__ == "__main__":  # python -m prospector.planfile docs/plan-format.schema.json
    import sys

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/plan-format.schema.json")
    target.write_text(json.dumps(plan_json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {target}")
