"""The domain's messages in the user's language: what the imports report (their summaries) and, in
time, the errors a user meets. Gettext domain "messages" in ``prospector/locale``, a catalog of its
own so that the playbook's and the coach's extraction do not take these texts. From the
repository's root:

    pybabel extract -F babel-messages.cfg --no-default-keywords -k M_ -k MN_:1,2 \\
        --no-location --omit-header -w 100 -o prospector/locale/messages.pot .
    pybabel update -D messages -i prospector/locale/messages.pot -d prospector/locale \\
        --no-fuzzy-matching -w 100
    pybabel compile -D messages -d prospector/locale   (the .mo files are committed)

The CLI keeps English; the app passes its language (``say(language)``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel.support import NullTranslations

from .gettext_domains import load_catalog

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def M_(message: str) -> str:  # noqa: N802 - gettext's marker name
    """Marks a message for the "messages" catalog; ``Say`` translates it where it is said."""
    return message


def MN_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802
    """Marks a counted message's singular and plural."""
    return singular, plural


@cache
def _translations(language: str) -> NullTranslations:
    return load_catalog(LOCALE_DIR, DOMAIN, language)


@dataclass(frozen=True)
class Say:
    """The domain's messages in one language (English when its catalog lacks one)."""

    language: str = "en"

    def __call__(self, message: str) -> str:
        return _translations(self.language).gettext(message)

    def counted(self, forms: tuple[str, str], n: int) -> str:
        return _translations(self.language).ngettext(*forms, n)


ENGLISH = Say()
