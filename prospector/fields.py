"""What every part of a plan is made of: trimmed text, names, ids, dates, channels, and the base
of every part (unknown fields refused).

The plan (``model.py``) and its actuals (``actuals/``) are built of these; they sit below both so
that the plan can hold its actuals without the two importing each other.
"""

from __future__ import annotations

import re
import uuid
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from .messages import Note
from .wording import N_


def new_id(prefix: str) -> str:
    """A short, stable, human-skimmable id such as ``acc-3f9a1c2b``."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    SOCIAL = "social"
    MAIL = "mail"
    IN_PERSON = "in_person"
    EVENT = "event"
    VIDEO = "video"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {  # N_: in the playbook's catalogs (a playbook prints them translated)
    Channel.PHONE: N_("Phone"),
    Channel.EMAIL: N_("Email"),
    Channel.SOCIAL: N_("Social"),
    Channel.MAIL: N_("Mail"),
    Channel.IN_PERSON: N_("In person"),
    Channel.EVENT: N_("Event"),
    Channel.VIDEO: N_("Video"),
}


def _strip(value: str) -> str:
    return value.strip()


# Text may hold any Unicode except what cannot be kept or printed faithfully: control characters
# other than tab and line breaks (XML and PDF text cannot carry them; they come from broken
# copies or encodings) and lone surrogates (half of a character: JSON's "\ud800" escape reads as
# one, but it cannot be written as UTF-8, so the store and the plan file could not be saved).
UNKEEPABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def _keepable(value: str) -> str:
    bad = UNKEEPABLE.search(value)
    if bad:
        char = bad.group()
        what = (Note("half of a character (a lone surrogate)") if "\ud800" <= char <= "\udfff"
                else Note("a control character (text may hold tabs and line breaks, no other "
                          "control characters)"))
        raise ValueError(Note("contains U+{code} at character {at}, {what}; remove it or type "
                              "the text again", code=f"{ord(char):04X}", at=bad.start() + 1,
                              what=what))
    return value


# The dates a plan may use. Schedules and scorecards count forward from them (up to years of
# business days), so the range keeps far from the end of the calendar (9999-12-31), where date
# arithmetic overflows; the app's date fields show 1999-12-31 as "Not set".
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2199, 12, 31)


def check_plan_date(value: date) -> date:
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValueError(Note("must be between {earliest} and {latest} (got {given})",
                              earliest=EARLIEST_DATE, latest=LATEST_DATE, given=value))
    return value

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
ID_RULE = ("letters, digits, -, _ or . (starting with a letter or digit), at most 64 "
           "characters, e.g. acc-3f9a1c2b")


def is_usable_id(value: object) -> bool:
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def _usable_id(value: str) -> str:
    if not is_usable_id(value):
        raise ValueError(f"is not a usable id ({ID_RULE})")
    return value


def _no_reference(value: object) -> object:
    return None if value == "" else value


Text = Annotated[str, AfterValidator(_strip), AfterValidator(_keepable)]
NAME_LIMIT = 200  # characters of a name


def within_name_limit(template: str, name: str) -> str:
    """``template`` ("{name} (copy)") around ``name``, the name cut with "…" where the whole
    would be longer than a name may be (a copy of a 200-character name was refused, or stored
    and never opened again)."""
    whole = template.format(name=name)
    if len(whole) <= NAME_LIMIT:
        return whole
    room = max(NAME_LIMIT - (len(whole) - len(name)) - 1, 1)
    return template.format(name=name[:room].rstrip() + "…")

Name = Annotated[str, AfterValidator(_strip), AfterValidator(_keepable),
                 Field(min_length=1, max_length=NAME_LIMIT)]
Id = Annotated[str, AfterValidator(_usable_id)]
IdReference = Annotated[Id | None, BeforeValidator(_no_reference)]  # "" (older files): none
PlanDate = Annotated[date, AfterValidator(check_plan_date)]


class Part(BaseModel):
    """Base for every part of a plan: unknown fields are refused, text is trimmed."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)
