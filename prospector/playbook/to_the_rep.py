"""The plan's words about "the rep", said to the rep: the rep's edition addresses its reader.

A sales leader writes the plan about reps ("The rep records the four criteria in the CRM");
the rep's edition prints such a text to the rep ("You record the four criteria in the CRM").
``to_the_rep()`` rewrites "the rep" (also "each rep", "every rep", "a rep") as "you" and "the
rep's" as "your"; where "the rep" starts a clause, the verb after it loses its third-person
ending ("records" -> "record", "has" -> "have"). Other words are left as written.
"""

from __future__ import annotations

import re

from .limits import Cut

_WHO = r"(?:the|each|every|a) rep"
_POSSESSIVE = re.compile(rf"\b{_WHO}(?:'s|’s)\b", re.IGNORECASE)
# "the rep" starting a clause (the text's start, after . ; : or a comma, "and", "then"), with
# the verb after it (after an adverb: "the rep always records"), and "the rep" anywhere else
_ADVERB = r"(?:always|also|never|only|still|first|usually|often|sometimes|rarely|then)\s+"
_SUBJECT = re.compile(
    rf"(^|[.;:!?,]\s+|\b(?:and|then|so)\s+)({_WHO})(\s+(?:{_ADVERB})?)([A-Za-z]+)",
    re.IGNORECASE)
_ANYWHERE = re.compile(rf"\b{_WHO}\b", re.IGNORECASE)
_IRREGULAR = {"has": "have", "is": "are", "was": "were", "does": "do", "goes": "go"}
_NOT_VERBS = {"sometimes", "thus", "perhaps", "afterwards", "always", "also"}
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)(you|your)\b")


def _verb(word: str) -> str:
    """"records" -> "record", "has" -> "have", "tries" -> "try", "reaches" -> "reach";
    a word that is no third-person verb as it was."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return _IRREGULAR[lower]
    if lower in _NOT_VERBS or not lower.endswith("s") or lower.endswith("ss"):
        return word
    if lower.endswith("ies"):
        return word[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def to_the_rep(text: str) -> str:
    """``text`` with "the rep" said as "you" (see the module's doc); a ``Cut`` stays cut."""
    said = _POSSESSIVE.sub("your", str(text))
    said = _SUBJECT.sub(lambda m: f"{m.group(1)}you{m.group(3)}{_verb(m.group(4))}", said)
    said = _ANYWHERE.sub("you", said)
    said = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).capitalize(), said)
    return Cut(said, text.marker) if isinstance(text, Cut) else said
