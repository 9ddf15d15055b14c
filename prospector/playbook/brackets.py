"""A title put in brackets without nesting brackets.

A contact's title often carries its own brackets ("Werkleiterin (Plant Manager)"); printed in
brackets as it is, it reads "(ask Sabine Köhler, Werkleiterin (Plant Manager))". ``unnested``
turns a title's brackets into dashes ("Werkleiterin – Plant Manager") for text that goes inside
brackets, and ``bracketed`` puts a title in brackets that way.
"""

from __future__ import annotations

import re

_GROUP = re.compile(r"\s*[(\[]\s*([^()\[\]]*?)\s*[)\]]\s*")


def unnested(text: str) -> str:
    """``text`` with each bracketed part set off by dashes instead: "Werkleiterin (Plant
    Manager)" -> "Werkleiterin – Plant Manager", "(Interim) COO" -> "Interim – COO"; brackets
    in brackets too, and a bracket left unmatched is dropped."""
    while _GROUP.search(text):
        text = _flattened(text)
    text = " ".join(re.sub(r"[()\[\]]", " ", text).split())
    return re.sub(r"(?: ?– ?)+", " – ", text).strip(" –")


def _flattened(text: str) -> str:
    """The innermost bracketed parts of ``text`` set off by dashes."""
    parts: list[str] = []
    at = 0
    for match in _GROUP.finditer(text):
        before = text[at:match.start()].strip()
        if before:
            parts.append(before)
        if match.group(1):
            parts.append(match.group(1))
        at = match.end()
    rest = text[at:].strip()
    if rest:
        parts.append(rest)
    return " – ".join(parts) if parts else text.strip()


def bracketed(text: str) -> str:
    """``text`` in brackets, its own brackets set off by dashes: "(Leiter Instandhaltung – Head
    of Maintenance)"; "" for no text."""
    text = unnested(text)
    return f"({text})" if text else ""
