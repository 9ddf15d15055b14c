"""The printed playbook: the leader's full edition and one edition per rep, as PDF.

``render_playbook_pdf(plan, "out.pdf")`` for the leader, ``rep_name=`` for a rep,
``render_all_reps(plan, folder)`` for every rep in parallel processes, ``Renderer()`` to render
many times in one process (fonts, stylesheets and images kept). Nothing here imports Qt.

The names below are loaded on first use: ``render`` imports WeasyPrint (about a second), and the
desktop app imports ``prospector.playbook.timeline`` at start-up without needing the renderer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import RepNotFound, build_context
    from .render import (
        PlaybookError,
        RenderCancelled,
        Renderer,
        RenderResult,
        render_all_reps,
        render_playbook_html,
        render_playbook_pdf,
    )

_WHERE = {
    "RepNotFound": ".context",
    "build_context": ".context",
    "PlaybookError": ".render",
    "RenderCancelled": ".render",
    "Renderer": ".render",
    "RenderResult": ".render",
    "render_all_reps": ".render",
    "render_playbook_html": ".render",
    "render_playbook_pdf": ".render",
}

__all__ = [
    "PlaybookError",
    "RenderCancelled",
    "RenderResult",
    "Renderer",
    "RepNotFound",
    "build_context",
    "render_all_reps",
    "render_playbook_html",
    "render_playbook_pdf",
]  # the names of _WHERE


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name], __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
