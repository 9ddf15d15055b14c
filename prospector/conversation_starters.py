"""The objections every prospecting campaign meets, for a leader who starts from none.

In prospecting most objections are reflexes, not decisions (shared METHOD.md, "Sales
conversations"). These are the usual five, each with what is usually behind it; the response is
the leader's to write, in their reps' words and with their own proof.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan


@dataclass(frozen=True)
class CommonObjection:
    says: str
    behind: str
    # the plan has it already when what the client says holds every word of one of these
    # (lower case): "Just send me an e-mail" is "Just e-mail me" in other words
    known_as: tuple[tuple[str, ...], ...]
    stage: str = "first_call"

    def as_item(self) -> dict[str, str]:
        return {"says": self.says, "behind": self.behind, "stage": self.stage}


COMMON_OBJECTIONS: tuple[CommonObjection, ...] = (
    CommonObjection(
        "Just send me some information.",
        "A polite way to end the call. They do not yet see why this is worth ten minutes of "
        "their time.",
        (("send", "information"), ("send", "info"), ("brochure",))),
    CommonObjection(
        "We already have a supplier.",
        "Switching feels like work and admitting the last choice was wrong; they have compared "
        "suppliers, not results.",
        (("already", "supplier"), ("already", "vendor"), ("already", "provider"),
         ("already", "partner"), ("already", "solution"), ("already", "using"))),
    CommonObjection(
        "There is no budget.",
        "Nobody has put a cost on the problem yet, so nothing competes for the money.",
        (("budget",),)),
    CommonObjection(
        "Not now, call me next quarter.",
        "Busy, or no reason to act yet. Next quarter will be just as busy unless something "
        "gives them a reason.",
        (("not now",), ("next quarter",), ("next year",), ("call me", "later"),
         ("call me", "after"), ("bad time",))),
    CommonObjection(
        "Just e-mail me.",
        "They want to decide in their own time whether this is worth a conversation.",
        (("e-mail",), ("email",), ("mail me",))),
)


def missing_common_objections(plan: Plan) -> list[dict[str, str]]:
    """The common objections the plan does not have yet, in any wording, as plan-file data."""
    have = [_folded(o.says) for o in plan.objections]
    return [common.as_item() for common in COMMON_OBJECTIONS
            if not any(all(word in says for word in words)
                       for says in have for words in common.known_as)]


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())
