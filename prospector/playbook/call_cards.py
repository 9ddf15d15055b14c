"""Call cards: the one page a rep keeps beside the phone for one persona (METHOD.md).

What goes on a persona's card is decided here: the opening of their first phone touch, their
three likeliest questions and objections, the differentiator those objections lean on, and the
ask of their cadence. An edition prints each text of the plan once (issue 16): a text printed
in full in another chapter of the edition (the touch's script, a question, an objection's
response, a proof, the ask's objective) is on the card as a handle, its first words, with the
page that holds it ("p. 23", a link). So is how much of each text fits: a card is one page,
whatever the plan holds. Each text has a kind in ``limits.CARD_TEXTS``; :func:`fit_card` gives
each text its room, cutting the longest first with a short marker, so that the card's estimated
height stays within ``limits.CARD_HEIGHT`` (measured to fit on Letter paper, the shorter page).
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..model import (
    STAGE_LABELS,
    Cadence,
    Channel,
    DiscoveryQuestion,
    Objection,
    Persona,
    Plan,
    ValueTouch,
)
from .limits import CARD_HEIGHT, CARD_POINTS, CARD_TEXTS, Cut, cut_point

HANDLE_WORDS = 5  # a handle never repeats a sentence of the plan (8 words or more: issue 16)
CARD_MARK = " […]"  # after a text cut to fit; the chapter's first page says where the rest is
IN_PLAN = "the plan (open it in Prospector)"
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


def fit(text: str, room: int) -> str:
    """``text`` in one paragraph (its line breaks become spaces), cut to ``room`` widths
    between words, with a short marker (a ``Cut``)."""
    flat = " ".join(text.split())
    end = _fits(flat, room)
    if end == len(flat):
        return flat
    return Cut(flat[:cut_point(flat, end)].rstrip(" ,;:.-–"), CARD_MARK)


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
    units: int = 0
    room: int = 0

    def __post_init__(self) -> None:
        self.text = " ".join(self.text.split())
        self.units = sum(_width(c) for c in self.text) + (7 if self.kind == "proof" else 0)
        self.room = CARD_TEXTS[self.kind][3]

    def lines(self, room: int | None = None) -> int:
        per_line = CARD_TEXTS[self.kind][0]
        kept = min(self.units, self.room if room is None else room)
        cut = len(CARD_MARK) if kept < self.units else 0
        return math.ceil((kept + cut) / per_line)

    def spare(self) -> int:
        """Lines it holds beyond what it always keeps."""
        return self.lines() - self.lines(CARD_TEXTS[self.kind][2])

    def height(self) -> float:
        return self.lines() * CARD_TEXTS[self.kind][1]


def _height(texts: list[_Text]) -> float:
    """The card's texts' height in mm: the foot's two columns side by side, the rest stacked."""
    foot = {"difference", "proof"}
    stacked = sum(t.height() for t in texts if t.kind not in foot and t.kind != "ask")
    return stacked + max(sum(t.height() for t in texts if t.kind in foot),
                         sum(t.height() for t in texts if t.kind == "ask"))


def fit_card(texts: list[_Text]) -> None:
    """Give each text its room: all of it up to its kind's most, then, while the card is too
    tall, a line less for the text with the most lines beyond its floor."""
    while _height(texts) > CARD_HEIGHT:
        longest = max(texts, key=lambda t: (t.spare(), t.units))
        if longest.spare() <= 0:
            return  # every text at its floor: the measured fit
        per_line, _line, floor, _most = CARD_TEXTS[longest.kind]
        lines = longest.lines() - 1
        longest.room = (floor if lines <= longest.lines(floor)
                        else lines * per_line - len(CARD_MARK))


# --- what goes on a card ---------------------------------------------------------------------
def _opening(plan: Plan, persona: Persona) -> tuple[ValueTouch | None, str]:
    """The first phone touch for ``persona`` (else their first touch) and its opening: a phone
    touch's talk track up to its first blank line, else the touch's value (else message)."""
    serving = [t for t in plan.touches if not t.persona_ids or persona.id in t.persona_ids]
    touch = next((t for t in serving if t.channel == Channel.PHONE), None) or next(
        iter(serving), None)
    if touch is None:
        return None, ""
    first_part = touch.message.replace("\r\n", "\n").split("\n\n")[0].strip()
    if touch.channel == Channel.PHONE:
        return touch, first_part or touch.value
    return touch, touch.value or first_part


def _ask(cadences: Sequence[Cadence], persona: Persona, plan: Plan,
         touch_ids: set[str]) -> dict[str, str]:
    """The first ask of the first cadence for ``persona`` (or for all): its touch (else its
    objective's first words), which step it is and the link to what a rep says: its touch's
    script when the edition prints it (``touch_ids``), else its cadence's table, where its
    objective is printed ("" when no step asks)."""
    found = next(((i, c) for i, c in enumerate(cadences, start=1)
                  if not c.persona_ids or persona.id in c.persona_ids), None)
    if found is None:
        return {"text": "", "where": "", "ref": ""}
    index, cadence = found
    steps = cadence.ordered_steps()
    number, step = next(((n, s) for n, s in enumerate(steps, start=1) if s.is_ask),
                        (0, None))
    if step is None:
        return {"text": "", "where": "", "ref": ""}
    touch = plan.touch(step.touch_id) if step.touch_id else None
    text = handle(touch.title if touch else step.objective, 4) or "Ask for a first meeting."
    scripted = touch is not None and touch.id in touch_ids and touch.message.strip()
    return {"text": text, "where": f"step {number} of {quote(cadence.name, 60)}",
            "ref": f"#touch-{touch.id}" if touch is not None and scripted else f"#cad-{index}"}


def call_card(plan: Plan, persona: Persona, objections: list[Objection],
              questions: list[DiscoveryQuestion], cadences: Sequence[Cadence],
              touch_ids: set[str], titles: dict[str, str],
              flagged: frozenset[str] = frozenset()) -> dict[str, Any]:
    """``persona``'s card from the edition's objections, questions, cadences and printed
    touches; ``titles`` (chapter id -> title) say where a text cut on the card is in full."""
    where = {key: f"“{titles[key]}”" if key in titles else IN_PLAN
             for key in ("objections", "questions", "touches", "differentiation", "personas")}
    touch, opening = _opening(plan, persona)
    # the touch's script is printed in the touches chapter of this edition: the card names it
    opening_ref = f"#touch-{touch.id}" if touch and opening and touch.id in touch_ids else ""
    chosen = by_likelihood(objections, persona, flagged)[:3]
    linked = Counter(o.differentiator_id for o in chosen
                     if plan.differentiator(o.differentiator_id))
    diff = (plan.differentiator(linked.most_common(1)[0][0]) if linked
            else next(iter(plan.differentiators), None))
    asked = by_likelihood(questions, persona, flagged)[:3]
    texts = {
        "title": _Text("title", persona.role, where["personas"]),
        "cares": _Text("cares", " · ".join(persona.cares_about[:CARD_POINTS]),
                       where["personas"]),
        "opening": _Text("opening", "" if opening_ref else opening, IN_PLAN),
    }
    if diff:
        texts["difference"] = _Text("difference", diff.difference, where["differentiation"])
    fit_card([t for t in texts.values() if t.units])
    cut_from: list[str] = []

    def text(key: str) -> str:
        t = texts[key]
        kept = fit(t.text, t.room)
        if isinstance(kept, Cut) and t.where not in cut_from:
            cut_from.append(t.where)
        return kept

    return {
        "id": persona.id,
        "role": persona.role,
        "title": text("title"),
        "cares_about": text("cares"),
        "opening": text("opening"),
        "opening_ref": opening_ref,
        "opening_from": quote(touch.title, 70) if touch and opening else "",
        "questions": [{"text": handle(q.question), "ref": f"#q-{q.id}"} for q in asked],
        "objections": [{"says": handle(o.says), "ref": f"#obj-{o.id}",
                        "answered": bool(o.response.strip())} for o in chosen],
        "differentiator": {"difference": text("difference"),
                           "ref": f"#diff-{diff.id}" if diff.proof.strip() else ""}
        if diff else None,
        "ask": _ask(cadences, persona, plan, touch_ids),
        "cut_from": cut_from,
    }
