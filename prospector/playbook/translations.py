"""The playbook's labels in the reader's language: gettext catalogs compiled by Babel.

The catalogs live in ``prospector/locale/<language>/LC_MESSAGES/playbook.po`` (extracted with
``pybabel extract -F babel.cfg``, see there); their compiled ``.mo`` files are committed beside
them, so a fresh clone and the wheel print every language without a build step. A language with
no catalog prints English (gettext's fallback), never an error.

Python code building the playbook's context says its labels with ``gettext`` / ``ngettext``
below: they translate into the language of the edition being printed (``printing``), and format
the numbers they are given in it ("1.200" in German). The templates use Jinja's ``_()`` and
``ngettext()``, installed from the same functions (``render.environment``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from babel import Locale
from babel.numbers import format_decimal
from babel.support import NullTranslations

from ..gettext_domains import compiled_languages, load_catalog
from ..model import PLAYBOOK_LANGUAGES
from ..wording import N_ as N_
from ..wording import NP_ as NP_
from ..wording import noun
from ..wording import plural as english_counted

if TYPE_CHECKING:
    from ..model import Plan

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "playbook"
ENGLISH = "en"


@cache
def translations(language: str = ENGLISH) -> NullTranslations:
    """The compiled catalog of ``language`` ("de"), or English when it has none."""
    return load_catalog(LOCALE_DIR, DOMAIN, language)


def languages() -> list[str]:
    """English and every language with a compiled catalog."""
    return list(compiled_languages(LOCALE_DIR, DOMAIN))


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


def number(value: float) -> str:
    """``1,200`` / ``2.5`` in English, ``1.200`` / ``2,5`` in German: grouped, one decimal at
    most, in the language being printed."""
    value = int(value) if float(value).is_integer() else round(value, 1)
    return format_decimal(value, format="#,##0.#", locale=printing.get())


def _filled(text: str, values: dict[str, object]) -> str:
    if not values:
        return text
    return text % {k: number(v) if isinstance(v, int | float) and not isinstance(v, bool)
                   else v for k, v in values.items()}


def gettext(message: str, **values: object) -> str:
    """``message`` in the language being printed, its ``%(name)s`` placeholders filled with
    ``values`` (numbers formatted in that language)."""
    return _filled(translations(printing.get()).gettext(message), values)


def ngettext(singular: str, plural: str, count: float, **values: object) -> str:
    """The form of ``singular`` / ``plural`` the language uses for ``count`` (German and
    English: one and other; French: 0 and 1 take the singular), ``%(num)s`` the count."""
    return _filled(_form(singular, plural, count), {"num": count, **values})


def _form(singular: str, plural: str, count: float) -> str:
    n = int(count) if float(count).is_integer() else 2  # a fraction counts as plural ("1,5 Tage")
    return translations(printing.get()).ngettext(singular, plural, n)


def template_ngettext(singular: str, plural: str, count: float) -> str:
    """Jinja's ``ngettext()``: the form for ``count`` with ``%(num)s`` already the number in the
    language being printed (Jinja fills the other placeholders itself)."""
    return _form(singular, plural, count).replace("%(num)s", number(count).replace("%", "%%"))


def template_gettext(message: str) -> str:
    """Jinja's ``_()``: ``message`` in the language being printed."""
    return translations(printing.get()).gettext(message)


def words_and(names: list[str]) -> str:
    """"A", "A and B", "A, B and C", with the language's own "and"."""
    if len(names) <= 1:
        return "".join(names)
    return gettext("%(first)s and %(last)s", first=", ".join(names[:-1]), last=names[-1])


def words_or(names: list[str]) -> str:
    """"A", "A or B", "A, B or C", with the language's own "or"."""
    if len(names) <= 1:
        return "".join(names)
    return gettext("%(first)s or %(last)s", first=", ".join(names[:-1]), last=names[-1])


def quoted(text: str) -> str:
    """``text`` between the language's quotation marks: “…”, „…“, « … », «…»."""
    return gettext("“%(text)s”", text=text)


def pgettext(context: str, message: str, **values: object) -> str:
    """``gettext`` for a word that reads differently by where it stands ("Ask": the meeting ask
    of a cadence step, or the call card's questions)."""
    return _filled(str(translations(printing.get()).pgettext(context, message)), values)


def template_pgettext(context: str, message: str) -> str:
    """Jinja's ``pgettext()``."""
    return str(translations(printing.get()).pgettext(context, message))


# The counted nouns the templates print with ``| plural("touch")``, as catalog entries.
COUNTED = dict((
    NP_("%(num)s touch", "%(num)s touches"), NP_("%(num)s account", "%(num)s accounts"),
    NP_("%(num)s week", "%(num)s weeks"), NP_("%(num)s day", "%(num)s days"),
    NP_("%(num)s channel", "%(num)s channels"), NP_("%(num)s employee", "%(num)s employees"),
    NP_("%(num)s step", "%(num)s steps"), NP_("%(num)s rep", "%(num)s reps"),
))


def counted(count: float, singular: str, plural: str | None = None) -> str:
    """``1 account`` / ``2 accounts`` in English, ``1 Konto`` / ``2 Konten`` in German: the
    language's own plural rule (gettext's ngettext) and Babel's number format."""
    language = printing.get()
    plural = plural or noun(2, singular)
    if language == ENGLISH or f"%(num)s {singular}" not in COUNTED:
        return english_counted(count, singular, plural)
    key = (f"%(num)s {singular}", f"%(num)s {plural}")  # a catalog entry, listed in COUNTED
    return _filled(_form(key[0], key[1], count), {"num": count})
