"""Text the command line prints in columns (``list``, ``accounts``): a plan's or an account's name
as a terminal shows it. A name with a right-to-left override (U+202E) printed raw showed "evil"
as "live" and turned the rest of its line around; wide characters (中文) took two columns each and
pushed the next column out of line."""

from __future__ import annotations

import unicodedata

from .errors import one_line


def shown(text: str) -> str:
    """``text`` on one line (a tab a space), its invisible characters written as escapes
    (``\\u202e``): the marks that turn the text after them around, and those of no width
    (U+200B) that made two names print alike."""
    return "".join(f"\\u{ord(char):04x}" if unicodedata.category(char) == "Cf" else char
                   for char in one_line(text).replace("\t", " "))


def columns(text: str) -> int:
    """How many columns of a terminal ``text`` takes: two for a wide character, none for a
    combining one."""
    return sum(0 if unicodedata.combining(char) else
               2 if unicodedata.east_asian_width(char) in ("W", "F") else 1 for char in text)


def cell(text: str, width: int) -> str:
    """``text`` shown in a column ``width`` wide: cut with "…" when longer, padded when shorter."""
    text = shown(text)
    if columns(text) > width:
        kept, used = "", 0
        for char in text:
            if used + columns(char) > width - 1:
                break
            kept, used = kept + char, used + columns(char)
        text = kept + "…"
    return text + " " * (width - columns(text))
