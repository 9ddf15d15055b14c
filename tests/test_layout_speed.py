"""WeasyPrint's percentages and backgrounds laid out in fewer calls give every box the same used
values and backgrounds (prospector/playbook/layout_speed.py)."""

from __future__ import annotations

import sys

import weasyprint.layout.background as background
import weasyprint.layout.percent as percent
from weasyprint import HTML

from prospector.playbook import layout_speed

# percentages of widths and heights, auto heights, calc(), min/max, border-box and padding-box
# sizing, collapsed table borders, an absolutely positioned box and a float
DOCUMENT = """<!DOCTYPE html><html><head><style>
@page { size: A6; margin: 10% 5% }
div.a { width: 50%; margin: 2% 5% 3mm auto; padding: 1% 2mm; min-width: 20%; max-width: 90% }
div.b { box-sizing: border-box; width: calc(100% - 10mm); height: 20mm; padding: 3mm;
        border: 2pt solid; min-height: 10% }
div.c { box-sizing: padding-box; width: 40%; padding: 5%; max-height: 50% }
div.h { height: 30mm } div.h p { height: 50%; margin: 10% 0 }
table { border-collapse: collapse; width: 80% } td { border: 3pt solid; padding: 1% }
span.abs { position: absolute; right: 10%; top: 5% }
div.f { float: right; width: 30%; margin-left: 2% }
div.a, td + td { background: #eee } div.c { border-radius: 2mm 0 } div.f { visibility: hidden }
div.h { background: linear-gradient(red, blue) } p { box-shadow: 1mm 1mm red }
</style></head><body>
<div class="a">A <span class="abs">abs</span></div><div class="b">B</div><div class="c">C</div>
<div class="h"><p>half</p></div><div class="f">float</div>
<table><tr><td>one</td><td style="width: 60%">two</td></tr></table>
</body></html>"""

FIELDS = ("position_x", "position_y", "width", "height", "min_width", "max_width", "min_height",
          "max_height", "margin_top", "margin_right", "margin_bottom", "margin_left",
          "padding_top", "padding_right", "padding_bottom", "padding_left",
          "border_top_width", "border_right_width", "border_bottom_width", "border_left_width",
          "background", "border_top_left_radius", "border_top_right_radius",
          "border_bottom_right_radius", "border_bottom_left_radius")


def _value(box, name: str):
    value = getattr(box, name, None)
    if name == "background" and value is not None:
        # not its style (a dict of the properties asked so far), nor its images' identities
        return value.color, [layer._replace(image=type(layer.image).__name__)
                             for layer in value.layers]
    return value


def _used_values() -> list[tuple]:
    return [tuple(_value(box, name) for name in FIELDS)
            for page in HTML(string=DOCUMENT).render().pages
            for box in page._page_box.descendants()]


def test_the_same_used_values_as_weasyprints_own(monkeypatch):
    assert layout_speed.install()
    fast = percent.resolve_percentages
    values = _used_values()
    for name, module in list(sys.modules.items()):
        if name.startswith("weasyprint.") and getattr(module, "resolve_percentages", None) is fast:
            monkeypatch.setattr(module, "resolve_percentages", fast.__wrapped__)  # WeasyPrint's
    monkeypatch.setattr(background, "layout_box_backgrounds",
                        background.layout_box_backgrounds.__wrapped__)
    assert _used_values() == values
    assert len(values) > 20
    assert sum(value[FIELDS.index("background")] is not None for value in values) >= 5
