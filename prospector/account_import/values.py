"""Turning CSV cells into account values: employees, tier, revenue, industry."""

from __future__ import annotations

import re

from ..messages import Note, shortened
from ..model import TIERS
from ..number_format import NumberFormat

_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")
_PLAIN = re.compile(r"^\d+([.,]0+)?$")
_RANGE = re.compile(r"^\d[\d.,]*\s*(-|–|to|bis)\s*\d[\d.,]*$|^\d[\d.,]*\s*\+$", re.IGNORECASE)
# Possessive spaces (``\s*+``): with two plain ``\s*`` around the optional dash, a cell of "tier",
# 100,000 spaces and "z" was tried at every split of the spaces (quadratic: 240 s). A tier is
# also read in the first TIER_CELL_CHARS characters only ("Tier C - nurture" fits).
_TIER = re.compile(r"^(?:tier|class|klasse|prio(?:rity)?)?\s*+[-:]?\s*+([abc123])\b", re.IGNORECASE)
TIER_CELL_CHARS = 40
_ENUM_CONSTANT = re.compile(r"^[A-Z0-9_]{4,}$")
MAX_EMPLOYEE_DIGITS = 8  # 99,999,999: no employer is larger; longer cells are broken data


def parse_employees(text: str) -> tuple[int | None, Note | str]:
    """The head count and, when the cell could not be used, why (for a row warning)."""
    value = re.sub(r"[\s\u00a0\u202f']", "", text)
    if not value:
        return None, ""
    if sum(c.isdigit() for c in value) > MAX_EMPLOYEE_DIGITS:
        return None, Note("employees {value} is not a head count (too many digits); left empty",
                          value=_shown(text))
    if _THOUSANDS.match(value):
        return int(re.sub(r"[.,]", "", value)), ""
    if _PLAIN.match(value):
        return int(re.split(r"[.,]", value)[0]), ""
    if _RANGE.match(text.strip()):
        return None, Note("employees {value} is a range, not a number; left empty",
                          value=_shown(text))
    return None, Note("employees {value} is not a whole number; left empty", value=_shown(text))


def parse_tier(text: str, default: str) -> tuple[str, Note | str]:
    """A, B or C from "A", "tier 1", "2", "Tier C - nurture"...; else the default and why."""
    value = text.strip()
    if not value:
        return default, ""
    match = _TIER.match(value[:TIER_CELL_CHARS])
    if match:
        letter = match.group(1).upper()
        return {"1": "A", "2": "B", "3": "C"}.get(letter, letter), ""
    return default, Note("tier {value} is not {tiers} or {last}; used {default}",
                         value=_shown(text), tiers=", ".join(TIERS[:-1]), last=TIERS[-1],
                         default=default)


def _shown(text: str) -> str:
    """A cell as a row warning quotes it: whole when short, else its start and its length."""
    return shortened(text, 24, 20)


_BARE_AMOUNT = re.compile(r"^(\d{4,18})(?:[.,]0+)?$")
_MONEY = re.compile(r"[A-Za-z€$£¥₹₩\s\u00a0\u202f'’]")


def revenue_digits(text: str) -> str:
    """A revenue's or head count's digits and separators (no currency, no spaces)."""
    return _MONEY.sub("", text)


def revenue_text(revenue: str, currency: str, written: NumberFormat | None = None) -> str:
    """The revenue as written, with the currency in front when it has none of its own; a bare
    amount as CRMs export it (``850000000``, ``850000000.0``) with thousands separators, so it
    reads at a glance: ``850,000,000``, or ``850.000.000`` when the file writes its numbers
    1.234,5 (``written``)."""
    revenue, currency = revenue.strip(), currency.strip()
    bare = _BARE_AMOUNT.match(revenue)
    if bare:
        grouped = f"{int(bare.group(1)):,}"
        revenue = grouped.replace(",", ".") if written is NumberFormat.COMMA else grouped
    if revenue and currency and not re.search(r"[A-Za-z€$£¥₹₩]", revenue):
        return f"{currency} {revenue}"
    return revenue


def industry_text(industry: str) -> str:
    """HubSpot exports industries as constants: ``COMPUTER_SOFTWARE`` -> ``Computer software``."""
    value = industry.strip()
    if _ENUM_CONSTANT.match(value) and not value.isdigit():
        return value.replace("_", " ").capitalize()
    return value
