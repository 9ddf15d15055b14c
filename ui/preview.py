"""Live preview: the part of the leader's playbook the step being edited prints, re-rendered by a
long-lived worker process a moment after typing stops, and shown at the item being edited.

The step decides the part (``preview_part``): its sections' chapters, the cover too for the
plan's basics; "Whole" shows the whole playbook (cover, contents, every chapter). The render
worker (``ui/preview_worker.py``) starts once the window is shown, so the first preview does not
wait for WeasyPrint to load; set ``PROSPECTOR_PREVIEW=on-demand`` to start it only when the
preview is first shown.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector.actuals.fact_log import FactLog
from prospector.model import Rep
from prospector.plan_json import PlanJson
from prospector.review import rep_actuals_by_week
from prospector.review.summary import is_summed, summary_steps
from prospector.sections import SECTION_BY_KEY, STEP_BY_KEY
from ui.language import _, ngettext, show_percent
from ui.pdf_view import PdfPagesView
from ui.preview_folder import PreviewFolder
from ui.preview_worker import PreviewWorker
from ui.slices import InSlices

PREVIEW_DELAY_MS = 350  # after the last keystroke
SHOWN_DELAY_MS = 50     # after the preview comes into view, or the step changes
# what a step's preview adds to its sections' chapters, and what steps without a chapter show
EXTRA_PARTS = {"basics": ["cover"], "reps": ["basics", "accounts"]}
# a section whose texts another prints in full: the objections' responses are on the call cards
# (the "qualification" section's), their chapter only names the card (an edited response was
# nowhere in the objections' preview)
IN_FULL_ELSEWHERE = {"objections": ["qualification"]}
# the Reps step with a rep selected: that rep's edition, its cover, the rep's dated schedule (the
# heart of a rep's edition) and its targets and scorecard (filled with the rep's actuals, as the
# export prints them)
REP_PART = ["cover", "cadences", "accountability"]


def preview_part(step: str, edited_section: str | None = None) -> list[str] | None:
    """What the preview of ``step`` prints: section keys, "cover", "contents"; None: the whole
    playbook. Of a step with several sections (targets, conversations), only the one just edited
    once the leader edits one."""
    definition = STEP_BY_KEY.get(step)
    if definition is None or not definition.sections and step not in EXTRA_PARTS:
        return None  # the review: the whole playbook, as it will be exported
    keys = [s.key for s in definition.sections if s.leader]
    if edited_section in keys and SECTION_BY_KEY[edited_section].leader:
        keys = [edited_section, *IN_FULL_ELSEWHERE.get(edited_section, [])]
    extra = EXTRA_PARTS.get(step, [])
    return [*(k for k in extra if k in ("cover", "contents")), *keys,
            *(k for k in extra if k not in ("cover", "contents") and k not in keys)]


def _part_title(part: list[str] | None, rep: bool = False) -> str:
    """What the preview prints, as the edition names its chapters: a rep's "Your schedule, Your
    targets", the leader's "Objection library, What counts as an opportunity, Call cards"."""
    if part is None:
        return _("the whole playbook")
    names = {"cover": _("cover, At a glance"), "contents": _("contents")}  # (printed with it)

    def name(key: str) -> str:  # the chapters printed, as the contents name them
        section = SECTION_BY_KEY[key]
        chapters = section.rep if rep else section.leader
        if chapters:
            return ", ".join(_(chapter.title) for chapter in chapters)
        return _(section.title)

    return ", ".join(names.get(k) or name(k) for k in part)


class PreviewPane(QWidget):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.preview_folder = PreviewFolder()  # removes the folders of windows that ended
        self.folder = self.preview_folder.path
        self.generation = 0  # the id of the newest render asked for
        self.shown_generation = 0  # the id of the render on screen
        self._replaced_at = 0  # the newest render asked for when another plan was opened
        self.showing = False  # the Preview dock is on screen (see set_showing)
        self.step = "basics"
        self.edited_section: str | None = None
        self.item_id: str | None = None  # the item being edited: shown when rendered
        self._part: list[str] | None = None  # what the newest render prints
        self._part_step: str | None = None  # and the step it was asked on
        self._rep: Rep | None = None  # and whose edition (None: the leader's)
        self._summing: tuple[FactLog, InSlices] | None = None  # the facts being summed
        self._shown_part: list[str] | None | bool = False  # and the one on screen
        self._shown_rep: str | None = None  # and its edition's rep
        self._shown_step: str | None = None  # and the step it was shown for
        self._shown_on_step: str | None = None  # the step the leader was on (a part's too)
        self._shown_status = ""  # what the status said of the preview on screen
        self._changed = True  # the plan changed since the newest render was asked for
        self._items: dict[str, tuple[int, float]] = {}  # item id -> (page, how far down it)
        self.plan_json = PlanJson()
        self.worker = PreviewWorker(self)
        self.view = PdfPagesView(self)
        self.view.setAccessibleName(_("Playbook preview"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.status = QLabel(_("The preview appears here."))
        self.status.setWordWrap(True)
        self._build_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar_box)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        self.worker.rendered.connect(self._rendered)
        self.worker.failed.connect(self._failed)
        self.worker.stopped.connect(lambda why: self.status.setText(_("Preview: {why}.").format(
            why=why)))
        self.worker.ready.connect(self._worker_ready)
        document.changed.connect(self._edited)
        document.plan_replaced.connect(self._plan_replaced)
        document.field_changed.connect(self._field_changed)
        document.fields_changed.connect(self._fields_changed)
        document.sections_replaced.connect(lambda _sections: self.plan_json.forget_all())
        # a step or a contact added, removed or moved changes the item whose list it is in
        # (the cadence, the account): its JSON is made again (the preview kept the old one)
        for signal in (document.items_inserted, document.items_removed, document.item_moved):
            signal.connect(lambda path, *_rows: self.plan_json.forget(path))

    def _build_bar(self) -> None:
        """The pane's buttons on one row, the page buttons on a second one when the pane is
        too narrow for both (German labels are longer): the bar never widens the window."""
        self.bar_box = QWidget()
        rows = QVBoxLayout(self.bar_box)
        rows.setContentsMargins(4, 2, 4, 2)
        rows.setSpacing(2)
        self.bar = QHBoxLayout()
        self.second_row = QHBoxLayout()
        rows.addLayout(self.bar)
        rows.addLayout(self.second_row)
        # its minimum width is that of its widest row once wrapped (set in _wrap_bar)
        self.bar_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

        def button(text: str, tip: str, slot, row: QHBoxLayout,
                   checkable: bool = False) -> QToolButton:
            b = QToolButton()
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(tip.split(" (")[0])
            b.setCheckable(checkable)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the pages
            (b.toggled if checkable else b.clicked).connect(slot)
            row.addWidget(b)
            return b

        self.whole = button(_("Whole"), _("Preview the whole playbook instead of the part "
                                          "the step prints"), self._whole_toggled, self.bar,
                            checkable=True)
        self.bar.addStretch(1)
        zoom_out = button("−", _("Zoom out (Ctrl+minus)"), self.view.zoom_out, self.bar)
        self.zoom_label = QLabel(_("Fit"))
        self.zoom_label.setMinimumWidth(max(36, self.zoom_label.sizeHint().width()))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.bar.addWidget(self.zoom_label)
        zoom_in = button("+", _("Zoom in (Ctrl+plus)"), self.view.zoom_in, self.bar)
        width = button(_("Width"), _("Fit the page to the pane's width (Ctrl+0)"),
                       self.view.fit_width, self.bar)
        self.zoom_buttons: tuple[QWidget, ...] = (zoom_out, self.zoom_label, zoom_in, width)
        self.page_buttons = QWidget()
        paging = QHBoxLayout(self.page_buttons)
        paging.setContentsMargins(0, 0, 0, 0)
        button("◀", _("Previous page (PgUp)"), lambda: self._page_by(-1), paging)
        self.page_label = QLabel("")
        paging.addWidget(self.page_label)
        button("▶", _("Next page (PgDn)"), lambda: self._page_by(1), paging)
        self.bar.addWidget(self.page_buttons)
        self.second_row.addStretch(1)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.current_page_changed.connect(lambda _page: self._show_page())
        self.view.page_count_changed.connect(lambda _count: self._show_page())

    # --- what to preview -----------------------------------------------------------------------
    def start_worker(self) -> None:
        """Start the render worker (the window is on screen), unless it starts on demand."""
        if os.environ.get("PROSPECTOR_PREVIEW") != "on-demand":
            self.worker.start()

    def set_step(self, step: str) -> None:
        """The leader went to ``step``: preview its part."""
        if step == self.step:
            return
        self.step, self.edited_section, self.item_id = step, None, None
        self._schedule(SHOWN_DELAY_MS)

    def show_item(self, item_id: str | None) -> None:
        """The leader selected an item: shown at once if the preview has it, else after the
        next render."""
        changed, self.item_id = item_id != self.item_id, item_id
        if changed:
            self.view.reader_moved = False  # the item chosen is shown, not where the reader was
        place = self._items.get(item_id) if item_id else None
        rep = self.rep_shown()
        if (rep.id if rep else None) != (self._rep.id if self._rep else None):
            self._schedule(SHOWN_DELAY_MS)  # a rep selected on the Reps step: their edition
        elif place is not None:
            self.view.go_to_place(*place)
        elif item_id and changed:
            self._schedule(SHOWN_DELAY_MS)  # outside the excerpt of a long list: render it

    def show_section(self, section: str) -> None:
        """The leader opened the tab of ``section`` in the step's page: preview that section (it
        went on showing the section last edited, or the step's first, until an edit)."""
        if section == self.edited_section or section not in SECTION_BY_KEY:
            return
        self.edited_section, self.item_id = section, None
        self._schedule(SHOWN_DELAY_MS)

    def part(self) -> list[str] | None:
        if self.whole.isChecked():
            return None
        if self.rep_shown() is not None:
            return REP_PART
        return preview_part(self.step, self.edited_section)

    def rep_shown(self) -> Rep | None:
        """The rep whose edition the preview prints: the one selected on the Reps step (with
        "Whole", the rep's whole edition)."""
        if self.step != "reps" or not self.item_id:
            return None
        return next((r for r in self.document.plan.reps if r.id == self.item_id), None)

    def _field_changed(self, path: tuple) -> None:
        self.plan_json.forget(path)
        if not path:
            return
        section = "basics" if path == ("name",) else str(path[0])
        if section in SECTION_BY_KEY:
            self.edited_section = section
        if len(path) > 1 and isinstance(path[1], str) and "-" in path[1] \
                and not (self.item_id or "").startswith(path[1] + "#"):
            # a list item's id ("acc-3f9a..."), not a field's name; a step of the cadence
            # edited stays the item shown (item_pages.step_item)
            self.item_id = path[1]

    def _fields_changed(self, paths: tuple) -> None:
        for path in paths[1:]:
            self.plan_json.forget(path)
        if paths:
            self._field_changed(paths[0])

    def _edited(self) -> None:
        self._changed = True
        self._schedule(PREVIEW_DELAY_MS)

    def _plan_replaced(self) -> None:
        self.plan_json.forget_all()
        self.item_id = None
        # another plan: its pages when rendered, not the last plan's meanwhile under "Updating"
        # (a place read in them means nothing in the new one)
        self.view.clear()
        self._replaced_at = self.worker.newest  # a render of the last plan still to come: dropped
        self._items, self._shown_part, self._shown_rep, self._shown_step = {}, False, None, None
        self._shown_status = ""
        self._edited()

    def _whole_toggled(self, _on: bool) -> None:
        self._schedule(0)

    def _schedule(self, delay_ms: int) -> None:
        if self.showing:
            self.timer.start(delay_ms)  # start(ms) sets the interval: always pass it

    def set_showing(self, showing: bool) -> None:
        """Follow the dock's ``visibilityChanged``: render only while the preview can be seen.

        ``isVisible()`` and ``showEvent`` cannot tell: a dock whose tab is not the selected one
        (the preview sits behind the coach) is moved out of view, not hidden."""
        self.showing = showing
        if showing:
            if not self.worker.is_running():
                self.worker.start()  # started on demand, or died for good
            if self._changed or self._part != self.part():
                self.timer.start(SHOWN_DELAY_MS)
        else:
            self.timer.stop()

    def refresh(self) -> None:
        plan = self.document.plan
        if self.rep_shown() is not None and not is_summed(plan.actuals.facts):
            self._sum_facts()  # 100,000 facts: summed in slices between frames, then rendered
            return
        self._part, self._part_step, self._changed = self.part(), self.step, False
        out = self.folder / f"preview-{self.worker.newest + 1}.pdf"
        rep = self._rep = self.rep_shown()
        # only the items edited since the last preview are written as JSON again (plan_json);
        # the facts are not sent: a rep's edition gets the rep's weekly actuals, counted once
        # per log of facts (rep_actuals_by_week)
        self.generation = self.worker.request(
            self.plan_json.json(plan), str(out), section=self._part, item=self.item_id,
            rep=rep.id if rep else None,
            rep_actuals=rep_actuals_by_week(plan, rep.id) if rep else None)
        if not self.worker.is_ready:
            self.status.setText(_("Starting the preview…"))
        else:
            self._say_updating()

    def _say_updating(self) -> None:
        self.status.setText(_("Updating the preview of {value}…").format(
            value=_part_title(self._part, rep=self._rep is not None)))

    def _sum_facts(self) -> None:
        """Sum the plan's facts (``review.summary``) on this thread in slices (ui/slices.py),
        then render: a rep's actuals per week are counted from the sums."""
        facts = self.document.plan.actuals.facts
        if self._summing is not None and self._summing[0] is facts and self._summing[1].running:
            return
        if self._summing is not None:
            self._summing[1].cancel()
        self._summing = (facts, InSlices(self, summary_steps(facts), self._summed))

    def _summed(self, _summary: object) -> None:
        self.refresh()  # the newest plan: summed already, or summed next

    def busy(self) -> bool:
        """A render asked for has not been shown yet."""
        return self.shown_generation < self.generation or self.timer.isActive()

    # --- showing -------------------------------------------------------------------------------
    def _rendered(self, generation: int, answer: dict) -> None:
        if generation <= self._replaced_at:
            return  # the plan open before: its pages are not this plan's
        rep_id = self._rep.id if self._rep else None
        # the chapter being read in the part shown, found again in the whole edition ("Whole"
        # turned on in a rep's edition went back to its cover); not on another step (Review &
        # export, the whole playbook, opened at the chapter of the step left)
        read = self._chapter_read() if rep_id == self._shown_rep and self._part is None \
            and self._shown_part not in (None, False) and self._shown_on_step == self._part_step \
            else None
        self._items = {str(k): (int(v[0]), float(v[1]))
                       for k, v in (answer.get("items") or {}).items()}
        # the item's place; a rep's edition opens at its cover (the rep's name is on it: the
        # view scrolled there, half the title above it)
        place = self._items.get(self.item_id) if self.item_id and self.item_id != rep_id \
            else None
        # another document, or the whole playbook for another step (shown at its chapter)
        step = self.step if self._part is None else None
        if (self._part, rep_id, step) != (self._shown_part, self._shown_rep, self._shown_step):
            self.view.forget_back()
            if place is None:  # the chapter read, or the step's in the whole playbook, else
                if read in self._items:  # from the start
                    place = self._items[read]
                elif self._part is None:
                    place = self._chapter_place()
                place = place or (0, 0.0)
        elif self.view.reader_moved:
            place = None  # an edit: the preview stays where the leader is reading
        self.view.set_document(answer["done"], place)
        self.shown_generation = generation
        self._shown_part, self._shown_rep, self._shown_step = self._part, rep_id, step
        self._shown_on_step = self._part_step
        pages = int(answer.get("pages", self.view.page_count()))
        if self._rep:
            edition = _("{name}'s edition").format(name=self._rep.name)
        else:
            edition = _("the leader's edition")
        self._shown_status = ngettext("Preview of {edition}: {part}, {n} page.",
                                      "Preview of {edition}: {part}, {n} pages.", pages).format(
            edition=edition, part=_part_title(self._part, rep=self._rep is not None), n=pages)
        self.status.setText(self._shown_status)
        for old in self.folder.glob("preview-*.pdf"):
            if _generation(str(old)) < generation:
                old.unlink(missing_ok=True)

    def _chapter_read(self) -> str | None:
        """The chapter (``sec-<id>``) the view is in: the last one starting above its place."""
        here = self.view.place()
        chapters = [(place, key) for key, place in self._items.items()
                    if key.startswith("sec-") and place <= here]
        return max(chapters)[1] if chapters else None

    def _chapter_place(self) -> tuple[int, float] | None:
        """Where the step's first chapter is printed (of the rep's edition when it is shown)."""
        definition = STEP_BY_KEY.get(self.step)
        for section in definition.sections if definition else ():
            for chapter in section.rep if self._rep else section.leader:
                if f"sec-{chapter.id}" in self._items:
                    return self._items[f"sec-{chapter.id}"]
        return None

    def _worker_ready(self) -> None:
        """The worker takes requests (again): after a restart with nothing to render, the status
        says what is shown, not that the renderer stopped (it said so until the next edit); with
        a render on its way, that it is being updated (it said "starting it again in 0.2 s")."""
        if self.busy():
            self._say_updating()
        elif self._shown_status:
            self.status.setText(self._shown_status)

    def _failed(self, generation: int, message: str) -> None:
        self.shown_generation = generation
        self.status.setText(_("Preview not updated: {message}").format(message=message))

    def _show_zoom(self, zoom: float) -> None:
        self.zoom_label.setText(_("Fit") if self.view.zoom is None else show_percent(zoom))

    def _show_page(self) -> None:
        count = self.view.page_count()
        self.page_label.setText(_("page {value} of {count}").format(
            value=self.view.current_page() + 1, count=count) if count
                                else "")
        self._wrap_bar()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._wrap_bar()

    def _wrap_bar(self) -> None:
        """The page buttons beside the zoom buttons when the row has room for both, else on
        the second row."""
        spacing = max(self.bar.spacing(), 0)
        first = spacing + sum(w.sizeHint().width() + spacing  # (the first: the stretch)
                              for w in (self.whole, *self.zoom_buttons))
        pages = self.page_buttons.sizeHint().width()
        on_first_row = self.bar.indexOf(self.page_buttons) >= 0
        fits = first + pages + 8 <= self.width()
        if fits != on_first_row:
            if fits:
                self.second_row.removeWidget(self.page_buttons)
                self.bar.addWidget(self.page_buttons)
            else:
                self.bar.removeWidget(self.page_buttons)
                self.second_row.insertWidget(0, self.page_buttons)
        self.bar_box.setMinimumWidth(max(first, pages) + 8)

    def _page_by(self, step: int) -> None:
        page = self.view.current_page() + step
        if 0 <= page < self.view.page_count():
            self.view.go_to_page(page, by_reader=True)

    def shutdown(self) -> None:
        self.timer.stop()
        self.worker.shutdown()
        self.view.shutdown()
        self.preview_folder.remove()  # closing twice is fine


def _generation(path: str) -> int:
    """``.../preview-12.pdf`` -> 12."""
    try:
        return int(Path(path).stem.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return 0
