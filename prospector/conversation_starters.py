"""The objections every prospecting campaign meets, for a leader who starts from none.

In prospecting most objections are reflexes, not decisions (shared METHOD.md, "Sales
conversations"). These are the usual five, each with what is usually behind it; the response is
the leader's to write, in their reps' words and with their own proof. An objection the plan has
is recognised by meaning, as the coach recognises it (``coach.text.reflexes_in``): "Just send me
an e-mail" is "Just e-mail me" in other words.
"""

from __future__ import annotations

from dataclasses import dataclass

from .coach.text import reflexes_in
from .model import Plan


@dataclass(frozen=True)
class CommonObjection:
    reflex: str  # its key in coach.text.REFLEX_OBJECTIONS
    says: str
    behind: str
    stage: str = "first_call"

    def as_item(self) -> dict[str, str]:
        return {"says": self.says, "behind": self.behind, "stage": self.stage}


COMMON_OBJECTIONS: tuple[CommonObjection, ...] = (
    CommonObjection(
        "information", "Just send me some information.",
        "A polite way to end the call. They do not yet see why this is worth ten minutes of "
        "their time."),
    CommonObjection(
        "supplier", "We already have a supplier.",
        "Switching feels like work and admitting the last choice was wrong; they have compared "
        "suppliers, not results."),
    CommonObjection(
        "budget", "There is no budget.",
        "Nobody has put a cost on the problem yet, so nothing competes for the money."),
    CommonObjection(
        "timing", "Not now, call me next quarter.",
        "Busy, or no reason to act yet. Next quarter will be just as busy unless something "
        "gives them a reason."),
    CommonObjection(
        "email", "Just e-mail me.",
        "They want to decide in their own time whether this is worth a conversation."),
)


def missing_common_objections(plan: Plan) -> list[dict[str, str]]:
    """The common objections the plan does not have yet, in any wording, as plan-file data."""
    have = frozenset().union(*(reflexes_in(o.says) for o in plan.objections))
    return [common.as_item() for common in COMMON_OBJECTIONS if common.reflex not in have]
