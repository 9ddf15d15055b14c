"""The frame of every step: a title, what good looks like, examples on demand, then the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector.sections import STEP_BY_KEY
from ui.binding import Binding
from ui.language import _
from ui.widgets.item_form import ItemForm
from ui.widgets.list_editor import ListEditor


class StepPage(QWidget):
    """A step of the builder. Subclasses add their editors to ``self.body``."""

    key = ""
    # a step in tabs (``self.tabs``): the section each tab edits, in the tabs' order (the
    # preview follows the tab)
    tab_sections: tuple[str, ...] = ()

    def __init__(self, document, parent=None, scroll: bool = False) -> None:
        super().__init__(parent)
        self.document = document
        guidance = STEP_BY_KEY[self.key]
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 10)
        outer.setSpacing(8)

        title = QLabel(_(guidance.title))
        title.setObjectName("stepTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        outer.addWidget(title)

        row = QHBoxLayout()
        advice = QLabel(_(guidance.what_good_looks_like))
        advice.setWordWrap(True)
        advice.setObjectName("stepAdvice")
        row.addWidget(advice, 1)
        self.examples_button = QToolButton()
        self.examples_button.setText(_("Examples"))
        self.examples_button.setCheckable(True)
        self.examples_button.setAccessibleName(_("Show examples for {title}").format(
            title=_(guidance.title)))
        row.addWidget(self.examples_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(row)

        self.examples = QLabel(_(guidance.examples))
        self.examples.setWordWrap(True)
        self.examples.setObjectName("stepExamples")
        self.examples.setFrameShape(QFrame.Shape.StyledPanel)
        self.examples.setMargin(8)
        self.examples.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.examples.setVisible(False)
        self.examples_button.toggled.connect(self.examples.setVisible)
        outer.addWidget(self.examples)

        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        if scroll:
            inner = QWidget()
            inner.setLayout(self.body)
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(inner)
            outer.addWidget(area, 1)
        else:
            outer.addLayout(self.body, 1)

    def focus_item(self, section: str, item_id: str | None) -> None:
        """Select an item (used by the coach panel and search); pages with lists override."""

    def current_item(self) -> str | None:
        """The item selected in the list on show (the current tab's), for the preview to show
        when the leader comes back to the step; pages without a list have none."""
        for editor in self.findChildren(ListEditor):
            if editor.isVisibleTo(self):
                return editor.current_item()
        return None

    def focus_field(self, section: str, item_id: str | None, field: str | None,
                    row: int | None) -> bool:
        """Put the cursor in the field ``field`` of the item shown (after ``focus_item``), so a
        coach finding lands where the fix is typed. True when a field took the focus."""
        if field is None:
            return False
        for binding in self.bindings():
            if (binding.path and binding.path[-1] == field
                    and binding.widget.isVisibleTo(self) and binding.widget.isEnabled()):
                binding.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                area = _scroll_area_of(binding.widget)
                if area is not None:
                    area.ensureWidgetVisible(binding.widget)
                return True
        return False

    def bindings(self) -> list[Binding]:
        """The page's field bindings: its own and those of its item forms."""
        found = [value for value in vars(self).values() if isinstance(value, Binding)]
        for form in self.findChildren(ItemForm):
            found += [binding for _field, binding in form.bindings]
        return found


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def form_group(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    for label, widget in rows:
        form.addRow(label, widget)
    return box
