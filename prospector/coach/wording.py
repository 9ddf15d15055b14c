"""What the coach says, in the plan's language: gettext catalogs of the ``coach`` domain.

Every text a finding carries (the rule's title, why it matters, what to do, and each message a
check writes) is English in the code and looked up in
``prospector/locale/<language>/LC_MESSAGES/coach.po``; the compiled ``.mo`` files are committed
beside them and shipped in the wheel. A language with no catalog, or a text the catalog lacks,
reads English. The catalog is extracted from the markers (``T_``, ``TN_``, ``Context.say``,
``say_n``, ``worded``, ``worded_n`` and the sections' titles) with the ``pybabel`` commands
written in ``babel.cfg``; ``tests/test_coach_language.py`` fails on a marked text with no German,
French or Spanish wording.

Texts are ``str.format`` templates (``“{title}” has no proof.``); the rules' own texts keep
their ``{threshold}`` placeholders, filled in after translation.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.support import NullTranslations

from ..gettext_domains import compiled_languages, load_catalog

ENGLISH = "en"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "coach"


def T_(text: str) -> str:  # noqa: N802 - gettext's marker style
    """Marks a rule's text (title, why, fix) for the catalog; translated when a review is made."""
    return text


@cache
def translations(language: str = ENGLISH) -> NullTranslations:
    """The compiled coach catalog of ``language``, or English when it has none."""
    return load_catalog(LOCALE_DIR, DOMAIN, language)


def languages() -> list[str]:
    """English and every language the coach has a compiled catalog for."""
    return list(compiled_languages(LOCALE_DIR, DOMAIN))


def findings_language(language: str | None) -> str:
    """The language the coach words its findings in when asked for ``language`` (the plan's,
    or the one a command was given): English when it is none or the coach has no catalog for
    it. The plan's checks, the review of actuals, the CLI and the app all choose with this."""
    return language if language and language in languages() else ENGLISH


def translated(language: str, text: str) -> str:
    """``text`` (an English msgid) in ``language``, unformatted."""
    return translations(language).gettext(text) if text else text


def worded(language: str, msgid: str, /, **values: object) -> str:
    """``msgid`` in ``language``, its ``{placeholders}`` filled with ``values``."""
    return translated(language, msgid).format(**values)


def worded_n(language: str, singular: str, plural: str, n: int, /, **values: object) -> str:
    """The singular or plural of a counted text by ``language``'s own plural rule, with ``{n}``
    and ``values`` filled in."""
    return translations(language).ngettext(singular, plural, n).format(n=n, **values)


def and_list(items: list[str], language: str = ENGLISH) -> str:
    """``a, b and c`` with the "and" of ``language``."""
    if len(items) <= 1:
        return "".join(items)
    return worded(language, "{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


def quote(text: str, language: str = ENGLISH) -> str:
    """``text`` between the quotation marks of ``language`` (“…”, „…“, « … »)."""
    return worded(language, "“{text}”", text=text)


def quote_list(phrases: list[str], language: str = ENGLISH, limit: int = 3) -> str:
    """``“a”, “b” and “c”`` with the quotation marks and the "and" of ``language``; past
    ``limit`` phrases, ``“a”, “b”, “c” and 2 more``."""
    quoted = [quote(p, language) for p in phrases[:limit]]
    if len(phrases) > limit:
        return worded_n(language, "{items} and {n} more", "{items} and {n} more",
                        len(phrases) - limit, items=", ".join(quoted))
    return and_list(quoted, language)


# The fields of a touch a finding points at, as the findings name them.
FIELD_NAMES = {"title": T_("title"), "value": T_("value"), "message": T_("message")}


def field_names(names: list[str], language: str = ENGLISH) -> str:
    """The fields a finding points at (``title and value``), named in ``language``."""
    return and_list([translated(language, FIELD_NAMES.get(n, n)) for n in names], language)
