"""The app's words in the user's language: gettext catalogs of the domain "app" compiled by Babel,
and Qt's own catalog for its standard buttons and dialogs.

The catalogs live in ``ui/locale/<language>/LC_MESSAGES/app.po`` (extracted with
``pybabel extract -F babel-app.cfg``, see that file); their compiled ``.mo`` files are committed
beside them, so a fresh clone and the wheel run in German without a build step. The language is
the system's (``QLocale.system()``) unless the user chose one in View > Language; the choice is
kept in QSettings and applied when the app starts. Dates and numbers are shown and typed in the
same language's conventions (``ui_locale()``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel import Locale
from babel.numbers import format_percent
from babel.support import NullTranslations
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from prospector.gettext_domains import load_catalog
from prospector.messages import Say, error_said
from prospector.messages import said as said_in

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "app"
ENGLISH = "en"
SYSTEM = "system"
SETTING = "language"

_active: NullTranslations = NullTranslations()
_language = ENGLISH
_qt_translators: list[QTranslator] = []


def _(message: str) -> str:
    """``message`` in the app's language (English when its catalog has no translation)."""
    return _active.gettext(message) if message else message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or the plural of a counted text by the language's own plural rule."""
    return _active.ngettext(singular, plural, count)


def said(text: object) -> str:
    """A message of the domain (a row's note, an error, a validation problem: a ``Note``) in the
    app's language; an exception by its message; any other text as it is."""
    tell = app_say()
    if isinstance(text, BaseException):
        return error_said(text, tell)
    return said_in(text, tell)


def app_say() -> Say:
    """The domain's messages (``prospector.messages``) in the app's language."""
    return Say(_language)


def in_plan_language(message: str, language: str) -> str:
    """``message`` as words the app writes into the plan (a copy's " (copy)"), in the plan's
    ``language`` where the app has a catalog for it, else English; not in the app's: an English
    plan's persona duplicated in the German app printed "(Kopie)" in the English playbook."""
    return _catalog(language).gettext(message) if message else message


def N_(message: str) -> str:  # noqa: N802 - gettext's marker name
    """Marks a text for extraction where it is defined; ``_()`` translates it where it is shown."""
    return message


def new_item(declared: dict) -> dict:
    """A section's new row (``Section.new_item``) named in the app's language: "Neuer Kunde";
    its first field is the name a user sees, the others (tier, channel) are values."""
    item = dict(declared)
    first = next(iter(item), None)
    if first is not None:
        item[first] = _(item[first])
    return item


def show_percent(share: float) -> str:
    """A share as the app's language writes a percentage: 42 % in German, 42% in English."""
    return format_percent(share, locale=_language)


def in_sentence(noun: str) -> str:
    """A column's name inside a sentence: "Set tier of 3 accounts" in English, where German keeps
    its nouns' capital ("Stufe für 3 Accounts setzen")."""
    return noun.lower() if _language == ENGLISH else noun


def sentence_start(text: str) -> str:
    """A text as a sentence or a label starts: its first letter a capital, the rest as it is
    (``str.capitalize`` would lower German nouns: "Die eingefügten zeilen")."""
    return text[:1].upper() + text[1:]


def country_name(code: str, english: str) -> str:
    """A country's name in the app's language (Babel's CLDR names: "Österreich" for AT), or the
    English name where CLDR has none."""
    if _language == ENGLISH:
        return english
    return Locale.parse(_language).territories.get(code, english)


def languages() -> list[str]:
    """English and every language with a compiled app catalog."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return [ENGLISH, *found]


def language_names() -> list[tuple[str, str]]:
    """The choices of View > Language: (shown name, setting value), each language named in its
    own words."""
    own = [((Locale.parse(code).get_display_name(code) or code).capitalize(), code)
           for code in languages()]
    return [(_("System language"), SYSTEM), *own]


def resolve(choice: str | None, system: QLocale | None = None) -> str:
    """The language to run in for a setting (``"system"``, ``"de"``...): the system's language
    when it has a catalog, else English."""
    if choice and choice != SYSTEM and choice in languages():
        return choice
    code = (system or QLocale.system()).name().split("_")[0]
    return code if code in languages() else ENGLISH


def chosen(settings: QSettings) -> str:
    """The setting as stored (``"system"`` when never chosen)."""
    return str(settings.value(SETTING, SYSTEM) or SYSTEM)


@cache
def _catalog(language: str) -> NullTranslations:
    return load_catalog(LOCALE_DIR, DOMAIN, language)


def install(language: str) -> None:
    """Translate the app into ``language`` from now on: our catalog, Qt's own (the standard
    buttons, the file and colour dialogs, the context menus of text fields), and the default
    locale every date and number field reads."""
    global _active, _language
    _active, _language = _catalog(language), language
    app = QCoreApplication.instance()
    for translator in _qt_translators:
        QCoreApplication.removeTranslator(translator)
    _qt_translators.clear()
    if app is not None and language != ENGLISH:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{language}", folder):
            QCoreApplication.installTranslator(translator)
            _qt_translators.append(translator)
    QLocale.setDefault(ui_locale())


def current() -> str:
    """The language the app runs in."""
    return _language


def ui_locale() -> QLocale:
    """The locale of dates and numbers shown and typed: the system's own when the app runs in the
    system's language (a German in Austria keeps Austria's conventions), else the chosen
    language's."""
    system = QLocale.system()
    spoken = system.name().split("_")[0]
    if spoken == _language or (_language == ENGLISH and system.language() == QLocale.Language.C):
        return system
    return QLocale(_language if _language != ENGLISH else "en_GB")
