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

from ..messages import M_, Note, Say
from ..number_format import written
from .timeline import FONT, FS_XS, PRINT_INK, Ink, brand_dark, text_width

ACCENT = "#B7791F"  # below the goal (the playbook's --accent)
_BAR, _GAP = 14.0, 6.0  # a week's bar, and the room between two
_TOP, _H, _BOTTOM = 16.0, 70.0, 16.0  # the title line; the bars' height; the week labels
_LEFT = 26.0  # the scale's numbers
_TITLE_SIZE = FS_XS + 1
_TITLE_LINE = _TITLE_SIZE + 2.0  # from one line of a wrapped title to the next


def _number(value: float, language: str) -> str:
    return written(round(value) if value >= 10 or value == int(value) else round(value, 1),
                   language)


def bars_width(weeks: int) -> float:
    """How wide (pt) the bars of ``weeks`` weeks are drawn, with the scale."""
    return _LEFT + max(1, weeks) * (_BAR + _GAP)


def _title_lines(title: str, width: float, lines: int) -> list[str]:
    """``title`` in at most ``lines`` lines of ``width`` (the last cut short with an ellipsis
    if it does not fit), measured as ``weekly_chart_svg`` measures it."""
    def fits(text: str) -> bool:
        return text_width(text, _TITLE_SIZE, bold=True) * 1.2 <= width

    out: list[str] = []
    for word in title.split():
        if out and fits(f"{out[-1]} {word}"):
            out[-1] += f" {word}"
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] += " …"
    while not fits(out[-1]) and " " in out[-1]:
        out[-1] = out[-1].rsplit(" ", 2)[0] + " …"
    return out


def weekly_chart_svg(title: str, weeks: Sequence[str], actuals: Sequence[float | None],
                     goals: Sequence[float | None], current: str, *, ink: Ink = PRINT_INK,
                     brand: str = "#1F6FB2", accent: str = ACCENT, width: float | None = None,
                     title_lines: int = 2, week_mark: str = "W{number}",
                     language: str = "en") -> Markup:
    """``title`` over one bar per week of ``weeks`` (``actuals[i]``; None: not entered) with
    its goal (``goals[i]``; None: no goal that week); ``current`` is the week reviewed.

    With ``width`` (pt; at least ``bars_width``), charts shown side by side come out the same
    size and scale whatever their titles: the title wraps onto up to ``title_lines`` lines, and
    that many lines are kept above the bars even when it needs fewer. Without it, the chart is
    as wide as its bars or its title on one line. ``week_mark`` labels a week under its bar
    from its number ("KW{number}" in German). The numbers, and the chart's text for a screen
    reader (its <title>: each week's figure and goal), are in ``language`` (the app's)."""
    count = max(1, len(weeks))
    if width is None:
        # the title in full whatever the font the screen has (PB Sans measured, 20% to spare)
        width = max(bars_width(count), text_width(title, _TITLE_SIZE, bold=True) * 1.2)
        titled, kept = [title], 1
    else:
        width = max(width, bars_width(count))
        titled, kept = _title_lines(title, width, title_lines), title_lines
    head = _TOP + (kept - 1) * _TITLE_LINE  # the title's lines, then the bars
    height = head + _H + _BOTTOM
    top = max([*(a or 0 for a in actuals), *(g or 0 for g in goals), 1.0]) * 1.1
    out = [f'<text x="0" y="{_TOP - 5 + i * _TITLE_LINE:.1f}" font-size="{_TITLE_SIZE}" '
           f'font-weight="bold" fill="{ink.text}">{escape(line)}</text>'
           for i, line in enumerate(titled)]
    base = head + _H
    for value in (0.0, top / 1.1):
        y = base - _H * value / top
        out.append(f'<line x1="{_LEFT - 2:.1f}" x2="{width:.1f}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'stroke="{ink.line}" stroke-width="0.6"/>')
        out.append(f'<text x="{_LEFT - 4:.1f}" y="{y + 3:.1f}" font-size="{FS_XS}" '
                   f'text-anchor="end" fill="{ink.muted}">{_number(value, language)}</text>')
    # every week labelled where the labels fit, else every 2nd, 4th...: "KW05KW06" ran together
    # in German (measured in PB Sans; on a screen 20% to spare for its font, as the title)
    spare = 1.0 if ink is PRINT_INK else 1.2
    label = text_width(week_mark.format(number="00"), FS_XS, bold=True) * spare + 3
    label_every = 1
    while label_every * (_BAR + _GAP) < label:
        label_every *= 2
    if count > 14:
        label_every = max(label_every, 2 if count <= 28 else 4)
    reviewed = list(weeks).index(current) if current in weeks else -1
    edge = ink.edge or brand_dark(brand)
    for i, week in enumerate(weeks):
        x = _LEFT + i * (_BAR + _GAP) + _GAP / 2
        if week == current:
            out.append(f'<rect x="{x - _GAP / 2:.1f}" y="{head:.1f}" width="{_BAR + _GAP:.1f}" '
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
        if (i - max(reviewed, 0)) % label_every == 0:  # counted from the week reviewed
            weight = ' font-weight="bold"' if week == current else ""
            out.append(f'<text x="{x + _BAR / 2:.1f}" y="{base + 11:.1f}" font-size="{FS_XS}" '
                       f'text-anchor="middle" fill="{ink.muted}"{weight}>'
                       f'{escape(week_mark.format(number=week[-2:]))}</text>')
    said = chart_said(title, weeks, actuals, goals, week_mark=week_mark, language=language)
    return Markup(
        f'<svg class="weekly-chart" role="img" viewBox="0 0 {width:.1f} {height:.1f}" '
        f'width="{width:.1f}pt" height="{height:.1f}pt" font-family="{FONT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(said)}</title>{"".join(out)}</svg>')


def chart_said(title: str, weeks: Sequence[str], actuals: Sequence[float | None],
               goals: Sequence[float | None], *, week_mark: str = "W{number}",
               language: str = "en") -> str:
    """The chart for a screen reader, in ``language``: its title, then each week's figure and
    goal ("Meetings, week by week: W05: 3 of 5; W06: not entered")."""
    tell = Say(language)
    return Note("{title}, week by week: {weeks}", title=title, weeks="; ".join(
        _week_said(week_mark.format(number=week[-2:]), a, g, language).said(tell)
        for week, a, g in zip(weeks, actuals, goals, strict=True))).said(tell)


def _week_said(week: str, actual: float | None, goal: float | None, language: str) -> Note:
    """One week of a chart's text for a screen reader: "W05: 3 of 5", "W06: not entered"."""
    done = (_number(actual, language) if actual is not None
            else Say(language)(M_("not entered")))
    if goal:
        return Note("{week}: {actual} of {goal}", week=week, actual=done,
                    goal=_number(goal, language))
    return Note("{week}: {actual}", week=week, actual=done)
