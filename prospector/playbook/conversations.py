"""The sales conversations in a playbook: objections, discovery questions, what counts as an
opportunity, and one call card per persona (see METHOD.md, "Sales conversations").

Pure: the plan in, the templates' values out; ``context.build_context`` calls :func:`build`.
A rep's edition holds what serves the personas of the rep's accounts (the persona of each
contact), plus what is meant for everyone (an item with no personas); when the rep's accounts
name no persona, it holds everything. A chapter with nothing to print is left out of the edition.

A call card holds its texts in full (``call_cards``), so that each text is printed once per
edition (issue 16), the objections chapter prints in full only what is on no card: an objection
a card holds whole is named there by the client's words, with "on the card for <persona>" and
the card's page (the first such card: one reference per item); so is the opening a card takes
from a touch, in the touches chapter (:func:`mark_openings`). A discovery question is the one
line printed on its card and in its chapter alike: a rep reads the questions from the chapter,
so it prints each whole (a line to ask, as an objection's words are the line heard) and refers
to the card; why we ask it and what a good answer tells us are printed there only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..coach import review
from ..model import (
    FRAMEWORK_LABELS,
    STAGE_LABELS,
    Cadence,
    DiscoveryQuestion,
    Objection,
    Persona,
    Plan,
    TargetAccount,
)
from ..sections import Chapter
from . import limits, qualification_page
from .addressed import paragraphs_to_the_rep
from .call_cards import call_card, handle, held_by, quote, serves
from .limits import Cut, Reductions
from .translations import N_, gettext
from .translations import words_and as _and


# --- who an edition is for -------------------------------------------------------------------
def edition_personas(plan: Plan, accounts: Sequence[TargetAccount] | None) -> list[Persona]:
    """The personas an edition serves, in the plan's order: every one in the leader's
    (``accounts`` None); in a rep's, those of the contacts of the rep's accounts, or every one
    if those contacts name none."""
    if accounts is None:
        return list(plan.personas)
    named = {c.persona_id for a in accounts for c in a.contacts if c.persona_id}
    return [p for p in plan.personas if p.id in named] if named else list(plan.personas)


def _roles(plan: Plan, persona_ids: Iterable[str]) -> list[str]:
    return [p.role for p in (plan.persona(pid) for pid in persona_ids) if p]


def _raised_by(roles: list[str]) -> str:
    """Who raises an objection: its personas' roles, or every persona when it names none (a
    sentence of its own: "von allen Personas", not "Von" + "Alle")."""
    if roles:
        return gettext("Raised by %(who)s") % {"who": ", ".join(roles)}
    return gettext("Raised by any persona")


# --- the chapters ----------------------------------------------------------------------------
def _objection(plan: Plan, o: Objection, red: Reductions,
               card: dict[str, str] | None = None) -> dict[str, Any]:
    roles = _roles(plan, o.persona_ids)
    if card:  # printed in full on a call card
        # its words whole (its name: a short sentence, at most 200 characters in the model)
        return {"id": o.id, "says": o.says,
                "stage": gettext(STAGE_LABELS[o.stage]),
                "raised_by": _raised_by(roles), "card": card}
    says = quote(o.says, 40)
    diff = plan.differentiator(o.differentiator_id)
    if diff and diff.proof:  # printed once, on the differentiator's card: referred to here
        proof, proof_of, proof_ref = "", handle(diff.difference), f"#diff-{diff.id}"
    else:
        proof = red.text(o.proof, limits.TRACK_TEXT,
                         N_("the proof of the response to “%(says)s”"), says=says)
        proof_of, proof_ref = "", ""
    return {"id": o.id, "says": o.says, "stage": gettext(STAGE_LABELS[o.stage]),
            "raised_by": _raised_by(roles),
            "behind": red.text(o.behind, limits.TRACK_TEXT,
                             N_("what is behind “%(says)s”"), says=says),
            "response": red.text(o.response, limits.TRACK_TEXT,
                               N_("the response to “%(says)s”"), says=says),
            "proof": proof, "proof_of": proof_of, "proof_ref": proof_ref, "card": None}


def _question_groups(plan: Plan, questions: list[DiscoveryQuestion], personas: list[Persona],
                     red: Reductions, on_card: dict[tuple[str, str], dict[str, str]]
                     ) -> list[dict[str, Any]]:
    """Questions by stage (in the order conversations happen), then by the personas they serve
    (a question for two personas is printed once, under both their roles; groups in the order
    of their first persona), questions for everyone last. Each question is printed whole; one a
    call card holds also refers to the card (``on_card``); why we ask it and what a good
    answer tells us are printed here only."""
    def item(q: DiscoveryQuestion, group: tuple[str, ...]) -> dict[str, Any]:
        what = quote(q.question, 40)
        card = on_card.get(("question", q.id))
        if card and group == (card["ref"].removeprefix("#card-"),):
            card = {**card, "role": ""}  # under the card's persona: "their call card"
        return {"id": q.id, "question": q.question,
                "card": card,
                "why": red.text(q.why, limits.TRACK_TEXT, N_("why we ask “%(question)s”"),
                                question=what),
                "good_answer": red.text(q.good_answer, limits.TRACK_TEXT,
                                        N_("the good answer to “%(question)s”"), question=what)}

    order = {p.id: i for i, p in enumerate(personas)}
    groups = []
    for stage, label in STAGE_LABELS.items():
        in_stage = [q for q in questions if q.stage == stage]
        if not in_stage:
            continue
        parts: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for q in in_stage:
            mine = tuple(sorted((pid for pid in dict.fromkeys(q.persona_ids) if pid in order),
                                key=order.__getitem__))
            if mine or not q.persona_ids:
                parts.setdefault(mine, []).append(item(q, mine))
        named = sorted((key for key in parts if key), key=lambda key: [order[k] for k in key])
        rows = [{"persona": " · ".join(personas[order[pid]].role for pid in key),
                 "questions": parts[key]} for key in named]
        if () in parts:
            rows.append({"persona": gettext("Any persona"), "questions": parts[()]})
        groups.append({"stage": gettext(label), "personas": rows})
    return [g for g in groups if g["personas"]]


def _qualification(plan: Plan, red: Reductions) -> dict[str, Any] | None:
    q = plan.qualification
    if not (q.criteria or q.notes or q.framework):
        return None
    return {"framework": gettext(FRAMEWORK_LABELS[q.framework]) if q.framework else "",
            "criteria": [{"name": c.name,
                          "must_show": red.text(c.must_show, limits.TRACK_TEXT,
                                                N_("what %(name)s must show"), name=c.name)}
                         for c in q.criteria],
            "notes": red.paragraphs(q.notes, limits.PLAN_TEXT,
                                    N_("the notes on opportunities"))}


def _definition(plan: Plan, chapter: Chapter | None) -> dict[str, Any]:
    """What the accountability chapter says of the targets that create opportunities."""
    names = [c.name for c in plan.qualification.criteria]
    counted = any(t.creates_opportunities for t in plan.accountability.targets)
    return {"counted": counted, "criteria": names, "joined": _and(names),
            "chapter": gettext(chapter.title) if chapter and names else "",
            "anchor": "#opportunity-criteria" if chapter and names else ""}


# --- what the call cards hold --------------------------------------------------------------------
def cards_holding(cards: Sequence[dict[str, Any]]) -> dict[tuple[str, str], dict[str, str]]:
    """("question" | "objection" | "touch", id) -> the first card that holds it whole (its
    ``ref`` and the card's ``role``; for a touch, the ``part`` of it the card opens with)."""
    held: dict[tuple[str, str], dict[str, str]] = {}
    for card in cards:
        here = {"ref": f"#card-{card['id']}", "role": card["role"]}
        for kind in ("question", "objection"):
            for item in card[f"{kind}s"]:
                if item["whole"]:
                    held.setdefault((kind, item["id"]), here)
        if card["opening_of"]:
            held.setdefault(("touch", card["opening_of"]["touch"]),
                            {**here, "part": card["opening_of"]["part"],
                             "paragraphs": card["opening_of"]["paragraphs"]})
    return held


def mark_openings(channels: list[dict[str, Any]],
                  cards: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """In the touches chapter's ``channels``, a touch whose opening a call card prints in full
    leaves that part out (its value, or its message's first paragraph, with the label before it
    if it has one) and refers to the card
    (``opening_card``): the opening is printed once, where the rep reads it on a call.
    Returns ``channels``."""
    held = cards_holding(cards)
    for touch in (t for group in channels for t in group["touches"]):
        card = held.get(("touch", touch["id"]))
        touch["opening_card"] = card
        if card is None:
            continue
        if card["part"] == "value":
            touch["value"] = ""
            continue
        message = touch["message"]
        skip = card["paragraphs"]  # the opening, and its label if it has one
        rest = message.replace("\r\n", "\n").split("\n\n", skip)[skip:]
        kept = rest[0].strip() if rest else ""
        touch["message"] = (Cut(kept, message.marker) if isinstance(message, Cut) and kept
                            else kept)
    return channels


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
    objections = [o for o in plan.objections if serves(o, ids)]
    questions = [q for q in plan.questions if serves(q, ids)]
    titles = {c.id: gettext(c.title) for c in chapters}
    qualification = _qualification(plan, red)
    flagged = frozenset(f.item_id for f in review(plan).findings  # warnings and blockers
                        if f.item_id and f.section in ("objections", "questions")
                        and f.severity != "tip") if objections or questions else frozenset()
    cadences = plan.cadences if cadences is None else cadences
    touch_ids = {t.id for t in plan.touches} if touch_ids is None else touch_ids
    cards: list[dict[str, Any]] = []
    # each text once (issue 16): an objection a card prints in full, the cards after it refer
    # to (a short response they repeat); each card prints its own opening (call_cards.held_by)
    held: dict[tuple[str, str], dict[str, str]] = {}
    for p in personas if objections or questions else []:
        cards.append(call_card(plan, p, objections, questions, cadences, touch_ids, titles,
                               flagged, held))
        held = {**held_by(cards[-1]), **held}
    if accounts is not None:  # what to write before printing is the leader's note, not a rep's
        for card in cards:
            card["opening_missing"] = ""
        if qualification:  # "How you count": the leader's note spoken to the rep
            qualification["notes"] = paragraphs_to_the_rep(qualification["notes"])
    on_card = cards_holding(cards)
    omit = {key for key, empty in (("objections", not objections),
                                   ("questions", not questions),
                                   ("call_cards", not cards),
                                   ("qualification", qualification is None)) if empty}
    qualification_chapter = next((c for c in chapters if c.id == "qualification"
                                  and "qualification" not in omit), None)
    return {
        "objections": [_objection(plan, o, red, on_card.get(("objection", o.id)))
                       for o in objections],
        "question_groups": _question_groups(plan, questions, personas, red, on_card),
        "qualification": qualification,
        # the chapter on one page, its title with its checklist, when it fits one
        "qualification_whole": qualification_page.kept_whole(qualification,
                                                             plan.basics.page_size),
        "definition": _definition(plan, qualification_chapter),
        "call_cards": cards,
        "call_cards_cut_from": _and(list(dict.fromkeys(w for c in cards for w in c["cut_from"]))),
        "omit": omit,
    }
