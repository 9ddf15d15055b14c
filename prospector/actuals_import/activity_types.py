"""What a CRM's activity type (and subtype) means for the plan: a touch on a channel, a meeting,
or something that is not a touch of the prospect at all.

Salesforce writes ``Type`` (Call, Email, Meeting, Other...) and ``Subtype`` (Task, Email, List
Email, Call, LinkedIn, Event); HubSpot writes ``Activity type`` as words or constants (CALL,
EMAIL, MEETING, LINKEDIN_MESSAGE, NOTE...). The most telling of the two is used: a subtype says
more than a type of "Other" or "Task".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..actuals.records import Happened
from ..fields import Channel
from ..messages import Note


class Reading(NamedTuple):
    kind: Happened | None  # None: not a touch of the prospect (not imported)
    channel: Channel | None
    why_not: str = ""  # when kind is None: why the row is not imported


_TOUCH = Happened.TOUCH
# Words of a type, folded to lower case with "_" and "-" as spaces; first match wins.
_WORDS: tuple[tuple[re.Pattern[str], Reading], ...] = tuple(
    (re.compile(pattern), reading) for pattern, reading in (
        (r"\b(note|notes)\b", Reading(None, None, Note("a note, not a touch of the prospect"))),
        (r"\b(incoming|received|inbound) (e ?mail|email)\b",
         Reading(None, None, Note("an e-mail the prospect sent, not a touch by the rep"))),
        (r"\b(meeting|event|appointment|demo)\b", Reading(Happened.MEETING, None)),
        (r"\b(video|zoom|teams|webex|google meet)\b", Reading(_TOUCH, Channel.VIDEO)),
        (r"\b(visit|in person|onsite|on site|field)\b", Reading(_TOUCH, Channel.IN_PERSON)),
        (r"\b(webinar|trade ?show|conference|exhibition)\b", Reading(_TOUCH, Channel.EVENT)),
        (r"\b(linkedin|social|inmail|twitter|xing|facebook|instagram)\b",
         Reading(_TOUCH, Channel.SOCIAL)),
        (r"\b(call|phone|dial|voicemail|cadence call)\b", Reading(_TOUCH, Channel.PHONE)),
        (r"\b(sms|text message|whatsapp|whats app)\b", Reading(_TOUCH, Channel.PHONE)),
        (r"\b(e ?mail|email|list email|mail merge|sequence)\b", Reading(_TOUCH, Channel.EMAIL)),
        (r"\b(letter|postal|direct mail|mail)\b", Reading(_TOUCH, Channel.MAIL)),
    ))
TYPE_CHARS = 80  # a type is a word or two; a longer cell is read by its start
_VAGUE = frozenset({"", "task", "other", "to do", "todo", "activity"})


def _words(text: str) -> str:
    return " ".join(re.split(r"[\s_\-/]+", text.strip().lower()))


def read_activity_type(type_text: str, subtype_text: str = "") -> Reading:
    """The touch a row's type and subtype describe. A vague type ("Task", "Other", none) is a
    touch on no particular channel."""
    for text in (subtype_text, type_text):
        words = _words(text[:TYPE_CHARS])
        if words in _VAGUE:
            continue
        for pattern, reading in _WORDS:
            if pattern.search(words):
                return reading
    return Reading(_TOUCH, None)
