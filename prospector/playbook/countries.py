"""Countries in the edition's language: an account's country "Germany" prints "Allemagne" in the
French edition, "Deutschland" in the German one.

A plan holds countries as its leader typed them: a name ("Germany", "Deutschland", "the
Netherlands") or an ISO code ("DE", "GBR", "UK"). ``country_name`` prints a recognisable country
under the name Babel (CLDR) gives it in the edition's language (``Locale.territories``); anything
else (a region such as "Nordics", a city, a typo) prints as typed. A name is recognised in any of
the playbook's languages (English, German, French, Spanish, whatever the case) or under a few
common other names ("Czech Republic", "Holland", "Great Britain"); a code only in capitals, so
that a word of free text is never taken for one.

``territory_names`` does the same inside a rep's territory, part by part between commas,
semicolons, slashes, colons and brackets: "Nordics: Denmark, Sweden (Hamburg office)" prints
"Nordics: Danemark, Suède (Hamburg office)" in French; words between the parts stay as typed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel import Locale
from babel.core import get_global

from ..model import PLAYBOOK_LANGUAGES

# Babel's two-letter territories that are no country: the EU, the eurozone, the UN, "Outlying
# Oceania", the pseudo-locales' and "Unknown Region".
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# Names in common use that CLDR does not give (it gives "Czechia", "Netherlands", "Türkiye").
_OTHER_NAMES = {
    "czech republic": "CZ", "tschechische republik": "CZ", "république tchèque": "CZ",
    "república checa": "CZ", "holland": "NL", "great britain": "GB", "britain": "GB",
    "großbritannien": "GB", "grande-bretagne": "GB", "gran bretaña": "GB", "turkey": "TR",
    "türkei": "TR", "turquie": "TR", "turquía": "TR", "usa": "US", "u.s.": "US", "u.s.a.": "US",
    "uk": "GB", "u.k.": "GB", "hong kong": "HK", "macau": "MO", "macao": "MO",
    "ivory coast": "CI", "swaziland": "SZ", "macedonia": "MK", "burma": "MM",
}
# Where a territory is cut into parts: a list's separators and brackets, spaces around them kept.
_PARTS = re.compile(r"(\s*[,;/|:()\[\]·]\s*)")
_SPACES = re.compile(r"\s+")


def _key(name: str) -> str:
    """A name as looked up: case, spaces, apostrophes, "&" and a leading "the" aside."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").replace("&", "and")
    text = _SPACES.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text


@cache
def _codes() -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    """(country codes, code-like aliases -> code, name -> code) from Babel's data."""
    english = Locale.parse("en").territories
    codes = frozenset(c for c in map(str, english) if len(c) == 2 and c.isalpha()
                      and c.isupper() and c not in _NOT_COUNTRIES)
    aliases = {alias: targets[0] for alias, targets in get_global("territory_aliases").items()
               if alias.isalpha() and len(targets) == 1 and targets[0] in codes}
    names: dict[str, str] = {}
    for language in PLAYBOOK_LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if code in codes:
                names.setdefault(_key(name), code)
    for name, code in _OTHER_NAMES.items():
        names.setdefault(_key(name), code)
    return codes, aliases, names


def country_code(value: str) -> str | None:
    """The ISO code of the country ``value`` names ("Germany", "deutschland", "DE", "DEU",
    "UK"), or None when it names none."""
    text = value.strip()
    if not text:
        return None
    codes, aliases, names = _codes()
    if text in codes:
        return text
    if text in aliases:
        return aliases[text]
    return names.get(_key(text))


def country_name(value: str, language: str) -> str:
    """``value`` as the edition in ``language`` names it when it is a country, else as typed."""
    code = country_code(value)
    if code is None:
        return value
    return Locale.parse(language).territories.get(code) or value


def territory_names(text: str, language: str) -> str:
    """A territory with each part that names a country in ``language`` (see the module)."""
    if not text.strip():
        return text
    parts = _PARTS.split(text)
    # odd indexes are the separators (the pattern's group): kept as typed
    return "".join(part if n % 2 else _part_name(part, language)
                   for n, part in enumerate(parts))


def _part_name(part: str, language: str) -> str:
    """One part of a territory: a country's name (never a code: "IT" in "IT/OT" is no Italy)."""
    stripped = part.strip()
    if not stripped:
        return part
    code = _codes()[2].get(_key(stripped))
    if code is None:
        return part
    return part.replace(stripped, Locale.parse(language).territories.get(code) or stripped)
