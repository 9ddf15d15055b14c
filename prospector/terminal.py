"""Text the command line prints in columns (``list``, ``accounts``): a plan's or an account's name
as a terminal shows it. A name with a right-to-left override (U+202E) printed raw showed "evil"
as "live" and turned the rest of its line around; wide characters (中文) took two columns each and
pushed the next column out of line."""

from __future__ import annotations

import re
import unicodedata

from .errors import one_line

# the marks that change the direction of the text after them (bidirectional controls)
_DIRECTION = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """``text`` on one line, its direction marks written as escapes (``\\u202e``)."""
    return _DIRECTION.sub(lambda mark: f"\\u{ord(mark.group()):04x}", one_line(text))


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
