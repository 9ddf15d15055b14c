"""WeasyPrint's percentages resolved in fewer calls give every box the same used values
(prospector/playbook/layout_speed.py)."""

from __future__ import annotations

import sys

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
</style></head><body>
<div class="a">A <span class="abs">abs</span></div><div class="b">B</div><div class="c">C</div>
<div class="h"><p>half</p></div><div class="f">float</div>
<table><tr><td>one</td><td style="width: 60%">two</td></tr></table>
</body></html>"""

FIELDS = ("position_x", "position_y", "width", "height", "min_width", "max_width", "min_height",
          "max_height", "margin_top", "margin_right", "margin_bottom", "margin_left",
          "padding_top", "padding_right", "padding_bottom", "padding_left",
          "border_top_width", "border_right_width", "border_bottom_width", "border_left_width")


def _used_values() -> list[tuple]:
    return [tuple(getattr(box, name, None) for name in FIELDS)
            for page in HTML(string=DOCUMENT).render().pages
            for box in page._page_box.descendants()]


def test_the_same_used_values_as_weasyprints_own(monkeypatch):
    assert layout_speed.install()
    fast = percent.resolve_percentages
    values = _used_values()
    for name, module in list(sys.modules.items()):
        if name.startswith("weasyprint.") and getattr(module, "resolve_percentages", None) is fast:
            monkeypatch.setattr(module, "resolve_percentages", fast.__wrapped__)  # WeasyPrint's
    assert _used_values() == values
    assert len(values) > 20
