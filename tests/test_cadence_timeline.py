"""The cadence chart and the cadence tables, without a PDF: what a reader of the printed chart
notices (no line suggesting a trend, marks inside their weeks, numbers clear of everything,
channels told apart in greyscale, text at the type scale's sizes) and steps that link to their
script instead of printing it again. Fast."""

from __future__ import annotations

import colorsys
import re
from xml.etree import ElementTree

import pytest

from prospector.model import Cadence, CadenceStep, Channel, Plan, ValueTouch
from prospector.planfile import read_plan_file
from prospector.playbook import build_context, render_playbook_html
from prospector.playbook.timeline import (
    FS_XS,
    PRINT_WIDTH,
    Ink,
    cadence_timeline_svg,
    text_width,
)
from prospector.resources import sample_plan_path

SVG = "{http://www.w3.org/2000/svg}"
Box = tuple[float, float, float, float]  # left, top, right, bottom


@pytest.fixture(scope="module")
def sample() -> Plan:
    return read_plan_file(sample_plan_path())


def crowded(brand: str = "#1F4E79") -> Plan:
    """Every channel; several steps of one channel in one week, on the same day too; long span."""
    touch = ValueTouch(title="T", channel=Channel.PHONE, message="Hello {{first_name}}.")
    steps = [(0, Channel.PHONE, False), (1, Channel.PHONE, False), (2, Channel.PHONE, True),
             (2, Channel.PHONE, False), (5, Channel.EMAIL, False), (6, Channel.EMAIL, False),
             (7, Channel.EMAIL, True), (8, Channel.EMAIL, False), (13, Channel.SOCIAL, False),
             (14, Channel.MAIL, False), (20, Channel.IN_PERSON, True), (21, Channel.EVENT, False),
             (27, Channel.VIDEO, True), (34, Channel.VIDEO, False), (35, Channel.VIDEO, False)]
    cadence = Cadence(name="Crowded", steps=[
        CadenceStep(day=d, channel=c, is_ask=a, touch_id=touch.id) for d, c, a in steps])
    plan = Plan(name="Crowded", touches=[touch], cadences=[cadence])
    plan.basics.brand_colour = brand
    return plan


def long_cadence() -> Plan:
    days = [0, 3, 3, 4, 40, 41, 90, 200, 201, 202, 203, 365, 500, 729]
    cadence = Cadence(name="Two years", steps=[
        CadenceStep(day=d, channel=list(Channel)[i % 7], is_ask=i % 4 == 0)
        for i, d in enumerate(days)])
    return Plan(name="Long", cadences=[cadence])


def charts(sample: Plan) -> list[tuple[Cadence, ElementTree.Element]]:
    out = []
    for plan in (sample, crowded(), long_cadence()):
        for cadence in plan.cadences:
            out.append((cadence, ElementTree.fromstring(str(cadence_timeline_svg(cadence, plan)))))
    return out


def _box(el: ElementTree.Element) -> Box:
    tag = el.tag.removeprefix(SVG)
    if tag == "circle":
        cx, cy, r = (float(el.get(k)) for k in ("cx", "cy", "r"))
        return cx - r, cy - r, cx + r, cy + r
    if tag == "rect":
        x, y, w, h = (float(el.get(k)) for k in ("x", "y", "width", "height"))
        return x, y, x + w, y + h
    points = [tuple(map(float, p.split(","))) for p in el.get("points").split()]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _union(boxes: list[Box]) -> Box:
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _marks(svg: ElementTree.Element) -> list[Box]:
    """Each step's mark (with its ring), in step order."""
    return [_union([_box(el) for el in g]) for g in svg.iter(f"{SVG}g") if g.get("class") == "step"]


Segment = tuple[float, float, float, float]  # x1, y1, x2, y2


def _segments(svg: ElementTree.Element) -> list[Segment]:
    """Every straight line drawn: the ``<line>`` elements and the pieces of each ``<path>``
    (the day ticks are one path, "M x y V y2" a tick); a path of anything else fails here."""
    out = [tuple(float(ln.get(k)) for k in ("x1", "y1", "x2", "y2"))
           for ln in svg.iter(f"{SVG}line")]
    for path in svg.iter(f"{SVG}path"):
        pieces = re.findall(r"M(-?[\d.]+) (-?[\d.]+)V(-?[\d.]+)", path.get("d"))
        assert "".join(f"M{x} {y}V{y2}" for x, y, y2 in pieces) == path.get("d"), path.get("d")
        out += [(float(x), float(y), float(x), float(y2)) for x, y, y2 in pieces]
    return out


def _ticks(svg: ElementTree.Element) -> list[Segment]:
    return [s for s in _segments(svg) if s[0] == s[2]]


def _numbers(svg: ElementTree.Element) -> list[tuple[str, Box]]:
    """The step numbers (bold text) and the boxes their digits fill."""
    out = []
    for t in svg.iter(f"{SVG}text"):
        if t.get("font-weight") == "bold":
            size, x, y = float(t.get("font-size")), float(t.get("x")), float(t.get("y"))
            width = text_width(t.text, size, bold=True)
            out.append((t.text, (x - width / 2, y - 0.72 * size, x + width / 2, y)))
    return out


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- the chart --------------------------------------------------------------------------------
def test_no_line_joins_the_steps(sample):
    """A line from mark to mark across the channels' rows suggests a trend: there is none. The
    only lines are the rows themselves (level) and the day ticks above the weeks."""
    for cadence, svg in charts(sample):
        assert not list(svg.iter(f"{SVG}polyline"))
        top = min(b[1] for b in _marks(svg))
        for x1, y1, x2, y2 in _segments(svg):
            assert y1 == y2 or max(y1, y2) < top, (cadence.name, (x1, y1, x2, y2))


def _week_labels(svg: ElementTree.Element) -> list[str]:
    """The weeks' column labels ("Week 1", "2", "Weeks 5–8", "9–12"): the chart's plain texts
    of numbers (a step's number on its mark is bold)."""
    return [t.text for t in svg.iter(f"{SVG}text") if t.text and t.get("font-weight") != "bold"
            and re.fullmatch(r"(Weeks? )?\d+(–\d+)?", t.text)]


def test_weeks_are_named_as_everywhere_else_in_the_playbook(sample):
    """"Week 1" as in the schedule and the cadence tables, not "W1": the first column says
    "Week", the others their number where "Week 12" does not fit."""
    for cadence, svg in charts(sample):
        labels = _week_labels(svg)
        assert re.fullmatch(r"Weeks? 1(–\d+)?", labels[0]), (cadence.name, labels)
        assert not any(re.match(r"W\d", t.text or "") for t in svg.iter(f"{SVG}text"))
        named = [label.startswith("Week") for label in labels[1:]]
        assert all(named) or not any(named), labels  # all named, or numbers after "Week 1"


def test_a_last_column_of_one_week_is_named_by_its_week_alone(sample):
    """The app's chart in a narrow window pairs the weeks: 13 weeks ended in "13–13"."""
    cadence = sample.cadences[0]
    weeks = max(step.day for step in cadence.steps) // 7 + 1
    assert weeks % 2 == 1
    for width in (260.0, 320.0, 380.0):
        labels = _week_labels(ElementTree.fromstring(
            str(cadence_timeline_svg(cadence, sample, width=width))))
        paired = [label for label in labels if "–" in label]
        assert paired, (width, labels)  # narrow enough to pair the weeks
        assert not any(re.fullmatch(r"(Weeks )?(\d+)–\2", label) for label in labels), labels
        assert labels[-1].split()[-1] == str(weeks), labels


def test_two_weeks_labels_never_run_together(sample):
    """"Week 10" and "Week 11" printed a millimetre apart read as one label: each label has
    3 mm of white at least to its neighbour's, else the weeks after the first are numbers."""
    for weeks in (8, 10, 11, 12, 13):  # columns narrower and narrower
        plan = sample.model_copy(deep=True)
        last = max(step.day for step in plan.cadences[0].steps)
        for step in plan.cadences[0].steps:
            step.day = step.day * (7 * weeks - 3) // last
        svg = ElementTree.fromstring(str(cadence_timeline_svg(plan.cadences[0], plan)))
        first = next(t for t in svg.iter(f"{SVG}text") if t.text == "Week 1")
        texts = [t for t in svg.iter(f"{SVG}text") if t.get("y") == first.get("y")
                 and re.fullmatch(r"(Week )?\d+", t.text or "")]
        spans = sorted((float(t.get("x")) - text_width(t.text, FS_XS) / 2,
                        float(t.get("x")) + text_width(t.text, FS_XS) / 2) for t in texts)
        gaps = [b[0] - a[1] for a, b in zip(spans, spans[1:], strict=False)]
        assert len(spans) == weeks and min(gaps) >= 3 * 72 / 25.4 - 0.01, (weeks, gaps)


def test_every_mark_lies_wholly_inside_its_weeks_column(sample):
    """A day-0 touch is drawn in week 1, not astride its left edge (nor a day-6 one in week 2)."""
    for cadence, svg in charts(sample):
        bands = [_box(r) for r in svg.iter(f"{SVG}rect") if r.get("fill") and r.get("height")
                 and float(r.get("height")) > 40]
        left, width = bands[0][0], bands[0][2] - bands[0][0]
        firsts = [int(re.search(r"\d+", text).group()) for text in _week_labels(svg)]
        per = firsts[1] - firsts[0] if len(firsts) > 1 else cadence.span_days // 7 + 1
        for step, box in zip(cadence.ordered_steps(), _marks(svg), strict=True):
            column = step.day // (7 * per)
            assert left + column * width <= box[0] and box[2] <= left + (column + 1) * width, \
                (cadence.name, step.day)


def test_day_0_is_inside_week_1_and_days_have_ticks(sample):
    cadence = sample.cadences[0]
    svg = ElementTree.fromstring(str(cadence_timeline_svg(cadence, sample)))
    first_band = next(_box(r) for r in svg.iter(f"{SVG}rect") if r.get("height")
                      and float(r.get("height")) > 40)
    day0 = next(b for s, b in zip(cadence.ordered_steps(), _marks(svg), strict=True) if s.day == 0)
    assert first_band[0] < day0[0] and day0[2] < first_band[2]
    ticks = _ticks(svg)
    weeks = cadence.span_days // 7 + 1
    assert len(ticks) == 7 * weeks  # a tick for each day of each week


def test_step_numbers_touch_no_mark_no_line_and_no_other_number(sample):
    for cadence, svg in charts(sample):
        numbers = _numbers(svg)
        printed = []  # every step numbered once; marks drawn on one another share "4, 5", "4–6"
        for text, _ in numbers:
            for item in text.split(", "):
                first, _, last = item.partition("–")
                printed += range(int(first), int(last or first) + 1)
        assert sorted(printed) == list(range(1, len(cadence.steps) + 1)), cadence.name
        lines = [(x1, y1 - 0.4, x2, y2 + 0.4) for x1, y1, x2, y2 in _segments(svg)]
        for i, (text, box) in enumerate(numbers):
            assert not any(_overlap(box, m) for m in _marks(svg)), (cadence.name, text)
            assert not any(_overlap(box, ln) for ln in lines), (cadence.name, text)
            assert not any(_overlap(box, other) for _, other in numbers[i + 1:]), \
                (cadence.name, text)


def test_step_numbers_stand_clear_of_the_day_ticks_at_every_cadence_length(sample):
    """The first lane's numbers touched the ticks above the weeks ("2", "7", "13" on the
    sample's phone lane; at 3 pt they still looked touching above weeks 5 and 13): 5 pt apart
    at least, whatever the cadence's length (a tick a day up to a column a week, a tick a week
    when a column holds several)."""
    plans = [sample, crowded(), long_cadence()]
    for weeks in (1, 2, 5, 13, 20, 30, 52, 104):
        cadence = Cadence(name=f"{weeks} weeks", steps=[
            CadenceStep(day=d, channel=Channel.PHONE, is_ask=d == 0)
            for d in sorted({0, 1, 7 * weeks // 2, 7 * weeks - 1})])
        plans.append(Plan(name="Length", cadences=[cadence]))
    for plan in plans:
        for cadence in plan.cadences:
            svg = ElementTree.fromstring(str(cadence_timeline_svg(cadence, plan)))
            ticks = max(y2 for _x1, _y1, _x2, y2 in _ticks(svg))
            top = min(box[1] for _text, box in _numbers(svg))
            assert top - ticks >= 5, (cadence.name, top - ticks)


def test_chart_text_prints_at_8_or_9_pt_unscaled(sample):
    """The SVG's width in points is its viewBox's: one unit is one point on paper."""
    for plan in (sample, crowded()):
        for cadence in plan.cadences:
            svg = ElementTree.fromstring(str(cadence_timeline_svg(cadence, plan)))
            view = [float(v) for v in svg.get("viewBox").split()]
            assert svg.get("width") == f"{view[2]:.2f}pt"
            assert svg.get("height") == f"{view[3]:.2f}pt"
            assert view[2] == pytest.approx(PRINT_WIDTH[plan.basics.page_size], abs=0.01)
            sizes = {t.get("font-size") for t in svg.iter(f"{SVG}text")}
            assert sizes <= {"8", "9"}, sizes
    letter = crowded()
    letter.basics.page_size = "Letter"
    svg = ElementTree.fromstring(str(cadence_timeline_svg(letter.cadences[0], letter)))
    assert float(svg.get("viewBox").split()[2]) == pytest.approx(PRINT_WIDTH["Letter"], abs=0.01)


@pytest.mark.parametrize("brand", ["#1F4E79", "#C0392B", "#2E7D32", "#FFD400"])
def test_channels_differ_by_shape_and_by_a_tint_of_the_brand(brand):
    """Seven shapes (a greyscale print still tells the channels apart) in seven tints of one
    hue, the brand's, light to dark: not seven unrelated colours."""
    plan = crowded(brand)
    svg = ElementTree.fromstring(str(cadence_timeline_svg(plan.cadences[0], plan)))
    keys = {}
    for g in (g for g in svg.iter(f"{SVG}g") if g.get("class") == "step"):
        body = list(g)[-1]  # the mark (a ring comes first)
        points = len(body.get("points", "").split()) if body.get("points") else 0
        keys.setdefault((body.tag, points), set()).add(body.get("fill"))
    assert len(keys) == len(Channel)  # seven distinct shapes
    fills = {next(iter(f)) for f in keys.values()}
    assert all(len(f) == 1 for f in keys.values()) and len(fills) == len(Channel)

    def hls(colour: str) -> tuple[float, float, float]:
        return colorsys.rgb_to_hls(*(int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)))

    hue = hls(brand)[0]
    lightness = sorted(hls(f)[1] for f in fills)
    assert all(abs(hls(f)[0] - hue) < 0.02 or hls(f)[2] < 0.05 for f in fills)
    steps = [b - a for a, b in zip(lightness, lightness[1:], strict=False)]
    assert min(steps) > 0.03  # seven steps of grey


def test_the_app_draws_the_chart_in_its_palettes_colours(sample):
    ink = Ink(text="#EEEEEE", muted="#BBBBBB", band="#333333", line="#555555", tick="#777777",
              ring="#FFFFFF", edge="#EEEEEE")
    svg = str(cadence_timeline_svg(sample.cadences[0], sample, ink))
    assert 'fill="#EEEEEE"' in svg and 'fill="#333333"' in svg and 'stroke="#EEEEEE"' in svg
    assert "#2B3340" not in svg and "#F3F5F8" not in svg


# --- the steps table --------------------------------------------------------------------------
def test_steps_link_to_their_script_instead_of_printing_it(sample):
    """Each script is printed once, in the touches chapter; a cadence's steps point to it."""
    for rep in (None, sample.reps[0].name):
        html = render_playbook_html(sample, rep_name=rep)
        start = html.index('id="cad-1"')
        cadences = html[start:html.index("</section>", start)]  # the chapter with the cadences
        for touch in sample.touches:
            first = touch.message.split("\n")[0][:60]
            assert first and first not in cadences.replace("&#34;", '"').replace("&#39;", "'")
        ctx = build_context(sample, rep_name=rep)
        for cadence in ctx["cadences"]:
            for step in cadence["steps"]:
                assert step["script"] and f'href="{step["script"]}"' in html
                assert html.count(f'id="{step["script"][1:]}"') == 1  # the touch's card


def test_a_step_without_a_touch_or_a_script_says_so():
    touch = ValueTouch(title="Not written", channel=Channel.EMAIL)
    plan = Plan(name="P", touches=[touch], cadences=[Cadence(name="C", steps=[
        CadenceStep(day=0, channel=Channel.PHONE),
        CadenceStep(day=2, channel=Channel.EMAIL, touch_id=touch.id)])])
    html = render_playbook_html(plan)
    table = html[html.index('<table class="steps"'):]
    assert "No touch chosen" in table and "none yet" in table and "script-ref" not in table


def test_a_cadence_no_account_follows_is_one_line_in_the_leaders_edition(sample):
    """With one tier A account, the B and C campaign was printed with its chart and steps, at a
    glance and in the call cards' days ("Tier B, C"), and at a glance counted "0 Strong fit":
    the leader's edition names it in one line, "no accounts yet"; a plan with no accounts yet
    prints every cadence."""
    account = next(a for a in sample.accounts if a.tier == "A")
    rep = sample.reps[0].model_copy(update={"account_ids": [account.id]})
    one = sample.model_copy(update={"accounts": [account], "reps": [rep]})
    idle = next(c for c in sample.cadences if "A" not in c.tiers)
    context = build_context(one)
    assert [c["name"] for c in context["cadences"]] == [c.name for c in sample.cadences
                                                        if c is not idle]
    assert [c["name"] for c in context["glance"]["cadences"]] == [context["cadences"][0]["name"]]
    assert [t["tier"] for t in context["glance"]["tiers"]] == ["A"]
    html = render_playbook_html(one)
    assert f"{idle.name} (Tier B, C, 10 touches): no accounts yet." in html
    assert "Tier B" not in html.replace(f"{idle.name} (Tier B, C", "")
    empty = sample.model_copy(update={"accounts": []})
    assert len(build_context(empty)["cadences"]) == len(sample.cadences)


def test_one_far_step_keeps_labels_key_and_marks_apart(sample):
    """A step on day 400: "Weeks 1–4" ran into "5–8" and into the key ("Meeting ask"), "53–56"
    touched "57–58", and days 3 and 12 of one lane were drawn on one another ("2, 4")."""
    plan = sample.model_copy(deep=True)
    cadence = plan.cadences[0]
    cadence.steps[-1].day = 400
    svg = ElementTree.fromstring(str(cadence_timeline_svg(cadence, plan)))
    texts = [t for t in svg.iter(f"{SVG}text") if t.get("font-weight") != "bold"
             and t.get("y") == next(t for t in svg.iter(f"{SVG}text")
                                    if re.fullmatch(r"Weeks? 1(–\d+)?", t.text or "")).get("y")]
    boxes = []
    for t in texts:
        x, width = float(t.get("x")), text_width(t.text, FS_XS)
        boxes.append((x - width / 2, x + width / 2) if t.get("text-anchor") == "middle"
                     else (x, x + width))
    boxes.sort()
    gaps = [b[0] - a[1] for a, b in zip(boxes, boxes[1:], strict=False)]
    assert any(t.text == "Meeting ask" for t in texts) and min(gaps) >= 3 * 72 / 25.4 - 0.01, \
        [(t.text, round(g, 1)) for t, g in zip(texts, gaps, strict=False)]
    marks = _marks(svg)
    for i, a in enumerate(marks):
        for b in marks[i + 1:]:
            assert not _overlap(a, b), (a, b)
    assert all(", " not in text and "–" not in text for text, _ in _numbers(svg))
