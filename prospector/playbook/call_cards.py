"""Call cards: the one page a rep keeps beside the phone for one persona (METHOD.md).

What goes on a persona's card is decided here: the opening of their first phone touch, their
three likeliest questions and objections, the differentiator those objections lean on, and the
ask of their cadence. A rep on a call cannot turn pages, so the card carries its texts in full:
the opening, each question, and each objection with what is behind it, the response and its
proof (a differentiator's proof, printed once on its card in the differentiation chapter, is
named with its page). An edition prints each text of the plan once (issue 16): what a card
holds in full, the other chapters name by its first words with the card's page (see
``conversations``). The cards repeat one another little (the fresh-eyes review: two printed
the same responses): an objection's response is printed on the first card that has it, and the
cards after it name the objection by its words with the page of its response
(:func:`held_by`); a response of two lines or less stays whole on each, what a rep says on the
call. What a rep says first stays on every card: its opening (a later review: sent from card to
card in the middle of a call, the rep lost the card's point), and its questions (one line each).

So is how much of each text fits: a card is one page, whatever the plan holds. Each text has a
kind in ``limits.CARD_TEXTS``; :func:`fit_card` counts its lines in the fonts' own widths and
gives each text its room, cutting first what is behind an objection and its proof, then the
longest, with a short marker, so that the card's texts stay within the height measured to fit
its page size (``limits.CARD_PAGES``). An item with a text cut on every card it is on is
printed in full in its chapter.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..model import (
    STAGE_LABELS,
    Cadence,
    CadenceStep,
    Channel,
    DiscoveryQuestion,
    Objection,
    Persona,
    Plan,
    ValueTouch,
)
from .anchors import script_anchor
from .limits import (
    CARD_PAGES,
    CARD_POINTS,
    CARD_TEXTS,
    CARD_WIDE_LINES,
    Cut,
    cut_point,
    phrase_point,
)
from .text_width import MM_PER_PT, fit_line, line_count, line_starts, text_mm
from .translations import N_, gettext, ngettext, number, quoted

HANDLE_WORDS = 5  # a handle never repeats a sentence of the plan (8 words or more: issue 16)
NAMED_WORDS = 7  # what a chapter says of a question or objection a card holds: the most words
# that are still no sentence of the plan
SEP = "\u00a0·\u00a0"  # between the points a persona cares about: held to both, a "·" never
# starts or ends a line (a wrapped "Cares about" line ended with one); it breaks within a point
INDEX_ROLE = 55  # the index of cards: a persona in at most two lines (characters)
INDEX_OPENING = 60  # and the touch it opens with
CARD_MARK = "\u00a0[…]"  # after a text cut to fit (held to its last word: alone on a line it
# took the line); the chapter's first page says where the rest is
SHORT_RESPONSE = 160  # characters: a response this short is repeated on every card that has
# its objection (two lines or less: a rep answers from the card); a longer one is printed on
# the first card and named with its page on the others (issue 16)
SHORTENED_FIRST = ("behind", "proof")  # an objection's texts a card cuts before any other
PHRASE_BACK = 70  # characters: how far back a card's cut looks for a sentence's end (about
# two thirds of a line), and half that for a clause's (call_cards._phrase)
IN_PLAN = N_("the plan (open it in Prospector)")
_STAGE_ORDER = {stage: i for i, stage in enumerate(STAGE_LABELS)}
_Item = TypeVar("_Item", Objection, DiscoveryQuestion)  # what serves some personas at a stage


def serves(item: Objection | DiscoveryQuestion, persona_ids: set[str]) -> bool:
    """``item`` is for one of ``persona_ids``, or for everyone (it names no persona)."""
    return not item.persona_ids or bool(persona_ids.intersection(item.persona_ids))


def by_likelihood(items: Sequence[_Item], persona: Persona,
                  flagged: frozenset[str] = frozenset()) -> list[_Item]:
    """What serves ``persona``: what the coach has nothing against first (a card prints the
    best the plan has, not a closed question or a response that argues), then their own before
    what is for everyone, each in the order of conversations (first call first), then the
    plan's order."""
    mine = [i for i in items if serves(i, {persona.id})]
    return sorted(mine, key=lambda i: (i.id in flagged, not i.persona_ids,
                                       _STAGE_ORDER[i.stage]))


# --- widths and cuts -------------------------------------------------------------------------
def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _fits(text: str, room: int) -> int:
    """How many characters of ``text`` fit in ``room`` widths (a wide character counts two)."""
    used = 0
    for i, char in enumerate(text):
        used += _width(char)
        if used > room:
            return i
    return len(text)


def _flat(text: str) -> str:
    """``text`` in one paragraph: its line breaks and runs of spaces one space each (its no-break
    spaces kept: they hold a separator to its items)."""
    return re.sub(r"[^\S\u00a0]+", " ", text).strip(" ")


def fit(text: str, room: int) -> str:
    """``text`` in one paragraph (its line breaks become spaces), cut to ``room`` characters
    (a ``_Text``'s room, already between words), with a short marker (a ``Cut``); a cut list
    never ends with its separator."""
    flat = _flat(text)
    if len(flat) <= room:
        return flat
    return Cut(flat[:room].rstrip(" ,;:-–·\u00a0"), CARD_MARK)


def quote(text: str, room: int) -> str:
    """A short quote of ``text`` (cut with an ellipsis, no marker): a name in a note."""
    flat = " ".join(text.split())
    end = _fits(flat, room)
    return flat if end == len(flat) else flat[:cut_point(flat, end - 1)].rstrip() + "…"


def handle(text: str, words: int = HANDLE_WORDS) -> str:
    """The first ``words`` words of ``text``, ended with "…" if there are more: what names a
    text printed in full elsewhere in the edition."""
    kept = " ".join(text.split()).split(" ")
    if len(kept) <= words:
        return " ".join(kept)
    return " ".join(kept[:words]).rstrip(" ,;:.-–—") + "…"


# --- fitting a card on one page --------------------------------------------------------------
@dataclass
class _Text:
    kind: str
    text: str
    where: str  # the chapter that prints it in full
    label: str = ""  # printed before it ("Proof: ")
    fixed: bool = False  # a reference (a page), never cut
    wider: float = 1.0  # the page's columns against A4's (``limits.CARD_PAGES``)
    beside: float = 0.0  # mm of its column taken by what stands beside it (the title's kicker)
    given: int = 0  # its lines, counted where it is made (a list: the calls), never cut
    room: int = 0  # characters it prints
    _lines: dict[int, int] = field(default_factory=dict, repr=False)  # room -> lines

    def __post_init__(self) -> None:
        self.text = _flat(self.text)
        self.room = len(self.text) if self.fixed else self._kept(
            _phrase(self.text, CARD_TEXTS[self.kind][5]))

    def _kept(self, room: int) -> int:
        """``room``, or the whole text when the cut would leave out no more than its marker
        takes (a marker longer than what it stands for)."""
        return len(self.text) if len(self.text) - room <= len(CARD_MARK) else room

    @property
    def whole(self) -> bool:
        """Printed in full on the card."""
        return self.room >= len(self.text)

    def _shown(self, room: int) -> str:
        return self.label + self.text[:room] + (CARD_MARK if room < len(self.text) else "")

    def column(self) -> float:
        """The width it is set in, in mm."""
        return CARD_TEXTS[self.kind][2] * self.wider - self.beside

    def lines(self, room: int | None = None) -> int:
        kept = self.room if room is None else room
        if self.given:
            return self.given
        if kept not in self._lines:
            font, size = CARD_TEXTS[self.kind][:2]
            self._lines[kept] = (line_count(self._shown(kept), self.column(), font, size)
                                 if self.text else 0)
        return self._lines[kept]

    def spare(self) -> int:
        """Lines it holds beyond what it always keeps."""
        return 0 if self.fixed else max(0, self.lines() - CARD_TEXTS[self.kind][4])

    def height(self) -> float:
        wide = any(unicodedata.east_asian_width(c) in ("W", "F") for c in self.text)
        return self.lines() * CARD_TEXTS[self.kind][3] * (CARD_WIDE_LINES if wide else 1)

    def drop_a_line(self) -> None:
        """Cut it to one line less, between words where it can: where its last line starts,
        then back a word at a time while the marker does not fit."""
        font, size = CARD_TEXTS[self.kind][:2]
        lines = self.lines()
        starts = line_starts(self._shown(self.room), self.column(), font, size)
        room = min(self.room, max(0, starts[lines - 1] - len(self.label)))
        room = self._kept(_phrase(self.text, room)) if 0 < room < len(self.text) else room
        while room > 0 and self.lines(room) >= lines:
            room = self._kept(_phrase(self.text, room - 1)) if room > 1 else 0
        self.room = room


def _phrase(text: str, room: int) -> int:
    """Where a card cuts ``text`` to keep at most ``room`` characters: at a sentence's end less
    than a line before, else a clause's end half a line before, else a word."""
    return phrase_point(text, room, sentence=PHRASE_BACK, clause=PHRASE_BACK // 2)


def _height(texts: list[_Text]) -> float:
    """The card's texts' height in mm: the difference beside the ask (a few words), the rest
    stacked."""
    return sum(t.height() for t in texts)


def fit_card(texts: list[_Text], page_size: str = "Letter") -> None:
    """Give each text its room: all of it up to its kind's most, then, while the card is too
    tall for ``page_size``, a line less for the text with the most lines beyond its floor:
    what is behind an objection and its proof first (``SHORTENED_FIRST``), then any text."""
    height, wider = CARD_PAGES[page_size]
    for t in texts:
        t.wider, t._lines = wider, {}
    while _height(texts) > height:
        first = [t for t in texts if t.kind in SHORTENED_FIRST and t.spare() > 0]
        longest = max(first or texts, key=lambda t: (t.spare(), len(t.text)))
        if longest.spare() <= 0:
            return  # every text at its floor: the measured fit
        longest.drop_a_line()


# --- what goes on a card ---------------------------------------------------------------------
_CALLED = (Channel.PHONE, Channel.IN_PERSON)  # a live conversation, the one a card is held for
FROM_MM, FROM_PT = 144.0, 8  # the line that says where the opening is from (beside "Open")
CALLS_MM, CALLS_PT, CALLS_LINES = 174.0, 9, 4  # the calls a card is for, under its opening
CALLS_GAP = 1.5  # mm between "Your calls:" and the list of calls beside it


def _kicker_mm() -> float:
    """The room the kicker ("CALL CARD", 8 pt bold capitals spaced 0.14 em, 5 mm from the title)
    takes on the title's line, in the edition's language (70-conversations.css)."""
    kicker = gettext("Call card").upper()
    return text_mm(kicker, "sans-bold", 8) + len(kicker) * 0.14 * 8 * MM_PER_PT + 5


def _cadence_for(cadences: Sequence[Cadence], persona: Persona) -> tuple[int, Cadence] | None:
    """The first of the edition's cadences that is for ``persona`` (or for everyone), with its
    number in the edition (its anchor ``#cad-N``)."""
    return next(((i, c) for i, c in enumerate(cadences, start=1)
                 if not c.persona_ids or persona.id in c.persona_ids), None)


def _asks(cadences: Sequence[Cadence]) -> set[str]:
    """The touches the edition's cadences make at a step that asks for a meeting."""
    return {s.touch_id for c in cadences for s in c.steps if s.is_ask and s.touch_id}


def _opening(plan: Plan, persona: Persona, cadences: Sequence[Cadence]
             ) -> tuple[ValueTouch | None, str, str]:
    """The opening of ``persona``'s card: the first paragraph of a call's talk track (a phone or
    in-person touch; a video's or an e-mail's first lines are written, not said), and where it
    is from (``source``):

    * ``"own"``: the first call written for them (or for everyone) that does not ask for the
      meeting, in the order their cadence makes it;
    * ``"cadence"``: else the first such call of their cadence, written for other personas (their
      own calls all ask for the meeting: an ask is no way to open a first conversation);
    * ``"ask"``: else their own first call, which asks;
    * no touch and no opening when none of these has a talk track (the leader's card then says
      what to write)."""
    asks = _asks(cadences)
    found = _cadence_for(cadences, persona)
    steps = found[1].ordered_steps() if found else []
    day: dict[str | None, int] = {}
    for step in steps:
        day.setdefault(step.touch_id, step.day)
    order = {t.id: i for i, t in enumerate(plan.touches)}
    calls = sorted((t for t in plan.touches if t.channel in _CALLED and first_paragraph(t.message)),
                   key=lambda t: (day.get(t.id, 10_000), order[t.id]))
    own = [t for t in calls if not t.persona_ids or persona.id in t.persona_ids]
    first = next((t for t in own if t.id not in asks), None)
    if first is not None:
        return first, first_paragraph(first.message), "own"
    in_cadence = {s.touch_id for s in steps if s.channel in _CALLED and not s.is_ask}
    first = next((t for t in calls if t.id in in_cadence and t.id not in asks), None)
    if first is not None:
        return first, first_paragraph(first.message), "cadence"
    if own:
        return own[0], first_paragraph(own[0].message), "ask"
    return None, "", ""


def _opening_from(touch: ValueTouch | None, source: str) -> str:
    """Where a card's opening is from, on one line beside "Open": the touch's title is cut to
    the room the words around it leave (the words themselves never: they are the catalog's)."""
    if touch is None:
        return ""
    if source == "cadence":
        label = N_("from the touch “%(touch)s”, the cadence’s first call (written for another "
                   "persona)")
    elif source == "ask":
        label = N_("from the touch “%(touch)s”: their first call asks for the meeting")
    else:
        label = N_("from the touch “%(touch)s”")
    room = FROM_MM - text_mm(gettext(label, touch=""), "sans", FROM_PT)
    title = " ".join(touch.title.split())
    if text_mm(title, "sans", FROM_PT) > room:
        title = fit_line(title, max(room, FROM_MM / 4), "sans", FROM_PT, name=False)
    return gettext(label, touch=title)


def _opening_missing(plan: Plan, persona: Persona) -> str:
    """What a card with no opening says instead: which touch to write a talk track for."""
    serving = [t for t in plan.touches if not t.persona_ids or persona.id in t.persona_ids]
    spoken = next((t for c in _CALLED for t in serving if t.channel == c), None)
    if spoken is not None:
        return gettext("No spoken opening yet: write the talk track of the touch “%(touch)s” "
                       "(its first paragraph is the opening).", touch=quote(spoken.title, 70))
    return gettext("No spoken opening yet: neither this persona nor its cadence has a phone or "
                   "in-person touch with a talk track; add one (its first paragraph is the "
                   "opening).")


def _calls(plan: Plan, persona: Persona, cadences: Sequence[Cadence], touch_ids: set[str],
           found: AskStep | None) -> dict[str, Any]:
    """The calls a rep makes with this card, one a line, on at most ``CALLS_LINES`` lines (the
    last says how many are left out, if any): each phone or
    in-person touch written for ``persona`` (or for everyone) that the edition's cadences for
    them make, in the order they come, with the days of the cadence it is made on (per cadence,
    named by its tiers, when there are several) and a link to its script when the edition prints
    it. ``more``: calls left out for room (the cadences chapter lists every step).

    One call is "(the ask)": the card's ask (``found``, ``_ask_step``), if it is a call. Other
    steps that ask too (a later visit, another tier's cadence) are not marked: two calls each
    "(the ask)" on one card left a rep asking which one is."""
    the_ask = found[2].touch_id if found else None
    mine = [c for c in cadences if not c.persona_ids or persona.id in c.persona_ids]
    rows: dict[str, dict[str, Any]] = {}
    for cadence in mine:
        label = (gettext("Tier %(tiers)s", tiers=", ".join(cadence.tiers)) if cadence.tiers
                 else quote(cadence.name, 30))
        for step in cadence.ordered_steps():
            touch = plan.touch(step.touch_id) if step.touch_id else None
            if (step.channel not in _CALLED or touch is None
                    or (touch.persona_ids and persona.id not in touch.persona_ids)):
                continue
            row = rows.setdefault(touch.id, {"touch": touch, "first": step.day,
                                             "ask": touch.id == the_ask, "days": {}})
            row["days"].setdefault(label, []).append(number(step.day))
    ordered = sorted(rows.values(), key=lambda r: r["first"])
    items: list[tuple[dict[str, str], str]] = []  # each call, and the text it prints
    for row in ordered:
        touch = row["touch"]
        # the same days in each of their cadences (or they have one): no cadence named
        alike = (len(row["days"]) == len(mine)
                 and len({tuple(ds) for ds in row["days"].values()}) == 1)
        days = "; ".join(ngettext("day %(days)s", "days %(days)s", len(ds), days=", ".join(ds))
                         + ("" if alike else f" ({name})")
                         for name, ds in (list(row["days"].items())[:1] if alike
                                          else row["days"].items()))
        title = quote(touch.title, 60)
        scripted = touch.id in touch_ids and bool(touch.message.strip())
        call = {"touch": gettext("%(touch)s (the ask)", touch=title) if row["ask"] else title,
                "days": days, "ref": script_anchor(touch.id) if scripted else ""}
        items.append((call, call["touch"] + ", " + days
                      + (", " + gettext("script, p.") + " 99" if scripted else "")))

    # one call a line (a call longer than its line wraps), under "Your calls:", beside it
    width = CALLS_MM - text_mm(gettext("Your calls:"), "sans-bold", CALLS_PT) - CALLS_GAP
    lines = [line_count(i, width, "sans", CALLS_PT) for _c, i in items]
    count = len(items)  # as many whole calls as fit the lines, with a line for the rest
    while count > 1 and sum(lines[:count]) + (count < len(items)) > CALLS_LINES:
        count -= 1
    left = len(items) - count
    return {"calls": [c for c, _i in items[:count]], "more": left,
            "more_text": ngettext("%(num)s more call: see the cadences",
                                  "%(num)s more calls: see the cadences", left) if left else "",
            "lines": sum(lines[:count]) + (left > 0)}


def _paragraphs(message: str) -> list[str]:
    return [p.strip() for p in message.replace("\r\n", "\n").split("\n\n")]


def opening_paragraphs(message: str) -> int:
    """How many of a message's first paragraphs its opening takes: one, or two when the first is
    only a label for what follows ("Talk track (in person or on the phone):"), which goes with
    it but is not said."""
    paragraphs = _paragraphs(message)
    first = paragraphs[0]
    return 2 if (len(paragraphs) > 1 and first.endswith(":") and "\n" not in first
                 and len(first) <= 80) else 1


def first_paragraph(message: str) -> str:
    """A message's opening: its first paragraph (up to the first blank line), or its second when
    the first is a label (``opening_paragraphs``). What a card opens with."""
    return _paragraphs(message)[opening_paragraphs(message) - 1]


AskStep = tuple[int, Cadence, CadenceStep, int]  # a cadence's number, it, its step, the step's


def _ask_step(cadences: Sequence[Cadence], persona: Persona) -> AskStep | None:
    """The card's ask: the first step that asks for a meeting in the first of ``cadences`` for
    ``persona`` (or for all), as (the cadence's number, the cadence, the step, its number), or
    None."""
    index, cadence = next(((i, c) for i, c in enumerate(cadences, start=1)
                           if not c.persona_ids or persona.id in c.persona_ids), (0, None))
    if cadence is None:
        return None
    return next(((index, cadence, s, n) for n, s in enumerate(cadence.ordered_steps(), start=1)
                 if s.is_ask), None)


def _ask(found: AskStep | None, plan: Plan, touch_ids: set[str]) -> dict[str, str]:
    """The card's ask (``found``: the first ask of the first cadence for its persona, or for
    all): its touch (else its objective's first words), which step it is and the link to what a
    rep says: its touch's script when the edition prints it (``touch_ids``), else its cadence's
    table, where its objective is printed ("" when no step asks)."""
    if found is None:
        return {"text": "", "where": "", "ref": ""}
    index, cadence, step, number = found
    touch = plan.touch(step.touch_id) if step.touch_id else None
    text = (handle(touch.title if touch else step.objective, 4)
            or gettext("Ask for a first meeting."))
    scripted = touch is not None and touch.id in touch_ids and touch.message.strip()
    return {"text": text, "where": gettext("step %(number)s of %(cadence)s", number=number,
                                           cadence=quote(cadence.name, 60)),
            "ref": script_anchor(touch.id) if touch is not None and scripted else f"#cad-{index}"}


def _proof(plan: Plan, objection: Objection) -> tuple[str, dict[str, Any] | None]:
    """An objection's proof on a card: its own text, or (its differentiator has a proof, printed
    once in the differentiation chapter) that differentiator named by its first words, with its
    page."""
    diff = plan.differentiator(objection.differentiator_id)
    if diff and diff.proof.strip():
        return "", {"of": handle(diff.difference), "ref": f"#diff-{diff.id}"}
    return objection.proof, None


def _response_ref(held: dict[str, str]) -> str:
    """The line a card prints for a response printed in full elsewhere (``held``: its ``ref``
    and the ``role`` of the card that holds it, "" for the objections chapter)."""
    if held["role"]:
        return gettext("Response: on the call card for %(persona)s,", persona=held["role"])
    return gettext("Response: in the objections,")


def _ref_line(objection: Objection, held: dict[str, str] | None, diff_proof: bool) -> str:
    """What a card prints for an objection printed in full elsewhere (``held``): where its
    response is; under a short response it repeats, where what is behind it and its proof are
    (nothing when it has neither). "" when the card holds it."""
    if held is None:
        return ""
    if len(_flat(objection.response)) <= SHORT_RESPONSE and objection.response.strip():
        more = objection.behind.strip() or objection.proof.strip() or diff_proof
        return _more_ref(held) if more else ""
    return _response_ref(held)


def _link(line: str, held: dict[str, str] | None) -> dict[str, str] | None:
    """The line a card prints for a text printed in full elsewhere, and the link to it."""
    return None if held is None else {"text": line, "ref": held["ref"]}


def _more_ref(held: dict[str, str]) -> str:
    """The line under a short response a card repeats: where what is behind it and its proof
    are."""
    if held["role"]:
        return gettext("Behind it and proof: on the call card for %(persona)s,",
                       persona=held["role"])
    return gettext("Behind it and proof: in the objections,")


def held_by(card: dict[str, Any]) -> dict[tuple[str, str], dict[str, str]]:
    """What ``card`` prints in full for the cards after it to refer to: ("objection", id) ->
    where it is in full (the card, or the objections chapter when the card cut it). Not the
    opening: every card prints its own, the first thing a rep says (sent from a card to another
    in the middle of a call, the rep lost the card's point; fresh-eyes review, stop 35)."""
    here = {"ref": f"#card-{card['id']}", "role": card["role"]}
    return {("objection", o["id"]): here if o["whole"] else {"ref": f"#obj-{o['id']}",
                                                              "role": ""}
            for o in card["objections"] if not o["ref"]}


def call_card(plan: Plan, persona: Persona, objections: list[Objection],
              questions: list[DiscoveryQuestion], cadences: Sequence[Cadence],
              touch_ids: set[str], titles: dict[str, str],
              flagged: frozenset[str] = frozenset(),
              held: dict[tuple[str, str], dict[str, str]] | None = None) -> dict[str, Any]:
    """``persona``'s card from the edition's objections, questions, cadences and printed
    touches; ``titles`` (chapter id -> title) say where a text cut on the card is in full.

    Each question and objection says whether the card holds it ``whole`` (the question, or what
    they say and the response, not cut; what is behind it and its proof may be shortened): its
    chapter then names it and refers to the card.

    ``held`` (``held_by`` of the cards before it): what the edition prints in full elsewhere
    (issue 16: no text twice). The card refers to it: an objection by its words (they name it)
    and the page of its response, which the card repeats only when it is short
    (``SHORT_RESPONSE``): what is behind it and its proof are printed once, where it is in
    full. Its opening it prints itself."""
    held = held or {}
    in_plan = gettext(IN_PLAN)
    where = {key: quoted(titles[key]) if key in titles else in_plan
             for key in ("objections", "questions", "touches", "differentiation", "personas")}
    touch, opening, source = _opening(plan, persona, cadences)
    part = "message"
    printed = touch is not None and touch.id in touch_ids
    asking = _ask_step(cadences, persona)
    calls = _calls(plan, persona, cadences, touch_ids, asking)
    chosen = by_likelihood(objections, persona, flagged)[:3]
    linked = Counter(o.differentiator_id for o in chosen
                     if plan.differentiator(o.differentiator_id))
    diff = (plan.differentiator(linked.most_common(1)[0][0]) if linked
            else next(iter(plan.differentiators), None))
    asked = by_likelihood(questions, persona, flagged)[:3]
    texts = {
        "title": _Text("title", persona.role, where["personas"], beside=_kicker_mm()),
        "cares": _Text("cares", SEP.join(_flat(p) for p in persona.cares_about[:CARD_POINTS]),
                       where["personas"], gettext("Cares about:") + " "),
        "opening": _Text("opening", opening, where["touches"] if printed else in_plan),
    }
    missing = "" if opening else _opening_missing(plan, persona)
    if missing:  # in the opening's place, never cut
        texts["no opening"] = _Text("opening", missing, "", fixed=True)
    if calls["calls"]:  # never cut: whole calls, as many as fit its lines
        texts["calls"] = _Text("calls", gettext("Your calls:"), "", fixed=True,
                               given=calls.pop("lines"))
    for i, q in enumerate(asked):
        texts[f"question{i}"] = _Text("question", q.question, where["questions"])
    proofs = [_proof(plan, o) for o in chosen]
    below = [bool(diff and ref and ref["ref"] == f"#diff-{diff.id}") for _p, ref in proofs]
    proof_of = [None if ref is None else {**ref, "below": below[i]}
                for i, (_p, ref) in enumerate(proofs)]
    refs = [held.get(("objection", o.id)) for o in chosen]
    ref_lines = [_ref_line(o, r, bool(proofs[i][1])) for i, (o, r) in enumerate(
        zip(chosen, refs, strict=True))]
    for i, o in enumerate(chosen):
        texts[f"says{i}"] = _Text("says", o.says, where["objections"])
        # measured with the labels the card prints them with, in the edition's language
        behind_label, proof_label = gettext("Behind it:") + " ", gettext("Proof:") + " "
        if refs[i]:  # in full elsewhere: its words, a short response, where the rest is
            short = len(_flat(o.response)) <= SHORT_RESPONSE
            texts[f"behind{i}"] = _Text("behind", "", "")
            texts[f"response{i}"] = _Text("response", o.response if short else "", "",
                                          fixed=True)
            texts[f"proof{i}"] = _Text("proof", ref_lines[i] and ref_lines[i] + " "
                                       + gettext("p.") + " 99", "", fixed=True)
            continue
        texts[f"behind{i}"] = _Text("behind", o.behind, where["objections"], behind_label)
        texts[f"response{i}"] = _Text("response", o.response, where["objections"])
        own, ref = proofs[i]
        texts[f"proof{i}"] = (
            _Text("proof", own, where["objections"], proof_label) if ref is None
            else _Text("proof", gettext("see “%(part)s” below.",
                                        part=gettext("Our difference")) if below[i]
                       else gettext("under “%(difference)s”,", difference=ref["of"])
                       + " " + gettext("p.") + " 99", "", proof_label, fixed=True))
    if diff:
        # its proof's page is beside the heading "Our difference": no line of its own
        texts["difference"] = _Text("difference", diff.difference, where["differentiation"])
    fit_card([t for t in texts.values() if t.text], plan.basics.page_size)
    for i in range(len(chosen)):  # held by the card: the rest of these is in the plan only
        if texts[f"says{i}"].whole and texts[f"response{i}"].whole:
            texts[f"behind{i}"].where = texts[f"proof{i}"].where = in_plan
    cut_from: list[str] = []

    def text(key: str) -> str:
        t = texts[key]
        kept = fit(t.text, t.room)
        if isinstance(kept, Cut) and t.where not in cut_from:
            cut_from.append(t.where)
        return kept

    def whole(*keys: str) -> bool:
        return all(texts[k].whole for k in keys)

    return {
        "id": persona.id,
        "role": persona.role,
        "title": text("title"),
        "cares_about": text("cares"),
        "opening": text("opening"),
        # the touch and the part of it the card prints in full: its chapter refers to the card
        "opening_of": {"touch": touch.id, "part": part,
                       "paragraphs": opening_paragraphs(touch.message)}
        if touch and opening and printed and whole("opening") else None,
        "opening_from": quote(touch.title, 70) if touch and opening else "",
        # the index of cards: two lines a cell at most, so that the chapter's opening (kept on
        # one page) fits under a short chapter before it (the long-text plan: it took a page of
        # its own, and the page before was 61-64% white); the card names the persona in full.
        # In full where the opening starts a page all the same (second_layout.py)
        "index_role": quote(persona.role, INDEX_ROLE),
        "index_opening": quote(touch.title, INDEX_OPENING) if touch and opening else "",
        "opening_source": _opening_from(touch, source) if opening else "",
        # the index prints the touch once, across "Open with" and "The ask", when the card
        # opens with the call that asks (its two cells said the same)
        "opens_with_ask": bool(touch and opening and asking
                               and asking[2].touch_id == touch.id),
        "calls": calls,
        "opening_missing": missing,
        "questions": [{"id": q.id, "text": text(f"question{i}"), "whole": whole(f"question{i}")}
                      for i, q in enumerate(asked)],
        "objections": [{"id": o.id, "says": text(f"says{i}"), "behind": text(f"behind{i}"),
                        "response": text(f"response{i}"),
                        "proof": "" if proofs[i][1] or refs[i] else text(f"proof{i}"),
                        "proof_of": None if refs[i] else proof_of[i],
                        # printed in full elsewhere: the line (and link) to it
                        "ref": _link(ref_lines[i], refs[i]),
                        # what they say and the response in full: the card holds it
                        "whole": not refs[i] and whole(f"says{i}", f"response{i}")}
                       for i, o in enumerate(chosen)],
        "differentiator": {"difference": text("difference"),
                           "ref": f"#diff-{diff.id}" if diff.proof.strip() else ""}
        if diff else None,
        "ask": _ask(asking, plan, touch_ids),
        "cut_from": cut_from,
    }
