"""The leader's notes as the rep's edition prints them: spoken to the rep.

A leader writes the plan's notes for the whole team ("The rep records the four criteria in the
CRM…"); the rep's edition speaks to its reader ("How you count"), so a sentence that opens with
the rep as its subject and a verb we know is printed to the reader: "You record the four
criteria in the CRM…". Rewriting "the rep" into "you" anywhere broke sentences ("You below the
target gets"): only the sentence's first words change, only before a verb in the list below, and
a sentence that goes on about the rep ("their", "he", "she") is printed as the leader wrote it.
"""

from __future__ import annotations

import re

from .limits import Cut

# the third person of the verbs a leader's note on counting or reviewing opens with, and the form
# that follows "You"; a verb not listed leaves its sentence as written
_VERBS = {verb: verb[:-1] for verb in (
    "adds", "asks", "blocks", "books", "brings", "calls", "checks", "closes", "confirms",
    "counts", "creates", "enters", "gets", "holds", "keeps", "logs", "makes", "marks",
    "meets", "names", "notes", "opens", "plans", "prepares", "records", "reports", "reviews",
    "sends", "shares", "shows", "starts", "takes", "tags", "ticks", "tracks", "updates", "uses",
    "writes")}
_VERBS |= {"has": "have", "is": "are", "does": "do", "goes": "go", "reaches": "reach",
           "finishes": "finish", "tries": "try", "carries": "carry", "fixes": "fix"}
_MODALS = ("must", "should", "can", "will", "may")

_SUBJECT = r"(?:The|Each|Every) (?:rep|sales rep|account executive)"
_OPENING = re.compile(rf"^{_SUBJECT} (?P<modal>(?:{'|'.join(_MODALS)}) )?(?P<verb>[a-z]+)\b")
# words that go on about the rep in the third person: "you" would not agree with them
_THIRD_PERSON = re.compile(r"\b(?:they|their|theirs|them|themselves|he|she|his|her|him)\b",
                           re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.;!?])(\s+)")


def to_the_rep(paragraph: str) -> str:
    """``paragraph`` with each sentence that opens "The rep records…" (or "Each rep …", "The
    rep must …") spoken to the reader: "You record…"; every other sentence as written."""
    parts = _SENTENCES.split(paragraph)
    return "".join(_sentence(part) for part in parts)


def _sentence(text: str) -> str:
    match = _OPENING.match(text)
    if not match or _THIRD_PERSON.search(text):
        return text
    modal, verb = match.group("modal"), match.group("verb")
    if modal:  # "The rep must record" -> "You must record"
        return "You " + text[len(match.group(0)) - len(modal) - len(verb):]
    if verb not in _VERBS:
        return text
    return f"You {_VERBS[verb]}" + text[match.end():]


def paragraphs_to_the_rep(paragraphs: list[str]) -> list[str]:
    """Each paragraph :func:`to_the_rep`; one cut short keeps its "[…]" mark."""
    return [Cut(to_the_rep(p), p.marker) if isinstance(p, Cut) else to_the_rep(p)
            for p in paragraphs]
