"""Live preview: the leader's playbook, re-rendered in the background a moment after edits stop."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.render_runner import RenderRunner

PREVIEW_DELAY_MS = 1200  # after the last edit
SHOWN_DELAY_MS = 100     # after the preview comes into view
PAGES_PER_TURN = 10      # page sizes read per turn of the event loop (about 0.5 ms a page)


class PreviewPane(QWidget):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(tempfile.mkdtemp(prefix="prospector-preview-"))
        self.generation = 0
        self.showing = False  # the Preview dock is on screen (see set_showing)
        self.runner = RenderRunner(self)
        self.pdf = QPdfDocument(self)  # the document shown
        self.loading: QPdfDocument | None = None  # the next one, made ready beside it
        self._loading_path = ""
        self._next_page = 0
        self._pages = QTimer(self)  # reads the next pages' sizes at each turn of the event loop
        self._pages.setInterval(0)
        self._pages.timeout.connect(self._read_page_sizes)
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
        # A new PDF is loaded into a second document and shown once it is ready, in steps, so
        # the window keeps answering: loading it into the document the view shows made the view
        # read every page's size at once (pdfium parses each page the first time), about 0.7 ms
        # a page on the GUI thread: 200 ms for the 186 pages of a 1,000-account plan.
        if self.loading is not None:
            self.loading.close()
            self.loading.deleteLater()
        self.loading = QPdfDocument(self)
        self.loading.load(paths[0])  # the one step that cannot be split (~0.25 ms a page)
        self._loading_path, self._next_page = paths[0], 0
        self._pages.start()

    def _read_page_sizes(self) -> None:
        pdf = self.loading
        if pdf is None:
            self._pages.stop()
            return
        end = min(self._next_page + PAGES_PER_TURN, pdf.pageCount())
        for page in range(self._next_page, end):
            pdf.pagePointSize(page)  # pdfium keeps the parsed page: the view's layout is quick
        self._next_page = end
        if end >= pdf.pageCount():
            self._pages.stop()
            self._show(pdf, self._loading_path)

    def _show(self, pdf: QPdfDocument, path: str) -> None:
        navigator = self.view.pageNavigator()
        page = navigator.currentPage()
        location = navigator.currentLocation()
        previous, self.pdf, self.loading = self.pdf, pdf, None
        self.view.setDocument(pdf)
        navigator.jump(min(page, max(pdf.pageCount() - 1, 0)), location)
        previous.close()
        previous.deleteLater()
        self.status.setText(f"Preview of the leader's edition: {pdf.pageCount()} pages.")
        shown = _generation(path)
        for old in self.folder.glob("preview-*.pdf"):
            if _generation(str(old)) < shown:
                old.unlink(missing_ok=True)

    def shutdown(self) -> None:
        self.timer.stop()
        self._pages.stop()
        self.runner.cancel()
        self.pdf.close()
        if self.loading is not None:
            self.loading.close()
            self.loading = None
        for old in self.folder.glob("*"):
            old.unlink(missing_ok=True)
        self.folder.rmdir()


def _generation(path: str) -> int:
    """``.../preview-12.pdf`` -> 12."""
    try:
        return int(Path(path).stem.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return 0
