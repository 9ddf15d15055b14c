"""Errors a user sees: one clear line that says where the problem is and what to do. Each message
is a ``Note`` (prospector/messages.py): English as ``str(error)``, and said in the app's language
with ``error_said(error, Say(language))``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .messages import MN_, Note, joined


class ProspectorError(Exception):
    """Base of every error meant for a person: ``str(error)`` is the message to show."""


class PlanFileError(ProspectorError):
    """A plan file that cannot be read, parsed or validated."""

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        super().__init__(Note("{source}: {problem} ({fix})", source=source, problem=problem,
                              fix=fix) if fix else
                         Note("{source}: {problem}", source=source, problem=problem))


# What a message quotes from a file (an item's name, a key, a value) is as the file wrote it. A
# line break there split the one line of a message in two; a lone surrogate made printing it fail
# (UnicodeEncodeError: a traceback instead of the message); an escape sequence reached the
# terminal. Found by tests/test_fuzzing.py.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile("[\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029]+")


def one_line(text: str) -> str:
    """``text`` as one printable line: line breaks become a space, control characters and
    halves of a character U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", _LINE_BREAKS.sub(" ", text))


class InterruptedAfter(KeyboardInterrupt):
    """Ctrl+C during a command that writes several files: the ones it wrote before it stopped
    (``written``, whole files; none is left half-written)."""

    def __init__(self, written: list[str]) -> None:
        super().__init__()
        self.written = written


class PlanNotFound(ProspectorError):
    pass


class StoreError(ProspectorError):
    pass


def describe_validation_error(error: ValidationError, data: object = None, limit: int = 3) -> Note:
    """Turn a pydantic error into field-level messages a leader understands.

    ``accounts[3] (Acme Steel).tier: must be one of A, B, C (got 'D')``
    """
    parts: list[str] = []
    for item in error.errors()[:limit]:
        where = one_line(field_path(item["loc"], data))
        problem = _plain_message(item)
        parts.append(Note("{where}: {problem}", where=where, problem=problem) if where
                     else problem)
    extra = len(error.errors()) - limit
    if extra > 0:
        parts.append(Note(MN_("and {n} more problem", "and {n} more problems"), n=extra))
    return joined(parts)


def problem_of(error: ValidationError) -> Note:
    """The first problem of ``error`` without where it is (the field a user just edited):
    ``must not be empty``, ``is not an email address (expected name@company.com)``."""
    return _plain_message(error.errors()[0])


def field_path(loc: tuple, data: object = None) -> str:
    """``('accounts', 3, 'tier')`` -> ``accounts[3] (Acme Steel).tier``, naming list items."""
    text = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            label = _item_label(node)
            if label:
                text += f" ({label})"
        elif part in ("function-after", "function-before") or "[" in str(part):
            continue  # pydantic internals (validator wrappers, union branches)
        else:
            text += f".{part}" if text else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text


def _item_label(node: object) -> str:
    if isinstance(node, dict):
        for key in ("name", "title", "role", "difference", "metric"):
            value = node.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()[:40]
    return ""


def _plain_message(item: Mapping[str, Any]) -> Note:
    kind = item["type"]
    given = _given(item.get("input"))
    ctx = item.get("ctx") or {}
    of_type = type(item.get("input")).__name__
    if kind == "missing":
        return Note("is required but missing")
    if kind == "extra_forbidden":
        return Note("is not a field Prospector knows (check the spelling)")
    if kind in ("literal_error", "enum"):
        return Note("must be one of {expected} (got {given})",
                    expected=ctx.get("expected", "").replace(chr(39), ""), given=given)
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return Note("must be a whole number (got {given})", given=given)
    if kind in ("float_parsing", "float_type"):
        return Note("must be a number (got {given})", given=given)
    if kind == "finite_number":
        return Note("must be a finite number (got {given})", given=given)
    if kind in ("string_type",):
        return Note("must be text (got {kind} {given})", kind=of_type, given=given)
    if kind in ("list_type",):
        return Note("must be a list (got {kind})", kind=of_type)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return Note("must be an object with fields (got {kind})", kind=of_type)
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return Note("must be a date written YYYY-MM-DD (got {given})", given=given)
    if kind in ("bool_parsing", "bool_type"):
        return Note("must be true or false (got {given})", given=given)
    if kind in ("string_too_short", "too_short"):
        return Note("must not be empty")
    if kind in ("string_too_long", "too_long"):
        return Note("is too long (at most {n} characters)", n=ctx.get("max_length"))
    if kind == "greater_than_equal":
        return Note("must be at least {least} (got {given})", least=_bound(ctx.get("ge")),
                    given=given)
    if kind == "less_than_equal":
        return Note("must be at most {most} (got {given})", most=_bound(ctx.get("le")),
                    given=given)
    raised = ctx.get("error")
    if isinstance(raised, ValueError) and len(raised.args) == 1 and isinstance(raised.args[0],
                                                                               Note):
        return raised.args[0]  # the model's own validators say their problem as a Note
    return Note(one_line(str(item.get("msg", "is not valid")).removeprefix("Value error, ")))


def _given(value: object) -> str:
    """A value quoted in a message, on one line: ``'D'``, ``12`` (a whole float as a whole
    number: "got 99999999", not "got 99999999.0")."""
    return one_line(repr(_bound(value)))


def _bound(value: object) -> object:
    """A limit or a value as a count reads: ``1000000.0`` -> ``1000000``."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value
