"""The week-by-week chart's week labels under its bars."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

import pytest

from prospector.playbook.timeline import FS_XS, PRINT_INK, text_width
from prospector.playbook.weekly_chart import weekly_chart_svg

WEEKS = [f"2027-W{n:02d}" for n in range(2, 8)]
_LABEL = re.compile(r'<text x="([\d.]+)" y="[\d.]+" font-size="\d+" text-anchor="middle"'
                    r'[^>]*>([^<]+)</text>')


@pytest.mark.parametrize(("mark", "ink", "spare"), [
    ("KW{number}", PRINT_INK, 1.0), ("W{number}", PRINT_INK, 1.0),
    ("KW{number}", replace(PRINT_INK), 1.2), ("W{number}", replace(PRINT_INK), 1.2)])
def test_week_labels_never_run_into_each_other(mark, ink, spare):
    """Six weeks in the app's German review read "KW02KW03KW04KW05KW06KW07"."""
    svg = weekly_chart_svg("Touches", WEEKS, [3] * 6, [4] * 6, "2027-W07", ink=ink,
                           week_mark=mark)
    labels = [(float(x), text) for x, text in _LABEL.findall(str(svg))]
    assert labels[-1][1] == mark.format(number="07")  # the week reviewed is always named
    widest = max(text_width(text, FS_XS, bold=True) for _, text in labels) * spare
    assert all(b[0] - a[0] >= widest for a, b in pairwise(labels))
    if mark == "W{number}" and ink is PRINT_INK:
        assert len(labels) == 6  # on paper, where they fit, every week
