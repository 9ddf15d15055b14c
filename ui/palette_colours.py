"""Colours drawn by hand (the cadence timeline, hints) taken from the app's palette, light or
dark, with text at a contrast of at least 4.5:1 (WCAG AA) against what it is drawn on."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from prospector.playbook import colours
from prospector.playbook.timeline import Ink

MIN_TEXT_CONTRAST = 4.5


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21 (the playbook's own measure)."""
    return colours.contrast((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()))


def blend(a: QColor, b: QColor, share_of_b: float) -> QColor:
    t = max(0.0, min(1.0, share_of_b))
    return QColor.fromRgbF(a.redF() + (b.redF() - a.redF()) * t,
                           a.greenF() + (b.greenF() - a.greenF()) * t,
                           a.blueF() + (b.blueF() - a.blueF()) * t)


def readable(colour: QColor, text: QColor, grounds: list[QColor]) -> QColor:
    """``colour``, moved towards ``text`` until it reads at 4.5:1 on every ground."""
    for step in range(11):
        tried = blend(colour, text, step / 10)
        if all(contrast(tried, g) >= MIN_TEXT_CONTRAST for g in grounds):
            return tried
    return text


def timeline_ink(palette: QPalette) -> Ink:
    """The cadence timeline's colours on the window's ground (the widget draws no background)."""
    ground = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    band = blend(ground, text, 0.07)
    grounds = [ground, band]
    return Ink(text=readable(text, text, grounds).name(),
               muted=readable(blend(text, ground, 0.35), text, grounds).name(),
               band=band.name(), line=blend(ground, text, 0.25).name(),
               tick=blend(ground, text, 0.45).name(), ring=text.name(), edge=text.name())


def hint_colour(palette: QPalette) -> QColor:
    """A quieter colour for hints that still reads at 4.5:1 on the window."""
    ground = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return readable(blend(text, ground, 0.4), text, [ground])
