"""An opportunity's amount as exports write it, in either convention: ``1,234.50`` (US, UK) or
``1.234,50`` (most of Europe), ``1 234,50``, ``1'234.50``, with or without a currency.

The file's convention (``prospector/number_format.py``), judged from its amounts or chosen by
the user, reads an amount when it is known. Without it: the separator that comes last is the
decimal one when both appear, one that appears more than once groups thousands; a lone separator
followed by exactly three digits (``1,234``, ``1.234``) reads two ways, and the import asks
rather than guessing (``ActualsImport.ambiguous_numbers``).
"""

from __future__ import annotations

import re

from ..messages import Note, Quoted
from ..number_format import NumberFormat, read_number

_CURRENCY = re.compile(r"^(?:[A-Z]{3}|[€$£¥₹₩]|kr)\s*|\s*(?:[A-Z]{3}|[€$£¥₹₩]|kr)$")
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_SPACES = re.compile(r"[\s\u00a0\u202f'’]")
MAX_AMOUNT_DIGITS = 15


def amount_digits(text: str) -> str:
    """An amount's digits and separators: no currency, no spaces between its groups."""
    return _SPACES.sub("", _CURRENCY.sub("", text.strip()))


def read_amount(text: str, form: NumberFormat | None = None) -> tuple[float | None, str]:
    """The amount (in the file's convention ``form`` when known) and, when the cell cannot be
    read as one, why (for the row's report)."""
    value = amount_digits(text)
    if not value:
        return None, ""
    shown = Quoted(text.strip()) if len(text) <= 30 else f"{text.strip()[:25]!r}…"
    if value.startswith("-") or value.startswith("("):
        return None, Note("the amount {amount} is negative; an opportunity's amount is not",
                          amount=shown)
    if len(value) > 2 * MAX_AMOUNT_DIGITS or not re.fullmatch(r"[\d.,]+", value):
        return None, Note("the amount {amount} is not a number", amount=shown)
    if form is not None:
        number = read_number(value, form)
        if number is None:
            return None, Note("the amount {amount} cannot be read: the file writes numbers as "
                              "{form}", amount=shown, form=form.label)
        if len(str(int(number))) > MAX_AMOUNT_DIGITS:
            return None, Note("the amount {amount} has more digits than any opportunity's",
                              amount=shown)
        return number, ""
    whole, decimals = _split_decimals(value)
    if whole is None:
        return None, Note("the amount {amount} cannot be read: its separators group no "
                          "thousands (write 1,234.50 or 1.234,50)", amount=shown)
    digits = whole.replace(",", "").replace(".", "")
    if len(digits) > MAX_AMOUNT_DIGITS:
        return None, Note("the amount {amount} has more digits than any opportunity's",
                          amount=shown)
    return float(f"{digits or '0'}.{decimals or '0'}"), ""


def _split_decimals(value: str) -> tuple[str | None, str]:
    """(the whole part, with its thousands separators checked; the decimals)."""
    last_dot, last_comma = value.rfind("."), value.rfind(",")
    if last_dot >= 0 and last_comma >= 0:  # both: the last one is the decimal separator
        at = max(last_dot, last_comma)
        whole, decimals = value[:at], value[at + 1:]
        return (whole if _GROUPED.fullmatch(whole) else None), decimals
    separator = "." if last_dot >= 0 else "," if last_comma >= 0 else ""
    if not separator:
        return value, ""
    if value.count(separator) > 1 or len(value) - value.rfind(separator) - 1 == 3:
        return (value if _GROUPED.fullmatch(value) else None), ""
    whole, decimals = value.rsplit(separator, 1)
    return (whole if whole.isdigit() or not whole else None), decimals
