"""Text folding shared by the account import (dedupe, owners), rep look-ups, sorting by name and
file names.

``fold("Mette Sørensen ")`` -> ``"mette sorensen"``: case, accents and extra spaces ignored, so
that a name typed without accents on one system still finds the one written with them on another.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into a base letter plus an accent.
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "ı": "i"})
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"[0-9]+")
# For file names: casefold() already turns ß into ss.
_SLUG_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                               "þ": "th"})


def fold(text: str) -> str:
    """Casefolded, accents removed, whitespace collapsed."""
    text = text.casefold().translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()


def sort_key(text: str) -> str:
    """A name as a reader sorts it: folded (Ångström with the A's) and its numbers by their
    value, "Werk 2" before "Werk 10" (each run of digits written after its length, so the key
    still sorts as a plain string: in a table's sort role as in ``sorted``)."""
    return _DIGITS.sub(_by_value, fold(text))


def _by_value(match: re.Match[str]) -> str:
    digits = match.group().lstrip("0") or "0"
    return f"{len(digits):03d}{digits}"


def person_key(name: str) -> str:
    """A person's name in any order and punctuation: "Albrecht, Jonas" == "jonas albrecht"."""
    words = re.findall(r"\w+", fold(name))
    return " ".join(sorted(words))


def slugify(name: str, fallback: str = "rep") -> str:
    """A file name anyone's file system accepts: ascii, lower case, dashes.

    Kept here rather than next to the PDF renderer so that the app can name files without
    importing WeasyPrint (a second of start-up)."""
    folded = name.casefold().translate(_SLUG_LETTERS)  # ß -> ss by casefold; ø, æ, ł by the table
    ascii_name = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60].strip("-")
    return slug or fallback


def export_name(plan_name: str, what: str, rep_name: str | None = None, suffix: str = "") -> str:
    """Every file or folder the app and the command line export is named the same way:
    ``<plan>-<what>[-<rep>]<suffix>``, e.g. ``europe-h1-playbook.pdf``,
    ``europe-h1-playbook-jonas-albrecht.pdf``, ``europe-h1-schedule-jonas-albrecht.ics``."""
    parts = [slugify(plan_name, "plan"), what]
    if rep_name is not None:
        parts.append(slugify(rep_name, "rep"))
    return "-".join(parts) + suffix
