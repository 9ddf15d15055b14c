"""What a target of the plan counts among the actuals.

Each target says what it counts (``Target.counts``):

- ``touches``: every touch logged (calls, e-mails, social messages, letters, tasks done);
- ``conversations``: live touches and meetings: calls, video calls, visits and events, and every
  meeting (the CRM logs a call when someone spoke with the prospect; an attempt is a task);
- ``meetings``: meetings held with a prospect;
- ``opportunities``: opportunities (deals) created;
- ``hand_entered``: what no export says (e.g. "new contacts mapped"): the weekly figures the
  leader enters by hand (``weekly.py``).

Every target may also get hand-entered figures: a week with a figure typed for a rep counts that
figure for the week, instead of the facts imported (``counts_towards`` is for the facts).

A target written before targets said what they count (schema 5) gets it from its metric's words
(``counts_for_metric``): "Value-creating touches delivered" counts touches, "Conversations with
decision makers" conversations, "First meetings held" meetings, "New qualified opportunities"
opportunities, and anything else is entered by hand.
"""

from __future__ import annotations

import re
from enum import StrEnum

from ..fields import Channel
from .records import Happened, LoggedFact


class Counts(StrEnum):
    TOUCHES = "touches"
    CONVERSATIONS = "conversations"
    MEETINGS = "meetings"
    OPPORTUNITIES = "opportunities"
    HAND_ENTERED = "hand_entered"

    @property
    def label(self) -> str:
        return COUNTS_LABELS[self]


COUNTS_LABELS = {
    Counts.TOUCHES: "Touches logged",
    Counts.CONVERSATIONS: "Conversations (calls, video, visits, meetings)",
    Counts.MEETINGS: "Meetings held",
    Counts.OPPORTUNITIES: "Opportunities meeting the definition",
    Counts.HAND_ENTERED: "Entered by hand each week",
}

LIVE_CHANNELS = frozenset({Channel.PHONE, Channel.VIDEO, Channel.IN_PERSON, Channel.EVENT})

# Checked in this order: "meetings that became opportunities" counts opportunities.
_METRIC_WORDS: tuple[tuple[Counts, re.Pattern[str]], ...] = (
    (Counts.OPPORTUNITIES, re.compile(r"\b(opportunit|deal|pipeline)", re.IGNORECASE)),
    (Counts.MEETINGS, re.compile(r"\b(meeting|appointment|demo)", re.IGNORECASE)),
    (Counts.CONVERSATIONS, re.compile(r"\b(conversation|connect|call|dial|talk)",
                                      re.IGNORECASE)),
    (Counts.TOUCHES, re.compile(r"\b(touch|activit|e-?mail|outreach|message)", re.IGNORECASE)),
)


def counts_for_metric(metric: str) -> Counts:
    """What a target named ``metric`` most likely counts (the default for older targets)."""
    for counts, words in _METRIC_WORDS:
        if words.search(metric):
            return counts
    return Counts.HAND_ENTERED


def counts_towards(fact: LoggedFact, counts: Counts) -> bool:
    """Whether an imported fact counts towards a target that counts ``counts``."""
    if counts is Counts.TOUCHES:
        return fact.kind is Happened.TOUCH
    if counts is Counts.CONVERSATIONS:
        return fact.kind is Happened.MEETING or (
            fact.kind is Happened.TOUCH and fact.channel in LIVE_CHANNELS)
    if counts is Counts.MEETINGS:
        return fact.kind is Happened.MEETING
    if counts is Counts.OPPORTUNITIES:
        return fact.kind is Happened.OPPORTUNITY
    return False
