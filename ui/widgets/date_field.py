"""A date that may be unset, as a leader expects to enter one: typed in their own format or as
2027-06-30, picked from a calendar that opens on a sensible month, or cleared with a button."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from ui.language import _


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year (ISO for the C locale)."""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    return short if "yyyy" in short else short.replace("yy", "yyyy")


def show_date(value: date | None, locale: QLocale | None = None) -> str:
    if value is None:
        return ""
    return (locale or QLocale()).toString(QDate(value.year, value.month, value.day),
                                         date_format(locale))


def read_date(text: str, locale: QLocale | None = None) -> date | None:
    """The date ``text`` names, in the locale's format or as ISO 2027-06-30; None if it names
    none. Raises ValueError (saying what is expected) for text that is not a date."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    locale = locale or QLocale()
    for fmt in (date_format(locale), locale.dateFormat(QLocale.FormatType.ShortFormat),
                locale.dateFormat(QLocale.FormatType.LongFormat)):
        parsed = locale.toDate(text, fmt)
        if parsed.isValid():
            return date(parsed.year(), parsed.month(), parsed.day())
    example = show_date(date(2027, 6, 30), locale)
    forms = example if example == "2027-06-30" else _("{example} or 2027-06-30").format(
        example=example)
    raise ValueError(_("“{value}” is not a date: type it as {forms}, or pick it from the "
                       "calendar").format(value=text[:40], forms=forms))


def show_day(value: date, *, year: bool = False) -> str:
    """A day in running text as the user's locale names it: 25 Jan (2027), 25. Jan. (2027)."""
    locale = QLocale()
    day = "d. MMM" if locale.language() == QLocale.Language.German else "d MMM"
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English)
    return locale.toString(QDate(value.year, value.month, value.day),
                           day + (" yyyy" if year else ""))


def show_week(week: str) -> str:
    """A week ("2027-W07") as the user's language names it: 2027-W07, KW07/2027 in German."""
    return _("{year}-W{number}").format(year=week[:4], number=week[-2:])


def show_moment(iso: str) -> str:
    """A stored time (ISO, "2027-01-25T14:03:09") as the user's locale writes a date and time:
    25.01.27 14:03 for a German; the ISO text itself when it is not one."""
    moment = QDateTime.fromString(iso[:19], Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso.replace("T", " ")[:16]
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return moment.toString("yyyy-MM-dd HH:mm")
    return locale.toString(moment, f"{date_format(locale)} "
                                   f"{locale.timeFormat(QLocale.FormatType.ShortFormat)}")


class DateField(QWidget):
    """``edited(date | None)`` when a date is typed, picked or cleared; ``refused(reason)`` when
    the typed text is not a date (the text stays for the user to correct)."""

    edited = Signal(object)
    refused = Signal(str)

    def __init__(self, near: Callable[[], date | None] = lambda: None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.near = near  # where the calendar opens when no date is set (e.g. the plan's start)
        self._value: date | None = None
        self.line = QLineEdit()
        example = show_date(date(2027, 6, 30))
        self.line.setPlaceholderText(_("e.g. {example}").format(example=example))  # short: narrow
        self.line.setToolTip(_("Not set yet: type a date such as {example} or pick one with "
                               "▾").format(example=example))
        self.line.editingFinished.connect(self._typed)
        self.pick = QToolButton()
        self.pick.setText("▾")
        self.pick.setToolTip(_("Pick the date from a calendar"))
        self.pick.setAccessibleName(_("Pick a date"))
        self.pick.clicked.connect(self.open_calendar)
        self.clear_button = QToolButton()
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(_("Clear the date"))
        self.clear_button.setAccessibleName(_("Clear the date"))
        self.clear_button.clicked.connect(self._cleared)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line, 1)
        row.addWidget(self.pick)
        row.addWidget(self.clear_button)
        self.setFocusProxy(self.line)

    def value(self) -> date | None:
        return self._value

    def set_value(self, value: date | None) -> None:
        self._value = value
        self.line.setText(show_date(value))
        self.clear_button.setEnabled(value is not None)

    def open_calendar(self) -> None:
        start = self._value or self.near() or date.today()
        calendar = QCalendarWidget()
        calendar.setGridVisible(True)
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)
        self._menu = menu
        calendar.clicked.connect(self._picked)
        calendar.activated.connect(self._picked)
        self.calendar = calendar  # for tests and accessibility tools while it is open
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def _picked(self, picked: QDate) -> None:
        self._menu.close()
        self._chose(date(picked.year(), picked.month(), picked.day()))

    def _cleared(self) -> None:
        self._chose(None)
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def _typed(self) -> None:
        try:
            value = read_date(self.line.text())
        except ValueError as exc:
            self.refused.emit(str(exc))
            return
        if value != self._value:
            self._chose(value)
        else:
            self.set_value(value)  # shown in the locale's format

    def _chose(self, value: date | None) -> None:
        self.set_value(value)
        self.edited.emit(value)
