"""Live preview: the leader's playbook, re-rendered in the background a moment after edits stop."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.render_runner import RenderRunner

PREVIEW_DELAY_MS = 1200


class PreviewPane(QWidget):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(tempfile.mkdtemp(prefix="prospector-preview-"))
        self.generation = 0
        self.runner = RenderRunner(self)
        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
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
        if self.isVisible():
            self.timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.timer.start(100)

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
        page = self.view.pageNavigator().currentPage()
        self.pdf.load(paths[0])
        self.view.pageNavigator().jump(min(page, max(self.pdf.pageCount() - 1, 0)),
                                       self.view.pageNavigator().currentLocation())
        self.status.setText(f"Preview of the leader's edition: {self.pdf.pageCount()} pages.")
        for old in self.folder.glob("preview-*.pdf"):
            if str(old) != paths[0]:
                old.unlink(missing_ok=True)

    def shutdown(self) -> None:
        self.timer.stop()
        self.runner.cancel()
        self.pdf.close()
        for old in self.folder.glob("*"):
            old.unlink(missing_ok=True)
        self.folder.rmdir()
