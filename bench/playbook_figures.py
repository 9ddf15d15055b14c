"""The playbook's design figures (issue 16): white space, type sizes, repeats, PDF/UA, speed.

    .venv/bin/python bench/playbook_figures.py                    # render the sample's leader and
                                                                  # Jonas Albrecht's edition
    .venv/bin/python bench/playbook_figures.py --rep "Mette Sørensen" --runs 3
    .venv/bin/python bench/playbook_figures.py leader.pdf rep.pdf # measure PDFs made elsewhere
    .venv/bin/python bench/playbook_figures.py --results          # also write the section
                                                                  # "Playbook design figures" of
                                                                  # bench/RESULTS.md
    .venv/bin/python bench/playbook_figures.py --against /tmp/base --runs 3
                        # and time the layout per page here and with the code in /tmp/base
                        # (git worktree add /tmp/base c0c1ad4), taking turns

Per edition it prints a table and, per budget of issue 16, "ok" or "missed"; the exit code is 1
if a budget is missed. ``measure_pdf()`` returns the figures of one PDF, ``run()`` those of the
rendered sample (``bench/run_all.py`` calls it).

Definitions (the same in bench/README.md):

* **Body pages**: every page but the cover (the pages before the first element with an id) and
  the contents (the pages from the contents' element, id ``sec-contents``, up to the next
  chapter's that hold a link, whatever the language: a page with only a note on it is a body
  page).
* **Text area**: the page inside its margins (those of the ``@page`` rule in
  templates/playbook/css/00-base.css, 24/18/20/18 mm today; ``--margins`` overrides them), so the
  running heads and feet, which sit in the margins, are left out.
* **White share of a page**: the page is rendered to a bitmap (``--dpi``, 72 by default: one
  pixel a point) with pypdfium2, in grey. A pixel is *ink* if its grey level is below 215 of 255
  (darker than a pale tint): text, icons, dark rules and brand-coloured bars are ink; paper, pale
  card backgrounds and hairline borders are not (an empty tinted box is as empty as paper; with
  this threshold the figures of today's sample come out as the issue's review saw them, 40% and
  45%; counting every pixel below 250 as ink gives 28% and 34%). A row of pixels of the
  text area is empty if it holds no ink. The white of a page is (1) every band of consecutive
  empty rows at least 4 mm tall (smaller gaps, the space between lines, paragraphs and cards,
  are ignored), plus (2) for each strip between such bands, the empty space right of the strip's
  rightmost ink if it is at least 4 mm wide (an unfilled column of a card grid, a short last
  row), the strip's height times that width. Its share is that area over the text area's area.
  The edition's figure is the mean over its body pages; a page is *more than half white* above
  0.5. ``--no-right`` counts (1) only.
* **Font sizes**: every non-space character's size on paper (pypdfium2: the character's font
  size times the scale of its matrix, which includes WeasyPrint's px-to-pt transform and any
  scaling of an SVG), rounded to 0.1 pt, over every page (cover, contents and running heads
  included). *Under 8.5 pt*: the share of characters whose rounded size is below 8.5.
  *Distinct sizes*: how many rounded sizes occur at all.
* **Repeated sentences**: the text of every page's text area (the cover whole), in page order,
  joined, whitespace collapsed, split after ``.``, ``!``, ``?`` or ``…`` followed by a space;
  sentences of at least 8 words that occur more than once *and hold 8 consecutive words of one
  of the plan's own texts* (any string of the plan file but names, titles, objections'
  words and discovery questions, ``LABEL_FIELDS``: ``--plan``, the sample by default) are
  counted once each (the figure), with how many copies they have in all (the details). The
  second condition keeps the figure to "sentences of the plan" as issue 16 words it: a form's
  labels ("Connected Message left Meeting booked" after each schedule entry) or a touch's title
  on each day it is scheduled run on in the PDF's text without a full stop, and are not the
  plan's sentences printed twice.
  *The one deliberate exception, call cards*: a page that a named destination ``card-…`` (an
  element ``<article class="call-card" id="card-…">``, one page each) points to is a call card.
  A card carries its texts in full, and an item on several personas' cards is printed on each
  of them: the copies on card pages count as one copy together. So a sentence counts if it is
  printed twice outside the cards, or once outside and on any card; never for being on two
  cards. (Each card page is split into sentences alone, the other pages joined as above.)
* **The plan's running text under 10 pt**: the words of the page (call cards, cover and contents
  aside) that are part of 8 consecutive words of one of the plan's texts (as for repeated
  sentences: a persona's description, an account's reason, a talk track, an objection in full),
  each at its smallest character's size; the share of their characters under 10 pt, body size.
  What is left under it is in tables (the overview's trigger, a cadence step's objective) or
  metadata (a touch's asset). The call cards are left out: one page each, their sizes are
  measured to fit (prospector/playbook/limits.py). Reported, no budget.
* **Stranded lines** (``stranded_lines()``): from the PDF's lines of text (glyphs whose
  baselines are within 3 pt, the columns of a row together): a heading or label (every
  character bold) as a page's last line; a label with one line under it, or a line ending in a
  colon, as a page's last lines, what they introduce overleaf (a talk track's intro); a table's
  head (the lines the next page repeats) with one row under it at a page's foot; one table row
  (its first line in cells 4 mm apart, at most 4 lines, no line of running text) or one line of
  a paragraph alone at a page's top before the next heading or the end of the text. Budget 0
  (issue 16: "no single lines stranded at a page's top or foot").
* **PDF/UA**: the findings of severity *error* of the ``pdfua`` checker (``pdfua.validate``);
  "n/a" if it is not installed (``pip install -e '.[test]'``).
* **Seconds per page**: WeasyPrint's layout (``RenderResult.timings["layout"]``) and the whole
  render, each divided by the pages; the fastest of ``--runs`` renders (this VM is shared: the
  minimum is the least disturbed figure). Only when this script renders the PDFs. ``--against
  TREE`` also renders the sample with another checkout's code, in fresh processes taking turns
  with this checkout's (the current folder if it is one, else the script's), and says whether
  the layout per page here is within 5% of TREE's or faster.

Budgets (issue 16): white <= 15% (leader) and <= 20% (rep); at most 1 body page more than half
white; at most 20% of characters under 8.5 pt; at most 7 distinct sizes; no repeated sentence;
no PDF/UA error; no stranded line. Seconds per page are reported against the baseline measured
before the redesign (``BASELINE_LAYOUT_S_PER_PAGE``), not as a budget: this machine's speed
varies by 2-3x.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
# The checkout whose code renders and whose stylesheet gives the margins: the current folder if it
# is one (another branch can run this script from its own worktree), else this script's.
ROOT = Path.cwd() if (Path.cwd() / "prospector" / "playbook").is_dir() else BENCH.parent
SAMPLE_PLAN = ROOT / "assets" / "samples" / "sample-plan.json"
sys.path.insert(0, str(ROOT))

MM = 72 / 25.4  # points per millimetre
MIN_GAP_MM = 4.0
INK_BELOW = 215  # grey level (0-255) under which a pixel is ink (see the doc)
SMALL_PT = 8.5
PROSE_PT = 10.0  # body text, the least for the plan's running text (issue 16)
MIN_WORDS = 8
DEFAULT_MARGINS_MM = (24.0, 18.0, 20.0, 18.0)  # top, right, bottom, left
SECTION = "## Playbook design figures"
# Layout seconds per page of the sample before the redesign (commit c0c1ad4, 2026-12-02 20:01 UTC,
# fastest of 3 renders in fresh processes on the 2-vCPU VM, machine quiet; under load the same
# code took 0.43 and 0.56: compare branches back to back with --against rather than with these).
BASELINE_LAYOUT_S_PER_PAGE = {"leader": 0.105, "rep": 0.112}


# --- the page's geometry -------------------------------------------------------------------------
def css_margins_mm(css: Path | None = None) -> tuple[float, float, float, float]:
    """The margins (top, right, bottom, left, in mm) of the first plain ``@page`` rule of the
    playbook's base stylesheet; the defaults if it cannot be read."""
    css = css or ROOT / "templates" / "playbook" / "css" / "00-base.css"
    try:
        text = css.read_text("utf-8")
    except OSError:
        return DEFAULT_MARGINS_MM
    rule = re.search(r"@page\s*\{(.*?)(?:@|\})", text, re.DOTALL)
    found = rule and re.search(r"(?<![-\w])margin\s*:\s*([^;]+);", rule.group(1))
    if not found:
        return DEFAULT_MARGINS_MM
    values = [float(v[:-2]) for v in found.group(1).split() if v.endswith("mm")]
    if not values or len(values) != len(found.group(1).split()):
        return DEFAULT_MARGINS_MM
    top, right, bottom, left = (values * 4)[:4] if len(values) == 1 else (
        (values[0], values[1], values[0], values[1]) if len(values) == 2 else
        (values[0], values[1], values[2], values[1]) if len(values) == 3 else tuple(values[:4]))
    return top, right, bottom, left


def named_pages(pdf) -> dict[str, int]:
    """Each named destination of the PDF (an element's id: "sec-contents", "acc-3f9a") and the
    index of its page: what WeasyPrint wrote whatever the edition's language."""
    import ctypes  # noqa: PLC0415 - loaded when measuring, not to import the module

    import pypdfium2.raw as raw  # noqa: PLC0415 - loaded when measuring, not to import the module

    pages = {}
    for i in range(raw.FPDF_CountNamedDests(pdf)):
        size = ctypes.c_long(0)
        raw.FPDF_GetNamedDest(pdf, i, None, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        dest = raw.FPDF_GetNamedDest(pdf, i, buffer, ctypes.byref(size))
        if dest:
            name = buffer.raw[:size.value].decode("utf-16-le").rstrip("\x00")
            pages[name] = raw.FPDFDest_GetDestPageIndex(pdf, dest)
    return pages


def excluded_pages(pdf) -> set[int]:
    """Indexes of the cover and the contents pages (see the module's doc), found by what they
    hold, in any language: the cover is every page before the first element with an id (the
    cover has none; none when the edition prints no cover), the contents the pages from the
    contents' element (``sec-contents``) up to the next chapter's that hold a link (the
    contents' lines): a page the contents run on to with only a note is a body page."""
    named = named_pages(pdf)
    first = min((i for i in named.values() if i >= 0), default=1)
    skip = set(range(first))
    chapters = {name: index for name, index in named.items()
                if name.startswith("sec-") and index >= 0}
    start = chapters.pop("sec-contents", None)
    if start is not None:
        end = min((i for i in chapters.values() if i > start), default=start + 1)
        skip.update(i for i in range(start, end) if i == start or _links(pdf, i))
    return skip


def _links(pdf, index: int) -> int:
    """How many links the page ``index`` holds."""
    import ctypes  # noqa: PLC0415 - loaded when measuring, not to import the module

    import pypdfium2.raw as raw  # noqa: PLC0415 - loaded when measuring, not to import the module

    page, position, link, count = pdf[index], ctypes.c_int(0), raw.FPDF_LINK(), 0
    while raw.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        count += 1
    return count


# --- white ---------------------------------------------------------------------------------------
@dataclass
class PageWhite:
    bands: float  # share of the text area in empty bands >= 4 mm tall
    right: float  # share in empty space >= 4 mm wide right of a strip's content

    @property
    def share(self) -> float:
        return self.bands + self.right


def page_white(page, margins_mm, dpi: float, right: bool = True) -> PageWhite:
    """The white share of one page's text area (see the module's doc)."""
    scale = dpi / 72
    bitmap = page.render(scale=scale, draw_annots=False, grayscale=True)
    image = bitmap.to_pil().convert("L")
    px_mm = dpi / 25.4
    top, rgt, bottom, left = (round(m * px_mm) for m in margins_mm)
    width, height = image.size
    area = image.crop((left, top, width - rgt, height - bottom))
    ink = area.point(lambda v: 255 if v < INK_BELOW else 0)
    w, h = ink.size
    _columns, rows = ink.getprojection()
    gap = MIN_GAP_MM * px_mm
    white_rows = 0
    strips: list[tuple[int, int]] = []  # content strips between the counted bands
    start = 0
    y = 0
    while y < h:
        if rows[y]:
            y += 1
            continue
        end = y
        while end < h and not rows[end]:
            end += 1
        if end - y >= gap:
            white_rows += end - y
            if y > start:
                strips.append((start, y))
            start = end
        y = end
    if start < h:
        strips.append((start, h))
    right_area = 0
    if right:
        for a, b in strips:
            columns, _rows = ink.crop((0, a, w, b)).getprojection()
            last = max((x for x, v in enumerate(columns) if v), default=-1)
            empty = w - 1 - last
            if empty >= gap and last >= 0:
                right_area += empty * (b - a)
    return PageWhite(white_rows / h, right_area / (w * h))


# --- characters ----------------------------------------------------------------------------------
def char_sizes(pdf) -> Counter:
    """Non-space characters per size on paper (pt, rounded to 0.1), over every page."""
    import pypdfium2.raw as raw  # noqa: PLC0415 - loaded when measuring, not to import the module

    sizes: Counter = Counter()
    matrix = raw.FS_MATRIX()
    for page in pdf:
        text = page.get_textpage()
        for k in range(text.count_chars()):
            code = raw.FPDFText_GetUnicode(text, k)
            if code in (0, 2) or chr(code).isspace():
                continue
            size = raw.FPDFText_GetFontSize(text, k)
            if raw.FPDFText_GetMatrix(text, k, matrix):
                size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
            sizes[round(size, 1)] += 1
        text.close()
    return sizes


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_WORD = re.compile(r"\w+")


def page_texts(pdf, margins_mm, excluded: set[int]) -> list[str]:
    """Each page's text inside its text area (the cover: the whole page)."""
    top, rgt, bottom, left = (m * MM for m in margins_mm)
    out = []
    for i, page in enumerate(pdf):
        width, height = page.get_size()
        text = page.get_textpage()
        if i == 0:
            out.append(text.get_text_range())
        else:
            out.append(text.get_text_bounded(left=left, bottom=bottom, right=width - rgt,
                                             top=height - top))
        text.close()
    return out


def _runs(text: str) -> set[tuple[str, ...]]:
    """Every run of MIN_WORDS consecutive words of ``text`` (lower case, words only)."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + MIN_WORDS]) for i in range(len(words) - MIN_WORDS + 1)}


# Fields that name a thing (a touch's title, a target's metric): labels a schedule or a table
# repeats by design, one per line it is on, not sentences. An objection's words ("says") name it
# too: the objection library's heading prints them whole above the page of the call card that
# holds its response (as prospector.editing.LABEL_FIELDS counts them a label). So does a
# discovery question: the questions chapter prints each whole (a rep reads them from there) and
# a call card prints its persona's likeliest three again, the line to ask beside the phone.
LABEL_FIELDS = frozenset({"name", "title", "metric", "role", "label", "says", "question"})


def plan_runs(plan_file: str | Path = SAMPLE_PLAN) -> set[tuple[str, ...]]:
    """The runs of MIN_WORDS words of every text of a plan file (its JSON's strings), names and
    titles (LABEL_FIELDS) left out."""
    found: set[tuple[str, ...]] = set()
    stack = [json.loads(Path(plan_file).read_text("utf-8"))]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found |= _runs(item)
        elif isinstance(item, dict):
            stack.extend(v for k, v in item.items() if k not in LABEL_FIELDS)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def prose_words(pdf, runs: set[tuple[str, ...]], skip: set[int]) -> list[tuple[int, str, float]]:
    """The words of the plan's running text an edition prints, outside the pages ``skip``: each
    word (page index, word, its smallest size in pt) that is part of MIN_WORDS consecutive words
    of one of the plan's texts (``plan_runs()``): a persona's description, an account's reason,
    a talk track... A title or a table's short cell is not (names and titles are left out of
    the runs, and a cell of fewer than MIN_WORDS words holds none)."""
    import pypdfium2.raw as raw  # noqa: PLC0415 - loaded when measuring, not to import the module

    out = []
    matrix = raw.FS_MATRIX()
    for index, page in enumerate(pdf):
        if index in skip:
            continue
        text = page.get_textpage()
        words: list[tuple[str, float]] = []
        word, smallest = [], 99.0
        for k in range(text.count_chars() + 1):
            char = chr(raw.FPDFText_GetUnicode(text, k)) if k < text.count_chars() else " "
            if _WORD.fullmatch(char):
                size = raw.FPDFText_GetFontSize(text, k)
                if raw.FPDFText_GetMatrix(text, k, matrix):
                    size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
                word.append(char.lower())
                smallest = min(smallest, round(size, 1))
            elif char in "\x02\xad" or (char == "-" and word):
                continue  # a hyphen or soft hyphen inside a word
            elif word:
                words.append(("".join(word), smallest))
                word, smallest = [], 99.0
        text.close()
        marked = [False] * len(words)
        for i in range(len(words) - MIN_WORDS + 1):
            if tuple(w for w, _s in words[i:i + MIN_WORDS]) in runs:
                marked[i:i + MIN_WORDS] = [True] * MIN_WORDS
        out += [(index, w, s) for (w, s), m in zip(words, marked, strict=True) if m]
    return out


def card_pages(pdf) -> set[int]:
    """Indexes of the call cards' pages: those a named destination ``card-…`` points to."""
    import ctypes  # noqa: PLC0415 - loaded when measuring, not to import the module

    import pypdfium2.raw as raw  # noqa: PLC0415 - loaded when measuring, not to import the module

    found = set()
    for i in range(raw.FPDF_CountNamedDests(pdf.raw)):
        size = ctypes.c_long(0)
        raw.FPDF_GetNamedDest(pdf.raw, i, None, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        dest = raw.FPDF_GetNamedDest(pdf.raw, i, buffer, ctypes.byref(size))
        name = buffer.raw[:size.value].decode("utf-16-le").rstrip("\x00")
        if dest and name.startswith("card-"):
            found.add(raw.FPDFDest_GetDestPageIndex(pdf.raw, dest))
    return found


def _sentences(texts: list[str]) -> list[str]:
    joined = " ".join(texts).replace("\x02", "").replace("\xad", "")
    joined = re.sub(r"\s+", " ", joined)
    return [s.strip() for s in _SENTENCE_END.split(joined) if len(s.split()) >= MIN_WORDS]


def repeated_sentences(texts: list[str], plan: set[tuple[str, ...]] | None = None,
                       cards: set[int] = frozenset()) -> dict[str, int]:
    """Sentences of at least MIN_WORDS words printed more than once -> how many times; with
    ``plan`` (``plan_runs()``), only those holding MIN_WORDS consecutive words of the plan.
    The pages ``cards`` (indexes of ``texts``: call cards, ``card_pages()``) count as one copy
    of each sentence they hold, however many of them hold it (see the module's doc)."""
    counts = Counter(_sentences([t for i, t in enumerate(texts) if i not in cards]))
    on_cards = {s for i in cards if i < len(texts) for s in _sentences([texts[i]])}
    counts.update(on_cards)
    return {s: n for s, n in counts.items()
            if n > 1 and (plan is None or _runs(s) & plan)}


# --- PDF/UA --------------------------------------------------------------------------------------
def pdfua_errors(path: Path) -> tuple[int | None, Counter]:
    """(errors, errors per rule) of the pdfua checker; (None, {}) if it is not installed."""
    try:
        from pdfua import Severity, validate  # noqa: PLC0415 - loaded when measuring, not to import the module
    except ImportError:
        return None, Counter()
    report = validate(str(path))
    rules = Counter(f.rule_id for f in report.findings if f.severity == Severity.ERROR)
    return sum(rules.values()), rules


# --- one PDF -------------------------------------------------------------------------------------
@dataclass
class Figures:
    label: str
    path: Path
    pages: int
    body_pages: list[int]  # 1-based page numbers
    white: dict[int, PageWhite]
    sizes: Counter
    repeats: dict[str, int]
    pdfua: int | None
    pdfua_rules: Counter
    edition: str = "leader"  # or "rep"
    seconds: list[float] = field(default_factory=list)  # whole renders
    layout: list[float] = field(default_factory=list)  # WeasyPrint's layout
    prose: Counter = field(default_factory=Counter)  # the plan's running text: characters by size
    stranded: list = field(default_factory=list)  # Stranded lines


    @property
    def mean_white(self) -> float:
        shares = [self.white[p].share for p in self.body_pages]
        return sum(shares) / len(shares) if shares else 0.0

    @property
    def half_white(self) -> list[int]:
        return [p for p in self.body_pages if self.white[p].share > 0.5]

    @property
    def small_share(self) -> float:
        total = sum(self.sizes.values())
        return sum(n for s, n in self.sizes.items() if s < SMALL_PT) / total if total else 0.0

    @property
    def prose_small(self) -> float:
        total = sum(self.prose.values())
        return sum(n for s, n in self.prose.items() if s < PROSE_PT) / total if total else 0.0

    @property
    def distinct_sizes(self) -> int:
        return len(self.sizes)

    def per_page(self, values: list[float]) -> float | None:
        return min(values) / self.pages if values and self.pages else None


def measure_pdf(path: str | Path, label: str = "", *, margins_mm=None, dpi: float = 72,
                right: bool = True, pdfua: bool = True,
                plan_file: str | Path = SAMPLE_PLAN) -> Figures:
    """Every figure of one playbook PDF except its speed (see the module's doc)."""
    import pypdfium2 as pdfium  # noqa: PLC0415 - loaded when measuring, not to import the module

    path = Path(path)
    margins_mm = margins_mm or css_margins_mm()
    pdf = pdfium.PdfDocument(str(path))
    try:
        skip = excluded_pages(pdf)
        body = [i for i in range(len(pdf)) if i not in skip]
        white = {i + 1: page_white(pdf[i], margins_mm, dpi, right) for i in body}
        sizes = char_sizes(pdf)
        repeats = repeated_sentences(page_texts(pdf, margins_mm, skip), plan_runs(plan_file),
                                     card_pages(pdf))
        prose: Counter = Counter()
        for _page, word, size in prose_words(pdf, plan_runs(plan_file), skip | card_pages(pdf)):
            prose[size] += len(word)
        stranded = stranded_lines(pdf, margins_mm, skip)
        pages = len(pdf)
        edition = _edition(pdf)
    finally:
        pdf.close()
    errors, rules = pdfua_errors(path) if pdfua else (None, Counter())
    return Figures(label or path.stem, path, pages, [i + 1 for i in body], white, sizes,
                   repeats, errors, rules, edition, prose=prose, stranded=stranded)


def _edition(pdf) -> str:
    """"rep" if the PDF has a chapter only a rep's edition prints (its dated schedule: the
    element ``sec-schedule``), else "leader": in any language."""
    from prospector.sections import LEADER_CHAPTERS, REP_CHAPTERS  # noqa: PLC0415 - ROOT's

    rep_only = {f"sec-{c.id}" for c in REP_CHAPTERS} - {f"sec-{c.id}" for c in LEADER_CHAPTERS}
    return "rep" if rep_only & named_pages(pdf).keys() else "leader"


# --- lines of text and the lines a page strands ---------------------------------------------------
@dataclass(frozen=True)
class Glyph:
    char: str
    size: float  # on paper, pt (rounded to 0.1)
    left: float  # pt from the page's left edge
    right: float
    baseline: float  # pt from the page's top edge
    bold: bool


@dataclass
class Line:
    """One line of the text area: the glyphs whose baselines are within 3 pt, left to right (the
    cells of a table row and the columns of a card share a line)."""
    glyphs: list[Glyph]

    @property
    def text(self) -> str:
        out, last = [], None
        for g in self.glyphs:
            if last is not None and g.left - last.right > 0.25 * g.size:
                out.append(" ")
            out.append(g.char)
            last = g
        return "".join(out)

    @property
    def left(self) -> float:
        return self.glyphs[0].left

    @property
    def right(self) -> float:
        return max(g.right for g in self.glyphs)

    @property
    def baseline(self) -> float:
        return self.glyphs[0].baseline

    @property
    def heading(self) -> bool:
        """A heading or a label: every letter bold (a chapter, part, card or table head, "TALK
        TRACK"), not a number alone."""
        letters = [g for g in self.glyphs if g.char.isalpha()]
        return len(letters) >= 2 and all(g.bold for g in self.glyphs)

    @property
    def cells(self) -> int:
        """Runs of text separated by gaps wider than 4 mm: 2 or more in a table's row."""
        return 1 + sum(1 for a, b in zip(self.glyphs, self.glyphs[1:], strict=False)
                       if b.left - a.right > 4 * MM)


def _font_bold(text, index: int) -> bool:
    import ctypes  # noqa: PLC0415 - loaded when measuring

    import pypdfium2.raw as raw  # noqa: PLC0415 - loaded when measuring

    name = ctypes.create_string_buffer(128)
    raw.FPDFText_GetFontInfo(text, index, name, 128, None)
    return "Bold" in name.value.decode("latin-1")


def page_glyphs(page) -> list[Glyph]:
    """The page's non-space characters in reading order, with their size and place."""
    import ctypes  # noqa: PLC0415 - loaded when measuring

    import pypdfium2.raw as raw  # noqa: PLC0415 - loaded when measuring

    text = page.get_textpage()
    height = page.get_height()
    matrix = raw.FS_MATRIX()
    x, y = ctypes.c_double(), ctypes.c_double()
    out = []
    for k in range(text.count_chars()):
        code = raw.FPDFText_GetUnicode(text, k)
        if code in (0, 2) or chr(code).isspace() or not chr(code).isprintable():
            continue
        size = raw.FPDFText_GetFontSize(text, k)
        if raw.FPDFText_GetMatrix(text, k, matrix):
            size *= abs(matrix.a * matrix.d - matrix.b * matrix.c) ** 0.5
        left, _bottom, right, _top = text.get_charbox(k)
        raw.FPDFText_GetCharOrigin(text, k, ctypes.byref(x), ctypes.byref(y))
        out.append(Glyph(chr(code), round(size, 1), left, right, height - y.value,
                         _font_bold(text, k)))
    text.close()
    return out


def text_lines(page, margins_mm) -> list[Line]:
    """The lines of the page's text area (running heads and feet left out), top to bottom."""
    top, _rgt, bottom, _left = (m * MM for m in margins_mm)
    height = page.get_height()
    inside = [g for g in page_glyphs(page) if top <= g.baseline <= height - bottom]
    lines: list[list[Glyph]] = []
    for g in sorted(inside, key=lambda g: (g.baseline, g.left)):
        if lines and g.baseline - lines[-1][0].baseline <= 3:
            lines[-1].append(g)
        else:
            lines.append([g])
    return [Line(sorted(line, key=lambda g: g.left)) for line in lines]


@dataclass(frozen=True)
class Stranded:
    page: int  # from 1
    kind: str
    text: str

    def __str__(self) -> str:
        return f"p. {self.page}: {self.kind}: \"{self.text[:60]}\""


def _rows(lines: list[Line]) -> int:
    """How many table rows (or paragraphs' first lines) ``lines`` hold: the lines that start
    within 6 pt of the leftmost text of them (a tier badge under a group's row starts a few
    points in; a cell's wrapped line starts a column further right)."""
    left = min(line.left for line in lines)
    return sum(1 for line in lines if line.left <= left + 6)


def _repeated_head(lines: list[Line], before: list[Line]) -> int:
    """How many of a page's first lines repeat lines of the page before: a table's head (or a
    week's title) printed again above the rows that run on."""
    printed = {line.text for line in before}
    count = 0
    for line in lines:
        bold, size = sum(g.bold for g in line.glyphs), len(line.glyphs)
        if line.text not in printed or bold < size and (count or 2 * bold < size):
            break  # a head is bold (a week's title, its first line: all but its count)
        count += 1
    return count


def _one_row(block: list[Line], width: float) -> bool:
    """``block`` is one table row: its first line has cells, it starts one row, holds at most
    four lines and no line of running text (a single cell wider than 60% of the text area)."""
    return (block[0].cells > 1 and _rows(block) == 1 and len(block) <= 4
            and max(g.size for line in block for g in line.glyphs) < 12  # not a title
            and not any(line.cells == 1 and line.right - line.left > 0.6 * width
                        for line in block))


def _ends_a_row(lines: list[Line]) -> bool:
    """The page's last line, bold, is the wrapped end of a table row's bold cell (a target's
    long name), not a heading: the bold lines above it, each close under the one before, go up
    to the row's first line, whose other cells are not bold."""
    k = len(lines) - 1
    while k > 0:
        line, above = lines[k], lines[k - 1]
        if line.baseline - above.baseline > 1.6 * line.glyphs[0].size:
            return False  # space above: a heading
        if not above.heading:
            return above.cells > 1
        k -= 1
    return False


def _intro_at_foot(lines: list[Line], after: list[Line]) -> bool:
    """The page's last line introduces what runs on overleaf: a label with one line under it (a
    talk track's box, "MESSAGE / TALK TRACK" and "Talk track (in person or on the phone):"; the
    blank line after it prints nothing), or a line ending in a colon, and the next page goes on
    with text, not a heading."""
    if after[0].heading or lines[-1].heading or lines[-1].cells > 1:
        return False
    labelled = len(lines) > 1 and lines[-2].heading and lines[-2].glyphs[0].size < 9
    return labelled or lines[-1].text.rstrip().endswith(":")


def _ends_a_paragraph(block: list[Line]) -> bool:
    """The block's first line is a paragraph's last: the block's only line, or a gap wider than
    a line's (a paragraph's spacing) under it."""
    return len(block) == 1 or (block[1].baseline - block[0].baseline
                               > 1.6 * block[0].glyphs[0].size)


def stranded_lines(pdf, margins_mm=None, excluded: set[int] | None = None) -> list[Stranded]:
    """The lines a page strands (issue 16: "headings stay with what follows; no single lines
    stranded at a page's top or foot"), found in the printed PDF's lines of text (``Line``):

    * a heading or label (every character bold: a title, "TALK TRACK", a table's head) as the
      last line of a page, what it introduces overleaf (not the last line of a table row whose
      first cell is bold, ``_ends_a_row``); or a label and one line under it, or a line ending
      in a colon, as a page's last lines, the text they introduce overleaf (``_intro_at_foot``);
    * a table's head with one row (at most four lines) under it at a page's foot, the table going
      on overleaf (the next page repeats the head);
    * one table row, or one line of running text, alone at a page's top (under the repeated
      head, if any): the end of a table, or, under a line of the page before that starts at the
      same left (the same box or column), the last line of a paragraph run over from there (its
      lines reach the right margin), or a paragraph of one line alone before the next heading or
      the end of the page's text (a talk track's last line carried away from its box).

    Cover, contents and call cards (one page each) are left out."""
    margins_mm = margins_mm or css_margins_mm()
    skip = excluded_pages(pdf) if excluded is None else excluded
    skip = skip | card_pages(pdf)
    pages = [text_lines(page, margins_mm) for page in pdf]
    width = pdf[0].get_width() - (margins_mm[1] + margins_mm[3]) * MM
    right_edge = pdf[0].get_width() - margins_mm[1] * MM
    found = []
    for n, lines in enumerate(pages):
        if n in skip or not lines:
            continue
        after = pages[n + 1] if n + 1 < len(pages) and n + 1 not in skip else []
        if after and lines[-1].heading and not _ends_a_row(lines):
            found.append(Stranded(n + 1, "heading at a page's foot", lines[-1].text))
        elif after and _intro_at_foot(lines, after):
            found.append(Stranded(n + 1, "an intro at a page's foot", lines[-1].text))
        head = _repeated_head(after, lines) if after else 0
        if head:
            end = max(k for k, line in enumerate(lines) if line.text == after[head - 1].text)
            rows = lines[end + 1:]
            if rows and not lines[-1].heading and _rows(rows) == 1 and len(rows) <= 4:
                found.append(Stranded(n + 1, "table head and one row at a page's foot",
                                      lines[end].text))
        before = pages[n - 1] if n > 0 and n - 1 not in skip else []
        if not before:
            continue
        body = lines[_repeated_head(lines, before):]
        block = []
        for line in body:
            if line.heading and line.glyphs[0].size >= 9 and (
                    not block or line.baseline - block[-1].baseline > 1.6 * line.glyphs[0].size):
                break  # a title or a day's head, space above it; not a label inside a card
                # (8 pt) nor a bold name's second line
            block.append(line)
        if not block or block[0].heading or not (len(block) < len(body)
                                                  or block[-1] is lines[-1]):
            continue  # a page that starts with a heading (of 8 pt: a label) strands nothing
        if all(g.char.isdigit() for g in block[0].glyphs):
            continue  # a chapter's number above its title
        if _one_row(block, width):
            found.append(Stranded(n + 1, "one table row at a page's top", block[0].text))
        elif block[0].cells == 1 and not before[-1].heading and _ends_a_paragraph(block) \
                and abs(before[-1].left - block[0].left) < 2 and (
                    len(block) == 1 or before[-1].right > right_edge - 15 * MM):
            found.append(Stranded(n + 1, "one line at a page's top", block[0].text))
    return found


# --- the sample ----------------------------------------------------------------------------------
def render_sample(folder: Path, rep: str, runs: int = 1, say=print) -> list[tuple]:
    """Render the sample's leader edition and ``rep``'s ``runs`` times each: [(label, path,
    seconds, layout seconds)] (the lists hold one value per run)."""
    from prospector.planfile import read_plan_file  # noqa: PLC0415 - loaded when measuring, not to import the module
    from prospector.playbook import render_playbook_pdf  # noqa: PLC0415 - loaded when measuring, not to import the module
    from prospector.resources import sample_plan_path  # noqa: PLC0415 - loaded when measuring, not to import the module

    plan = read_plan_file(sample_plan_path())
    out = []
    for label, name in (("leader", None), (f"rep ({rep})", rep)):
        path = folder / ("leader.pdf" if name is None else "rep.pdf")
        seconds, layout = [], []
        for run in range(runs):
            result = render_playbook_pdf(plan, path, rep_name=name)
            seconds.append(result.seconds)
            layout.append(result.timings.get("layout", result.seconds))
            say(f"    {label}: run {run + 1}, {result.pages} pages, {result.seconds:.1f} s")
        out.append((label, path, seconds, layout))
    return out


def run(rep: str = "Jonas Albrecht", runs: int = 1, *, dpi: float = 72, right: bool = True,
        keep: Path | None = None, say=print) -> list[Figures]:
    """The figures of the sample's leader edition and ``rep``'s edition, freshly rendered."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = keep or Path(tmp)
        results = []
        for label, path, seconds, layout in render_sample(folder, rep, runs, say):
            figures = measure_pdf(path, label, dpi=dpi, right=right)
            figures.seconds, figures.layout = seconds, layout
            results.append(figures)
        return results


# --- speed against another tree ----------------------------------------------------------------
_TIME_ONE = """
import json, sys, tempfile
from pathlib import Path
from prospector.planfile import read_plan_file
from prospector.playbook import render_playbook_pdf
from prospector.resources import sample_plan_path
plan = read_plan_file(sample_plan_path())
out = {}
with tempfile.TemporaryDirectory() as tmp:
    for edition, rep in (("leader", None), ("rep", sys.argv[1])):
        r = render_playbook_pdf(plan, Path(tmp) / (edition + ".pdf"), rep_name=rep)
        out[edition] = [r.pages, r.seconds, r.timings.get("layout", r.seconds)]
print(json.dumps(out))
"""


def time_trees(trees: list[Path], rep: str, runs: int, say=print) -> dict:
    """Seconds per page of the sample's editions rendered by the code of each tree (a checkout
    or worktree of this repository), in fresh processes taking turns, ``runs`` rounds: {tree:
    {edition: (pages, fastest layout s/page, fastest render s/page)}}."""
    import json  # noqa: PLC0415 - only for --against
    import subprocess  # noqa: PLC0415 - only for --against

    found: dict = {tree: {} for tree in trees}
    for run in range(runs):
        for tree in trees:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            done = subprocess.run([sys.executable, "-c", _TIME_ONE, rep], cwd=tree, env=env,
                                  capture_output=True, text=True, check=True)
            result = json.loads(done.stdout.strip().splitlines()[-1])
            for edition, (pages, seconds, layout) in result.items():
                found[tree].setdefault(edition, []).append((pages, layout / pages,
                                                            seconds / pages))
            say(f"    {tree}: round {run + 1}: " + ", ".join(
                f"{e} {p} pages {sec:.1f} s" for e, (p, sec, _l) in result.items()))
    return {tree: {e: (v[0][0], min(x[1] for x in v), min(x[2] for x in v))
                   for e, v in editions.items()} for tree, editions in found.items()}


def speed_lines(timed: dict) -> list[str]:
    trees = list(timed)
    lines = ["| tree | edition | pages | layout s/page | render s/page |",
             "|:--|:--|--:|--:|--:|"]
    for tree in trees:
        for edition, (pages, layout, whole) in timed[tree].items():
            lines.append(f"| {tree} | {edition} | {pages} | {layout:.3f} | {whole:.3f} |")
    if len(trees) == 2:
        lines.append("")
        for edition in timed[trees[0]]:
            ours, theirs = timed[trees[0]][edition][1], timed[trees[1]][edition][1]
            verdict = "ok" if ours <= theirs * 1.05 else "missed"
            lines.append(f"{edition}: layout per page {ours:.3f} s here, {theirs:.3f} s in "
                         f"{trees[1]} ({100 * (ours / theirs - 1):+.0f}%): {verdict} (not slower "
                         "per page, 5% for noise)")
    return lines


# --- budgets and output --------------------------------------------------------------------------
@dataclass
class Check:
    what: str
    value: float
    limit: float
    shown: str
    budget: str

    @property
    def ok(self) -> bool:
        return self.value <= self.limit


def checks(f: Figures) -> list[Check]:
    white_limit = 0.20 if f.edition == "rep" else 0.15
    out = [
        Check("mean white share of body pages", f.mean_white, white_limit,
              f"{100 * f.mean_white:.0f}%", f"≤ {100 * white_limit:.0f}%"),
        Check("body pages more than half white", len(f.half_white), 1,
              str(len(f.half_white)), "≤ 1"),
        Check("characters under 8.5 pt", f.small_share, 0.20, f"{100 * f.small_share:.0f}%",
              "≤ 20%"),
        Check("distinct font sizes", f.distinct_sizes, 7, str(f.distinct_sizes), "≤ 7"),
        Check("sentences printed more than once", len(f.repeats), 0, str(len(f.repeats)), "0"),
    ]
    if f.pdfua is not None:
        out.append(Check("PDF/UA errors (pdfua)", f.pdfua, 0, str(f.pdfua), "0"))
    out.append(Check("lines stranded at a page's top or foot", len(f.stranded), 0,
                     str(len(f.stranded)), "0"))
    return out


def _speed(f: Figures) -> list[tuple[str, str]]:
    layout, whole = f.per_page(f.layout), f.per_page(f.seconds)
    if layout is None:
        return []
    base = BASELINE_LAYOUT_S_PER_PAGE.get(f.edition)
    note = f" (before the redesign: {base:.3f})" if base else ""
    return [("layout seconds per page", f"{layout:.3f}{note}"),
            ("render seconds per page", f"{whole:.3f}")]


def table(results: list[Figures]) -> list[str]:
    """The figures and budgets as a Markdown table, one column per edition."""
    header = ["figure", *(f"{f.label}: {f.pages} pages" for f in results)]
    rows: list[list[str]] = []
    per_edition = [checks(f) for f in results]
    for k, check in enumerate(per_edition[0]):
        rows.append([check.what, *(f"{c[k].shown} (budget {c[k].budget}): "
                                   + ("ok" if c[k].ok else "**missed**") for c in per_edition)])
    rows.append(["body pages more than half white (pages)",
                 *(", ".join(map(str, f.half_white)) or "none" for f in results)])
    rows.append(["the plan's running text under 10 pt (call cards aside)",
                 *(f"{100 * f.prose_small:.0f}% of {sum(f.prose.values())} characters"
                   for f in results)])
    rows.append(["font sizes (pt: characters)",
                 *("; ".join(f"{s:g}: {n}" for s, n in sorted(f.sizes.items())) for f in results)])
    speeds = [dict(_speed(f)) for f in results]
    for key in ("layout seconds per page", "render seconds per page"):
        if all(key in s for s in speeds):
            rows.append([key, *(s[key] for s in speeds)])
    lines = ["| " + " | ".join(header) + " |", "|:--|" + ":--|" * len(results)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return lines


def details(results: list[Figures]) -> list[str]:
    lines = []
    for f in results:
        pages = ", ".join(f"{p}: {100 * f.white[p].share:.0f}" for p in f.body_pages)
        lines.append(f"- {f.label}, white % per body page: {pages}.")
        for line in f.stranded:
            lines.append(f"- {f.label}, stranded: {line}")
        if f.pdfua_rules:
            lines.append(f"- {f.label}, PDF/UA errors by rule: "
                         + ", ".join(f"{r} {n}" for r, n in f.pdfua_rules.most_common()) + ".")
        for sentence, n in sorted(f.repeats.items(), key=lambda item: -item[1])[:5]:
            lines.append(f"- {f.label}, printed {n} times: \"{sentence[:110]}"
                         + ("…" if len(sentence) > 110 else "") + "\"")
        if len(f.repeats) > 5:
            lines.append(f"- {f.label}: {len(f.repeats) - 5} more sentences printed more "
                         "than once.")
    return lines


def section(results: list[Figures], stamp: str, command: str) -> list[str]:
    return [
        SECTION,
        "",
        f"`{command}` on {stamp}: the sample plan's editions, measured as defined in "
        "[README.md](README.md#playbook-design-figures) (white: empty bands of the text area at "
        "least 4 mm tall, and empty space at least 4 mm wide right of the content; font sizes "
        "on paper, rounded to 0.1 pt). Budgets from issue 16.",
        "",
        *table(results),
        "",
        *details(results),
        "",
    ]


def replace_section(text: str, lines: list[str]) -> str:
    """``text`` with its "Playbook design figures" section replaced by ``lines`` (appended if
    there is none); every other section is kept as it is."""
    kept, skipping, placed = [], False, False
    for line in text.splitlines():
        if line.startswith("## "):
            skipping = line.startswith(SECTION)
            if skipping and not placed:
                kept += lines
                placed = True
        if not skipping:
            kept.append(line)
    if not placed:
        kept = [*(kept if kept else ["# Benchmark results"]), "", *lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept).rstrip() + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path,
                        help="PDFs to measure, in any language (an edition with a rep's dated "
                             "schedule is a rep's, with the rep's budgets); default: render the "
                             "sample's leader and rep editions")
    parser.add_argument("--rep", default="Jonas Albrecht", help="the rep whose edition to render")
    parser.add_argument("--plan", type=Path, default=SAMPLE_PLAN,
                        help="with PDFs: the plan they print, whose sentences count as repeats "
                             "(default: the sample)")
    parser.add_argument("--runs", type=int, default=1, help="renders per edition, for the speed")
    parser.add_argument("--dpi", type=float, default=72)
    parser.add_argument("--margins", help="text area margins in mm: top,right,bottom,left")
    parser.add_argument("--no-right", action="store_true",
                        help="count only empty horizontal bands as white")
    parser.add_argument("--keep", type=Path, help="keep the rendered PDFs in this folder")
    parser.add_argument("--results", nargs="?", const=BENCH / "RESULTS.md", type=Path,
                        help="write the section into this file (default bench/RESULTS.md)")
    parser.add_argument("--details", action="store_true", help="white per page, repeats, rules")
    parser.add_argument("--against", type=Path, metavar="TREE",
                        help="also time the sample's layout per page with the code of TREE (a "
                             "worktree of the commit before the redesign) and of the current "
                             "folder (if a checkout, else this script's), taking turns in fresh "
                             "processes, --runs rounds; prints both")
    args = parser.parse_args(argv)
    margins = tuple(float(v) for v in args.margins.split(",")) if args.margins else None
    if args.pdfs:
        results = [measure_pdf(p, p.stem, margins_mm=margins, dpi=args.dpi,
                               right=not args.no_right, plan_file=args.plan)
                   for p in args.pdfs]
    else:
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        results = run(args.rep, args.runs, dpi=args.dpi, right=not args.no_right, keep=args.keep)
    print("\n".join(table(results)))
    if args.details or args.results:
        print()
        print("\n".join(details(results)))
    print()
    missed = 0
    for f in results:
        for c in checks(f):
            print(f"{f.label:<24} {c.what:<36} {c.shown:>6}  budget {c.budget:<6} "
                  f"{'ok' if c.ok else 'missed'}")
            missed += not c.ok
    if args.against:
        print()
        timed = time_trees([ROOT, args.against.resolve()], args.rep, max(args.runs, 1))
        print("\n".join(speed_lines(timed)))
    if args.results:
        from datetime import datetime  # noqa: PLC0415 - loaded when measuring, not to import the module

        stamp = f"{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}"
        command = ".venv/bin/python bench/playbook_figures.py" + (
            f" --runs {args.runs}" if args.runs != 1 else "")
        old = args.results.read_text("utf-8") if args.results.exists() else ""
        args.results.write_text(replace_section(old, section(results, stamp, command)), "utf-8")
        print(f"wrote the section {SECTION[3:]!r} of {args.results}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
