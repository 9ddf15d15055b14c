"""How counts and company names read in print: "1 account", "3 touches", "Sp. z o.o." unbroken.

``plural(1, "account")`` is ``1 account``; ``plural(1200, "touch")`` is ``1,200 touches``;
``noun(n, "week with touches", "weeks with touches")`` is the word alone, for a figure printed
apart from its label. ``unbroken_legal_form("Kowalczyk Tworzywa Sp. z o.o.")`` joins the parts
of the legal form, and the form to the word before it, with no-break spaces (and a word joiner
after the slash of "A/S"), so that a line never ends inside "Sp. z o.o." or "GmbH & Co. KG".
"""

from __future__ import annotations

import re
from functools import cache

_SIBILANT = ("s", "x", "z", "ch", "sh")


def N_(message: str) -> str:  # noqa: N802 - gettext's marker name
    """Marks a label kept in a table (a channel's, a tier's) for the catalogs (``pybabel
    extract`` finds it); it is translated where it is printed (``translations.gettext``)."""
    return message


def NP_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - gettext's marker name
    """Marks a counted noun for the catalogs (``pybabel extract -k NP_:1,2``)."""
    return singular, plural


def noun(count: int | float, singular: str, plural: str | None = None) -> str:
    """``singular`` for a count of exactly 1, else ``plural`` (default: the last word + s/es)."""
    if count == 1:
        return singular
    if plural is not None:
        return plural
    return singular + ("es" if singular.endswith(_SIBILANT) else "s")


def number(value: int | float) -> str:
    """``1,000``, ``2.5``: thousands grouped, one decimal when there is one."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def plural(count: int | float, singular: str, plural: str | None = None) -> str:
    """``1 account``, ``2 accounts``, ``1,000 touches`` (thousands grouped)."""
    return f"{number(count)} {noun(count, singular, plural)}"


# Legal forms of several parts (a space or a dot inside), longest first so that "GmbH & Co. KG"
# wins over "KG". Forms of one word ("GmbH", "AB") are tied to the word before them as well.
_FORMS = (
    "GmbH & Co. KGaA", "GmbH & Co. KG", "AG & Co. KGaA", "AG & Co. KG", "UG (haftungsbeschränkt)",
    "Sp. z o.o. sp.k.", "Sp. z o.o.", "sp. z o.o.", "Sp. k.", "Sp. j.", "S.K.A.",
    "spol. s r.o.", "s.r.o.", "a.s.", "k.s.", "v.o.s.", "S.A. de C.V.", "S.A.S.", "S.A.", "S.p.A.",
    "S.r.l.", "S.L.", "S.à r.l.", "S.C.", "B.V.", "N.V.", "d.o.o.", "Co., Ltd.", "Pty Ltd",
    "Pvt. Ltd.", "Ltd.", "Inc.", "Corp.", "e.K.", "e.V.", "A/S", "I/S", "GmbH", "KGaA", "KG",
    "OHG", "AG", "SE", "AB", "Oy", "Oyj", "AS", "ASA", "ApS", "LLC", "LLP", "PLC", "plc", "Ltd",
    "SARL", "SAS", "SRL", "BVBA", "Kft.", "Zrt.", "Nyrt.",
)
_FORM = re.compile(
    r"(?<=\S) (" + "|".join(re.escape(f) for f in sorted(_FORMS, key=len, reverse=True))
    + r")(?=$|[\s,;)])")


# The most characters of the word before a legal form and the form kept on one line: past it
# ("Präzisionsantriebe AG & Co. KGaA", 53 mm) the whole would not fit a narrow column and broke
# inside itself (". KGaA"); the form alone then stays whole after a break.
JOINED_FORM_MOST = 24


def unbroken_legal_form(name: str) -> str:
    """``name`` with its legal form's spaces made no-break, and the space before the form too
    when the word before it and the form are short enough together (``JOINED_FORM_MOST``)."""
    if not name or " " not in name:
        return name

    def joined(match: re.Match) -> str:
        form = unbroken_slashes(match.group(1).replace(" ", "\u00a0"))  # and none after "A/"
        before = name[:match.start()].rsplit(None, 1)[-1]
        return ("\u00a0" if len(before) + 1 + len(form) <= JOINED_FORM_MOST else " ") + form

    return _FORM.sub(joined, name)


_SLASHED = re.compile(r"(?<=\w)/(?=\w)")


def unbroken_slashes(text: str) -> str:
    """``text`` with a word joiner after each slash between two words ("IT/OT"): a title never
    ends a line on "Head of IT/" with "OT" on the next. A slash between spaces ("COO / VP") may
    still break after."""
    return _SLASHED.sub("/\u2060", text)


# In running text, only between two short words ("IT/OT", "SAP S/4HANA", "and/or"): not in an
# address or a path ("example.com/about", "https://…") nor in a date ("29/03/2027"), whose
# slashes are where they may break
_SHORT_SLASHED = re.compile(r"(?<![/:.\w])(\w{1,12})/(?=\w{1,12}(?![/\w]))")


def unbroken_short_slashes(text: str) -> str:
    """``text`` with a word joiner after a slash between two short words, as ``unbroken_slashes``
    does in a title, where any slash between two words is one: a line of running text never
    ends on "IT/" or "S/"."""
    return _SHORT_SLASHED.sub("\\1/\u2060", text) if "/" in text else text


_AMOUNT = re.compile(r"\b([A-Z]{3}) (?=[0-9])|(?<=[0-9]) ([A-Z]{3})\b")


def unbroken_amounts(text: str) -> str:
    """``text`` with a no-break space between a currency's ISO code and its amount ("EUR 410,000",
    "9,000 CHF"): a line never ends on "EUR" with the figure on the next. Only the codes Babel
    knows as currencies ("MES 2026" is left as it is)."""
    if " " not in text:
        return text

    def joined(match: re.Match) -> str:
        code = match.group(1) or match.group(2)
        if code not in _currencies():
            return match.group(0)
        return f"{code}\u00a0" if match.group(1) else f"\u00a0{code}"

    return _AMOUNT.sub(joined, text)


@cache
def _currencies() -> frozenset[str]:
    from babel.numbers import list_currencies  # noqa: PLC0415 - only when an amount is printed

    return frozenset(list_currencies())
