"""Text folding shared by the account import (dedupe, owners) and rep look-ups.

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


def fold(text: str) -> str:
    """Casefolded, accents removed, whitespace collapsed."""
    text = text.casefold().translate(_SPECIAL)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip()


def person_key(name: str) -> str:
    """A person's name in any order and punctuation: "Albrecht, Jonas" == "jonas albrecht"."""
    words = re.findall(r"\w+", fold(name))
    return " ".join(sorted(words))
