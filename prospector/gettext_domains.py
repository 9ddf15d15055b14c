"""A gettext domain's compiled catalogs, through Babel: the playbook's labels, the coach's
findings, the imports' messages and the app's texts each keep theirs under a ``locale`` folder
(``<language>/LC_MESSAGES/<domain>.mo``). English is the messages as written, so it needs none;
a language with no catalog reads English (gettext's fallback), never an error. Each domain's
module keeps its own cache of what it loads; the languages found are read once per folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

ENGLISH = "en"


def load_catalog(folder: Path, domain: str, language: str) -> NullTranslations:
    """``domain``'s compiled catalog of ``language`` ("de") in ``folder``, or English."""
    if language in ("", ENGLISH):
        return NullTranslations()
    return Translations.load(str(folder), [language], domain)


@cache
def compiled_languages(folder: Path, domain: str) -> tuple[str, ...]:
    """English and every language ``domain`` has a compiled catalog for in ``folder``."""
    found = sorted(p.parent.parent.name for p in folder.glob(f"*/LC_MESSAGES/{domain}.mo"))
    return (ENGLISH, *found)
