"""Plan -> context -> HTML (Jinja2) -> PDF (WeasyPrint), for the leader and for each rep."""

from __future__ import annotations

import errno
import gc
import logging
import multiprocessing
import os
import re
import signal
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..atomic import atomic_open, file_stamp, stale_temp_files
from ..errors import InterruptedAfter, ProspectorError
from ..messages import MN_, Note, Quoted, system_reason
from ..model import Plan, Rep
from ..parent_watch import end_with_parent
from ..plan_json import printed_plan_json
from ..resources import assets_dir, templates_dir
from ..sections import LEADER_CHAPTERS, SECTION_BY_KEY, SECTIONS
from ..textnorm import export_name, slugify
from ..wording import (
    unbroken_amounts,
    unbroken_legal_form,
    unbroken_short_slashes,
    unbroken_slashes,
)
from . import (
    layout_speed,
    limits,
    line_ends,
    parse_speed,
    pdf_speed,
    pdf_tags,
    repagination,
    second_layout,
    shaded_boxes,
    table_heads,
)
from .brackets import bracketed
from .context import build_context
from .excerpt import excerpt_accounts
from .fetcher import SafeFetcher
from .languages import tag_languages
from .progress import StageBeat, heartbeat, weasyprint_progress
from .template_cache import kept_templates
from .text_width import line_count, text_mm
from .translations import (
    ENGLISH,
    counted,
    edition_language,
    gettext,
    number,
    printing_in,
    quoted,
    template_gettext,
    template_ngettext,
    template_pgettext,
    translations,
)
from .ua_styles import playbook_html

Progress = Callable[[str, float], None]
PDF_VARIANT = "pdf/ua-1"
FONT_FILES = {  # @font-face family, weight, style -> file in assets/fonts
    ("PB Sans", "normal", "normal"): "NotoSans-Regular.ttf",
    ("PB Sans", "normal", "italic"): "NotoSans-Italic.ttf",
    ("PB Sans", "bold", "normal"): "NotoSans-Bold.ttf",
    ("PB Serif", "normal", "normal"): "NotoSerif-Regular.ttf",
    ("PB Serif", "bold", "normal"): "NotoSerif-Bold.ttf",
}
PAGE_HEIGHTS = {"A4": "297mm", "Letter": "279.4mm"}
# A merge field ({{first_name}}), or a placeholder the rep replaces before sending ("[link]",
# "[video thumbnail]": a short bracket of words, no digits, that a rep might read out or paste)
_MERGE_FIELD = re.compile(r"\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}"
                          r"|\[[^\W\d_][^\W\d]*(?: [^\W\d]+){0,3}\]")


class PlaybookError(ProspectorError):
    """The playbook cannot be written (no reps, a folder that does not exist, ...)."""


@dataclass(frozen=True)
class RenderResult:
    path: Path
    pages: int
    seconds: float
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    """Seconds per stage: context, html (Jinja), layout, write (WeasyPrint)."""
    notes: tuple[str, ...] = ()
    """What this edition prints in a reduced form (a very large plan: accounts as a compact
    list, long texts cut, the schedule's later weeks left to the exports), one sentence each;
    empty for an ordinary plan. The same sentences are printed on the contents page."""
    anchors: dict[str, tuple[int, float]] = field(default_factory=dict, compare=False)
    """Each ``id`` of the printed HTML (``sec-cadences``, ``touch-<id>``, ``cad-2``...) -> the
    index (from 0) of the page it is printed on, and how far down that page (0 top, 1 bottom)."""


# --- HTML ------------------------------------------------------------------------------------
def stylesheet_paths() -> list[Path]:
    """The playbook's stylesheets, one per part of the document, in the order they cascade."""
    return sorted((templates_dir() / "playbook" / "css").glob("*.css"))


def merge_fields(text: str) -> Markup:
    """Escape a message, then mark its merge fields ({{first_name}}) and placeholders ("[link]")
    so a rep sees what to fill.
    (A message cut for print, a ``limits.Cut``, escapes to its text and its marker.)"""
    escaped = str(escape(text))
    return Markup(_MERGE_FIELD.sub(lambda m: f'<span class="merge">{m.group(0)}</span>', escaped))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
LEAD_IN = 90  # characters of a one-line paragraph that introduces the next ("Subject: …", "Hi,")
# or closes a talk track ("If it is useful, …"). (A close of two lines kept so too cost the
# sample's leader's edition a page: the Roundtable's script moved whole, two pages a third white.)


def talk_paragraphs(text: str) -> Markup:
    """A talk track or message as paragraphs (split at its blank lines), its merge fields
    marked: a short one-line paragraph before another ("Talk track (in person or on the
    phone):", "Subject: …", "{{first_name}},") is a lead-in that stays with the next one's first
    lines (30-cards-touches.css), never alone at a page's foot; a last paragraph of one line
    ("If it is useful, I can prepare …") is a close that stays with the one before's last lines,
    never alone at the next page's top. A ``limits.Cut``'s marker ends
    the last paragraph."""
    parts = [p for p in _PARAGRAPH_BREAK.split(str(text).strip("\n")) if p.strip()]
    out = []
    for i, part in enumerate(parts):
        body = merge_fields(part)
        if i == len(parts) - 1 and isinstance(text, limits.Cut):
            body += Markup('<span class="cut">{}</span>').format(text.marker)
        one_line = "\n" not in part and len(part) <= LEAD_IN
        lead_in = i < len(parts) - 1 and one_line
        close = 0 < i == len(parts) - 1 and one_line
        out.append(Markup('<p class="lead-in">{}</p>' if lead_in else
                          '<p class="close">{}</p>' if close else "<p>{}</p>").format(body))
    return Markup("").join(out)


def keep_last_words(text: str) -> Markup:
    """Escape a title and tie its last word to the one before (a no-break space), so a line
    break never leaves one short word alone on the last line ("H1 / 2027")."""
    head, sep, last = str(text).rpartition(" ")
    if not sep or len(last) > 12 or not head.strip():
        return Markup(escape(text))
    return Markup(f"{escape(head)}&nbsp;{escape(last)}")


ADDRESS_LINE = 60  # characters of an e-mail address, phone or website that stay on one line


# where an address may break: after its "@" and after a "/" (not between the two of "https://")
_ADDRESS_BREAK = re.compile(r"(?<=@)|(?<=/)(?!/)")


def unbroken_address(text: str) -> Markup:
    """An e-mail address, phone number or website never broken across lines (at a hyphen of
    "haldorsen-metal.example", a space of "+47 61 55 01 42"); one longer than a line (the
    model takes 254 characters) breaks only after its "@" or a "/" (:func:`breakable_address`)."""
    if len(text) > ADDRESS_LINE:
        return breakable_address(text)
    return Markup('<span class="nowrap">{}</span>').format(text)


def breakable_address(text: str) -> Markup:
    """An e-mail address or website that breaks across lines only after its "@" or a "/" (a
    ``<wbr>``, which puts no character in the text a reader copies), never at a hyphen of
    "brueckner-voss.example": each part between those is held on one line, and one longer than
    a line breaks where it must rather than run past the column, never hyphenated. For a
    column narrower than an address (the cover's facts)."""
    parts = [part for part in _ADDRESS_BREAK.split(str(text)) if part]
    held = [Markup('<span class="nowrap">{}</span>').format(part) if len(part) <= ADDRESS_LINE
            else escape(part) for part in parts]
    return Markup('<span class="addr">{}</span>').format(Markup("<wbr>").join(held))


def is_address(item: object) -> bool:
    """An e-mail address or a website: one word with an "@" or a "/" (a contact's line's)."""
    text = str(item)
    return not isinstance(item, Markup) and " " not in text.strip() and (
        "@" in text or "/" in text or text.startswith("www."))


def listed_address(text: str) -> Markup:
    """An e-mail address or phone as the next item of a " · " list (a contact's line): the
    separator on one line with it, so a line breaks before the "·", never after it (a "·" left
    dangling at a line's end, the phone alone on the next)."""
    if len(text) > ADDRESS_LINE:
        return Markup(" ·\N{NO-BREAK SPACE}{}").format(text)
    return Markup(' <span class="nowrap">·\N{NO-BREAK SPACE}{}</span>').format(text)


_DOT = Markup('<span class="sep"></span>')  # an item's dot, drawn (15-blocks.css)
_ROOM = Markup('<span class="room"></span>')  # a dot's room with no dot, before a long item's word
_SAID = Markup('<span class="said">;</span>')  # the separator of the text layer, not printed


def _item(item: object, opening: Markup, end: Markup, whole: int = ADDRESS_LINE) -> Markup:
    """One item of a :func:`separated` line: ``opening`` (its dot, or nothing for the first), the
    item and ``end`` (its ";") held on one line if it has up to ``whole`` characters; a longer
    one wraps between its words, each word held whole after a dot's room that the space before
    it takes back (a line starting with the word clips the room, not its first letters). A
    single word longer than ``ADDRESS_LINE`` breaks where it must, its next lines clipped by
    the room (an address of 60 characters and more with no space, or a run of CJK text)."""
    if is_address(item) and len(str(item)) > ADDRESS_LINE:  # only after its "@" or a "/"
        return Markup('<span class="u long">{}{}{}</span>').format(
            opening, breakable_address(str(item)), end)
    text = Markup.escape(item)
    words = [word for word in text.split(" ") if word]
    if 'class="addr"' in text:  # a long website (``address``): only after its "/"
        return Markup('<span class="u long">{}{}{}</span>').format(opening, text, end)
    if len(text.striptags()) <= whole or "<" in text or len(words) == 1:
        long = "" if len(text.striptags()) <= ADDRESS_LINE else " long"
        return Markup('<span class="u{}">{}{}{}</span>').format(long, opening, text, end)
    last = len(words) - 1
    return Markup('<span class="back"> </span>').join(
        Markup('<span class="u">{}{}{}</span>').format(
            _ROOM if n else opening, word, end if n == last else "")
        for n, word in enumerate(words))


def separated(items: Iterable[object], bold_first: bool = False) -> Markup:
    """A contact's or an account's facts' line ("Jürgen Weiss · Head of Maintenance · +49 … ·
    juergen.weiss@…", "injection moulding · 1,300 employees · … · Wels, Austria · website"): the
    items, each after the first opening with a dot drawn as a background, never as a "·"
    character (which started or ended wrapped lines: "· juergen.weiss@…"). A line breaks between
    items, or between the words of an item too long to be held whole (:func:`_item`); the lines
    after the first start a dot's room to the left, clipped (15-blocks.css), so a dot never
    starts a line, nor ends one, and a wrapped item's letters all print ("fficer" for "Officer"
    when its words were not held after a room). The dots are no text: each item but the last
    ends with a ";" that prints nothing, so the text a reader copies or a screen reader reads is
    "Jürgen Weiss; Head of Maintenance; +49 …", not the items run together; it ends its item,
    so it never starts a line.
    """
    shown = [item for item in items if item]
    if not shown:
        return Markup("")
    first = Markup("<b>{}</b>") if bold_first else Markup("{}")
    ends = [_SAID] * (len(shown) - 1) + [Markup("")]
    # the first item's words are held each after a room however short it is: a name that wraps
    # in the schedule's narrow cell starts its next line inside the cell
    line = [first.format(_item(shown[0], Markup(""), ends[0], whole=0))] + [
        _item(item, _DOT, end) for item, end in zip(shown[1:], ends[1:], strict=True)]
    return Markup('<span class="seps-clip"><span class="seps">{}</span></span>').format(
        Markup(" ").join(line))


RUNNING_NAME = 60  # characters of the plan's name in the running foot, beside "Page N of M"
RUNNING_TITLE = 44  # of a card's title in the running head of the page it continues on


def running_name(text: str, limit: int = RUNNING_NAME) -> str:
    """A name as a running head or foot prints it (the plan's in the foot, a card's title on the
    page it continues on): cut at a word before ``limit`` characters, with "…", so it stays on
    one line clear of the page number or the chapter's title."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = text[:limit]
    cut = head.rsplit(" ", 1)[0] if " " in head else head
    return cut.rstrip(" ,;:·–-/") + "…"


CONTINUED_HEAD_MM = 100.0  # the running head's right box (102 mm, 00-base.css), 2 mm to spare
_HEAD_PT, _HEAD_TRACKING = 8.0, 0.06  # its capitals: 8 pt, letter-spacing 0.06 em


def continued(title: str, mm: float = CONTINUED_HEAD_MM) -> str:
    """The running head of the page a card or a week runs on to: "<title> (continued)" in the
    edition's language, the title cut at a word ("…") so the whole head, the longer word for
    "continued" included ("(Fortsetzung)", "(continuación)"), fits its box: the box would
    otherwise cut the end, that word, away. A table's head in the same capitals (a discovery
    question's persona) gives the ``mm`` of its column."""
    limit = RUNNING_TITLE
    while True:
        head = gettext("%(title)s (continued)", title=running_name(title, limit))
        capitals = head.upper()
        width = (text_mm(capitals, "sans", _HEAD_PT)
                 + len(capitals) * _HEAD_TRACKING * _HEAD_PT * 25.4 / 72)
        if width <= mm or limit <= 8:
            return head
        limit -= 4


OWNER_PT = 8.0  # an account card's owner line (rep · cadence): --fs-xs, 20-accounts.css


# the most an account card's owner line takes beside the name: past it, it wraps (a rep's name
# of 60 characters left the account's name 30 mm, broken inside its words)
OWNER_MOST_MM = 75.0


def owner_box(text: str) -> tuple[str, int]:
    """An account card's owner line's box: its width in mm and its lines. The width is measured
    here from the font's widths, with room to spare (Pango kerns tighter; a character our fonts
    lack is an estimate), so WeasyPrint need not measure it (a table cell or float did); at
    most ``OWNER_MOST_MM``, past which the line wraps in it."""
    plain = text.unescape() if isinstance(text, Markup) else str(text)
    width = text_mm(plain, "sans", OWNER_PT) * 1.03 + 0.3
    if width <= OWNER_MOST_MM:
        return f"{width:.1f}", 1
    return f"{OWNER_MOST_MM:.1f}", line_count(plain, OWNER_MOST_MM / 1.03, "sans", OWNER_PT)


# What shapes the templates' compiled code, beside their text: the name of the folder their
# compiled code is kept in (``template_cache``), so code compiled otherwise is never read.
_JINJA_EXTENSIONS = ["jinja2.ext.i18n"]
_JINJA_SETTINGS = {"extensions": tuple(_JINJA_EXTENSIONS), "autoescape": True,
                   "undefined": "StrictUndefined", "trim_blocks": False, "lstrip_blocks": False,
                   "finalize": "limits.finalize", "gettext": "newstyle, pgettext"}


@cache
def environment(language: str = ENGLISH) -> Environment:
    """One Jinja environment per language: every template autoescaped, undefined names are
    errors, ``_()`` / ``ngettext()`` translated from that language's catalog. Compiled
    templates are kept between runs (``template_cache``)."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        extensions=_JINJA_EXTENSIONS,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        finalize=limits.finalize,  # a safety net: no printed value is longer than ANY_TEXT
        bytecode_cache=kept_templates(_JINJA_SETTINGS),
    )
    env.filters["merge_fields"] = merge_fields
    env.filters["talk_paragraphs"] = talk_paragraphs
    env.filters["keep_last_words"] = keep_last_words
    env.filters["plural"] = counted  # {{ n | plural("account") }}: "1 account", "2 accounts"
    env.filters["company"] = limits.keeping_cut(unbroken_legal_form)  # "Sp. z o.o." whole
    env.filters["slashed"] = limits.keeping_cut(unbroken_slashes)  # "IT/OT" never split at "/"
    env.filters["address"] = unbroken_address  # an e-mail, phone or website: on one line
    env.filters["breakable_address"] = breakable_address  # breaks only after "@" or "/"
    env.filters["listed_address"] = listed_address  # " · " and an address, on one line
    env.filters["separated"] = separated  # a contact's line, its dots never at a line's end
    env.filters["running_name"] = running_name
    env.filters["continued"] = continued  # "<title> (continued)", the running head's
    env.filters["owner_box"] = owner_box  # an account card's owner line's width and lines
    env.filters["number"] = number  # {{ n | number }}: "1,200" / "1.200"
    env.filters["bracketed"] = bracketed  # a title in brackets, its own brackets as dashes
    env.filters["quoted"] = quoted  # {{ says | quoted }}: “…” / „…“ / « … »
    env.install_gettext_callables(  # type: ignore[attr-defined]
        template_gettext, template_ngettext, newstyle=True, pgettext=template_pgettext)
    return env


def render_playbook_html(plan: Plan, *, rep_name: str | None = None,
                         start: date | None = None, today: date | None = None,
                         readiness: bool = False, language: str | None = None) -> str:
    """The playbook as HTML: the leader's edition, or the named rep's edition, its labels in
    ``language`` (default: the rep's language, else the plan's)."""
    language = language or edition_language(plan, rep_name)
    with printing_in(language):
        context = build_context(plan, rep_name=rep_name, start=start, today=today,
                                readiness=readiness)
        context["lang"] = language
        return _html(context)


NOTES_SLOT = "<!--print-notes-->"


def _html(context: dict) -> str:
    """The edition's HTML, with the notes on what it leaves out (if anything) on its contents
    page: they are known only once every value has been printed (``limits.finalize``)."""
    reductions: limits.Reductions = context["reductions"]
    context.setdefault("shown", WHOLE)
    token = limits.current.set(reductions)
    try:
        html = environment(context["lang"]).get_template("playbook.html.j2").render(context)
    finally:
        limits.current.reset(token)
    notes = reductions.notes()
    box = ""
    if notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in notes)
        box = (f'<div class="reduced"><h4>{escape(gettext("This edition is shortened for print"))}'
               f"</h4><ul>{items}</ul></div>")
        # the contents set tighter, so the box fits at their foot: on a page of its own it
        # left a body page 85% white (the long-text plan)
        html = html.replace('id="sec-contents"', 'id="sec-contents" data-notes', 1)
    html = layout_safe(html.replace(NOTES_SLOT, box, 1))
    return tag_languages(html, context["lang"])  # Greek, Japanese... in <span lang>


# --- text WeasyPrint cannot lay out as it is, or breaks where a reader would not ------------------
# Fixed here on the HTML's text (never on the plan). Two kinds of plan text made the render fail:
# * A run of text WeasyPrint cannot break (a pasted URL, token or base64 blob) is laid out again
#   for every line it fills: the time grows with the square of the run's length (a 100,000-
#   character run in a plan's goal took 190 s). A zero-width space (a line-break opportunity that
#   prints nothing) every RUN_PIECE characters of a run longer than LONG_RUN makes it linear;
#   it is one text box (<wbr> would split the run into many, slow beside a float).
# * U+2029 PARAGRAPH SEPARATOR after a space, where a line ends, fails an assertion in
#   WeasyPrint 70 ("Got ' \u2029' between two lines"). It is printed as U+2028 LINE SEPARATOR:
#   both are a forced line break, and it reads the same.
# And two kinds of line break a reader trips on (below, with ``layout_safe``).
LONG_RUN = 120
RUN_PIECE = 20
_TAG = re.compile(r"(<[^>]*>)")
_RUN = re.compile(rf"[^ \t\n\r\f<>]{{{LONG_RUN},}}")
_UNIT = re.compile(r"&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);|.", re.DOTALL)
_KEEP_TEXT = {"head", "title", "svg", "style", "script"}
_ELEMENT = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")


# * "EUR" ended a line with "410,000" on the next: an amount keeps its currency
#   (``wording.unbroken_amounts``: a no-break space).
# * A slash between two short words ("IT/OT", "SAP S/4HANA") ended a line on "IT/" or "S/": a
#   word joiner after it keeps the pair on one line (``wording.unbroken_short_slashes``).


def layout_safe(html: str) -> str:
    """``html`` (our own escaped output: no raw ``<`` in text, no ``>`` in attributes) with the
    text fixes above; tags and attribute values, the head and inline SVG are left as they are."""
    out: list[str] = []
    keep = 0  # depth inside elements whose text is not laid out as lines
    for part in _TAG.split(html):
        if part.startswith("<"):
            element = _ELEMENT.match(part)
            if element and element.group(2).lower() in _KEEP_TEXT and not part.endswith("/>"):
                keep += -1 if element.group(1) else 1
            out.append(part)
        elif keep > 0:
            out.append(part)
        else:
            part = unbroken_short_slashes(unbroken_amounts(part.replace("\u2029", "\u2028")))
            out.append(_RUN.sub(_pieces, part) if len(part) >= LONG_RUN else part)
    return "".join(out)


def _pieces(run: re.Match) -> str:
    units = _UNIT.findall(run.group(0))
    pieces, start = [], 0
    while start < len(units):
        end = min(start + RUN_PIECE, len(units))
        limit = min(end + 16, len(units))  # never split a character from its marks
        while end < limit and _joins(units, end, start):
            end += 1
        pieces.append("".join(units[start:end]))
        start = end
    return "\u200b".join(pieces)


def _regional(unit: str) -> bool:
    return len(unit) == 1 and 0x1F1E6 <= ord(unit) <= 0x1F1FF


def _joins(units: list[str], i: int, start: int) -> bool:
    """``units[i]`` belongs to the same user-perceived character as ``units[i - 1]``: combining
    marks, ZWJ sequences, emoji modifiers and tags, the second of a regional-indicator pair."""
    before, unit = units[i - 1], units[i]
    if len(unit) != 1 or len(before) != 1:
        return False  # an entity such as &amp; stands alone
    code = ord(unit)
    if _regional(unit) and _regional(before):
        run = 1  # regional indicators before ``unit`` in this piece (its start opens a pair)
        while i - 1 - run >= start and _regional(units[i - 1 - run]):
            run += 1
        return run % 2 == 1  # ``before`` opens a pair
    return (unicodedata.category(unit) in ("Mn", "Mc", "Me") or before == "\u200d"
            or unit == "\u200d" or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F)


# --- PDF -------------------------------------------------------------------------------------
@cache
def _fonts_css() -> str:
    fonts = assets_dir() / "fonts"
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: {style}; '
        f'src: url("{(fonts / name).as_uri()}"); }}'
        for (family, weight, style), name in FONT_FILES.items()
    )


def _page_css(page_size: str, brand: dict[str, str]) -> str:
    """The CSS that depends on the plan: page size and brand colours (validated #RRGGBB)."""
    size = "A4" if page_size == "A4" else "letter"
    return (
        f"@page {{ size: {size}; }}\n"
        f".cover {{ height: {PAGE_HEIGHTS.get(page_size, '297mm')}; }}\n"
        f":root {{ --brand: {brand['colour']}; --brand-ink: {brand['ink']}; "
        f"--brand-tint: {brand['tint']}; --brand-soft: {brand['soft']}; "
        f"--brand-line: {brand['line']}; }}\n"
    )


def _language_css(language: str) -> str:
    """The running foot's "Page 3 of 24" in the edition's language: CSS cannot ask gettext,
    so the translated sentence is cut at its counters into a ``content`` value here."""
    if language == ENGLISH:
        return ""  # 00-base.css says it in English
    sentence = translations(language).gettext("Page %(page)s of %(pages)s")
    parts = []
    for piece in re.split(r"(%\(pages?\)s)", sentence):
        if piece in ("%(page)s", "%(pages)s"):
            parts.append(f"counter({piece[2:-2]})")
        elif piece:
            parts.append('"' + piece.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return f"@page {{ @bottom-right {{ content: {' '.join(parts)}; }} }}\n"


class RenderCancelled(Exception):
    """A render stopped because its result is no longer wanted (a newer edit came)."""


# --- printing part of the playbook ---------------------------------------------------------------
COVER, CONTENTS = "cover", "contents"
WHOLE: dict = {"cover": True, "contents": True, "chapters": None}  # the templates' ``shown``


def printable_sections(*, rep: bool = False, readiness: bool = False) -> list[str]:
    """What ``section=`` accepts for an edition: the cover, the contents, each plan section
    with a chapter in it (``sections.py``), and the coach's appendix when it is printed."""
    keys = [s.key for s in SECTIONS if (s.rep if rep else s.leader)]
    return [COVER, CONTENTS, *keys, *(["readiness"] if readiness and not rep else [])]


def _shown(section: str | Iterable[str] | None, *, rep: bool, readiness: bool) -> dict:
    """The templates' ``shown`` for ``section``: a section key (``"cadences"``), ``"cover"``,
    ``"contents"``, or several of them; None prints the whole playbook."""
    if section is None:
        return WHOLE
    wanted = [section] if isinstance(section, str) else list(section)
    valid = printable_sections(rep=rep, readiness=readiness)
    unknown = [key for key in wanted if key not in valid]
    if unknown or not wanted:
        edition = "a rep's edition" if rep else "the leader's edition"
        raise PlaybookError(f"{edition} has no section {', '.join(map(repr, unknown))}; "
                            f"choose from: {', '.join(valid)}")
    chapters = {c.id for key in wanted if key in SECTION_BY_KEY
                for c in (SECTION_BY_KEY[key].rep if rep else SECTION_BY_KEY[key].leader)}
    if "readiness" in wanted:
        chapters.add("readiness")
    return {"cover": COVER in wanted, "contents": CONTENTS in wanted, "chapters": chapters}


def _say_what_is_missing(context: dict) -> None:
    """A part printed alone (the preview of a step, ``--section``) whose chapters all have
    nothing to print yet (a new plan's sales conversations) was a blank page with a footer:
    its chapters are printed with their titles and what to write (``empty_chapters``)."""
    shown = context["shown"]
    # (not a rep's: a chapter left out there may have been written, for other reps' accounts,
    # and the words to write it are the leader's)
    if shown is WHOLE or shown["cover"] or shown["contents"] or context["edition"] == "rep":
        return
    printed = {chapter.id for chapter in context["sections"]}
    if not shown["chapters"] or shown["chapters"] & printed:
        return
    context["sections"] = [chapter for chapter in LEADER_CHAPTERS
                           if chapter.id in printed or chapter.id in shown["chapters"]]
    context["empty_chapters"] = shown["chapters"] - printed


# A page reference whose target is in a chapter not printed would print "p." and no number.
_REFERENCES = {  # the chapter the target is in -> the references to it
    "touches": 'a.script-ref, a.page-ref[href^="#touch-"], a.page-ref[href^="#script-"]',
    "qualification": 'a.page-ref[href="#opportunity-criteria"]',
    "call_cards": 'a.page-ref[href^="#card-"]',
    "questions": 'a.page-ref[href^="#q-"]',
    "objections": 'a.page-ref[href^="#obj-"]',
    "differentiation": 'a.page-ref[href^="#diff-"]',
    "cadences": 'a.page-ref[href^="#cad-"]',  # the leader's edition
    "campaign": 'a.page-ref[href^="#cad-"]',  # a rep's: the cadences are in "Your campaign"
}


class _LinksOutOfPart(logging.Filter):
    """In part of the playbook, links into the chapters not printed lead nowhere: expected,
    not an error to log (WeasyPrint leaves such a link out of the PDF)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("No anchor")


_OUT_OF_PART = _LinksOutOfPart()


_NOT_A_LINK = "#5B6776"  # the playbook's muted grey (.muted)


def _part_css(shown: dict) -> str:
    """For part of the playbook: references into chapters not printed say "–"."""
    chapters = shown["chapters"]
    if chapters is None:
        return ""
    missing = [one for chapter, selectors in _REFERENCES.items() if chapter not in chapters
               for one in selectors.split(", ")]
    if not shown["cover"]:  # the "At a glance" page is printed with the cover
        missing.append('a.page-ref[href="#at-a-glance"]')
    rules = [f'{selector}::after {{ content: "–"; }}' for selector in missing]
    # and look like text, not a link: a leader took the bold blue "p. –" for one that failed
    rules += [f"{selector} {{ color: {_NOT_A_LINK} !important; font-weight: normal !important; }}"
              for selector in missing]
    if "call_cards" not in chapters:  # a question's note closes its bracket after the number
        rules.append('td.q span.on-card a.page-ref[href^="#card-"]::after { content: "–)"; }')
    return "\n".join(rules)


# --- the renderer ----------------------------------------------------------------------------
@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """No garbage-cycle collection while WeasyPrint lays out and writes.

    A render makes millions of short-lived objects, and each 700 of them started a collection:
    16% of a render's CPU (the 2,000-account plan: 16.0 s -> 13.5 s) for almost nothing found
    (its peak memory 304 MB with collection, 308 MB without). The collector is switched back on
    however the render ends, and the render worker collects after each preview.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Renderer:
    """Renders playbooks, keeping between renders what does not change with the plan: the font
    configuration, the parsed stylesheets and WeasyPrint's image and layout ``cache``.

    One per process that renders more than once (the preview's render worker): the first
    render pays for loading and parsing, the next ones only for the plan's own pages.
    """

    def __init__(self) -> None:
        # WeasyPrint takes a second to load: only when a PDF is made (HTML needs none of it)
        from weasyprint import CSS  # noqa: PLC0415 - WeasyPrint
        from weasyprint.text.fonts import FontConfiguration  # noqa: PLC0415 - WeasyPrint

        parse_speed.install()  # the HTML parser keeps its expressions (see parse_speed)
        pdf_speed.install()  # tagging writes in linear time (see pdf_speed)
        pdf_tags.install()  # decorative images are artifacts, <span lang> gets /Lang
        repagination.install()  # a page with a page reference is laid out twice, not 3 times
        table_heads.install()  # a week's band says "(continued)" on the pages it runs onto
        layout_speed.install()  # percentages resolved in fewer calls (see layout_speed)
        shaded_boxes.install()  # a talk track carried over ends under its last line
        line_ends.install()  # a space at a line's end never leaves its first word alone
        self._css = CSS
        self.fetcher = SafeFetcher()
        self.font_config = FontConfiguration()
        # one stylesheet, not one per file: the cascade asks each sheet's selectors about each
        # element, and 12 sheets cost the sample's 2,927 elements 0.25M Python calls more
        self.stylesheets = [
            CSS(string="\n".join([_fonts_css(), *(path.read_text(encoding="utf-8")
                                                  for path in stylesheet_paths())]),
                base_url=(templates_dir() / "playbook" / "css").as_uri() + "/",
                font_config=self.font_config, url_fetcher=self.fetcher),
        ]
        self.cache: dict = {}  # WeasyPrint's images and their sizes, shared by every render
        self._page_css: dict[tuple, object] = {}  # (page size, brand) -> parsed CSS

    def _plan_css(self, page_size: str, brand: dict[str, str], part: str):
        key = (page_size, tuple(sorted(brand.items())), part)
        if key not in self._page_css:
            if len(self._page_css) > 16:  # a leader trying colours: keep the few last
                self._page_css.clear()
            self._page_css[key] = self._css(string=_page_css(page_size, brand) + part,
                                            font_config=self.font_config,
                                            url_fetcher=self.fetcher)
        return self._page_css[key]

    def render(self, plan: Plan, out_path: str | os.PathLike, *, rep_name: str | None = None,
               start: date | None = None, progress: Progress | None = None,
               today: date | None = None, readiness: bool = False,
               section: str | Iterable[str] | None = None, tagged: bool = True,
               cancelled: Callable[[], bool] | None = None, excerpt: bool = False,
               focus: str | None = None, language: str | None = None,
               rep_actuals: Mapping[str, Sequence[float | None]] | None = None,
               notes_language: str = ENGLISH) -> RenderResult:
        """Write the playbook PDF (the leader's edition, or ``rep_name``'s) to ``out_path``.

        ``section`` prints only part of it: a plan section's chapters (``"cadences"``), the
        cover or the contents, or several of these (``printable_sections`` lists them); the
        chapters keep their numbers. ``tagged=False`` writes a PDF for a preview: untagged and
        uncompressed (no reader of it needs the tags, and it writes faster). ``cancelled`` is
        asked between WeasyPrint's steps and pages: when it says True, the render stops with
        ``RenderCancelled`` and writes nothing. ``excerpt`` (a preview's) prints a long account
        list only around the account ``focus`` (see ``excerpt.excerpt_accounts``).
        ``language`` ("de") prints the edition's labels in that language; by default a rep's
        edition prints in the rep's language (else the plan's), the leader's in the plan's.
        ``notes_language`` is the result's notes' (the app's; the CLI's English).
        ``rep_actuals`` fills a rep's scorecard for a plan sent without its facts
        (``build_context``).

        The file is written next to ``out_path`` first and moved into place when complete, so
        a failed render never leaves half a PDF behind.
        """

        report = progress or (lambda _stage, _fraction: None)
        stop = cancelled or (lambda: False)

        def check() -> None:
            if stop():
                raise RenderCancelled

        out = Path(out_path)
        if not out.parent.is_dir():
            raise PlaybookError(Note("cannot write {file}: the folder {folder} does not exist",
                                     file=str(out), folder=str(out.parent)))
        started = time.perf_counter()
        timings: dict[str, float] = {}

        language = language or edition_language(plan, rep_name)
        preparing = StageBeat(report, Note("Preparing the playbook"), 0.0)
        with heartbeat(preparing.beat), printing_in(language):  # a rep's schedule takes seconds
            context = build_context(plan, rep_name=rep_name, start=start, today=today,
                                    readiness=readiness, rep_actuals=rep_actuals)
        context["lang"] = language
        context["shown"] = _shown(section, rep=context["edition"] == "rep",
                                  readiness=readiness)
        _say_what_is_missing(context)
        if excerpt:
            excerpt_accounts(context, focus)
        t = time.perf_counter()
        timings["context"] = t - started
        check()
        with printing_in(language):
            html = _html(context)
        timings["html"] = time.perf_counter() - t
        check()

        report(Note("Laying out the pages"), 0.1)
        t = time.perf_counter()
        with printing_in(notes_language):  # the result's notes: its reader's (the app's)
            notes = tuple(context["reductions"].notes())
        stylesheets = [*self.stylesheets,
                       self._plan_css(context["page_size"], context["brand"],
                                      _part_css(context["shown"])
                                      + _language_css(language))]
        variant = {"pdf_variant": PDF_VARIANT} if tagged else {}
        weasyprint_log = logging.getLogger("weasyprint")
        if context["shown"] is not WHOLE:
            weasyprint_log.addFilter(_OUT_OF_PART)
        try:
            with weasyprint_progress(report, expected_pages=_expected_pages(html), check=check), \
                    _cycle_collection_paused():
                document = playbook_html(string=html, base_url=str(templates_dir()),
                                         url_fetcher=self.fetcher).render(
                    font_config=self.font_config, stylesheets=stylesheets, cache=self.cache,
                    **variant)
                if second_layout.adjust(context, _anchors(document)):  # and lay it out again
                    with printing_in(language):
                        html = _html(context)
                    document = playbook_html(string=html, base_url=str(templates_dir()),
                                             url_fetcher=self.fetcher).render(
                        font_config=self.font_config, stylesheets=stylesheets,
                        cache=self.cache, **variant)
                timings["layout"] = time.perf_counter() - t
                del html, context
                t = time.perf_counter()
                data = self._write(document, tagged)
                pages, anchors = len(document.pages), _anchors(document)
                # gone before the collector is back: it then finds only the document's cycles,
                # not its million objects still alive (two collections walked them: 0.2 s)
                del document
        finally:
            weasyprint_log.removeFilter(_OUT_OF_PART)
        report(Note("Saving the file"), 0.98)
        # The PDF is made in memory and only then written (temp file, fsync, rename): the temp
        # file exists for the moment of the write, so a render cancelled (its process killed)
        # leaves nothing at the destination. Temp files of killed writers are removed here.
        _remove_stale_temp_files(out)
        try:
            with atomic_open(out) as handle:
                handle.write(data)
        except OSError as exc:
            raise PlaybookError(Note("cannot write {file}: {why}", file=str(out),
                                     why=system_reason(exc))) from exc
        timings["write"] = time.perf_counter() - t
        seconds = time.perf_counter() - started
        report(Note("Done"), 1.0)
        return RenderResult(out, pages, seconds, timings, notes, anchors)


    @staticmethod
    def _write(document, tagged: bool) -> bytes:
        if not tagged:  # a preview: nobody reads its tags, and it is never sent: uncompressed
            return document.write_pdf(uncompressed_pdf=True)  # (writes 0-25% faster)
        try:
            return document.write_pdf(pdf_variant=PDF_VARIANT)
        except RenderCancelled:
            raise
        except Exception:  # a variant check failed: still write a tagged PDF
            logging.getLogger(__name__).warning("PDF/UA-1 failed; writing a tagged PDF instead",
                                                exc_info=True)
            return document.write_pdf(pdf_tags=True)


def render_playbook_pdf(plan: Plan, out_path: str | os.PathLike, *, rep_name: str | None = None,
                        start: date | None = None, progress: Progress | None = None,
                        today: date | None = None, readiness: bool = False,
                        section: str | Iterable[str] | None = None,
                        language: str | None = None, notes_language: str = ENGLISH
                        ) -> RenderResult:
    """Write the playbook PDF (the leader's edition, or ``rep_name``'s) to ``out_path``, or
    only its ``section`` (see ``Renderer.render``), with a renderer of its own."""
    return Renderer().render(plan, out_path, rep_name=rep_name, start=start, progress=progress,
                             today=today, readiness=readiness, section=section,
                             language=language, notes_language=notes_language)


def _anchors(document) -> dict[str, tuple[int, float]]:
    """``RenderResult.anchors`` of a laid-out ``document``."""
    anchors: dict[str, tuple[int, float]] = {}
    for index, page in enumerate(document.pages):
        for name, position in page.anchors.items():  # (x, y, ...) in CSS px from top left
            top = position[1] / page.height if page.height else 0.0
            anchors.setdefault(name, (index, round(top, 4)))
    return anchors


def _expected_pages(html: str) -> int:
    """A rough page count for the progress bar: a page holds 95-170 of our tags (measured: the
    sample's editions, 300 accounts as cards, 2,000 as lines). Rather high than low: the bar
    then ends with a step, instead of standing still before the end."""
    return max(8, html.count("<") // 110)


def _remove_stale_temp_files(out: Path) -> None:
    """Temp files a killed render left beside ``out`` (its writer's process is gone)."""
    for stale in stale_temp_files(out.parent, (out.name,)):
        with suppress(OSError):
            stale.unlink()


# --- one PDF per rep -------------------------------------------------------------------------
def rep_file_names(plan: Plan) -> dict[str, str]:
    """Rep id -> unique ``<plan>-playbook-<rep>.pdf`` file name."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for rep in plan.reps:
        base = export_name(plan.name, "playbook", rep.name if slugify(rep.name, "") else rep.id)
        name, n = f"{base}.pdf", 2
        while name in used:
            name, n = f"{base}-{n}.pdf", n + 1
        used.add(name)
        names[rep.id] = name
    return names


def _workload(plan: Plan, rep: Rep) -> int:
    """Roughly how long a rep's playbook takes: its accounts and their scheduled touches."""
    accounts = [a for a in (plan.account(aid) for aid in rep.account_ids) if a]
    return sum(1 + len(c.steps) for c in (plan.cadence_for(a) for a in accounts) if c)


# The plan a forked worker of ``render_all_reps`` inherits, rather than reading it sent as JSON:
# with 100,000 imported facts (a rep's scorecard counts them) that was 24 MB and 2 s per worker.
_INHERITED_PLAN: Plan | None = None


_IN_JOB = False  # a worker of render_all_reps is rendering a rep's edition


_PAGES_DONE: Any = None  # a worker's: where it says how far its rep's edition is


def _worker_started(pages_done: Any = None) -> None:
    """A worker of ``render_all_reps`` ends at Ctrl+C (the terminal's, or passed on by the
    command): a pool's worker otherwise took the interrupt as its rep's error and went on with
    the next rep, and the command wrote PDFs for 20 s after it. It also ends when the process
    that started it is gone (the app's Cancel kills the export's process): the workers went on
    writing every rep's PDF after "Cancelled", then waited for ever."""
    global _PAGES_DONE
    _PAGES_DONE = pages_done
    signal.signal(signal.SIGINT, _interrupted)
    end_with_parent()


def _interrupted(_signum: int, _frame: object) -> None:
    if _IN_JOB:
        raise KeyboardInterrupt  # the file being written is removed; _render_rep_job ends here
    os._exit(130)  # waiting for a rep: nothing to tidy


def _no_second_interrupt() -> None:
    """A second Ctrl+C while the workers stop and the command ends is not taken: it broke into
    the pool's and the interpreter's own clean-up ("Exception ignored in … KeyboardInterrupt")."""
    with suppress(ValueError):  # not the main thread: its signals are not this code's to set
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _render_rep_job(plan_json: str | None, rep_id: str, out_path: str, start: date | None,
                    today: date | None, language: str | None = None,
                    notes_language: str = ENGLISH) -> RenderResult:
    global _IN_JOB
    _IN_JOB = True
    said = _PAGES_DONE

    def progress(_stage: str, fraction: float) -> None:  # written before the result is sent
        if said is not None:
            said.put((rep_id, fraction))

    try:
        plan = _INHERITED_PLAN if plan_json is None else Plan.model_validate_json(plan_json)
        assert plan is not None, "a forked worker inherits the plan"
        return render_playbook_pdf(plan, out_path, rep_name=rep_id, start=start, today=today,
                                   language=language, notes_language=notes_language,
                                   progress=progress)
    except KeyboardInterrupt:
        os._exit(130)  # the pool's executor would take it as this rep's error and go on
    finally:
        _IN_JOB = False


def _follow(futures: dict, pages_done: Any, results: dict[str, RenderResult],
            report: Progress, rendering: Note) -> None:
    """The reps' editions into ``results`` as the workers finish them, the bar moved on by how
    far each is (what its worker says on ``pages_done``)."""
    share = {rep.id: 0.0 for rep in futures.values()}
    shown = 0.0
    pending = set(futures)
    while pending:
        finished, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
        while not pages_done.empty():  # what the workers said, a finished one's included
            rep_id, fraction = pages_done.get()
            share[rep_id] = max(share.get(rep_id, 0.0), min(float(fraction), 1.0))
        if sum(share.values()) / len(share) > shown:
            shown = sum(share.values()) / len(share)
            report(rendering, shown)
        for future in finished:
            rep = futures[future]
            results[rep.id] = future.result()
            share[rep.id] = 1.0
            shown = max(shown, sum(share.values()) / len(share))
            report(Note("Rendered {name}", name=rep.name), shown)


def _pool_context() -> multiprocessing.context.BaseContext:
    """How to start the worker processes.

    Fork is fastest (the workers inherit the loaded renderer and fonts), but forking a process
    that runs other threads (the Qt app does) can deadlock the child. So: fork only when this
    process has a single OS thread (counted in /proc, which sees Qt's native threads too), else a
    fork server (a clean single-threaded process that imports the renderer once); macOS and
    Windows spawn.
    """
    if sys.platform.startswith("linux"):
        try:
            single_threaded = len(os.listdir("/proc/self/task")) == 1
        except OSError:
            single_threaded = False
        if single_threaded:
            return multiprocessing.get_context("fork")
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["prospector.playbook.render"])
        return ctx
    return multiprocessing.get_context("spawn")


def render_all_reps(plan: Plan, folder: str | os.PathLike, *, start: date | None = None,
                    processes: int | None = None, progress: Progress | None = None,
                    today: date | None = None, language: str | None = None,
                    notes_language: str = ENGLISH) -> list[RenderResult]:
    """One rep playbook per rep in ``folder``, rendered in parallel processes, each in the rep's
    language (else the plan's) unless ``language`` says one for all.

    Results come back in the plan's rep order. ``processes=1`` renders in this process.
    """
    if not plan.reps:
        raise PlaybookError(Note("the plan {plan} has no reps yet: add reps to print their "
                                 "playbooks", plan=Quoted(plan.name)))
    out_dir = Path(folder)
    try:
        if out_dir.exists() and not out_dir.is_dir():  # said "… : File exists"
            raise FileExistsError(errno.EEXIST, Note("is a file, not a folder"), str(out_dir))
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PlaybookError(Note("cannot create the folder {folder}: {why}", folder=str(out_dir),
                                 why=system_reason(exc))) from exc
    report = progress or (lambda _stage, _fraction: None)
    names = rep_file_names(plan)
    jobs = [(rep, out_dir / names[rep.id]) for rep in plan.reps]
    workers = max(1, min(processes or os.cpu_count() or 1, len(jobs)))
    results: dict[str, RenderResult] = {}
    before = {path: file_stamp(path) for _rep, path in jobs}
    try:
        _render_reps(plan, jobs, workers, results, report, start=start, today=today,
                     language=language, notes_language=notes_language)
    except KeyboardInterrupt as exc:  # say which PDFs were written before Ctrl+C: those whose
        # result came back, and those a worker finished while its result was on its way (a
        # file written is a new file, put in place by its name: an older PDF of the same name
        # is not this run's, whatever its date)
        raise InterruptedAfter([str(path) for rep, path in jobs if rep.id in results
                                or file_stamp(path) not in (None, before[path])]) from exc
    return [results[rep.id] for rep, _ in jobs]


def _render_reps(plan: Plan, jobs: list[tuple[Rep, Path]], workers: int,
                 results: dict[str, RenderResult], report: Progress, *, start: date | None,
                 today: date | None, language: str | None, notes_language: str) -> None:
    """``render_all_reps``' work: each rep's playbook into ``results`` as it is written."""
    rendering = Note(MN_("Rendering {n} rep playbook", "Rendering {n} rep playbooks"),
                     n=len(jobs))
    report(rendering, 0.0)
    if workers == 1:
        for i, (rep, path) in enumerate(jobs, start=1):
            def laid_out(_stage: object, fraction: float, done: int = i - 1) -> None:
                report(rendering, (done + fraction) / len(jobs))

            results[rep.id] = render_playbook_pdf(
                plan, path, rep_name=rep.id, start=start, today=today, language=language,
                notes_language=notes_language, progress=laid_out)
            report(Note("Rendered {name}", name=rep.name), i / len(jobs))
    else:
        # The biggest playbooks first, so no worker is left with a long one at the end.
        ordered = sorted(jobs, key=lambda job: -_workload(plan, job[0]))
        mp_context = _pool_context()
        forking = mp_context.get_start_method() == "fork"
        global _INHERITED_PLAN  # what forked workers inherit, reset below
        # a rep's edition fills the scorecard with the rep's actuals: the facts go too
        plan_json = None if forking else printed_plan_json(plan, facts=True)
        _INHERITED_PLAN = plan if forking else None
        if forking:
            # Forked workers inherit this process's heap; frozen objects are never scanned by
            # their garbage collector, which otherwise walks (and copies) all of it, again and
            # again: renders in the workers ran 3x slower after a big render here.
            gc.collect()
            gc.freeze()
        before = set(multiprocessing.active_children())
        try:
            # each worker says how far its rep's edition is (a pipe written at once, so all it
            # said is read before its result): the bar stayed at 1% until a rep was done
            pages_done = mp_context.SimpleQueue()
            with ProcessPoolExecutor(max_workers=workers, mp_context=mp_context,
                                     initializer=_worker_started,
                                     initargs=(pages_done,)) as pool:
                try:
                    futures = {pool.submit(_render_rep_job, plan_json, rep.id, str(path), start,
                                           today, language, notes_language): rep
                               for rep, path in ordered}
                    _follow(futures, pages_done, results, report, rendering)
                except BaseException as exc:  # no rep started after a failure or Ctrl+C
                    pool.shutdown(wait=False, cancel_futures=True)
                    if isinstance(exc, KeyboardInterrupt):  # those under way stop too
                        _no_second_interrupt()
                        for worker in set(multiprocessing.active_children()) - before:
                            with suppress(OSError, TypeError):
                                os.kill(worker.pid, signal.SIGINT)  # type: ignore[arg-type]
                    raise
        finally:
            _INHERITED_PLAN = None
            if forking:
                gc.unfreeze()
