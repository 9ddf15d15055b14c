"""The domain's messages in the user's language: what the imports report (their summaries, each
row's note) and the errors a user meets (``ProspectorError``, a plan's validation errors).
Gettext domain "messages" in ``prospector/locale``, a catalog of its own so that the playbook's
and the coach's extraction do not take these texts. From the repository's root:

    pybabel extract -F babel-messages.cfg --no-default-keywords -k M_ -k MN_:1,2 -k Note \\
        --no-location --omit-header -w 100 -o prospector/locale/messages.pot .
    pybabel update -D messages -i prospector/locale/messages.pot -d prospector/locale \\
        --no-fuzzy-matching -w 100
    pybabel compile -D messages -d prospector/locale   (the .mo files are committed)

The CLI keeps English; the app passes its language (``Say(language)``). A message made where the
problem is found, long before anyone knows who reads it (a row's note, an error), is a ``Note``:
English as a ``str`` (the CLI prints it, tests read it), and said again in any language with
``said(note, Say("de"))``."""

from __future__ import annotations

import errno
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.support import NullTranslations

from .gettext_domains import load_catalog
from .number_format import written

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


def languages() -> list[str]:
    """The languages the domain's messages are said in: English and each catalog's."""
    return ["en", *sorted(path.parent.parent.name
                          for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))]


@dataclass(frozen=True)
class Say:
    """The domain's messages in one language (English when its catalog lacks one)."""

    language: str = "en"

    def __call__(self, message: str) -> str:
        return _translations(self.language).gettext(message)

    def counted(self, forms: tuple[str, str], n: int) -> str:
        return _translations(self.language).ngettext(*forms, n)

    def number(self, value: float) -> str:
        """A count as this language writes it: 100,000 in English, 100.000 in German."""
        return written(value, self.language)


ENGLISH = Say()


def quoted(text: str, tell: Say = ENGLISH) -> str:
    """A user's text (an account's name, a cell) quoted as ``tell``'s language quotes:
    'Brouwerij De Kroon' in English (as the CLI has always printed it), „Brouwerij De Kroon“ in
    German, « Brouwerij De Kroon » in French."""
    if tell.language in ("", "en"):
        return repr(text)
    return tell(M_("“{text}”")).format(text=text)


class Quoted(str):
    """A value of a ``Note`` that is quoted in the language the note is said in (``quoted``)."""


class Number(int):
    """A count in a ``Note`` (rows, characters, facts), written as the note's language groups
    digits: 100,000 in English, 100.000 in German. A row or a version number stays a plain
    ``int`` (a spreadsheet's row 1234 has no separator)."""


class Country(str):
    """A country in a ``Note``, by its code (``DE``): named as the note's language names it
    (Babel's CLDR names: "Deutschland"), in English as ``english`` says."""

    english: str

    def __new__(cls, code: str, english: str) -> Country:
        country = super().__new__(cls, code)
        country.english = english
        return country

    def __reduce__(self) -> tuple:
        return Country, (str(self), self.english)

    def named(self, language: str) -> str:
        if language in ("", "en"):
            return self.english
        return Locale.parse(language).territories.get(str(self), self.english)


def shortened(text: str, limit: int, keep: int) -> str:
    """A user's text (a cell, a code) as a message quotes it: whole when at most ``limit``
    characters, else its first ``keep`` and its length, ``'xxxx'… (100,000 characters)``."""
    if len(text) <= limit:
        return Quoted(text)
    return Note("{start}… ({n} characters)", start=Quoted(text[:keep]), n=Number(len(text)))


class Note(str):
    """A message filled with its values: as a ``str`` the English text (what the CLI prints and
    ``str(error)`` is), and ``said(tell)`` in another language. A value that is a ``Note`` too
    (the problem of a "row 12: {problem}") is said in the same language.

    ``Note("row {row}: no account name", row=12)``; a counted message takes ``MN_``'s pair and
    the count as ``n``: ``Note(MN_("{n} more problem", "{n} more problems"), n=2)``.
    """

    message: str | tuple[str, str]
    values: Mapping[str, Any]

    def __new__(cls, message: str | tuple[str, str], /, **values: Any) -> Note:
        note = super().__new__(cls, _filled(ENGLISH, message, values))
        note.message, note.values = message, values
        return note

    def __reduce__(self) -> tuple:  # copies and pickles keep the message and its values
        return _remade, (self.message, dict(self.values))

    def said(self, tell: Say) -> str:
        return _filled(tell, self.message, self.values)


def _remade(message: str | tuple[str, str], values: dict[str, Any]) -> Note:
    return Note(message, **values)


def said(text: object, tell: Say) -> str:
    """``text`` in ``tell``'s language when it is a ``Note`` (quoted as it quotes when it is
    ``Quoted``); any other text as it is."""
    if isinstance(text, Quoted):
        return quoted(str(text), tell)
    return text.said(tell) if isinstance(text, Note) else str(text)


def joined(parts: list[str], separator: str = "; ") -> Note:
    """``parts`` (each a ``Note`` or plain text) one after another, each said in the language
    the whole is said in."""
    message = separator.replace("{", "{{").replace("}", "}}").join(
        f"{{p{i}}}" for i in range(len(parts)))
    return Note(message, **{f"p{i}": part for i, part in enumerate(parts)})


# What the system says of a file it refused, in the reader's language: the English is the C
# library's own wording (what the CLI has always printed), the rest from the catalog.
_SYSTEM_REASONS = {
    errno.EACCES: M_("Permission denied"),
    errno.EPERM: M_("Operation not permitted"),
    errno.ENOSPC: M_("No space left on device"),
    errno.EROFS: M_("Read-only file system"),
    errno.ENOENT: M_("No such file or directory"),
    errno.EISDIR: M_("Is a directory"),
    errno.ENOTDIR: M_("Not a directory"),
    errno.EIO: M_("Input/output error"),
    errno.ENAMETOOLONG: M_("File name too long"),
    errno.EBUSY: M_("Device or resource busy"),
    errno.EMFILE: M_("Too many open files"),
    errno.EEXIST: M_("File exists"),
    errno.ELOOP: M_("Too many levels of symbolic links"),
    **({errno.EDQUOT: M_("Disk quota exceeded")} if hasattr(errno, "EDQUOT") else {}),
}


def system_reason(exc: OSError) -> str:
    """Why the system refused a file, as a ``Note`` said in the reader's language ("Permission
    denied", "Keine Berechtigung"); a reason this module does not know as the system words it."""
    if isinstance(exc.strerror, Note):  # a refusal of Prospector's own (prospector/atomic.py)
        return exc.strerror
    message = _SYSTEM_REASONS.get(exc.errno) if exc.errno is not None else None
    return Note(message) if message else exc.strerror or str(exc)


def error_said(error: BaseException, tell: Say) -> str:
    """An error's message in ``tell``'s language: its ``Note`` said again, else ``str(error)``."""
    first = error.args[0] if len(error.args) == 1 else None
    return first.said(tell) if isinstance(first, Note) else str(error)


def _filled(tell: Say, message: str | tuple[str, str], values: Mapping[str, Any]) -> str:
    if isinstance(message, tuple):
        text = tell.counted(message, values["n"])
    else:
        text = tell(message)
    if not values:
        return text
    return text.format_map({k: _value(v, tell) for k, v in values.items()})


def _value(value: Any, tell: Say) -> Any:
    """A value as ``tell``'s language writes it: a ``Note`` said in it, a day as its readers
    write days (2027-01-11 in English, as the files do; 11.01.2027 in German)."""
    if isinstance(value, Note):
        return value.said(tell)
    if isinstance(value, Quoted):
        return quoted(str(value), tell)
    if isinstance(value, Country):
        return value.named(tell.language)
    if isinstance(value, Number):
        return written(value, tell.language)
    if isinstance(value, date):
        return (value.isoformat() if tell.language in ("", "en")
                else format_date(value, "medium", locale=tell.language))
    return value
