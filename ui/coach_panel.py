"""The coach: findings about the plan, updated as you type; clicking one goes to the item."""

from __future__ import annotations

import time
from html import escape

from PySide6.QtCore import QEvent, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from prospector.coach import Review, review
from ui.language import N_, _, ngettext, show_percent

SEVERITY_ORDER = {"blocker": 0, "warning": 1, "tip": 2}
SEVERITY_LABEL = {"blocker": N_("Blocker"), "warning": N_("Warning"), "tip": N_("Tip")}
REVIEW_DELAY_MS = 150


class CoachPanel(QWidget):
    finding_activated = Signal(str, object)  # section, item id
    field_requested = Signal(str, object, object, object)  # section, item id, field, row
    reviewed = Signal(object)                # the Review

    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.last_review: Review | None = None
        self.in_progress: set[str] = set()  # ids of items added and not yet left
        self.edits_since_added: dict[str, int] = {}
        self.last_ms = 0.0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QListWidget()
        self.tree.setAccessibleName(_("Coach findings"))
        self.tree.setWordWrap(True)
        self.tree.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tree.setUniformItemSizes(False)
        self.tree.setSpacing(3)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.tree.viewport().installEventFilter(self)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(REVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh)
        document.changed.connect(self._edited)
        document.plan_replaced.connect(self._plan_replaced)
        icons = self.style()
        self.icons = {"blocker": icons.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                      "warning": icons.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
                      "tip": icons.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)}
        self.refresh()

    def hold(self, item_id: str) -> None:
        """An item just added: judged once the leader leaves it or, staying on it, has written
        more than its name (the cell "Add" opens), not while they type its first words."""
        self.in_progress.add(item_id)
        self.edits_since_added[item_id] = 0

    def _edited(self) -> None:
        for item_id in list(self.edits_since_added):  # its name, then a second edit: written
            self.edits_since_added[item_id] += 1
            if self.edits_since_added[item_id] >= 2:
                del self.edits_since_added[item_id]
                self.in_progress.discard(item_id)
        self.timer.start()

    def keep_only(self, current: str | None) -> None:
        """The leader is on ``current`` now: the items they left are judged."""
        left = self.in_progress - {current}
        if left:
            self.in_progress -= left
            for item_id in left:
                self.edits_since_added.pop(item_id, None)
            self.refresh()

    def refresh(self) -> None:
        started = time.perf_counter()
        # the findings in the plan's language, as the playbook's readiness appendix and
        # `prospector check` give them; the panel's own words (Fix, the counts) in the app's
        result = review(self.document.plan, in_progress=self.in_progress)
        self.last_ms = (time.perf_counter() - started) * 1000
        self.last_review = result
        self.tree.clear()
        findings = sorted(result.findings, key=lambda f: SEVERITY_ORDER.get(f.severity, 9))
        for finding in findings:
            text = _("{message}\nFix: {fix}").format(message=finding.message, fix=finding.fix)
            item = QListWidgetItem(self.icons.get(finding.severity, self.icons["tip"]), text)
            item.setToolTip(_("{get} · {rule_id}\n\nWhy it matters: {why}").format(
                get=_(SEVERITY_LABEL.get(finding.severity, '')), rule_id=finding.rule_id,
                why=finding.why))
            item.setData(Qt.ItemDataRole.UserRole,
                         (finding.section, finding.item_id, finding.field, finding.row))
            self.tree.addItem(item)
        self._fit_items()
        if not findings:
            done = QListWidgetItem(_("Nothing to flag: the plan follows the method."))
            done.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addItem(done)
        counts = " · ".join((
            ngettext("{n} blocker", "{n} blockers", result.blockers).format(n=result.blockers),
            ngettext("{n} warning", "{n} warnings", result.warnings).format(n=result.warnings),
            ngettext("{n} tip", "{n} tips", result.tips).format(n=result.tips)))
        hints = "".join(f"<br>• {escape(h.title)} (+{h.gain})"
                        for h in result.raise_score_hints[:3])
        self.summary.setText(
            _("<b>Readiness {overall}/100</b> — what is written {quality}/100 × "
              "{completeness} complete<br>{counts}").format(
                  overall=result.overall, quality=result.quality,
                  completeness=show_percent(result.completeness),
                  counts=counts)
            + (_("<br><i>To raise the written score:</i>{hints}").format(
                hints=hints) if hints else ""))
        self.reviewed.emit(result)

    def _fit_items(self) -> None:
        """Each finding as tall as its wrapped text: Qt sizes word-wrapped items for their
        first layout only, which cut a long fix with "…" once the panel was narrower."""
        # the text beside the icon: the icon, the spacing and the margins Qt leaves around both
        width = self.tree.viewport().width() - max(self.tree.iconSize().width(), 24) - 32
        metrics = self.tree.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(self.tree.count()):
            item = self.tree.item(row)
            box = metrics.boundingRect(QRect(0, 0, max(width, 80), 100000), flags, item.text())
            item.setSizeHint(QSize(max(width, 80), box.height() + 8))

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_items()  # the list's new width: the findings wrap anew
        return super().eventFilter(watched, event)

    def _plan_replaced(self) -> None:
        self.in_progress.clear()
        self.edits_since_added.clear()
        self.refresh()

    def _activated(self, item: QListWidgetItem) -> None:
        where = item.data(Qt.ItemDataRole.UserRole)
        if not where:
            return
        section, item_id, field, row = where
        self.finding_activated.emit(section, item_id)
        if field or row is not None:  # the exact field (and row) the finding is about
            self.field_requested.emit(section, item_id, field, row)
