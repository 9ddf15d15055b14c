"""Dates as exports write them, and which of them read two ways.

ISO dates (``2027-01-12``, with or without a time) and dotted dates (``12.01.2027``, always day
first) read one way. Slashed or dashed dates (``03/04/2027``) are month first in a US export and
day first in a European one: a date whose first number is over 12 can only be day first, one
whose second is can only be month first, and one where both are 12 or less (and differ) reads
both ways. Prospector never picks for the leader: such rows wait until a format is chosen
(``dmy`` or ``mdy``). Month names (``12 Jan 2027``, ``Jan 12, 2027``) read one way.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from ..messages import Note, Quoted


class DateFormat(StrEnum):
    DMY = "dmy"
    MDY = "mdy"

    @property
    def label(self) -> str:
        return Note("day/month/year (European)") if self is DateFormat.DMY else \
            Note("month/day/year (US)")


class ReadDate(NamedTuple):
    day: date | None
    form: DateFormat | None = None  # the only form a slashed date can have; None: either/none
    ambiguous: bool = False  # reads both ways: needs a chosen format
    problem: str = ""


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:,?\s.*)?")
_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})(?:,?\s.*)?")
_MONTHS = {name: n for n, names in enumerate((
    ("jan", "january", "januar", "janvier"), ("feb", "february", "februar", "fevrier", "février"),
    ("mar", "march", "marz", "märz", "mars"), ("apr", "april", "avril"), ("may", "mai"),
    ("jun", "june", "juni", "juin"), ("jul", "july", "juli", "juillet"),
    ("aug", "august", "aout", "août"), ("sep", "sept", "september", "septembre"),
    ("oct", "october", "okt", "oktober", "octobre"), ("nov", "november", "novembre"),
    ("dec", "december", "dez", "dezember", "decembre", "décembre")), start=1) for name in names}
_NAMED_DAY_FIRST = re.compile(r"(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})(?:,?\s.*)?")
_NAMED_MONTH_FIRST = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s.*)?")


def read_date(text: str, chosen: DateFormat | None = None) -> ReadDate:
    value = text.strip()[:60]
    if not value:
        return ReadDate(None, problem=Note("no date"))
    found = _ISO.fullmatch(value)
    if found:
        return _made(int(found[1]), int(found[2]), int(found[3]), text)
    found = _DOTTED.fullmatch(value)
    if found:
        return _made(_year(found[3]), int(found[2]), int(found[1]), text)
    found = _SLASHED.fullmatch(value)
    if found:
        return _slashed(int(found[1]), int(found[2]), _year(found[3]), text, chosen)
    found = _NAMED_DAY_FIRST.fullmatch(value) or _NAMED_MONTH_FIRST.fullmatch(value)
    if found:
        day_first = found.re is _NAMED_DAY_FIRST
        month = _MONTHS.get((found[2] if day_first else found[1]).casefold())
        day = int(found[1] if day_first else found[2])
        if month:
            return _made(int(found[3]), month, day, text)
    return ReadDate(None, problem=Note("the date {date} is not a date Prospector reads (write "
                                       "it as 2027-01-12, 12.01.2027 or 01/12/2027)",
                                       date=_shown(text)))


def _slashed(first: int, second: int, year: int, text: str,
             chosen: DateFormat | None) -> ReadDate:
    if first > 12 and second <= 12:
        return _made(year, second, first, text, DateFormat.DMY)
    if second > 12 and first <= 12:
        return _made(year, first, second, text, DateFormat.MDY)
    if first == second or chosen is not None:
        form = chosen or DateFormat.DMY  # the same date either way when first == second
        day, month = (first, second) if form is DateFormat.DMY else (second, first)
        return _made(year, month, day, text)
    return ReadDate(None, ambiguous=True)


def _made(year: int, month: int, day: int, text: str,
          form: DateFormat | None = None) -> ReadDate:
    try:
        return ReadDate(date(year, month, day), form)
    except ValueError:
        return ReadDate(None, problem=Note("the date {date} is no day of the calendar",
                                           date=_shown(text)))


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def _shown(text: str) -> str:
    text = text.strip()
    return Quoted(text) if len(text) <= 30 else f"{text[:25]!r}…"


_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?", re.IGNORECASE)


def time_of(text: str) -> str:
    """The time of day a date cell holds, as ``14:30`` ("" when it holds none): two calls on
    one day are two facts, not one written twice."""
    found = _TIME.search(text[:60])
    if not found:
        return ""
    hour, minute = int(found[1]), int(found[2])
    half = (found[3] or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"
