"""Errors a user sees: one clear line that says where the problem is and what to do."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError


class ProspectorError(Exception):
    """Base of every error meant for a person: ``str(error)`` is the message to show."""


class PlanFileError(ProspectorError):
    """A plan file that cannot be read, parsed or validated."""

    def __init__(self, source: str, problem: str, fix: str = "") -> None:
        self.source = source
        self.problem = problem
        self.fix = fix
        message = f"{source}: {problem}"
        if fix:
            message += f" ({fix})"
        super().__init__(message)


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


class PlanNotFound(ProspectorError):
    pass


class StoreError(ProspectorError):
    pass


def describe_validation_error(error: ValidationError, data: object = None, limit: int = 3) -> str:
    """Turn a pydantic error into field-level messages a leader understands.

    ``accounts[3] (Acme Steel).tier: must be one of A, B, C (got 'D')``
    """
    parts = []
    for item in error.errors()[:limit]:
        where = field_path(item["loc"], data)
        parts.append(f"{where}: {_plain_message(item)}" if where else _plain_message(item))
    extra = len(error.errors()) - limit
    if extra > 0:
        parts.append(f"and {extra} more problem{'s' if extra > 1 else ''}")
    return one_line("; ".join(parts))


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


def _plain_message(item: Mapping[str, Any]) -> str:
    kind = item["type"]
    given = item.get("input")
    ctx = item.get("ctx") or {}
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a field Prospector knows (check the spelling)"
    if kind == "literal_error":
        return f"must be one of {ctx.get('expected', '').replace(chr(39), '')} (got {given!r})"
    if kind == "enum":
        return f"must be one of {ctx.get('expected', '').replace(chr(39), '')} (got {given!r})"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number (got {given!r})"
    if kind in ("float_parsing", "float_type"):
        return f"must be a number (got {given!r})"
    if kind == "finite_number":
        return f"must be a finite number (got {given!r})"
    if kind in ("string_type",):
        return f"must be text (got {type(given).__name__} {given!r})"
    if kind in ("list_type",):
        return f"must be a list (got {type(given).__name__})"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"must be an object with fields (got {type(given).__name__})"
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return f"must be a date written YYYY-MM-DD (got {given!r})"
    if kind in ("bool_parsing", "bool_type"):
        return f"must be true or false (got {given!r})"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    if kind in ("string_too_long", "too_long"):
        return f"is too long (at most {ctx.get('max_length')} characters)"
    if kind == "greater_than_equal":
        return f"must be at least {ctx.get('ge')} (got {given!r})"
    if kind == "less_than_equal":
        return f"must be at most {ctx.get('le')} (got {given!r})"
    message = item.get("msg", "is not valid")
    return message.removeprefix("Value error, ")
