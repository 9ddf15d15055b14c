"""The anchors links in the playbook lead to, named once for every chapter that links to them."""

from __future__ import annotations


def script_anchor(touch_id: str) -> str:
    """The link to a touch's script: the talk track / message block of its card in the touches
    chapter (its ``id`` is ``script-<touch id>``), not the card's heading (``touch-<touch
    id>``), which may stand at the foot of the page before the script: "script, p. N" (the
    schedule, the cadences, the call cards) is the page the script starts on."""
    return f"#script-{touch_id}"
