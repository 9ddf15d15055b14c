"""One fact a CRM export logged: a touch, a meeting held or an opportunity created.

A fact is never edited: a later import of the same CRM row replaces it (``key``). The key is the
export's own row id where the export has one (``salesforce:00T5g000012abcD``), else a hash of the
fact's normalised fields (``hubspot:#3f9a1c2b4d5e6f70``), so that importing an overlapping
period again does not count anything twice. An opportunity's hash leaves out its stage and
amount: the same opportunity exported later, further along, is the same opportunity.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

from pydantic import ConfigDict, Field

from ..fields import Channel, Id, Part, PlanDate, Text

MAX_KEY_LENGTH = 120


class Happened(StrEnum):
    """What kind of fact: what the targets count (``counting.py``)."""

    TOUCH = "touch"  # a call, an e-mail, a LinkedIn message, a task done...
    MEETING = "meeting"  # a meeting held with the prospect
    OPPORTUNITY = "opportunity"  # an opportunity (a deal) created

    @property
    def label(self) -> str:
        return {"touch": "Touch", "meeting": "Meeting", "opportunity": "Opportunity"}[self.value]


class Source(StrEnum):
    SALESFORCE = "salesforce"
    HUBSPOT = "hubspot"
    MANUAL = "manual"

    @property
    def label(self) -> str:
        return {"salesforce": "Salesforce", "hubspot": "HubSpot", "manual": "Entered by hand"}[
            self.value]


class LoggedFact(Part):
    """A touch, meeting or opportunity of one rep on one day, as the CRM exported it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: Text = Field(..., min_length=1, max_length=MAX_KEY_LENGTH,
                      description="Identifies the fact across imports: the export's row id, or "
                                  "a hash of its fields.")
    kind: Happened
    rep_id: Id
    account_id: Id | None = Field(None, description="The plan's account; None for an account "
                                                    "outside the plan.")
    account_name: Text = Field("", max_length=300, description="The account as exported.")
    date: PlanDate
    channel: Channel | None = Field(None, description="How the touch was made; None when the "
                                                      "CRM's type says nothing of it.")
    subject: Text = Field("", max_length=1000)
    stage: Text = Field("", max_length=200, description="An opportunity's stage, as exported.")
    amount: float | None = Field(None, ge=0, allow_inf_nan=False,
                                 description="An opportunity's amount.")
    source: Source

    def __deepcopy__(self, memo: dict[int, object] | None = None) -> LoggedFact:
        """Itself: a fact never changes (frozen, of immutable values), so a deep copy of a plan
        shares its facts (a copy of 100,000 facts took 2.4 s)."""
        return self


def id_key(source: Source | str, row_id: str) -> str:
    """The key of a fact by the export's own row id (``"salesforce:00T5g000012abcD"``); "" when
    there is none (or it is too long to be one)."""
    source, row_id = str(source), row_id.strip()  # Source is a StrEnum: str() is its value
    return f"{source}:{row_id}" if row_id and len(source) + 1 + len(row_id) <= MAX_KEY_LENGTH \
        else ""


def fact_key(source: Source | str, row_id: str, *fields: str) -> str:
    """The key of a fact: ``"<source>:<row id>"``, or without a row id ``"<source>:#<hash>"``
    of ``fields`` (already normalised by the caller: folded names, ISO dates)."""
    by_id = id_key(source, row_id)
    if by_id:
        return by_id
    text = "\x1f".join((row_id.strip(), *fields)).encode("utf-8", "surrogatepass")
    return f"{Source(source).value}:#{hashlib.blake2b(text, digest_size=8).hexdigest()}"
