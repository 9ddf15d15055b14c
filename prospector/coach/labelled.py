"""How well the coach reads what leaders write: its findings on a set of labelled texts.

Each labelled text is one touch's value, one differentiator, one objection's response or one
discovery question, with what a seasoned sales leader would say of it: ``flag`` (and the rule
that should say it) or ``fine``. ``evaluate()`` puts each text into a plan of its own, runs the
whole coach (``review``) on it and compares the findings of the rules that judge that kind of
text with the label. A flag counts as found only when the expected rule fires; a flag from
another rule is both a false alarm and a miss.

The set lives in ``tests/data/coach_labelled_texts.json``; a test holds the figures to at least
0.9 and ``docs/coach-rules.md`` reports them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..model import Channel, Plan
from .engine import review

LABELLED_PATH = Path(__file__).resolve().parents[2] / "tests" / "data" / "coach_labelled_texts.json"
# The texts in German and French (touch values and differentiators, the kinds the phrase lists
# of each language judge), each with its own precision and recall.
LABELLED_PATHS_BY_LANGUAGE: dict[str, Path] = {
    language: LABELLED_PATH.with_name(f"coach_labelled_texts_{language}.json")
    for language in ("de", "fr")}

# The kinds of text, in the order the docs list them: what each is called and the rules that
# judge it.
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "touch_value": ("Touch values", ("touch-no-value", "touch-asks-for-time", "touch-about-us",
                                     "touch-empty-phrase", "touch-generic-claim")),
    "differentiator": ("Differentiators", ("differentiator-generic",)),
    "objection_response": ("Objection responses", ("objection-response-no-question",
                                                   "objection-response-argues")),
    "question": ("Discovery questions", ("question-closed", "question-about-us")),
}
_ITEM_ID = "lab-1"


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the coach said of one labelled text."""

    kind: str
    text: str
    expect: str  # "flag" or "fine"
    rule: str | None  # the rule expected to flag it
    fired: tuple[str, ...]  # the rules of its kind that fired

    @property
    def found(self) -> bool:
        return self.expect == "flag" and self.rule in self.fired

    @property
    def false_alarm(self) -> bool:
        return bool(self.fired) and not self.found

    @property
    def missed(self) -> bool:
        return self.expect == "flag" and not self.found


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall of the coach on some of the texts."""

    texts: int
    flagged: int  # texts labelled flag
    found: int
    false_alarms: int
    missed: int

    @property
    def precision(self) -> float:
        said = self.found + self.false_alarms
        return self.found / said if said else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.flagged if self.flagged else 1.0


def load(path: Path = LABELLED_PATH) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["items"]


def _plan(item: Mapping[str, str]) -> Plan:
    kind, text = item["kind"], item["text"]
    doc: dict = {"name": "Labelled text", "basics": {"company": item.get("company", "")}}
    if kind == "touch_value":
        doc["touches"] = [{"id": _ITEM_ID, "title": "Touch", "channel": Channel.EMAIL.value,
                           "value": text}]
    elif kind == "differentiator":
        # A text longer than a difference may hold was entered as a user would: the rest of it
        # as the differentiator's proof.
        doc["differentiators"] = [{"id": _ITEM_ID, "difference": text,
                                   "proof": item.get("proof", "")}]
    elif kind == "objection_response":
        doc["objections"] = [{"id": _ITEM_ID, "says": item.get("says", "Not interested."),
                              "response": text, "proof": "A case"}]
    elif kind == "question":
        doc["questions"] = [{"id": _ITEM_ID, "question": text}]
    else:
        raise ValueError(f"unknown kind of text: {kind}")
    return Plan.model_validate(doc)


def judge(item: Mapping[str, str]) -> Verdict:
    """Run the coach on one labelled text."""
    rules = KINDS[item["kind"]][1]
    fired = {f.rule_id for f in review(_plan(item)).findings
             if f.item_id == _ITEM_ID and f.rule_id in rules}
    return Verdict(item["kind"], item["text"], item["expect"], item.get("rule"),
                   tuple(r for r in rules if r in fired))


def score(verdicts: Iterable[Verdict]) -> Score:
    verdicts = list(verdicts)
    return Score(len(verdicts), sum(v.expect == "flag" for v in verdicts),
                 sum(v.found for v in verdicts), sum(v.false_alarm for v in verdicts),
                 sum(v.missed for v in verdicts))


def evaluate(items: Iterable[Mapping[str, str]]) -> tuple[list[Verdict], dict[str, Score]]:
    """Every text judged, and the scores per kind and overall (key ``"all"``)."""
    verdicts = [judge(item) for item in items]
    scores = {kind: score(v for v in verdicts if v.kind == kind) for kind in KINDS}
    scores["all"] = score(verdicts)
    return verdicts, scores
