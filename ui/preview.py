"""Live preview: the leader's playbook, re-rendered in the background a moment after edits stop."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.pdf_view import PdfPagesView
from ui.render_runner import RenderRunner

PREVIEW_DELAY_MS = 1200  # after the last edit
SHOWN_DELAY_MS = 100     # after the preview comes into view


class PreviewPane(QWidget):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(tempfile.mkdtemp(prefix="prospector-preview-"))
        self.generation = 0
        self.showing = False  # the Preview dock is on screen (see set_showing)
        self.runner = RenderRunner(self)
        self.view = PdfPagesView(self)
        self.view.setAccessibleName("Playbook preview")
        self.status = QLabel("The preview appears here.")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        self.runner.finished.connect(self._rendered)
        self.runner.progress.connect(
            lambda f, stage: self.status.setText(f"Updating preview… {stage}"))
        document.changed.connect(self._edited)
        document.plan_replaced.connect(self._edited)

    def _edited(self) -> None:
        if self.showing:
            self.timer.start(PREVIEW_DELAY_MS)  # start(ms) sets the interval: always pass it

    def set_showing(self, showing: bool) -> None:
        """Follow the dock's ``visibilityChanged``: render only while the preview can be seen.

        ``isVisible()`` and ``showEvent`` cannot tell: a dock whose tab is not the selected one
        (the preview sits behind the coach) is moved out of view, not hidden, so the preview
        used to start a renderer process at every start and a moment after every edit, unseen,
        taking a CPU from an export running at the same time."""
        self.showing = showing
        if showing:
            self.timer.start(SHOWN_DELAY_MS)
        else:
            self.timer.stop()

    def refresh(self) -> None:
        if self.runner.is_running():  # a newer plan is coming: drop the stale render
            self.runner.cancel()
        self.generation += 1
        self._target = self.folder / f"preview-{self.generation}.pdf"
        self.status.setText("Updating preview…")
        self.runner.start(self.document.plan, str(self._target))

    def _rendered(self, ok: bool, message: str, paths: list) -> None:
        if not ok:
            if message != "Cancelled.":
                self.status.setText(f"Preview not updated: {message}")
            return
        self.view.set_document(paths[0])  # pages are drawn lazily, those in view first
        self.status.setText(f"Preview of the leader's edition: {self.view.page_count()} pages.")
        shown = _generation(paths[0])
        for old in self.folder.glob("preview-*.pdf"):
            if _generation(str(old)) < shown:
                old.unlink(missing_ok=True)

    def shutdown(self) -> None:
        self.timer.stop()
        self.runner.cancel()
        self.view.shutdown()
        shutil.rmtree(self.folder, ignore_errors=True)  # closing twice is fine


def _generation(path: str) -> int:
    """``.../preview-12.pdf`` -> 12."""
    try:
        return int(Path(path).stem.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return 0
