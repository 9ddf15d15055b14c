"""What the app draws by hand follows its palette, light or dark, with text readable at 4.5:1."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from ui.document import PlanDocument
from ui.pages.cadence import CadencePage
from ui.palette_colours import MIN_TEXT_CONTRAST, contrast, hint_colour, timeline_ink


def _palette(window: str, text: str) -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    return palette


PALETTES = {"light": ("#EFEFEF", "#000000"), "dark": ("#2B2B2B", "#E6E6E6"),
            "dim dark": ("#353535", "#B0B0B0")}


@pytest.mark.parametrize("name", PALETTES)
def test_timeline_text_reads_at_4_5_to_1_on_its_ground_and_its_week_bands(qapp, name):
    palette = _palette(*PALETTES[name])
    ink = timeline_ink(palette)
    ground = palette.color(QPalette.ColorRole.Window)
    for text in (ink.text, ink.muted):
        for behind in (ground, QColor(ink.band)):
            assert contrast(QColor(text), behind) >= MIN_TEXT_CONTRAST, (name, text, behind.name())
    assert contrast(hint_colour(palette), ground) >= MIN_TEXT_CONTRAST
    # the week bands are a shade of the ground, not white stripes on a dark window
    assert contrast(QColor(ink.band), ground) < 1.3


def test_the_cadence_timeline_is_drawn_in_a_dark_palettes_colours(qtbot, sample_plan):
    page = CadencePage(PlanDocument(sample_plan))
    qtbot.addWidget(page)
    page.setPalette(_palette(*PALETTES["dark"]))
    page.show()
    qtbot.waitExposed(page)
    drawn = []
    page.timeline.load = lambda data: drawn.append(bytes(data).decode("utf-8"))
    page.setPalette(_palette("#202020", "#FFFFFF"))  # the system switches: drawn again
    assert drawn, "a palette change redraws the timeline"
    ink = timeline_ink(_palette("#202020", "#FFFFFF"))
    assert f'fill="{ink.text}"' in drawn[-1] and f'fill="{ink.band}"' in drawn[-1]
    assert "#F3F5F8" not in drawn[-1] and 'fill="#2B3340"' not in drawn[-1]  # no paper colours
