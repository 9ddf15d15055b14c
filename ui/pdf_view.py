"""A PDF shown page under page, fit to the pane's width or zoomed, drawn with PDFium (pypdfium2).

Zoom: Ctrl+wheel, Ctrl+plus and Ctrl+minus; Ctrl+0 fits the width again. PgUp and PgDn go a
page back and forth; ``current_page_changed`` says which page fills most of the view ("page 3
of 9").
Home and End go to the first and last page. A link to a page of the same PDF (a "p. 12", a
contents line, a schedule entry's script) is followed by a click, with the pointing hand over it;
Alt+Left goes back to where the reader was. ``reader_moved`` says whether the reader has moved
the view (scrolled, paged, followed a link) since the app last placed it: a preview updated
after an edit then stays where the reader is.

Every PDFium call (opening a PDF, drawing a page, closing it) of every view runs on one
background thread shared by the process (PDFium is not thread-safe, so never two at once, even
from two views: a thread each crashed the test run with a segmentation fault; its calls release
the GIL), and the images come back to the
GUI thread by queued signals: opening or drawing never holds the window (drawing a page took
20-60 ms on the GUI thread). Only the pages in view are drawn, the first time they scroll into
view; until then the previous PDF's image of the same page stands in for it, so an updated
preview does not flash white.
"""

from __future__ import annotations

import ctypes
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import QScrollArea, QToolTip, QWidget

from ui.language import _

PAGE_GAP = 12       # pixels between pages and around them
MAX_CACHED = 24     # page images kept (the pages in view and their neighbours)
ZOOM_STEP = 1.25    # one Ctrl+plus, or one notch of Ctrl+wheel
ZOOM_RANGE = (0.25, 4.0)  # of the page's printed size (1.0: as big as on paper)
BACK_STEPS = 20     # places Alt+Left can go back to

_pdfium_thread: ThreadPoolExecutor | None = None


def pdfium_thread() -> ThreadPoolExecutor:
    """The one thread every PDFium call of the process runs on (made on first use)."""
    global _pdfium_thread  # one per process, by PDFium's rule
    if _pdfium_thread is None:
        _pdfium_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdfium")
    return _pdfium_thread


def _close_on_pdfium_thread(opened: _OpenPdf) -> None:
    try:
        pdfium_thread().submit(opened.close)
    except RuntimeError:  # the process is ending and has joined the PDFium thread: none other
        opened.close()    # calls PDFium now


class _OpenPdf:
    """A view's open PDF, touched on the PDFium thread only. Kept apart from the view so that
    a view deleted without ``shutdown`` still has it closed there, not by the garbage
    collector on whatever thread it runs."""

    def __init__(self) -> None:
        self.pdf = None

    def close(self) -> None:  # on the PDFium thread
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None


class PageLink(NamedTuple):
    """A link on a page to a place in the same PDF: where it is on its page (fractions of the
    page's width and height from the top left) and where it goes (a page from 0, and how far
    down it, 0-1)."""

    area: QRectF
    page: int
    top: float


class _Canvas(QWidget):
    def __init__(self, view: PdfPagesView) -> None:
        super().__init__()
        self.view = view
        self.setMouseTracking(True)  # the pointing hand over a link
        self.pressed: PageLink | None = None  # the link the mouse was pressed on

    def paintEvent(self, event) -> None:
        self.view.paint_pages(self, event.rect())

    def mouseMoveEvent(self, event) -> None:
        self.view.hover(event.position().toPoint())
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event) -> None:
        self.pressed = self.view.link_at(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        point = event.position().toPoint()
        if event.button() == Qt.MouseButton.LeftButton and self.pressed is not None \
                and self.view.link_at(point) == self.pressed and self.view.follow(point):
            event.accept()  # pressed and released on the same link: a click on it
            return
        super().mouseReleaseEvent(event)


class PdfPagesView(QScrollArea):
    """Every page of one PDF, fit to width, in a vertical scroll area."""

    page_count_changed = Signal(int)
    current_page_changed = Signal(int)  # the page at the top of the view (from 0)
    zoom_changed = Signal(float)  # the zoom now (1.0: as on paper)
    pages_drawn = Signal()  # every page in view is drawn from the current PDF
    _opened = Signal(int, object, object)  # (from the PDFium thread) token, sizes, place
    # (from the PDFium thread) token, page, width, image, the page's links
    _drawn = Signal(int, int, int, QImage, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.canvas = _Canvas(self)
        self.setWidget(self.canvas)
        self.setBackgroundRole(self.canvas.backgroundRole())
        self._pdfium = pdfium_thread()
        self._open_pdf = _OpenPdf()  # used on the PDFium thread only
        opened = self._open_pdf  # (not self: it is gone by then)
        self.destroyed.connect(lambda: _close_on_pdfium_thread(opened))
        self._token = 0  # the PDF asked for last: what the PDFium thread sends for others is old
        self._asked: set[tuple[int, int]] = set()  # (page, width) being drawn
        self._opened.connect(self._on_opened)
        self._drawn.connect(self._on_drawn)
        self._sizes: list[tuple[float, float]] = []  # points
        self._images: dict[int, QImage] = {}         # page -> image at the current width
        self._stale: dict[int, QImage] = {}          # the previous PDF's images, shown meanwhile
        self._links: dict[int, list[PageLink]] = {}  # page -> its links (pages drawn only)
        self._back: list[tuple[int, float]] = []     # places a link was followed from
        self.reader_moved = False  # the reader moved the view since the app placed it
        self._placing = False      # the app is moving the view (not the reader)
        self._reading = (0, 0.0)   # where the view is, kept through resizes (see resizeEvent)
        self._resizing = False
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self._ask_pages)
        self.zoom: float | None = None  # None: fit to the width
        self._shown_page = -1
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                           ("Ctrl+=", self.zoom_in),
                           (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                           ("Ctrl+0", self.fit_width),
                           (QKeySequence.StandardKey.Back, self.go_back)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- the document --------------------------------------------------------------------------
    def page_count(self) -> int:
        return len(self._sizes)

    def set_document(self, path: str, place: tuple[int, float] | None = None) -> None:
        """Show the PDF at ``path`` in place of the current one, at ``place`` (a page from 0,
        and how far down it: see ``go_to_place``), or at the same page as before, once the
        PDFium thread has read its page sizes (``page_count_changed`` says when)."""
        self._token += 1
        self._pdfium.submit(self._open, self._token, path, place)

    def _open(self, token: int, path: str, place) -> None:  # on the PDFium thread
        import pypdfium2  # noqa: PLC0415 - loaded with the first preview, not at start-up

        self._open_pdf.close()
        if token != self._token:
            return  # a newer PDF is on its way
        try:
            pdf = pypdfium2.PdfDocument(path)
            sizes = [pdf.get_page_size(i) for i in range(len(pdf))]
            self._open_pdf.pdf = pdf
        except (OSError, pypdfium2.PdfiumError):
            sizes = []  # gone already (a newer preview replaced it): the next one comes
        self._opened.emit(token, sizes, place)

    def _on_opened(self, token: int, sizes: list, place: tuple[int, float] | None) -> None:
        if token != self._token:
            return
        here = self.place()
        self._sizes = [tuple(size) for size in sizes]
        self._stale, self._images, self._asked = self._images, {}, set()
        self._links = {}  # the new PDF's come with its pages
        self._relayout()
        last = max(len(sizes) - 1, 0)
        if place is None:  # where the reader was (the same page if the new PDF is shorter)
            self.go_to_place(min(here[0], last), here[1] if here[0] <= last else 0.0,
                             by_reader=self.reader_moved)
        else:
            self.go_to_place(min(place[0], last), place[1])
        self.page_count_changed.emit(len(sizes))
        self.current_page_changed.emit(self.current_page())
        self.canvas.update()

    def clear(self) -> None:
        self._token += 1
        self._pdfium.submit(self._open_pdf.close)
        self._sizes, self._images, self._stale, self._links = [], {}, {}, {}
        self._back = []
        self._relayout()


    # --- geometry ------------------------------------------------------------------------------
    def _fit_width(self) -> int:
        return max(self.viewport().width() - 2 * PAGE_GAP, 50)

    def _page_width(self) -> int:
        if self.zoom is None or not self._sizes:
            return self._fit_width()
        return max(round(self._sizes[0][0] * self.zoom * self.logicalDpiX() / 72), 50)

    def effective_zoom(self) -> float:
        """The zoom shown (1.0: as big as on paper), also when fitting the width."""
        if not self._sizes or not self._sizes[0][0]:
            return 1.0
        return self._page_width() / (self._sizes[0][0] * self.logicalDpiX() / 72)

    def _page_rects(self) -> list[QRect]:
        width = self._page_width()
        left = max(PAGE_GAP, (self.viewport().width() - width) // 2)
        rects, y = [], PAGE_GAP
        for w, h in self._sizes:
            height = round(width * h / w) if w else width
            rects.append(QRect(left, y, width, height))
            y += height + PAGE_GAP
        return rects

    def _relayout(self) -> None:
        rects = self._page_rects()
        height = rects[-1].bottom() + PAGE_GAP if rects else 0
        width = rects[0].right() + PAGE_GAP if rects and self.zoom is not None else 0
        self._placing = True  # a shorter canvas moves the scroll bar: not the reader
        try:
            self.canvas.setMinimumSize(QSize(width, height))
        finally:
            self._placing = False

    # --- zoom ----------------------------------------------------------------------------------
    def set_zoom(self, zoom: float | None) -> None:
        """Show the pages at ``zoom`` (1.0: as on paper), or fit to the width (None)."""
        if zoom is not None:
            zoom = min(max(zoom, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        if zoom == self.zoom:
            return
        place = self.place()
        self.zoom = zoom
        self._stale.update(self._images)  # redrawn at the new size when in view
        self._images = {}
        self._relayout()
        self.go_to_place(*place, by_reader=self.reader_moved)
        self.canvas.update()
        self.zoom_changed.emit(self.effective_zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.set_zoom(None)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            notches = event.angleDelta().y() / 120
            if notches:
                self.set_zoom(self.effective_zoom() * ZOOM_STEP ** notches)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and not event.modifiers():
            step = 1 if key == Qt.Key.Key_PageDown else -1
            self.go_to_page(min(max(self.current_page() + step, 0), self.page_count() - 1),
                            by_reader=True)
            event.accept()
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and not event.modifiers():
            self.go_to_page(0 if key == Qt.Key.Key_Home else self.page_count() - 1,
                            by_reader=True)
            event.accept()
            return
        super().keyPressEvent(event)

    def _scrolled(self, _value: int) -> None:
        if self._resizing:
            return  # the place is put back once the size is settled
        self._reading = self.place()
        if not self._placing:
            self.reader_moved = True
        self._tell_page()

    def _tell_page(self) -> None:
        page = self.current_page()
        if page != self._shown_page:
            self._shown_page = page
            self.current_page_changed.emit(page)

    def current_page(self) -> int:
        """The page that fills most of the view (the first of two that fill it alike)."""
        top = self.verticalScrollBar().value()
        bottom = top + max(self.viewport().height(), 1)
        best, shown = 0, -1
        for index, rect in enumerate(self._page_rects()):
            if rect.top() > bottom:
                break
            seen = min(rect.bottom(), bottom) - max(rect.top(), top)
            if seen > shown:
                best, shown = index, seen
        return best

    def _set_scroll(self, y: int, by_reader: bool) -> None:
        self._placing = True
        try:
            self.verticalScrollBar().setValue(y)
            self._scrolled(0)  # (the place read, the page told, when the value did not change)
        finally:
            self._placing = False
        self.reader_moved = by_reader  # (after: _scrolled outside _placing set it True always)

    def go_to_page(self, page: int, by_reader: bool = False) -> None:
        rects = self._page_rects()
        if 0 <= page < len(rects):
            self._set_scroll(rects[page].top() - PAGE_GAP, by_reader)

    def go_to_place(self, page: int, top: float, by_reader: bool = False,
                    above: int = 3 * PAGE_GAP) -> None:
        """Show ``page`` (from 0) with the point ``top`` of the way down it (0-1) near the top
        of the view, ``above`` pixels under it (never above the page's top): where an item is
        printed. ``by_reader``: the reader asked for it (a link followed, a page turned), not
        the app."""
        rects = self._page_rects()
        if 0 <= page < len(rects):
            rect = rects[page]
            y = rect.top() + round(top * rect.height()) - above
            self._set_scroll(max(y, rect.top() - PAGE_GAP), by_reader)

    def place(self) -> tuple[int, float]:
        """Where the view is, as ``go_to_place`` takes it: a page and how far down it."""
        y = self.verticalScrollBar().value() + 3 * PAGE_GAP
        rects = self._page_rects()
        for index, rect in enumerate(rects):
            if y < rect.bottom() + PAGE_GAP or index == len(rects) - 1:
                return (index, min(max((y - rect.top()) / max(rect.height(), 1), 0.0), 1.0))
        return (0, 0.0)

    def forget_back(self) -> None:
        """Another document is shown (another part, edition or the whole): the places Alt+Left
        went back to were in the one before."""
        self._back = []

    def resizeEvent(self, event) -> None:
        # The place kept from the last scroll, not read now: a dock rearranged (the window
        # narrowed, the preview and coach made tabs) resizes the view several times, through
        # sizes where the pages are tiny and the scroll bar clamped (page 12 became page 18).
        if event.oldSize().width() != event.size().width() and self.zoom is None:
            self._stale.update(self._images)  # redrawn at the new width when in view
            self._images = {}
        self._resizing = True
        try:
            super().resizeEvent(event)
            self._relayout()
            rects = self._page_rects()
            page, top = self._reading
            if 0 <= page < len(rects):
                rect = rects[page]
                y = rect.top() + round(top * rect.height()) - 3 * PAGE_GAP
                self.verticalScrollBar().setValue(max(y, rect.top() - PAGE_GAP))
        finally:
            self._resizing = False
        self._tell_page()

    # --- links ---------------------------------------------------------------------------------
    def link_at(self, point: QPoint) -> PageLink | None:
        """The link under ``point`` (the canvas's coordinates), on a page drawn already."""
        for index, rect in enumerate(self._page_rects()):
            if rect.contains(point):
                x = (point.x() - rect.left()) / max(rect.width(), 1)
                y = (point.y() - rect.top()) / max(rect.height(), 1)
                return next((link for link in self._links.get(index, ())
                             if link.area.contains(x, y)), None)
        return None

    def hover(self, point: QPoint) -> None:
        link = self.link_at(point)
        if link is None:
            self.canvas.unsetCursor()
            QToolTip.hideText()
            return
        self.canvas.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(self.canvas.mapToGlobal(point),
                          _("Go to page {page}").format(page=link.page + 1), self.canvas)

    def follow(self, point: QPoint) -> bool:
        """Go where the link under ``point`` leads (and remember where for Alt+Left)."""
        link = self.link_at(point)
        if link is None or not 0 <= link.page < len(self._sizes):
            return False
        self._back = [*self._back[-(BACK_STEPS - 1):], self.place()]
        # a quarter of the view above the target: a script's link leads to its talk track, and
        # the touch's title and value printed above it are what the reader looks for first
        self.go_to_place(link.page, link.top, by_reader=True,
                         above=max(3 * PAGE_GAP, self.viewport().height() // 4))
        return True

    def go_back(self) -> None:
        """Back to where the last link was followed from."""
        if self._back:
            self.go_to_place(*self._back.pop(), by_reader=True)


    # --- drawing -------------------------------------------------------------------------------
    def _visible_pages(self) -> list[int]:
        top = self.verticalScrollBar().value()
        bottom = top + self.viewport().height()
        return [i for i, r in enumerate(self._page_rects())
                if r.bottom() >= top and r.top() <= bottom]

    def paint_pages(self, canvas: QWidget, area: QRect) -> None:
        painter = QPainter(canvas)
        missing = False
        for index, rect in enumerate(self._page_rects()):
            if not rect.intersects(area):
                continue
            image = self._images.get(index) or self._stale.get(index)
            if image is None:
                painter.fillRect(rect, QColor("white"))
            elif _fits(image, rect):
                # as PDFium drew it, pixel for pixel: its height is rounded up, and the row
                # squeezing it into the page dropped would have cut a line of text in two
                painter.fillRect(rect, QColor("white"))
                painter.save()
                painter.setClipRect(rect)
                painter.drawImage(rect.topLeft(), image)
                painter.restore()
            else:  # a page drawn at another size stands in until it is drawn at this one
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(rect, image)
            painter.setPen(QColor(0, 0, 0, 60))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
            missing = missing or index not in self._images
        painter.end()
        if missing and self._sizes:
            self._render_timer.start()

    def _ask_pages(self) -> None:
        """Ask the PDFium thread for the pages in view that have no image at this width."""
        width = self._page_width()
        ratio = self.devicePixelRatioF()
        for index in self._visible_pages():
            if index not in self._images and (index, width) not in self._asked:
                self._asked.add((index, width))
                self._pdfium.submit(self._draw, self._token, index, width, ratio)

    def _draw(self, token: int, index: int, width: int, ratio: float) -> None:  # PDFium thread
        pdf = self._open_pdf.pdf
        if token != self._token or pdf is None or index >= len(pdf):
            return  # a newer PDF came meanwhile
        page = pdf[index]
        try:
            width_points = page.get_width() or 1
            bitmap = page.render(scale=width * ratio / width_points, prefer_bgrx=True)
            # .copy(): the image owns its pixels once the bitmap goes
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB32).copy()
            bitmap.close()
            links = _page_links(pdf, page)
        finally:
            page.close()
        image.setDevicePixelRatio(ratio)
        self._drawn.emit(token, index, width, image, links)

    def _on_drawn(self, token: int, index: int, width: int, image: QImage,
                  links: list[PageLink]) -> None:
        self._asked.discard((index, width))
        if token != self._token or index >= len(self._sizes):
            return  # drawn for a PDF no longer shown
        self._links[index] = links
        if width != self._page_width():
            return  # drawn for a size no longer shown
        self._images[index] = image
        self._stale.pop(index, None)
        if len(self._images) > MAX_CACHED:
            visible = set(self._visible_pages())
            hidden = [i for i in self._images if i not in visible]
            for old in hidden[: len(self._images) - MAX_CACHED]:
                del self._images[old]
        self.canvas.update(self._page_rects()[index])
        if all(i in self._images for i in self._visible_pages()):
            self.pages_drawn.emit()
        else:
            self._render_timer.start()

    def shutdown(self) -> None:
        """Close the PDF (waits for the page the PDFium thread is drawing)."""
        self._token += 1
        self._sizes = []
        try:
            closed = self._pdfium.submit(self._open_pdf.close)
        except RuntimeError:  # the process is ending and has joined the PDFium thread
            self._open_pdf.close()
            return
        closed.result()


def _page_links(pdf, page) -> list[PageLink]:  # on the PDFium thread
    """The links of ``page`` that go to a page of ``pdf`` itself (WeasyPrint's internal links:
    page references, the contents, a schedule entry's script). Links to the web are left out:
    the preview opens nothing outside the app."""
    import pypdfium2.raw as pdfium  # noqa: PLC0415 - loaded with the first preview

    width, height = page.get_size()
    if not width or not height:
        return []
    links: list[PageLink] = []
    position, link = ctypes.c_int(0), pdfium.FPDF_LINK()
    while pdfium.FPDFLink_Enumerate(page.raw, ctypes.byref(position), ctypes.byref(link)):
        destination = pdfium.FPDFLink_GetDest(pdf.raw, link)
        action = pdfium.FPDFLink_GetAction(link)
        if not destination and action:
            destination = pdfium.FPDFAction_GetDest(pdf.raw, action)
        if not destination:
            continue  # a web link
        target = pdfium.FPDFDest_GetDestPageIndex(pdf.raw, destination)
        area = pdfium.FS_RECTF()
        if target < 0 or not pdfium.FPDFLink_GetAnnotRect(link, ctypes.byref(area)):
            continue
        has_x, has_y, has_zoom = pdfium.FPDF_BOOL(), pdfium.FPDF_BOOL(), pdfium.FPDF_BOOL()
        x, y, zoom = pdfium.FS_FLOAT(), pdfium.FS_FLOAT(), pdfium.FS_FLOAT()
        top = 0.0
        if pdfium.FPDFDest_GetLocationInPage(destination, has_x, has_y, has_zoom, x, y, zoom) \
                and has_y.value:
            target_height = pdf.get_page_size(target)[1] or height
            top = min(max(1.0 - y.value / target_height, 0.0), 1.0)
        # PDF points from the bottom left; either corner may come first
        left, right = sorted((area.left, area.right))
        low, high = sorted((area.bottom, area.top))
        if right - left < 1 or high - low < 1:
            continue  # an empty area: nothing to click
        links.append(PageLink(QRectF(left / width, 1.0 - high / height,
                                     (right - left) / width, (high - low) / height),
                              target, top))
    return links


def _fits(image: QImage, rect: QRect) -> bool:
    """Whether ``image`` is drawn for ``rect``'s size (give or take PDFium's rounding)."""
    size = image.deviceIndependentSize()
    return abs(size.width() - rect.width()) <= 1 and abs(size.height() - rect.height()) <= 1
