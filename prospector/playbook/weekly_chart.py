"""A target over the plan's weeks as a bar chart, drawn as the cadence timeline is: an inline SVG
with a <title> (its alt text), in an ``Ink`` (the paper's colours, or the app's palette, light or
dark), the week labels and bands of the timeline.

One bar per week: what was done (the brand colour; the accent when below the week's goal; a grey
stub when nothing was entered for a target counted by hand), the week's goal as a tick across
the bar, the week reviewed on a band. The app's review page shows one per target
(``ui/actuals_review.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from .timeline import FONT, FS_XS, PRINT_INK, Ink, brand_dark, text_width

ACCENT = "#B7791F"  # below the goal (the playbook's --accent)
_BAR, _GAP = 14.0, 6.0  # a week's bar, and the room between two
_TOP, _H, _BOTTOM = 16.0, 70.0, 16.0  # the title line; the bars' height; the week labels
_LEFT = 26.0  # the scale's numbers


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def weekly_chart_svg(title: str, weeks: Sequence[str], actuals: Sequence[float | None],
                     goals: Sequence[float | None], current: str, *, ink: Ink = PRINT_INK,
                     brand: str = "#1F6FB2", accent: str = ACCENT) -> Markup:
    """``title`` over one bar per week of ``weeks`` (``actuals[i]``; None: not entered) with
    its goal (``goals[i]``; None: no goal that week); ``current`` is the week reviewed."""
    count = max(1, len(weeks))
    # the title in full whatever the font the screen has (PB Sans measured, 20% to spare)
    width = max(_LEFT + count * (_BAR + _GAP), text_width(title, FS_XS + 1, bold=True) * 1.2)
    height = _TOP + _H + _BOTTOM
    top = max([*(a or 0 for a in actuals), *(g or 0 for g in goals), 1.0]) * 1.1
    out = [f'<text x="0" y="{_TOP - 5:.1f}" font-size="{FS_XS + 1}" font-weight="bold" '
           f'fill="{ink.text}">{escape(title)}</text>']
    base = _TOP + _H
    for value in (0.0, top / 1.1):
        y = base - _H * value / top
        out.append(f'<line x1="{_LEFT - 2:.1f}" x2="{width:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{ink.line}" stroke-width="0.6"/>')
        out.append(f'<text x="{_LEFT - 4:.1f}" y="{y + 3:.1f}" font-size="{FS_XS}" '
                   f'text-anchor="end" fill="{ink.muted}">{_number(value)}</text>')
    label_every = 1 if count <= 14 else 2 if count <= 28 else 4
    edge = ink.edge or brand_dark(brand)
    for i, week in enumerate(weeks):
        x = _LEFT + i * (_BAR + _GAP) + _GAP / 2
        if week == current:
            out.append(f'<rect x="{x - _GAP / 2:.1f}" y="{_TOP:.1f}" width="{_BAR + _GAP:.1f}" '
                       f'height="{_H:.1f}" fill="{ink.band}"/>')
        actual, goal = actuals[i], goals[i]
        if actual is None:
            out.append(f'<rect x="{x:.1f}" y="{base - 1.5:.1f}" width="{_BAR}" height="1.5" '
                       f'fill="{ink.tick}"/>')
        else:
            h = max(0.8, _H * actual / top)
            fill = accent if goal and actual < goal else brand
            out.append(f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{_BAR}" height="{h:.1f}" '
                       f'fill="{fill}" stroke="{edge}" stroke-width="0.4"/>')
        if goal:
            y = base - _H * goal / top
            out.append(f'<line x1="{x - 2:.1f}" x2="{x + _BAR + 2:.1f}" y1="{y:.1f}" '
                       f'y2="{y:.1f}" stroke="{ink.ring}" stroke-width="1.2"/>')
        if i % label_every == 0 or week == current:
            weight = ' font-weight="bold"' if week == current else ""
            out.append(f'<text x="{x + _BAR / 2:.1f}" y="{base + 11:.1f}" font-size="{FS_XS}" '
                       f'text-anchor="middle" fill="{ink.muted}"{weight}>W{week[-2:]}</text>')
    said = "; ".join(
        f"{week}: {_number(a) if a is not None else 'not entered'}"
        + (f" of {_number(g)}" if g else "")
        for week, a, g in zip(weeks, actuals, goals, strict=True))
    return Markup(
        f'<svg class="weekly-chart" role="img" viewBox="0 0 {width:.1f} {height:.1f}" '
        f'width="{width:.1f}pt" height="{height:.1f}pt" font-family="{FONT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}, week by week: '
        f'{escape(said)}</title>{"".join(out)}</svg>')
