"""The playbook's labels in the reader's language: gettext catalogs compiled by Babel.

The catalogs live in ``prospector/locale/<language>/LC_MESSAGES/playbook.po`` (extracted with
``pybabel extract -F babel.cfg``); their compiled ``.mo`` files are committed beside them, so a
fresh clone and the wheel print every language without a build step. A language with no catalog
prints English (gettext's fallback), never an error."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from babel import Locale
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

from ..model import PLAYBOOK_LANGUAGES, Plan
from ..wording import noun
from ..wording import plural as english_counted

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


def language_name(language: str) -> str:
    """A language as its readers name it ("Deutsch", "Français"): how a choice of languages is
    offered, whatever the language the app itself is in."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def language_choices() -> list[tuple[str, str]]:
    """(name, code) of every language a playbook prints in, for a list to choose from."""
    return [(language_name(code), code) for code in PLAYBOOK_LANGUAGES]


def edition_language(plan: Plan, rep_name: str | None = None) -> str:
    """The language an edition prints in when none is asked for: the rep's own, else the
    plan's; the leader's edition (no ``rep_name``) prints in the plan's."""
    return plan.language_of(plan.rep_named(rep_name) if rep_name else None)


# The language of the edition being printed: the date and number formatters read it, so that
# every helper building the context prints in it without a parameter threaded through each.
printing = ContextVar("printing", default=ENGLISH)


@contextmanager
def printing_in(language: str) -> Iterator[None]:
    """Format dates, numbers and plurals in ``language`` while the edition is built."""
    token = printing.set(language)
    try:
        yield
    finally:
        printing.reset(token)


def N_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - gettext's marker name
    """Marks a counted noun for extraction (``pybabel extract -k N_:1,2``)."""
    return singular, plural


# The counted nouns the templates print with ``| plural("touch")``, as catalog entries.
COUNTED = dict((N_("%(num)s touch", "%(num)s touches"), N_("%(num)s account", "%(num)s accounts"),
                N_("%(num)s week", "%(num)s weeks"), N_("%(num)s day", "%(num)s days")))


def counted(count: float, singular: str, plural: str | None = None) -> str:
    """``1 account`` / ``2 accounts`` in English, ``1 Konto`` / ``2 Konten`` in German: the
    language's own plural rule (gettext's ngettext) and Babel's number format."""
    language = printing.get()
    plural = plural or noun(2, singular)
    if language == ENGLISH or f"%(num)s {singular}" not in COUNTED:
        return english_counted(count, singular, plural)
    n = int(count) if float(count).is_integer() else 2  # a fraction counts as plural ("1,5 Tage")
    text = translations(language).ngettext(f"%(num)s {singular}", f"%(num)s {plural}", n)
    return text % {"num": format_decimal(count, locale=language)}
