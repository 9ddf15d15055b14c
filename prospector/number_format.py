"""How a file writes its numbers: ``1,234.5`` (a dot before the decimals: the US, the UK) or
``1.234,5`` (a comma: most of Europe). The imports judge it from the file's own values and ask
when nothing decides, never guessing: ``1,234`` is one thousand two hundred and thirty-four in
one convention and one point two three four in the other.

A value decides when it reads one way only (``1,5``, ``12.75``, ``1.234.567``, ``1,234.50``);
a value that reads two ways to different numbers (``1,234``, ``1.234``) waits for the file's
convention: the one its deciding values show, else the user's choice.

How Prospector writes a number to a reader is the other direction: ``written`` (Babel's
``format_decimal``), grouped as the reader's language groups, ``100,000`` in English and
``100.000`` in German, whatever locale the machine runs in (the C locale groups nothing)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from babel.core import Locale, UnknownLocaleError
from babel.numbers import format_decimal

_SPACES = re.compile(r"[\s\u00a0\u202f'’]")  # 1 234,5 and 1'234.50 group with these too
_DIGITS = re.compile(r"\d[\d.,]*")


class NumberFormat(StrEnum):
    DOT = "dot"  # 1,234.5
    COMMA = "comma"  # 1.234,5

    @property
    def label(self) -> str:
        return "1,234.5" if self is NumberFormat.DOT else "1.234,5"

    @property
    def decimal(self) -> str:
        return "." if self is NumberFormat.DOT else ","

    @property
    def group(self) -> str:
        return "," if self is NumberFormat.DOT else "."


def written(value: float, language: str = "en") -> str:
    """``value`` as ``language`` ("en", "de", "de_CH") writes numbers: its thousands grouped
    (``100,000``, ``100.000``), its decimals all kept (``1,234.5``, ``1.234,5``). A language
    Babel does not know (the C locale's "C") writes as English does."""
    return format_decimal(value, locale=_locale(language), decimal_quantization=False)


def _locale(language: str) -> Locale:
    if language in ("", "C", "POSIX"):  # Babel reads "C" as en_US_POSIX, which groups nothing
        return Locale.parse("en")
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def read_number(text: str, form: NumberFormat) -> float | None:
    """``text`` (digits and separators, no sign or currency) as ``form`` writes numbers; None
    when it cannot be one (a group that is not three digits, two decimal separators)."""
    value = _SPACES.sub("", text)
    if not _DIGITS.fullmatch(value):
        return None
    whole, has_decimals, decimals = value.partition(form.decimal)
    if has_decimals and not decimals.isdigit():
        return None
    if form.group in whole:
        if not re.fullmatch(r"\d{1,3}(?:" + re.escape(form.group) + r"\d{3})+", whole):
            return None
        whole = whole.replace(form.group, "")
    if not whole.isdigit():
        return None
    return float(f"{whole}.{decimals or '0'}")


def readings(text: str) -> dict[NumberFormat, float]:
    """What ``text`` is in each convention that can read it."""
    found = {form: read_number(text, form) for form in NumberFormat}
    return {form: number for form, number in found.items() if number is not None}


@dataclass
class NumberEvidence:
    """What a file's values say about its convention: the rows whose value reads one way only,
    by convention, and the rows whose value reads two ways."""

    deciding: dict[NumberFormat, list[int]] = field(default_factory=dict)
    two_ways: list[int] = field(default_factory=list)
    examples: dict[NumberFormat, str] = field(default_factory=dict)  # a deciding value of each

    @property
    def detected(self) -> NumberFormat | None:
        """The file's convention when its deciding values all show the same one."""
        shown = [form for form, rows in self.deciding.items() if rows]
        return shown[0] if len(shown) == 1 else None

    @property
    def asks(self) -> bool:
        """Some value reads two ways and no value decides (or the values disagree)."""
        return bool(self.two_ways) and self.detected is None


def evidence(values: Iterable[tuple[int, str]]) -> NumberEvidence:
    """The evidence of ``(row, value)`` pairs (values already without sign or currency)."""
    found = NumberEvidence()
    for row, text in values:
        ways = readings(text)
        if len(ways) == 2 and len(set(ways.values())) == 2:
            found.two_ways.append(row)
        elif len(ways) == 1:
            form = next(iter(ways))
            found.deciding.setdefault(form, []).append(row)
            found.examples.setdefault(form, text.strip())
    return found
