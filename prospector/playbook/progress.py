"""Progress from inside WeasyPrint: its layout and PDF writing are two long calls.

WeasyPrint reports its steps on the ``weasyprint.progress`` logger (parsing, styles, the box
tree, each page laid out, the repagination passes that page counters need, writing the PDF).
While a playbook renders, a handler turns them into our ``progress(stage, fraction)`` calls:
the user sees "Laying out page 140" move instead of one stage for minutes. The fraction per
page comes from a page estimate (``expected_pages``); it never goes back, and stops short of
the next stage when the estimate is low. Writing the PDF draws the pages one by one without a
log line: ``Page.paint`` is wrapped while the block runs, to say "Writing page 140 of 385" (the
total from the document written: ``Document.write_pdf`` is wrapped too).
Reports are at most ``INTERVAL`` seconds apart while pages come, and no more often (a JSON
line per page would flood the app).

What stays one long call: WeasyPrint's cascade ("Applying the styles": ~1 s per 10,000
accounts as lines) and, before WeasyPrint, building the rep's schedule
(``schedule.build_schedule``: 12 s for one rep with 20,000 accounts). For those, ``heartbeat``
repeats the stage with the seconds it has taken ("Applying the styles (4 s)") every
``HEARTBEAT`` seconds, so the app can tell a long step from a stuck one; the fraction does not
move then.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from ..messages import Note

INTERVAL = 0.4  # seconds between two progress reports (when there is news)
HEARTBEAT = 1.5  # seconds without news after which the stage is repeated with its duration
_LOGGER = "weasyprint.progress"

# WeasyPrint's step (the start of its message) -> our stage and the fraction it starts at
_STEPS = {
    "Step 1": (Note("Reading the playbook"), 0.11),
    "Step 2": (Note("Reading the styles"), 0.12),
    "Step 3": (Note("Applying the styles"), 0.13),
    "Step 4": (Note("Building the pages"), 0.18),
    "Step 5": (Note("Laying out the pages"), 0.22),
    "Step 6": (Note("Writing the PDF"), 0.85),
    "Step 7": (Note("Writing the PDF"), 0.95),
}
_LAYOUT_END = 0.82  # where the page-by-page fraction stops
_WRITE = (0.86, 0.95)  # the fractions over which the pages are drawn into the PDF


class _Handler(logging.Handler):
    def __init__(self, report: Callable[[str, float], None], expected_pages: int,
                 check: Callable[[], None]) -> None:
        super().__init__(logging.INFO)
        self.report = report
        self.check = check
        self.expected = max(1, expected_pages)
        self.fraction = 0.0
        self.last = 0.0
        self.stage: str = ""
        self.repaginating = False
        self.pages = 0  # laid out
        self.start = _STEPS["Step 5"][1]  # where this layout's pages start the bar
        self.painted = 0  # drawn into the PDF
        self.since = time.monotonic()  # when the current stage began
        self.mutex = threading.Lock()  # (logging.Handler has its own self.lock)

    def emit(self, record: logging.LogRecord) -> None:
        self.check()  # may raise: the render stops here (between two of WeasyPrint's steps)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a log line we cannot read is no reason to fail
            return
        step = _STEPS.get(message[:6])
        if step is None:
            return
        stage, fraction = step
        if message.startswith("Step 1") and self.pages:  # a layout made again (second_layout.py):
            # laid out page by page again, as many pages give or take, the bar moving on from
            # where it is over what is left of the layout's share
            self.repaginating, self.start = False, self.fraction
            self.expected, self.pages = self.pages, 0
        if message.startswith("Step 5"):
            laying_out, fraction = self._layout(message)
            if laying_out is None:
                return
            stage = laying_out
        self._send(stage, fraction)

    def paint(self) -> None:
        """One more page drawn into the PDF."""
        self.check()
        self.painted += 1
        start, end = _WRITE
        share = min(self.painted / max(self.pages, 1), 1.0)
        self._send(Note("Writing page {page} of {pages}", page=self.painted, pages=self.pages),
                   start + (end - start) * share)

    def _send(self, stage: str, fraction: float) -> None:
        with self.mutex:
            fraction = max(self.fraction, fraction)
            now = time.monotonic()
            same = stage.split(" ")[0:2] == self.stage.split(" ")[0:2]
            if not same:
                self.since = now
            if same and now - self.last < INTERVAL:
                self.fraction = fraction
                return
            self.fraction, self.last, self.stage = fraction, now, stage
            self.report(stage, round(fraction, 3))

    def beat(self) -> None:
        """Repeat the stage with its duration if nothing was reported for ``HEARTBEAT`` s."""
        with self.mutex:
            now = time.monotonic()
            if self.stage and now - self.last >= HEARTBEAT:
                self.last = now
                self.report(_lasting(self.stage, now - self.since), round(self.fraction, 3))

    def _layout(self, message: str) -> tuple[Note | None, float]:
        start, end = self.start, _LAYOUT_END
        if "Repagination" in message:  # page numbers changed the text: pages laid out again
            self.repaginating = True
        if self.repaginating:
            return Note("Numbering the pages"), self.fraction
        _, _, tail = message.partition("Page ")
        number = tail.split(" ")[0]
        if not number.isdigit():
            return None, self.fraction
        page = int(number)
        self.pages = max(self.pages, page)
        share = min(page / self.expected, 1.0)
        return Note("Laying out page {page}", page=page), start + (end - start) * share * 0.95


@contextmanager
def weasyprint_progress(report: Callable[[str, float], None], *, expected_pages: int,
                        check: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Forward WeasyPrint's progress to ``report`` while the block runs.

    ``check`` is called at each of WeasyPrint's log lines (each step, each page laid out) and
    each page drawn into the PDF: an exception it raises stops the render there (a logging
    handler's exception reaches the code that logged), which is how a stale preview is
    cancelled within a page's time."""
    from weasyprint.document import Document, Page  # noqa: PLC0415 - loaded with the renderer

    logger = logging.getLogger(_LOGGER)
    handler = _Handler(report, expected_pages, check)
    paint = Page.__dict__.get("paint")
    write_pdf = Document.__dict__.get("write_pdf")
    if callable(paint):
        def counted_paint(page, *args, **kwargs):
            handler.paint()
            return paint(page, *args, **kwargs)

        Page.paint = counted_paint
    if callable(write_pdf):
        def counted_write_pdf(document, *args, **kwargs):
            # the pages written are this document's, not the most laid out: a layout made again
            # (second_layout.py) or a repagination may have ended with fewer
            handler.pages, handler.painted = len(document.pages), 0
            return write_pdf(document, *args, **kwargs)

        Document.write_pdf = counted_write_pdf
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # its INFO lines are ours to show, not the root logger's to print
    try:
        with heartbeat(handler.beat):
            yield
    finally:
        if callable(paint):
            Page.paint = paint
        if callable(write_pdf):
            Document.write_pdf = write_pdf
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


@contextmanager
def heartbeat(beat: Callable[[], None], every: float = HEARTBEAT / 3) -> Iterator[None]:
    """Call ``beat`` every ``every`` seconds from a thread while the block runs (Python code
    in the block gives the thread its turn: the GIL switches every few milliseconds)."""
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(every):
            beat()

    thread = threading.Thread(target=run, name="playbook-progress", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


class StageBeat:
    """A stage reported once, then repeated with its duration while it lasts (``heartbeat``):
    for our own long steps, such as building a large rep's schedule."""

    def __init__(self, report: Callable[[str, float], None], stage: str, fraction: float) -> None:
        self.report, self.stage, self.fraction = report, stage, fraction
        self.started = self.last = time.monotonic()
        self.lock = threading.Lock()
        report(stage, fraction)

    def beat(self) -> None:
        with self.lock:
            now = time.monotonic()
            if now - self.last >= HEARTBEAT:
                self.last = now
                self.report(_lasting(self.stage, now - self.started), self.fraction)


def _lasting(stage: str, seconds: float) -> Note:
    """A stage repeated with how long it has taken: "Applying the styles (4 s)"."""
    return Note("{stage} ({seconds} s)", stage=stage, seconds=f"{seconds:.0f}")
