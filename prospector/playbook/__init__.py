"""The printed playbook: the leader's full edition and one edition per rep, as PDF.

``render_playbook_pdf(plan, "out.pdf")`` for the leader, ``rep_name=`` for a rep,
``render_all_reps(plan, folder)`` for every rep in parallel processes. Nothing here imports Qt.
"""

from .context import RepNotFound, build_context
from .render import (
    PlaybookError,
    RenderResult,
    render_all_reps,
    render_playbook_html,
    render_playbook_pdf,
)

__all__ = [
    "PlaybookError",
    "RenderResult",
    "RepNotFound",
    "build_context",
    "render_all_reps",
    "render_playbook_html",
    "render_playbook_pdf",
]
