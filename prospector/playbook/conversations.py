"""The sales conversations in a playbook: objections, discovery questions, what counts as an
opportunity, and one call card per persona (see METHOD.md, "Sales conversations").

Pure: the plan in, the templates' values out; ``context.build_context`` calls :func:`build`.
A rep's edition holds what serves the personas of the rep's accounts (the persona of each
contact), plus what is meant for everyone (an item with no personas); when the rep's accounts
name no persona, it holds everything. A chapter with nothing to print is left out of the edition.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from ..model import (
    FRAMEWORK_LABELS,
    STAGE_LABELS,
    Cadence,
    Channel,
    DiscoveryQuestion,
    Objection,
    Persona,
    Plan,
    TargetAccount,
    ValueTouch,
)
from ..sections import Chapter
from . import limits
from .limits import Cut, Reductions, cut_point

_STAGE_ORDER = {stage: i for i, stage in enumerate(STAGE_LABELS)}
CARD_MARK = " […]"  # after a text cut to fit a call card; the card's foot says where the rest is
CONVERSATION_CHAPTERS = ("objections", "questions", "call_cards", "qualification")


_Item = TypeVar("_Item", Objection, DiscoveryQuestion)  # what serves some personas at a stage


# --- who an edition is for -------------------------------------------------------------------
def edition_personas(plan: Plan, accounts: Sequence[TargetAccount] | None) -> list[Persona]:
    """The personas an edition serves, in the plan's order: every one in the leader's
    (``accounts`` None); in a rep's, those of the contacts of the rep's accounts, or every one
    if those contacts name none."""
    if accounts is None:
        return list(plan.personas)
    named = {c.persona_id for a in accounts for c in a.contacts if c.persona_id}
    return [p for p in plan.personas if p.id in named] if named else list(plan.personas)


def _serves(item: Objection | DiscoveryQuestion, persona_ids: set[str]) -> bool:
    return not item.persona_ids or bool(persona_ids.intersection(item.persona_ids))


def _roles(plan: Plan, persona_ids: Iterable[str]) -> list[str]:
    return [p.role for p in (plan.persona(pid) for pid in persona_ids) if p]


# --- the chapters ----------------------------------------------------------------------------
def _objection(plan: Plan, o: Objection, red: Reductions) -> dict[str, Any]:
    what = f"the response to “{quote(o.says, 40)}”"
    diff = plan.differentiator(o.differentiator_id)
    if diff and diff.proof:
        proof = red.text(diff.proof, limits.TRACK_TEXT, f"the proof of {what}")
        proof_of = diff.difference
    else:
        proof = red.text(o.proof, limits.TRACK_TEXT, f"the proof of {what}")
        proof_of = ""
    roles = _roles(plan, o.persona_ids)
    return {"says": o.says, "stage": STAGE_LABELS[o.stage],
            "who": ", ".join(roles) if roles else "Anyone",
            "behind": red.text(o.behind, limits.TRACK_TEXT, f"what is behind {what}"),
            "response": red.text(o.response, limits.TRACK_TEXT, what),
            "proof": proof, "proof_of": proof_of}


def _question_groups(plan: Plan, questions: list[DiscoveryQuestion], personas: list[Persona],
                     red: Reductions) -> list[dict[str, Any]]:
    """Questions by stage (in the order conversations happen), then by persona (the plan's
    order; a question for two personas is under both), questions for everyone last."""
    def item(q: DiscoveryQuestion) -> dict[str, str]:
        what = f"“{quote(q.question, 40)}”"
        return {"question": q.question,
                "why": red.text(q.why, limits.TRACK_TEXT, f"why we ask {what}"),
                "good_answer": red.text(q.good_answer, limits.TRACK_TEXT,
                                        f"the good answer to {what}")}

    groups = []
    for stage, label in STAGE_LABELS.items():
        in_stage = [q for q in questions if q.stage == stage]
        if not in_stage:
            continue
        parts = [{"persona": p.role, "questions": [item(q) for q in in_stage
                                                   if p.id in q.persona_ids]}
                 for p in personas]
        general = [item(q) for q in in_stage if not q.persona_ids]
        if general:
            parts.append({"persona": "Any persona", "questions": general})
        groups.append({"stage": label, "personas": [p for p in parts if p["questions"]]})
    return [g for g in groups if g["personas"]]


def _qualification(plan: Plan, red: Reductions) -> dict[str, Any] | None:
    q = plan.qualification
    if not (q.criteria or q.notes or q.framework):
        return None
    return {"framework": FRAMEWORK_LABELS[q.framework] if q.framework else "",
            "criteria": [{"name": c.name,
                          "must_show": red.text(c.must_show, limits.TRACK_TEXT,
                                                f"what {c.name} must show")}
                         for c in q.criteria],
            "notes": red.paragraphs(q.notes, limits.PLAN_TEXT, "the notes on opportunities")}


def _definition(plan: Plan, chapter: Chapter | None) -> dict[str, Any]:
    """What the accountability chapter says of the targets that create opportunities."""
    names = [c.name for c in plan.qualification.criteria]
    counted = any(t.creates_opportunities for t in plan.accountability.targets)
    return {"counted": counted, "criteria": names, "joined": _and(names),
            "chapter": chapter.title if chapter and names else "",
            "anchor": "#opportunity-criteria" if chapter and names else ""}


def _and(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# --- call cards --------------------------------------------------------------------------------
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
    between words, with a short marker (a ``Cut``): a call card's texts, which must fit."""
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


def _by_likelihood(items: Sequence[_Item], persona: Persona) -> list[_Item]:
    """What serves ``persona``: their own first, then what is for everyone; each in the order
    of conversations (first call first), then the plan's order."""
    mine = [i for i in items if _serves(i, {persona.id})]
    return sorted(mine, key=lambda i: (not i.persona_ids, _STAGE_ORDER[i.stage]))


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


def _ask(cadences: Sequence[Cadence], persona: Persona) -> str:
    cadence = next((c for c in cadences if not c.persona_ids or persona.id in c.persona_ids),
                   None)
    step = next((s for s in cadence.ordered_steps() if s.is_ask), None) if cadence else None
    if step is None:
        return ""
    return step.objective or "Ask for a first meeting."


class _Card:
    """Collects which chapters hold the full text of what one card cuts."""

    def __init__(self) -> None:
        self.cut_from: list[str] = []

    def fit(self, text: str, room: int, where: str) -> str:
        kept = fit(text, room)
        if isinstance(kept, Cut) and where not in self.cut_from:
            self.cut_from.append(where)
        return kept


def _call_card(plan: Plan, persona: Persona, objections: list[Objection],
               questions: list[DiscoveryQuestion], cadences: Sequence[Cadence],
               touch_ids: set[str], titles: dict[str, str]) -> dict[str, Any]:
    card = _Card()
    in_plan = "the plan (open it in Prospector)"
    chapter = {key: f"“{titles[key]}”" if key in titles else in_plan
               for key in ("objections", "questions", "touches", "differentiation", "personas")}
    touch, opening = _opening(plan, persona)
    chosen = _by_likelihood(objections, persona)[:3]
    linked = Counter(o.differentiator_id for o in chosen
                     if plan.differentiator(o.differentiator_id))
    diff = (plan.differentiator(linked.most_common(1)[0][0]) if linked
            else next(iter(plan.differentiators), None))
    opening_where = chapter["touches"] if touch and touch.id in touch_ids else in_plan
    return {
        "id": persona.id,
        "role": persona.role,
        "title": card.fit(persona.role, limits.CARD_ROLE, chapter["personas"]),
        "cares_about": [card.fit(c, limits.CARD_CARE_TEXT, chapter["personas"])
                        for c in persona.cares_about[:limits.CARD_CARES]],
        "opening": card.fit(opening, limits.CARD_OPENING, opening_where) if opening else "",
        "opening_from": quote(touch.title, 70) if touch and opening else "",
        "questions": [card.fit(q.question, limits.CARD_QUESTION, chapter["questions"])
                      for q in _by_likelihood(questions, persona)[:3]],
        "objections": [{"says": card.fit(o.says, limits.CARD_SAYS, chapter["objections"]),
                        "response": card.fit(o.response, limits.CARD_RESPONSE,
                                             chapter["objections"]) if o.response else ""}
                       for o in chosen],
        "differentiator": {
            "difference": card.fit(diff.difference, limits.CARD_DIFFERENCE,
                                   chapter["differentiation"]),
            "proof": card.fit(diff.proof, limits.CARD_PROOF, chapter["differentiation"]),
        } if diff else None,
        "ask": card.fit(_ask(cadences, persona), limits.CARD_ASK, in_plan),
        "cut_from": card.cut_from,
    }


# --- all of it, for one edition ----------------------------------------------------------------
def build(plan: Plan, red: Reductions, chapters: Sequence[Chapter], *,
          accounts: Sequence[TargetAccount] | None = None,
          cadences: Sequence[Cadence] | None = None,
          touch_ids: set[str] | None = None) -> dict[str, Any]:
    """The conversation chapters' values for an edition whose chapters are ``chapters``: the
    leader's (``accounts`` None) or a rep's (their accounts, cadences and printed touches).

    ``"omit"`` names the chapters with nothing to print, which the edition leaves out."""
    personas = edition_personas(plan, accounts)
    ids = {p.id for p in personas}
    objections = [o for o in plan.objections if _serves(o, ids)]
    questions = [q for q in plan.questions if _serves(q, ids)]
    titles = {c.id: c.title for c in chapters}
    qualification = _qualification(plan, red)
    cards = ([_call_card(plan, p, objections, questions,
                         plan.cadences if cadences is None else cadences,
                         {t.id for t in plan.touches} if touch_ids is None else touch_ids,
                         titles)
              for p in personas] if objections or questions else [])
    omit = {key for key, empty in (("objections", not objections),
                                   ("questions", not questions),
                                   ("call_cards", not cards),
                                   ("qualification", qualification is None)) if empty}
    qualification_chapter = next((c for c in chapters if c.id == "qualification"
                                  and "qualification" not in omit), None)
    return {
        "objections": [_objection(plan, o, red) for o in objections],
        "question_groups": _question_groups(plan, questions, personas, red),
        "qualification": qualification,
        "definition": _definition(plan, qualification_chapter),
        "call_cards": cards,
        "call_cards_cut_from": _and(list(dict.fromkeys(w for c in cards for w in c["cut_from"]))),
        "omit": omit,
    }
