"""Plan files: the JSON exchange format (``"format": "prospector-plan"``), read and written safely."""

from __future__ import annotations

import json
import os
from pathlib import Path

from pydantic import ValidationError

from .atomic import atomic_write_bytes
from .errors import PlanFileError, describe_validation_error
from .migrations import MigrationError, migrate
from .model import FORMAT_NAME, Plan
from .userfile import read_user_file

MAX_PLAN_FILE_BYTES = 50 * 1024 * 1024


def plan_from_document(doc: object, source: str, repairs: list[str] | None = None) -> Plan:
    """Validate a parsed document (any schema version) into a Plan, or raise PlanFileError.

    What migrating an older document had to repair is added to ``repairs``."""
    if not isinstance(doc, dict):
        raise PlanFileError(source, f"is not a plan (expected a JSON object, found {_json_kind(doc)})")
    if doc.get("format") != FORMAT_NAME:
        raise PlanFileError(
            source,
            f'is not a Prospector plan file (its "format" is {doc.get("format")!r}, '
            f'expected "{FORMAT_NAME}")',
        )
    try:
        current = migrate(doc, repairs)
    except MigrationError as exc:
        raise PlanFileError(source, str(exc)) from None
    try:
        return Plan.model_validate(current)
    except ValidationError as exc:
        raise PlanFileError(
            source, describe_validation_error(exc, current), "fix that field and try again"
        ) from None


FILE_UNCHANGED = "The file itself is unchanged."
STORED_REPAIRED = "The plan was stored as repaired; the file itself is unchanged."


def describe_repairs(what: str, repairs: list[str], after: str) -> str:
    """One message for the user about the values migrating ``what`` had to repair."""
    listed = "; ".join(repairs[:8]) + (f"; and {len(repairs) - 8} more" if len(repairs) > 8 else "")
    return (f"{what} was written by an earlier Prospector and held values this version cannot "
            f"keep, repaired as it was read: {listed}. {after}")


def parse_plan_text(text: str, source: str, repairs: list[str] | None = None) -> Plan:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PlanFileError(
            source,
            f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            "was it saved by Prospector or edited by hand?",
        ) from None
    return plan_from_document(doc, source, repairs)


def read_plan_file(path: str | os.PathLike, repairs: list[str] | None = None) -> Plan:
    path = Path(path)
    source = str(path)
    raw = read_user_file(path, what="a plan file", max_bytes=MAX_PLAN_FILE_BYTES,
                         too_large="too large for a plan file", error=PlanFileError)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise PlanFileError(
            source, f"is not a text file in UTF-8 (byte {exc.start} is not valid UTF-8)"
        ) from None
    return parse_plan_text(text, source, repairs)


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
    try:
        atomic_write_bytes(path, plan_to_json(plan).encode("utf-8"))
    except OSError as exc:
        raise PlanFileError(str(path), f"cannot be written ({exc.strerror or exc})") from None
    return path


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
