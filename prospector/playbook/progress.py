"""Progress from inside WeasyPrint: its layout and PDF writing are two long calls.

WeasyPrint reports its steps on the ``weasyprint.progress`` logger (parsing, styles, the box
tree, each page laid out, the repagination passes that page counters need, writing the PDF).
While a playbook renders, a handler turns them into our ``progress(stage, fraction)`` calls:
the user sees "Laying out page 140" move instead of one stage for minutes. The fraction per
page comes from a page estimate (``expected_pages``); it never goes back, and stops short of
the next stage when the estimate is low. Reports are at most ``INTERVAL`` seconds apart while
pages come, and no more often (a JSON line per page would flood the app).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

INTERVAL = 0.4  # seconds between two progress reports (when there is news)
_LOGGER = "weasyprint.progress"

# WeasyPrint's step (the start of its message) -> our stage and the fraction it starts at
_STEPS = {
    "Step 1": ("Reading the playbook", 0.11),
    "Step 2": ("Reading the styles", 0.12),
    "Step 3": ("Applying the styles", 0.13),
    "Step 4": ("Building the pages", 0.18),
    "Step 5": ("Laying out the pages", 0.22),
    "Step 6": ("Writing the PDF", 0.85),
    "Step 7": ("Writing the PDF", 0.95),
}
_LAYOUT_END = 0.82  # where the page-by-page fraction stops


class _Handler(logging.Handler):
    def __init__(self, report: Callable[[str, float], None], expected_pages: int) -> None:
        super().__init__(logging.INFO)
        self.report = report
        self.expected = max(1, expected_pages)
        self.fraction = 0.0
        self.last = 0.0
        self.stage = ""
        self.repaginating = False

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a log line we cannot read is no reason to fail
            return
        step = _STEPS.get(message[:6])
        if step is None:
            return
        stage, fraction = step
        if message.startswith("Step 5"):
            stage, fraction = self._layout(message)
            if stage is None:
                return
        fraction = max(self.fraction, fraction)
        now = time.monotonic()
        if stage.split(" ")[0:2] == self.stage.split(" ")[0:2] and now - self.last < INTERVAL:
            self.fraction = fraction
            return
        self.fraction, self.last, self.stage = fraction, now, stage
        self.report(stage, round(fraction, 3))

    def _layout(self, message: str) -> tuple[str | None, float]:
        start, end = _STEPS["Step 5"][1], _LAYOUT_END
        if "Repagination" in message:  # page numbers changed the text: pages laid out again
            self.repaginating = True
        if self.repaginating:
            return "Numbering the pages", self.fraction
        _, _, tail = message.partition("Page ")
        number = tail.split(" ")[0]
        if not number.isdigit():
            return None, self.fraction
        page = int(number)
        share = min(page / self.expected, 1.0)
        return f"Laying out page {page}", start + (end - start) * share * 0.95


@contextmanager
def weasyprint_progress(report: Callable[[str, float], None], *,
                        expected_pages: int) -> Iterator[None]:
    """Forward WeasyPrint's progress to ``report`` while the block runs."""
    logger = logging.getLogger(_LOGGER)
    handler = _Handler(report, expected_pages)
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # its INFO lines are ours to show, not the root logger's to print
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
