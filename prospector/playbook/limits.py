"""What a playbook prints for very large plans, so that any plan prints in bounded time and memory.

The plan itself sets no limit on its size (thousands of accounts, a 15 MB note from one CSV
cell), and WeasyPrint's time and memory grow with every box it lays out. So the printed edition
is reduced where the plan is extreme, never where it is ordinary, and says so:

* **Accounts as a compact list.** Up to ``CARD_LIMIT`` accounts an edition prints one card per
  account (reason, notes, contacts); above it, one line per account (name, rep, cadence,
  industry, place), grouped by tier as before. A card takes 7 lines' room and 5x a line's
  time: 2,000 cards make 347 pages in 24 s and 614 MB (over 600 MB), 400 cards 60 pages in
  ~3 s; a list of 2,000 lines is 45 pages. Past ~60 pages of cards a leader wants a list.
  The list itself stops at ``ACCOUNT_LINE_LIMIT`` lines (tier A first), saying how many
  accounts of each tier follow: a plan file may hold some 300,000 accounts, whose list would
  need hours and tens of GB to lay out, for 6,000 pages nobody reads.
* **Long text cut with a marker.** Each free-text value is printed up to a length that suits
  where it is printed (``ACCOUNT_TEXT`` on a card, ``PLAN_TEXT`` for the goal or strategy, ...)
  and then ends with ``[… 14,998,000 more characters not printed: …]``, saying where the full
  text is. A cut falls between words where one is near, and never inside a character (a base
  letter and its combining marks, an emoji sequence).
* **The rep's schedule up to ``SCHEDULE_TOUCH_LIMIT`` touches.** Whole weeks are printed until
  the next week would pass the limit; the rest of the schedule is one paragraph (how many
  touches, until when) pointing to the calendar and task-list exports, which hold all of it.

Every reduction adds a sentence to ``Reductions.notes()``: the PDF's contents page prints them,
and the render result carries them for the CLI (one line on stderr) and the app.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from markupsafe import escape

from .translations import N_, gettext, ngettext
from .translations import counted as plural

CARD_LIMIT = 400  # accounts in one edition printed as cards; above: one line each
ACCOUNT_LINE_LIMIT = 25_000  # lines of the compact list (~480 pages, ~1.3 GB to lay out)
ACCOUNT_TEXT = 2_000  # an account's reason or notes on its card (about 17 lines)
SHORT_TEXT = 200  # a fact printed inline: industry, revenue, city, a contact's title
ROW_TEXT = 80  # each fact in a compact account line
PLAN_TEXT = 6_000  # the goal, strategy, roles, review, profile notes (about a page and a half)
TRACK_TEXT = 4_000  # a talk track or message, a touch's value, a differentiator's text
ANY_TEXT = 6_000  # any other value the templates print (a safety net, see ``net``)
LIST_LIMIT = 20  # names listed in one sentence ("No cadence fits A, B, ... and 1,980 more")
CONTACT_LIMIT = 12  # contacts on an account card
SCHEDULE_TOUCH_LIMIT = 3_000  # touches of the rep's dated schedule printed as checkboxes
FINDING_LIMIT = 150  # the coach's findings in the readiness appendix (one per account is common)
# The weekly scorecard: a page holds 5 target columns beside the week and a wide Notes column, each
# head a target's name up to SCORECARD_METRIC_TEXT characters (the full name is in the table of
# targets above it), and 26 weeks with their month rows, on A4 and Letter; more targets go on
# further scorecard pages, up to SCORECARD_PAGES.
SCORECARD_TARGETS = 5
SCORECARD_PAGES = 4
SCORECARD_METRIC_TEXT = 60
# A call card (one page per persona) must never run onto a second page. Each of its texts has a
# kind: (font, size in pt, the column's width in mm on A4, the narrower page, its line's height in
# mm, the lines it always keeps, the most characters it prints). Lines are counted in the fonts'
# own widths (``text_width``). A text longer than it may print is cut with a marker; when the
# card's texts together would pass the page, what is behind an objection and its proof lose a
# line at a time down to what they always keep, then the texts with the most lines beyond what
# they always keep (``call_cards.fit_card``).
CARD_TEXTS: dict[str, tuple[str, float, float, float, int, int]] = {
    "title": ("serif-bold", 16, 174, 7.1, 1, 140),  # the persona's role (h2)
    "cares": ("sans", 9, 174, 4.6, 1, 330),  # what they care about, one line of points
    "opening": ("sans", 10, 166, 4.76, 2, 520),  # the opening of the call (in a box)
    "question": ("sans", 10, 168, 5.1, 2, 200),  # each of three questions (numbered, 1 mm apart)
    "says": ("serif-bold", 10, 169, 4.6, 2, 200),  # what the client says, each of three objections
    "behind": ("sans", 9, 169, 4.3, 1, 400),  # what is behind it (after "Behind it: ")
    "response": ("sans", 10, 169, 4.76, 2, 520),  # the response to it: a talk track
    "proof": ("sans", 9, 169, 4.3, 1, 320),  # its proof (after "Proof: ")
    "difference": ("sans-bold", 10, 101, 5.12, 2, 200),  # the differentiator (3/5 of the width)
    "calls": ("sans", 9, 174, 4.3, 1, 400),  # the calls made with the card, and their heading
}
# Per page size: (mm of a card's texts, counted with the lines above, that fit with the card's
# headings and gaps, 51-55 mm, and the head of its call log, about 13 mm, on a card 264 mm (A4)
# or 246 mm (Letter) tall (the card page's margins, 70-conversations.css); how much wider its
# columns are than on A4: 186 mm against 180 mm). Measured with every text at its longest, in
# wide letters and in CJK, and with the sample (no text cut on A4).
CARD_PAGES: dict[str, tuple[float, float]] = {"A4": (190.0, 1.0), "Letter": (171.0, 179.9 / 174)}
CARD_WIDE_LINES = 1.07  # a line with CJK is taller: the fallback font's ascent and descent
CARD_POINTS = 4  # what the persona cares about: the first points, joined with " · "
_WORD_BACKOFF = 40  # a cut moves back to a space at most this many characters before the limit

_APP = N_("in the plan (open it in Prospector)")


class Cut(str):
    """Text cut short for print: the text kept (this string) and the marker printed after it.

    Jinja prints it through ``__html__``: the escaped text, then the marker in a ``cut`` span."""

    marker: str

    def __new__(cls, head: str, marker: str) -> Cut:
        obj = super().__new__(cls, head)
        obj.marker = marker
        return obj

    def __html__(self) -> str:
        return f'{escape(str(self))}<span class="cut">{escape(self.marker)}</span>'


def keeping_cut(change: Callable[[str], str]) -> Callable[[str], str]:
    """``change`` (a text's typesetting: "IT/OT" unbroken) as a filter that keeps a ``Cut`` a
    ``Cut``: its text changed, its marker still printed after it (a cut card title lost its
    "[…]" to the filter's plain string)."""
    def changed(text: str) -> str:
        return Cut(change(str(text)), text.marker) if isinstance(text, Cut) else change(text)
    return changed


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to keep at most ``limit`` characters: at a space within the last
    few characters if there is one, else between two user-perceived characters."""
    if len(text) <= limit:
        return len(text)
    space = text.rfind(" ", max(0, limit - _WORD_BACKOFF), limit + 1)
    if space > 0:
        return space
    end = limit
    while end > 0 and _joins_previous(text, end):
        end -= 1
    return end or limit  # a run of marks longer than the limit: cut it anyway


# a sentence's end: its mark, closing quotes or brackets, then a space (the cut keeps the mark)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s)")
# a clause's end: a comma, semicolon or colon before a space, or a dash between spaces (the cut
# leaves the mark out)
_CLAUSE_END = re.compile(r"[,;:·](?=\s)|\s[–—-](?=\s)")


def phrase_point(text: str, limit: int, sentence: int = 120, clause: int = 60) -> int:
    """Where to cut ``text`` to keep at most ``limit`` characters, at the end of a phrase: after
    the last sentence that ends at most ``sentence`` characters before the limit (and a third
    of it), else before the last clause mark (a comma, a semicolon, a colon, a dash) at most
    ``clause`` characters before it (and a quarter of it), else at a word (``cut_point``). A
    cut in the middle of a phrase ("to look at where your stops actually wer […]") reads as a
    misprint (the fresh-eyes review, issue 16)."""
    if len(text) <= limit:
        return len(text)
    # never more than a third of what is kept (a quarter for a clause)
    sentence, clause = min(sentence, limit // 3), min(clause, limit // 4)
    head = text[:limit + 1]
    ends = [m.end() for m in _SENTENCE_END.finditer(head) if m.end() <= limit]
    if ends and ends[-1] >= max(1, limit - sentence):
        return ends[-1]
    marks = [m.start() for m in _CLAUSE_END.finditer(head) if m.start() <= limit]
    if marks and marks[-1] >= max(1, limit - clause):
        return marks[-1]
    return cut_point(text, limit)


def _joins_previous(text: str, i: int) -> bool:
    """``text[i]`` belongs to the same user-perceived character as ``text[i - 1]``."""
    char, before = text[i], text[i - 1]
    code = ord(char)
    if 0x1F1E6 <= code <= 0x1F1FF and 0x1F1E6 <= ord(before) <= 0x1F1FF:
        run = 0  # regional indicators before ``char``: a flag is a pair
        while i - 1 - run >= 0 and 0x1F1E6 <= ord(text[i - 1 - run]) <= 0x1F1FF:
            run += 1
        return run % 2 == 1
    return (unicodedata.category(char) in ("Mn", "Mc", "Me") or before == "\u200d"
            or char == "\u200d" or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF
            or 0xE0020 <= code <= 0xE007F or (char == "\n" and before == "\r"))


def marker(left_out: int, where: str) -> str:
    """What a cut text ends with, in the edition's language (``where``: a msgid)."""
    return ngettext(" [… %(num)s more character not printed: the full text is %(where)s]",
                    " [… %(num)s more characters not printed: the full text is %(where)s]",
                    left_out, where=gettext(where))


@dataclass
class Reductions:
    """What one edition leaves out, collected while its context and HTML are built."""

    # what was cut: a msgid and its names, e.g. ("the notes of %(name)s", (("name", "Acme"),))
    cuts: list[tuple[str, tuple[tuple[str, str], ...]]] = field(default_factory=list)
    compact_accounts: int = 0  # accounts printed as lines (0: as cards)
    accounts_not_printed: int = 0  # accounts past the end of the compact list
    line_limit: int = ACCOUNT_LINE_LIMIT  # where that list stopped
    schedule: dict | None = None  # the part of the rep's schedule not printed
    lists: int = 0  # names left out of lists

    def text(self, value: str, limit: int, what: str, **names: str) -> str:
        """``value``, or a ``Cut`` of it if it is longer than ``limit``. ``what`` names the
        text on the contents page: a msgid (``N_``) whose placeholders ``names`` fill."""
        if len(value) <= limit:
            return value
        end = phrase_point(value, limit)
        said = marker(len(value) - end, _APP)
        if len(said) >= len(value) - end:  # the marker would take more room than the cut saves
            return value
        self.cut(what, **names)
        return Cut(value[:end].rstrip(), said)

    def cut(self, what: str, **names: str) -> None:
        """Note a text cut short: ``what`` (a msgid) with its ``names``."""
        self.cuts.append((what, tuple(names.items())))

    def clip(self, value: str, limit: int, what: str, **names: str) -> str:
        """``value`` cut to about ``limit`` characters and ended with "…", for a line that has
        no room for the marker (the contents page still says what was cut)."""
        if len(value) <= limit:
            return value
        self.cut(what, **names)
        return value[:cut_point(value, limit - 1)].rstrip() + "…"

    def paragraphs(self, value: str, limit: int, what: str, **names: str) -> list[str]:
        """Free text split into paragraphs on blank lines, cut after ``limit`` characters."""
        text = value.replace("\r\n", "\n")
        kept = self.text(text, limit, what, **names)
        paras = [p.strip() for p in kept.split("\n\n") if p.strip()]
        if isinstance(kept, Cut):
            last = paras.pop() if paras else ""
            paras.append(Cut(last, kept.marker))
        return paras

    def names(self, items: list[str], what: str) -> list[str]:
        """At most ``LIST_LIMIT`` names, the last one saying how many more there are."""
        if len(items) <= LIST_LIMIT:
            return [self.text(i, SHORT_TEXT, what) for i in items]
        self.lists += len(items) - LIST_LIMIT
        return [*(self.text(i, SHORT_TEXT, what) for i in items[:LIST_LIMIT]),
                gettext("and %(count)s more", count=len(items) - LIST_LIMIT)]

    def net(self, value: object) -> object:
        """Jinja's ``finalize``: any plain string longer than ``ANY_TEXT`` is cut (a value no
        rule above covers). The marker is plain text: the value may sit in an attribute."""
        if isinstance(value, str) and len(value) > ANY_TEXT and not hasattr(value, "__html__"):
            end = cut_point(value, ANY_TEXT)
            self.cut(N_("the text starting “%(start)s…”"),
                     start=value[:cut_point(value, 24)])
            return value[:end].rstrip() + marker(len(value) - end, _APP)
        return value

    @property
    def reduced(self) -> bool:
        return bool(self.cuts or self.compact_accounts or self.schedule or self.lists
                    or self.accounts_not_printed)

    def notes(self) -> list[str]:
        """One sentence per kind of reduction, for the reader of the PDF, the CLI and the app."""
        notes = []
        app = gettext(_APP)
        if self.compact_accounts:
            notes.append(gettext(
                "The %(count)s accounts are printed as a compact list, one line each (cards with "
                "reasons, notes and contacts up to %(cards)s accounts); the details are %(app)s.",
                count=self.compact_accounts, cards=CARD_LIMIT, app=app))
        if self.accounts_not_printed:
            notes.append(gettext(
                "The list stops after %(count)s accounts (tier A first); the other %(rest)s are "
                "%(app)s.", count=self.line_limit, rest=self.accounts_not_printed, app=app))
        if self.schedule:
            s = self.schedule
            notes.append(ngettext(
                "The schedule prints its first week (%(printed)s, to %(until)s); the other "
                "%(rest)s, to %(last)s, are in the calendar or task list exported from "
                "Prospector.",
                "The schedule prints its first %(num)s weeks (%(printed)s, to %(until)s); the "
                "other %(rest)s, to %(last)s, are in the calendar or task list exported from "
                "Prospector.", s["weeks"], printed=plural(s["printed"], "touch"),
                until=s["printed_until"], rest=plural(s["rest"], "touch"), last=s["last"]))
        if self.cuts:
            # each text once, by its name's first words: a long title printed in full here made
            # the notice repeat it (the long-text plan's "the asset of Phone: … Phone: …")
            named = list(dict.fromkeys(
                gettext(what, **{k: _short_name(v) for k, v in names})
                for what, names in sorted(set(self.cuts), key=self.cuts.index)))
            shown = ", ".join(named[:3]) + (" " + gettext("and %(count)s more",
                                                          count=len(named) - 3)
                                            if len(named) > 3 else "")
            notes.append(ngettext(
                "%(num)s long text is cut short, marked where cut (%(which)s); the full text is "
                "%(app)s.",
                "%(num)s long texts are cut short, marked where cut (%(which)s); the full text "
                "is %(app)s.", len(set(self.cuts)), which=shown, app=app))
        if self.lists:
            notes.append(gettext("Long lists (names, contacts, the coach's findings) stop, "
                                 "saying how many more there are (%(count)s in all).",
                                 count=self.lists))
        return notes


NOTE_NAME = 40  # characters of a name the notice of cut texts prints


def _short_name(name: str) -> str:
    """A name as the notice of cut texts prints it: its first ``NOTE_NAME`` characters, cut at
    a word, with "…"."""
    flat = " ".join(name.split())
    if len(flat) <= NOTE_NAME:
        return flat
    return flat[:cut_point(flat, NOTE_NAME - 1)].rstrip(" ,;:-–—·") + "…"


# The Reductions of the edition whose HTML is being rendered (read by Jinja's finalize).
current: ContextVar[Reductions | None] = ContextVar("playbook_reductions", default=None)


def finalize(value: object) -> object:
    reductions = current.get()
    return reductions.net(value) if reductions is not None else value
