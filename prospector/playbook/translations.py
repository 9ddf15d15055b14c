"""The playbook's labels in the reader's language: gettext catalogs compiled by Babel.

The catalogs live in ``prospector/locale/<language>/LC_MESSAGES/playbook.po`` (extracted with
``pybabel extract -F babel.cfg``); their compiled ``.mo`` files are committed beside them, so a
fresh clone and the wheel print every language without a build step. A language with no catalog
prints English (gettext's fallback), never an error."""

from functools import cache
from pathlib import Path

from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "playbook"
ENGLISH = "en"


@cache
def translations(language: str = ENGLISH) -> NullTranslations:
    """The compiled catalog of ``language`` ("de"), or English when it has none."""
    if language == ENGLISH:
        return NullTranslations()
    return Translations.load(str(LOCALE_DIR), [language], DOMAIN)


def languages() -> list[str]:
    """English and every language with a compiled catalog."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [ENGLISH, *found]
