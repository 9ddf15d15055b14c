"""The cadence as a picture: an inline SVG timeline drawn from the cadence's steps.

Weeks run across as columns, one lane per channel, one mark per step, numbered as in the steps
table. A channel is told apart by the SHAPE of its mark and by a TINT of the plan's brand colour
(light to dark), so the chart reads in greyscale print; meeting asks get a ring. Nothing joins the
marks: a line from lane to lane would suggest a trend where there is only a sequence.

The SVG is drawn at its printed size (one user unit is one point), so its text comes out at the
type scale's sizes (8 and 9 pt) and is never scaled. Every mark sits wholly inside its week's
column: each column holds its seven days, spaced evenly between the column's edges (a tick for
each day at the top), so a day-0 touch is drawn in week 1, not astride its edge.

Every piece of plan text that reaches the SVG is escaped here, because it is built outside Jinja.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Cadence, Channel, Plan
from .brackets import bracketed
from .colours import WHITE, contrast
from .translations import counted as plural
from .translations import gettext

# Shapes as in the design brief (shared with every channel icon of the playbook).
CHANNEL_SHAPES: dict[Channel, str] = {
    Channel.PHONE: "circle",
    Channel.EMAIL: "square",
    Channel.SOCIAL: "triangle",
    Channel.MAIL: "pentagon",
    Channel.IN_PERSON: "hexagon",
    Channel.EVENT: "star",
    Channel.VIDEO: "diamond",
}
# Share of white mixed into the brand colour: neighbouring lanes differ by at least 0.2.
CHANNEL_TINTS: dict[Channel, float] = {
    Channel.PHONE: 0.0,
    Channel.EMAIL: 0.62,
    Channel.SOCIAL: 0.22,
    Channel.MAIL: 0.8,
    Channel.IN_PERSON: 0.4,
    Channel.EVENT: 0.9,
    Channel.VIDEO: 0.5,
}
DEFAULT_BRAND = "#1F4E79"  # the model's default brand colour
FONT = "PB Sans, Noto Sans CJK SC, sans-serif"
FS_XS = 8  # pt: week labels, step numbers, the key (--fs-xs)
FS_S = 9  # pt: channel names (--fs-s)
LABEL_GAP = 3 * 72 / 25.4  # pt: the least white between two weeks' labels

_MM = 72 / 25.4
# The printed width of the chart: the page's width less its margins (2 x 18 mm, 00-base.css) and
# the figure's frame (2 x 2.5 mm padding and 2 x 0.75 pt border, 40-cadences.css), rounded down.
PRINT_WIDTH: dict[str, float] = {"A4": 168 * _MM, "Letter": 174 * _MM}


@dataclass(frozen=True)
class Ink:
    """The timeline's colours apart from the channels': on paper the defaults; the app passes
    its palette's (a dark palette too), each text colour at least 4.5:1 against the ground."""

    text: str = "#2B3340"  # lane names, step numbers, the key
    muted: str = "#555F6D"  # week labels
    band: str = "#F3F5F8"  # every other week
    line: str = "#D5DAE1"  # a lane
    tick: str = "#7B8794"  # the day ticks
    ring: str = "#222222"  # around a meeting ask
    edge: str = ""  # the outline of each mark; "" = the brand colour, darkened to read on white


PRINT_INK = Ink()

_R = 4.25  # a mark's radius
_RING = _R + 2.0  # a meeting ask's ring
_INSET = _RING + 1.2  # a mark's centre from its week column's edge: the whole ring fits inside
_LANE = 22.0  # lane to lane: room for the numbers above the marks, clear of the lane above
_LANE_CROWDED = 32.0  # when some numbers stand below their marks too
_TOP = 14.0  # the top of the week columns; the week labels (and the key) stand above it
_TICK = 3.0
_NUMBER_GAP = _RING + 1.2  # a mark's centre to the baseline of its number above
_DIGIT_H = 0.72 * FS_XS  # the height of a digit
_TICK_CLEAR = 5.5  # the day ticks' foot to the top of a number in the first lane (3: touching)
# the first lane's top: its numbers (above their marks, half a lane under it) clear of the ticks
_LANE_TOP = _TOP + _TICK + _TICK_CLEAR + _NUMBER_GAP + _DIGIT_H - _LANE / 2
_KEY_TEXT = 2 * _RING + 4  # where the channels' names and the key's words start
_MIN_COLUMN = 26.0  # the narrowest week column; longer cadences get a column per few weeks


def _rgb(colour: str) -> tuple[int, int, int]:
    return (int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16))


def _hex(rgb: tuple[float, ...]) -> str:
    return "#" + "".join(f"{round(c):02X}" for c in rgb)


def brand_dark(brand: str) -> str:
    """The brand colour, darkened until it stands out on white (3:1, a graphic's contrast)."""
    rgb: tuple[int, ...] = _rgb(brand)
    while contrast(rgb, WHITE) < 3.0:
        rgb = tuple(int(c * 0.85) for c in rgb)
    return _hex(rgb)


def channel_fill(channel: Channel, brand: str = DEFAULT_BRAND) -> str:
    """The channel's tint of the brand colour."""
    share = CHANNEL_TINTS[channel]
    return _hex(tuple(c + (255 - c) * share for c in _rgb(brand_dark(brand))))


def shape(channel: Channel, cx: float, cy: float, r: float = _R, *, ring: bool = False,
          ink: Ink = PRINT_INK, brand: str = DEFAULT_BRAND) -> str:
    """SVG markup of a channel's mark centred on (cx, cy): its shape, in its tint of ``brand``."""
    kind = CHANNEL_SHAPES[channel]
    edge = ink.edge or brand_dark(brand)
    paint = (f'fill="{channel_fill(channel, brand)}" stroke="{edge}" '
             f'stroke-width="{max(0.5, r * 0.16):.2f}" stroke-linejoin="round"')
    if kind == "circle":
        body = f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r * 0.98:.2f}" {paint}/>'
    elif kind == "square":
        s = r * 0.84
        body = (f'<rect x="{cx - s:.2f}" y="{cy - s:.2f}" width="{2 * s:.2f}" '
                f'height="{2 * s:.2f}" {paint}/>')
    else:
        body = f'<polygon points="{_points(kind, cx, cy, r)}" {paint}/>'
    if ring:
        body = (f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r + (_RING - _R):.2f}" fill="none" '
                f'stroke="{ink.ring}" stroke-width="0.9"/>') + body
    return body


def _points(kind: str, cx: float, cy: float, r: float) -> str:
    def polygon(n: int, radius: float, turn: float = -math.pi / 2) -> list[tuple[float, float]]:
        return [(cx + radius * math.cos(turn + 2 * math.pi * i / n),
                 cy + radius * math.sin(turn + 2 * math.pi * i / n)) for i in range(n)]

    if kind == "triangle":  # its centroid a little low, so it looks centred
        pts = [(x, y + r * 0.18) for x, y in polygon(3, r * 1.22)]
    elif kind == "diamond":
        pts = polygon(4, r * 1.18)
    elif kind == "pentagon":
        pts = polygon(5, r * 1.06)
    elif kind == "hexagon":
        pts = polygon(6, r * 1.04, 0.0)
    else:  # star
        radii = [r * 1.3 if i % 2 == 0 else r * 0.56 for i in range(10)]
        pts = [(cx + rad * math.cos(-math.pi / 2 + i * math.pi / 5),
                cy + rad * math.sin(-math.pi / 2 + i * math.pi / 5)) for i, rad in enumerate(radii)]
    return " ".join(f"{x:.2f},{y:.2f}" for x, y in pts)


def channel_icon(channel: Channel, size: int = 11, brand: str = DEFAULT_BRAND) -> Markup:
    """A small inline icon of the channel's mark, for tables and headings (decoration: the
    channel's name is always printed beside it)."""
    half = size / 2
    return Markup(
        f'<svg class="icon" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        f'aria-hidden="true">{shape(channel, half, half, half * 0.76, brand=brand)}</svg>'
    )


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` in PB Sans (Noto Sans) at ``size`` pt, a generous estimate."""
    em = 0.0
    for ch in text:
        if ch in " ,.":
            em += 0.27
        elif ch.isdigit():
            em += 0.572
        elif ch in "–-":
            em += 0.5
        elif ch.isupper() or ch in "mw":
            em += 0.7
        else:
            em += 0.56
    return em * size * (1.06 if bold else 1.0)


@dataclass
class _Mark:
    number: int
    channel: Channel
    is_ask: bool
    x: float
    y: float


@dataclass
class _Label:
    text: str
    x: float  # centre
    y: float  # baseline
    width: float


def _numbers(numbers: list[int]) -> str:
    """4 / 4, 5 / 4–6: the step numbers of marks drawn on top of each other."""
    if len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _labels(lane: list[_Mark], cy: float, left: float, right: float) -> list[_Label]:
    """The step numbers of one lane: above each mark, or below it when the one before is in
    the way; marks too close to be told apart share one number ("4, 5")."""
    clusters: list[list[_Mark]] = []
    for mark in sorted(lane, key=lambda m: (m.x, m.number)):
        if clusters and mark.x - clusters[-1][-1].x < 2 * _RING:
            clusters[-1].append(mark)
        else:
            clusters.append([mark])
    above = cy - _NUMBER_GAP
    below = cy + _NUMBER_GAP + _DIGIT_H
    ends = {above: -math.inf, below: -math.inf}  # the right end of the last label in each row
    out: list[_Label] = []
    for cluster in clusters:
        text = _numbers(sorted(m.number for m in cluster))
        width = text_width(text, FS_XS, bold=True)
        centre = (cluster[0].x + cluster[-1].x) / 2
        centre = min(max(centre, left + width / 2), right - width / 2)
        row = min(ends, key=lambda y: (centre - width / 2 < ends[y] + 2, y != above))
        centre = max(centre, ends[row] + 2 + width / 2)  # only when both rows are crowded
        ends[row] = centre + width / 2
        out.append(_Label(text, centre, row, width))
    return out


def _first_label_fits(first: float, second: float, col_w: float) -> bool:
    """The first column's label ("Weeks 1–4", ``first`` wide) stays inside its column, clear of
    the key on its left ("Meeting ask"), and 3 mm clear of the second column's (``second``)."""
    return first <= col_w and (first + second) / 2 + LABEL_GAP <= col_w


def _spread(lane: list[_Mark], low: float, high: float) -> None:
    """Marks of one lane in one column moved apart, within ``low``..``high``, so that no two
    are drawn on one another (a long cadence's column holds weeks: days 3 and 12 were 4 pt
    apart); where the column has no room for them all, they stay where their days put them."""
    lane.sort(key=lambda m: (m.x, m.number))
    gap = 2 * _RING
    if len(lane) < 2 or (len(lane) - 1) * gap > high - low:
        return
    for before, mark in zip(lane, lane[1:], strict=False):
        mark.x = max(mark.x, before.x + gap)
    lane[-1].x = min(lane[-1].x, high)
    for mark, after in zip(reversed(lane[:-1]), reversed(lane[1:]), strict=False):
        mark.x = min(mark.x, after.x - gap)


def _columns(cadence: Cadence, width: float) -> tuple[int, list[Channel], float, int]:
    """The chart's weeks, its lanes, the left edge of its plot and the weeks in a column."""
    steps = cadence.ordered_steps()
    weeks = max(1, cadence.span_days // 7 + 1)
    lanes = [c for c in Channel if any(s.channel == c for s in steps)] or [Channel.PHONE]
    names = [text_width(gettext(c.label), FS_S) for c in lanes]
    if any(s.is_ask for s in steps):
        names.append(text_width(gettext("Meeting ask"), FS_XS))
    left = _KEY_TEXT + max(names) + 8

    def column_width(per: int) -> float:
        return (width - 1 - left) / math.ceil(weeks / per)

    def label_fits(per: int) -> bool:  # its last label ("53–56") with 3 mm to spare, and
        columns = math.ceil(weeks / per)  # the first ("Weeks 1–4") clear of the second's
        last = f"{(columns - 1) * per + 1}–{min(weeks, columns * per)}" if per > 1 else str(weeks)
        first = (gettext("Week %(week)s", week=1) if per == 1 else
                 gettext("Weeks %(first)s–%(last)s", first=1, last=min(weeks, per)))
        second = "" if columns == 1 else str(per + 1) if per == 1 else \
            f"{per + 1}–{min(weeks, 2 * per)}"
        col_w = column_width(per)
        return col_w >= max(_MIN_COLUMN, text_width(last, FS_XS) + LABEL_GAP) and \
            _first_label_fits(text_width(first, FS_XS), text_width(second, FS_XS), col_w)

    def marks_fit(per: int) -> bool:  # each lane's marks in a column side by side (_spread)
        crowd = Counter((s.channel, s.day // (7 * per)) for s in steps)
        return all((n - 1) * 2 * _RING <= column_width(per) - 2 * _INSET for n in crowd.values())

    per = next(p for p in range(1, weeks + 1) if label_fits(p) or p == weeks)
    # the fewest weeks a column that also holds its marks apart, if any does
    per = next((p for p in range(per, weeks + 1) if marks_fit(p)), per)
    return weeks, lanes, left, per


def timeline_caption(cadence: Cadence, plan: Plan) -> str:
    """How to read the printed chart, one sentence."""
    _weeks, _lanes, _left, per = _columns(
        cadence, PRINT_WIDTH.get(plan.basics.page_size, PRINT_WIDTH["A4"]))
    if per == 1:
        return gettext("Each column is a week, its ticks the days; each mark is one touch, "
                       "numbered as in the steps below.")
    return gettext("Each column is %(weeks)s weeks, its ticks the weeks; each mark is one touch, "
                   "numbered as in the steps below.", weeks=per)


def cadence_timeline_svg(cadence: Cadence, plan: Plan, ink: Ink = PRINT_INK, *,
                         width: float | None = None) -> Markup:
    """The cadence's timeline as an inline ``<svg>`` with a <title> (its alt text), in ``ink``'s
    colours (the app's palette; paper by default) and tints of the plan's brand colour.

    ``width`` in points, by default the printed width on the plan's page size."""
    brand = plan.basics.brand_colour or DEFAULT_BRAND
    width = width or PRINT_WIDTH.get(plan.basics.page_size, PRINT_WIDTH["A4"])
    steps = cadence.ordered_steps()
    weeks, lanes, left, per = _columns(cadence, width)
    names = {c: escape(gettext(c.label)) for c in lanes}
    right = width - 1
    columns = math.ceil(weeks / per)
    col_w = (right - left) / columns
    days = 7 * per  # per column
    day_w = (col_w - 2 * _INSET) / (days - 1)

    def x_of(day: int) -> float:
        column, offset = divmod(day, days)
        return left + column * col_w + _INSET + offset * day_w

    out: list[str] = []
    # marks, then their numbers (worked out first: they decide the lanes' spacing)
    marks = [_Mark(n, s.channel, s.is_ask, x_of(s.day), 0.0) for n, s in enumerate(steps, start=1)]
    for channel in lanes:  # marks of one lane a few days apart drawn side by side, not on top
        in_lane = [m for m in marks if m.channel == channel]
        for col in range(columns):
            _spread([m for m in in_lane if int((m.x - left) // col_w) == col],
                    left + col * col_w + _INSET, left + (col + 1) * col_w - _INSET)
    labels = {c: _labels([m for m in marks if m.channel == c], 0.0, left, right) for c in lanes}
    crowded = any(label.y > 0 for row in labels.values() for label in row)
    lane_h = _LANE_CROWDED if crowded else _LANE
    centre = {c: _LANE_TOP + lane_h * (i + 0.5) for i, c in enumerate(lanes)}
    plot_bottom = _LANE_TOP + lane_h * len(lanes)
    for m in marks:
        m.y = centre[m.channel]

    # week columns, their labels and day ticks. Weeks are named as everywhere else in the
    # playbook ("Week 3", not "W3"): every column "Week 3" if that fits, else the first one
    # "Week 1" and the others their number, as an axis is labelled ("Week 1  2  3 ...")
    spans = [(c * per + 1, min(weeks, c * per + per)) for c in range(columns)]
    def full(first: int, last: int) -> str:  # a last column of one week: "13", not "13–13"
        return (gettext("Week %(week)s", week=first) if first == last
                else gettext("Weeks %(first)s–%(last)s", first=first, last=last))

    def bare(first: int, last: int) -> str:
        return str(first) if first == last else f"{first}–{last}"

    # (with 3 mm of white between two: "Week 10" and "Week 11" touched at 1 mm); the first
    # "Weeks 1–4" only where it fits its column, else it ran into "5–8" and the key beside it
    # ("Meeting ask"): then numbers only, which the caption says are weeks
    if all(text_width(full(*s), FS_XS) <= col_w - LABEL_GAP for s in spans):
        texts = [escape(full(*s)) for s in spans]
    elif _first_label_fits(text_width(full(*spans[0]), FS_XS),
                           text_width(bare(*spans[1]), FS_XS) if len(spans) > 1 else 0.0, col_w):
        texts = [escape((full if col == 0 else bare)(*s)) for col, s in enumerate(spans)]
    else:
        texts = [escape(bare(*s)) for s in spans]
    tick_path: list[str] = []  # the day ticks: one path (WeasyPrint drew 90 lines one by one)
    for col in range(columns):
        x = left + col * col_w
        if col % 2 == 0:
            out.append(f'<rect x="{x:.2f}" y="{_TOP:.2f}" width="{col_w:.2f}" '
                       f'height="{plot_bottom - _TOP:.2f}" fill="{ink.band}"/>')
        out.append(f'<text x="{x + col_w / 2:.2f}" y="{_TOP - 3.5:.2f}" text-anchor="middle" '
                   f'font-size="{FS_XS}" fill="{ink.muted}">{texts[col]}</text>')
        ticks = range(days) if per == 1 else range(0, days, 7)  # days, or the weeks' first days
        tick_path.extend(f"M{x + _INSET + t * day_w:.2f} {_TOP:.2f}V{_TOP + _TICK:.2f}"
                         for t in ticks)
    out.append(f'<path d="{"".join(tick_path)}" fill="none" stroke="{ink.tick}" '
               f'stroke-width="0.7"/>')
    # lanes: the channel's mark and name, a faint line across
    for channel in lanes:
        y = centre[channel]
        out.append(f'<line x1="{left:.2f}" y1="{y:.2f}" x2="{right:.2f}" y2="{y:.2f}" '
                   f'stroke="{ink.line}" stroke-width="0.6"/>')
        out.append(shape(channel, _RING + 0.5, y, ink=ink, brand=brand))
        out.append(f'<text x="{_KEY_TEXT:.2f}" y="{y + 0.36 * FS_S:.2f}" font-size="{FS_S}" '
                   f'fill="{ink.text}">{names[channel]}</text>')
    for m in marks:
        mark = shape(m.channel, m.x, m.y, ring=m.is_ask, ink=ink, brand=brand)
        out.append(f'<g class="step">{mark}</g>')
    for channel in lanes:
        for label in labels[channel]:
            out.append(f'<text x="{label.x:.2f}" y="{centre[channel] + label.y:.2f}" '
                       f'text-anchor="middle" '
                       f'font-size="{FS_XS}" font-weight="bold" fill="{ink.text}">'
                       f'{label.text}</text>')
    if any(m.is_ask for m in marks):  # the key, what a ring means, above the channels' names
        ky = _TOP - 3.5 - 0.36 * FS_XS
        out.append(f'<circle cx="{_RING + 0.5:.2f}" cy="{ky:.2f}" r="{_RING:.2f}" fill="none" '
                   f'stroke="{ink.ring}" stroke-width="0.9"/>')
        out.append(f'<text x="{_KEY_TEXT:.2f}" y="{_TOP - 3.5:.2f}" font-size="{FS_XS}" '
                   f'fill="{ink.text}">{escape(gettext("Meeting ask"))}</text>')
    height = plot_bottom + 1

    title = escape(timeline_alt_text(cadence, plan))
    return Markup(
        f'<svg class="timeline" role="img" viewBox="0 0 {width:.2f} {height:.2f}" '
        f'width="{width:.2f}pt" height="{height:.2f}pt" font-family="{FONT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{"".join(out)}</svg>'
    )


def timeline_alt_text(cadence: Cadence, plan: Plan) -> str:
    steps = cadence.ordered_steps()
    if not steps:
        return gettext("Timeline of the cadence %(cadence)s: no steps yet.", cadence=cadence.name)
    parts = []
    for number, step in enumerate(steps, start=1):
        touch = plan.touch(step.touch_id)
        what = gettext(step.channel.label) + (f" {bracketed(touch.title)}" if touch else "")
        parts.append((gettext("%(number)s. day %(day)s: %(what)s, meeting ask") if step.is_ask
                      else gettext("%(number)s. day %(day)s: %(what)s"))
                     % {"number": number, "day": step.day, "what": what})
    weeks = cadence.span_days // 7 + 1
    return (gettext("Timeline of the cadence %(cadence)s: %(touches)s over %(weeks)s.",
                    cadence=cadence.name, touches=plural(len(steps), "touch"),
                    weeks=plural(weeks, "week")) + " " + "; ".join(parts) + ".")
