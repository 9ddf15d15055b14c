"""Where the reps work (the plan's place, or one rep's): a country and one of its subdivisions,
each chosen from a list (``prospector.holiday_regions``), never typed. The schedule skips that
country's weekend and the public holidays of the place; the line under the lists says which."""

from __future__ import annotations

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from prospector.business_days import days_off_names, weekend_days
from prospector.holiday_regions import countries, is_city, subdivisions
from prospector.textnorm import fold
from ui.binding import Binding, ScrollSafeComboBox
from ui.document import get_value
from ui.language import _, country_name

PLAN_PLACE = ("accountability", "holiday_country")



def place_name(country: str, subdivision: str) -> str:
    """``Deutschland (Bayern)`` in the app's language, or "" for none."""
    if not country:
        return ""
    name = country_name(country, countries().get(country, country))
    if not subdivision:
        return name
    return f"{name} ({subdivisions(country).get(subdivision, subdivision)})"


def days_off(weekend: frozenset[int], holidays: bool) -> str:
    """What a schedule skips, in the app's language: Samstage, Sonntage und Feiertage."""
    names = [_(name) for name in days_off_names(weekend, holidays)]
    if len(names) < 2:
        return "".join(names)
    return _("{items} and {last}").format(items=", ".join(names[:-1]), last=names[-1])

class HolidayPlaceBinding(Binding):
    """Bound to a ``holiday_country`` field; its ``holiday_subdivision`` sits beside it. For a
    rep (``of_rep``) no country means the plan's place, said in the list's first line."""

    def __init__(self, document, path, label: str, of_rep: bool = False) -> None:
        widget = QWidget()
        column = QVBoxLayout(widget)
        column.setContentsMargins(0, 0, 0, 0)
        self.of_rep = of_rep
        self.country = ScrollSafeComboBox()
        self.country.setAccessibleName(_("{label}: country").format(label=label))
        self.country.addItem("", "")  # no country: the plan's place, or weekends only
        named = [(country_name(code, name), code) for code, name in countries().items()]
        for name, code in sorted(named, key=lambda pair: fold(pair[0])):
            self.country.addItem(name, code)
            self.country.setItemData(self.country.count() - 1, code,
                                     Qt.ItemDataRole.ToolTipRole)
        self.subdivision = ScrollSafeComboBox()
        self.subdivision.setAccessibleName(_("{label}: state, canton or region").format(
            label=label))
        self.days_off = QLabel()
        self.days_off.setObjectName("hint")
        self.days_off.setWordWrap(True)
        for part in (self.country, self.subdivision, self.days_off):
            column.addWidget(part)
        super().__init__(document, widget, path, label)
        self.country.activated.connect(self._country_chosen)
        self.subdivision.activated.connect(self._subdivision_chosen)
        self.refresh()

    def _subdivision_path(self) -> tuple | None:
        return (*self.path[:-1], "holiday_subdivision") if self.path else None

    def _country_chosen(self, index: int) -> None:
        code = self.country.itemData(index)
        sub_path = self._subdivision_path()
        if self.path is None or sub_path is None or code == get_value(self.document.plan,
                                                                       self.path):
            return
        if not get_value(self.document.plan, sub_path):
            self.commit(code)  # picks in a row (typing "Isr") merge into one undo step
            return
        # the old subdivision is not one of the new country's: cleared first, one undo step
        stack = self.document.undo_stack
        stack.beginMacro(_("Holidays of {place}").format(
            place=place_name(code, "") or _("the plan")))
        try:
            self.document.set_value(sub_path, "")
            self.commit(code)
        finally:
            stack.endMacro()

    def _subdivision_chosen(self, index: int) -> None:
        sub_path = self._subdivision_path()
        if sub_path is not None:
            self.document.set_value(sub_path, self.subdivision.itemData(index))

    def _on_field_changed(self, path: tuple) -> None:
        watched = {tuple(self.path), self._subdivision_path()} if self.path else set()
        if self.of_rep:
            watched |= {PLAN_PLACE, ("accountability", "holiday_subdivision")}
        if tuple(path) in watched:
            self.refresh()

    def show(self, value) -> None:
        plan = self.document.plan
        place = (plan.accountability.holiday_country, plan.accountability.holiday_subdivision)
        if self.of_rep:
            self.country.setItemText(0, _("As the plan ({value})").format(
                value=place_name(*place) or _("none")))
        else:
            self.country.setItemText(0, _("None: Saturdays and Sundays only"))
        self.country.setCurrentIndex(max(self.country.findData(value or ""), 0))
        sub_path = self._subdivision_path()
        chosen = get_value(plan, sub_path) if sub_path else ""
        self.subdivision.clear()  # (only a pick in the list emits ``activated``: no edit here)
        listed = subdivisions(value) if value else {}
        self.subdivision.addItem(_("The whole country") if listed else _("No regional holidays"),
                                 "")
        shown = [(_("{name} (city)").format(name=name) if is_city(value, code)
                  else f"{name} ({code})" if name != code else code, code)
                 for code, name in listed.items()]
        collator = QCollator(QLocale())  # by name as the user's language sorts: Baden-W., Bayern
        for text, code in sorted(shown, key=lambda pair: collator.sortKey(pair[0])):
            self.subdivision.addItem(text, code)
        self.subdivision.setCurrentIndex(max(self.subdivision.findData(chosen), 0))
        self.subdivision.setEnabled(bool(listed) and self.path is not None)
        self.country.setEnabled(self.path is not None)
        where = (value, chosen) if value else (place if self.of_rep else ("", ""))
        self.days_off.setText(
            _("Skipped: {value}").format(
                value=days_off(weekend_days(where[0], where[1]), bool(where[0])))
            + (_(" of {value}").format(value=place_name(*where)) if where[0] else "") + ".")

