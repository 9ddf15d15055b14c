"""The cadence as a picture: an inline SVG timeline drawn from the cadence's steps.

Weeks run across, one lane per channel, one mark per step. A channel is told apart by its shape
*and* its colour (legible in greyscale and for colour-blind readers); meeting asks get a ring.
Every piece of plan text that reaches the SVG is escaped here, because it is built outside Jinja.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..model import Cadence, Channel, Plan

# Okabe-Ito based palette, darkened where needed to print well on white.
CHANNEL_COLOURS: dict[Channel, str] = {
    Channel.PHONE: "#0072B2",
    Channel.EMAIL: "#D55E00",
    Channel.SOCIAL: "#009E73",
    Channel.MAIL: "#CC79A7",
    Channel.IN_PERSON: "#B8860B",
    Channel.EVENT: "#56B4E9",
    Channel.VIDEO: "#6A3D9A",
}
CHANNEL_SHAPES: dict[Channel, str] = {
    Channel.PHONE: "circle",
    Channel.EMAIL: "square",
    Channel.SOCIAL: "diamond",
    Channel.MAIL: "triangle",
    Channel.IN_PERSON: "hexagon",
    Channel.EVENT: "star",
    Channel.VIDEO: "play",
}
FONT = "PB Sans, Noto Sans CJK SC, sans-serif"


@dataclass(frozen=True)
class Ink:
    """The timeline's colours apart from the channels': on paper the defaults; the app passes
    its palette's (a dark palette too), each text colour at least 4.5:1 against the ground."""

    text: str = "#2B3340"  # lane names, step numbers, legend
    muted: str = "#555F6D"  # week labels
    band: str = "#F3F5F8"  # every other week
    line: str = "#D5DAE1"  # a lane
    path: str = "#9AA5B4"  # the line from step to step
    ring: str = "#222222"  # around a meeting ask
    edge: str = "#FFFFFF"  # around each mark


PRINT_INK = Ink()

_WIDTH = 680.0
_GUTTER = 78.0  # lane labels
_RIGHT = 10.0
_HEAD = 26.0  # week labels
_LANE = 36.0
_LEGEND = 30.0
_R = 7.5


def shape(channel: Channel, cx: float, cy: float, r: float = _R, *, ring: bool = False,
          ink: Ink = PRINT_INK) -> str:
    """SVG markup of a channel's mark centred on (cx, cy)."""
    colour = CHANNEL_COLOURS[channel]
    kind = CHANNEL_SHAPES[channel]
    fill = f'fill="{colour}" stroke="{ink.edge}" stroke-width="1"'
    if kind == "circle":
        body = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" {fill}/>'
    elif kind == "square":
        s = r * 0.9
        body = (f'<rect x="{cx - s:.1f}" y="{cy - s:.1f}" width="{2 * s:.1f}" '
                f'height="{2 * s:.1f}" {fill}/>')
    else:
        body = f'<polygon points="{_points(kind, cx, cy, r)}" {fill}/>'
    if ring:
        body = (f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r + 4:.1f}" fill="none" '
                f'stroke="{ink.ring}" stroke-width="1.3"/>') + body
    return body


def _points(kind: str, cx: float, cy: float, r: float) -> str:
    if kind == "diamond":
        pts = [(cx, cy - r * 1.15), (cx + r * 1.15, cy), (cx, cy + r * 1.15), (cx - r * 1.15, cy)]
    elif kind == "triangle":
        pts = [(cx, cy - r * 1.1), (cx + r * 1.05, cy + r * 0.8), (cx - r * 1.05, cy + r * 0.8)]
    elif kind == "play":
        pts = [(cx - r * 0.8, cy - r), (cx + r * 1.05, cy), (cx - r * 0.8, cy + r)]
    elif kind == "hexagon":
        pts = [(cx + r * math.cos(a), cy + r * math.sin(a))
               for a in (math.pi / 3 * i + math.pi / 6 for i in range(6))]
    else:  # star
        pts = []
        for i in range(10):
            rad = r * 1.2 if i % 2 == 0 else r * 0.5
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((cx + rad * math.cos(a), cy + rad * math.sin(a)))
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)


def channel_icon(channel: Channel, size: int = 11) -> Markup:
    """A small inline icon of the channel's mark, for tables and headings."""
    half = size / 2
    return Markup(
        f'<svg class="icon" width="{size}" height="{size}" viewBox="0 0 {size} {size}" '
        f'aria-hidden="true">{shape(channel, half, half, half * 0.82)}</svg>'
    )


@dataclass(frozen=True)
class _Mark:
    number: int
    day: int
    channel: Channel
    is_ask: bool
    x: float
    y: float


def cadence_timeline_svg(cadence: Cadence, plan: Plan, ink: Ink = PRINT_INK) -> Markup:
    """The cadence's timeline as an inline ``<svg>`` with a <title> (its alt text) and a legend,
    in ``ink``'s colours (the app's palette; paper by default)."""
    steps = cadence.ordered_steps()
    weeks = max(1, cadence.span_days // 7 + 1)
    lanes = [c for c in Channel if any(s.channel == c for s in steps)] or [Channel.PHONE]
    plot_w = _WIDTH - _GUTTER - _RIGHT
    height = _HEAD + _LANE * len(lanes) + 8 + _LEGEND
    day_w = plot_w / (weeks * 7)

    out: list[str] = []
    # week columns
    label_every = max(1, math.ceil(weeks / 13))
    for w in range(weeks):
        x = _GUTTER + w * 7 * day_w
        if w % 2 == 0:
            out.append(f'<rect x="{x:.1f}" y="{_HEAD - 4}" width="{7 * day_w:.1f}" '
                       f'height="{_LANE * len(lanes) + 4:.1f}" fill="{ink.band}"/>')
        if w % label_every == 0:
            label = f"Week {w + 1}" if weeks <= 10 else f"W{w + 1}"
            at = x + 3.5 * day_w * min(label_every, weeks - w)
            out.append(f'<text x="{at:.1f}" y="{_HEAD - 10}" '
                       f'text-anchor="middle" font-size="9.5" fill="{ink.muted}">{label}</text>')
    # lanes
    for i, channel in enumerate(lanes):
        y = _HEAD + _LANE * i + _LANE / 2
        out.append(f'<line x1="{_GUTTER:.1f}" y1="{y:.1f}" x2="{_WIDTH - _RIGHT:.1f}" y2="{y:.1f}" '
                   f'stroke="{ink.line}" stroke-width="0.8" stroke-dasharray="2 3"/>')
        out.append(f'<text x="{_GUTTER - 8:.1f}" y="{y + 3.5:.1f}" text-anchor="end" '
                   f'font-size="10" fill="{ink.text}">{escape(channel.label)}</text>')
    # marks (nudge marks that would overlap in a lane)
    marks: list[_Mark] = []
    last_x: dict[Channel, list[float]] = {}
    for number, step in enumerate(steps, start=1):
        lane = lanes.index(step.channel)
        x = _GUTTER + (step.day + 0.5) * day_w
        y = _HEAD + _LANE * lane + _LANE / 2
        crowd = sum(1 for px in last_x.get(step.channel, []) if abs(px - x) < 2 * _R + 3)
        if crowd:
            y += 9 if crowd % 2 else -9
            x += 3
        last_x.setdefault(step.channel, []).append(x)
        marks.append(_Mark(number, step.day, step.channel, step.is_ask, x, y))
    if len(marks) > 1:
        path = " ".join(f"{m.x:.1f},{m.y:.1f}" for m in marks)
        out.append(f'<polyline points="{path}" fill="none" stroke="{ink.path}" stroke-width="0.9" '
                   f'stroke-opacity="0.7"/>')
    for m in marks:
        out.append(shape(m.channel, m.x, m.y, ring=m.is_ask, ink=ink))
        out.append(f'<text x="{m.x:.1f}" y="{m.y - _R - (6 if m.is_ask else 2.5):.1f}" '
                   f'text-anchor="middle" font-size="8.5" font-weight="bold" fill="{ink.text}">'
                   f'{m.number}</text>')
    # legend
    ly = _HEAD + _LANE * len(lanes) + 8 + _LEGEND / 2
    lx = _GUTTER
    for channel in lanes:
        out.append(shape(channel, lx + 6, ly, 5.5, ink=ink))
        out.append(f'<text x="{lx + 15:.1f}" y="{ly + 3.5:.1f}" font-size="9.5" fill="{ink.text}">'
                   f'{escape(channel.label)}</text>')
        lx += 30 + 5.6 * len(channel.label)
    if any(m.is_ask for m in marks):
        out.append(f'<circle cx="{lx + 6:.1f}" cy="{ly:.1f}" r="7" fill="none" stroke="{ink.ring}" '
                   f'stroke-width="1.3"/>')
        out.append(f'<text x="{lx + 18:.1f}" y="{ly + 3.5:.1f}" font-size="9.5" fill="{ink.text}">'
                   f'Meeting ask</text>')

    title = escape(timeline_alt_text(cadence, plan))
    return Markup(
        f'<svg class="timeline" role="img" viewBox="0 0 {_WIDTH:.0f} {height:.0f}" '
        f'width="{_WIDTH:.0f}" height="{height:.0f}" font-family="{FONT}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{"".join(out)}</svg>'
    )


def timeline_alt_text(cadence: Cadence, plan: Plan) -> str:
    steps = cadence.ordered_steps()
    if not steps:
        return f"Timeline of the cadence {cadence.name}: no steps yet."
    parts = []
    for number, step in enumerate(steps, start=1):
        touch = plan.touch(step.touch_id)
        what = f"{step.channel.label}" + (f" ({touch.title})" if touch else "")
        parts.append(f"{number}. day {step.day}: {what}{', meeting ask' if step.is_ask else ''}")
    weeks = cadence.span_days // 7 + 1
    return (f"Timeline of the cadence {cadence.name}: {len(steps)} touches over {weeks} "
            f"week{'s' if weeks != 1 else ''}. " + "; ".join(parts) + ".")
