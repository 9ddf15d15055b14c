"""Step: sales conversations. The objections a campaign meets and how a rep answers them, the
discovery questions that make a conversation about the client's business, and what a first
meeting must show to count as an opportunity."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector import qualification as definitions
from prospector.model import FRAMEWORK_LABELS, STAGE_LABELS
from ui.binding import (
    Binding,
    IdChecklistBinding,
    IdChoiceBinding,
    ScrollSafeComboBox,
    TextBinding,
)
from ui.pages.lists import _persona_options, _source
from ui.table_model import Column, ListSource, PlanTableModel
from ui.widgets.cell_editing import CellDelegate, commit_open_editor
from ui.widgets.item_form import ItemForm
from ui.widgets.list_editor import ListEditor
from ui.widgets.step_page import StepPage, form_group

STAGE_CHOICES = tuple((label, stage) for stage, label in STAGE_LABELS.items())
CRITERIA = ("qualification", "criteria")
OBJECTIONS_TAB, QUESTIONS_TAB, QUALIFICATION_TAB = range(3)
RESPONSE_HINT = ("1. Acknowledge what they said.\n2. Ask what is behind it.\n"
                 "3. Offer one piece of proof: a case or a number.\n"
                 "4. Ask for a small next step.")
ANY_PERSONA = "None ticked: any persona."


def ask_replace_criteria(parent: QWidget | None, count: int, framework: str) -> bool:
    """Criteria are set and another definition is chosen: True to replace them with its own."""
    label = FRAMEWORK_LABELS.get(framework, framework)
    box = QMessageBox(QMessageBox.Icon.Question, "Replace your criteria?",
                      f"Your plan already has {count} criteri{'on' if count == 1 else 'a'} for "
                      f"what counts as an opportunity.", QMessageBox.StandardButton.NoButton,
                      parent)
    box.setInformativeText(f"Replace them with the {label} criteria, or keep yours and the "
                           "definition as it is? Replacing can be undone with Ctrl+Z.")
    keep = box.addButton("Keep mine", QMessageBox.ButtonRole.RejectRole)
    replace = box.addButton(f"Replace with {label}", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    try:
        box.exec()
        return box.clickedButton() is replace
    finally:
        box.deleteLater()


class FrameworkChoice(Binding):
    """The definition of an opportunity: choosing one asks the page (criteria may follow)."""

    widget: QComboBox

    def __init__(self, document, chosen) -> None:
        widget = ScrollSafeComboBox()
        for key, label in FRAMEWORK_LABELS.items():
            widget.addItem(label, key)
        super().__init__(document, widget, ("qualification", "framework"),
                         "Definition of an opportunity")
        widget.activated.connect(lambda i: chosen(widget.itemData(i)))
        self.refresh()

    def show(self, value):
        self.widget.setCurrentIndex(max(self.widget.findData(value or ""), 0))


class _OneParagraph(QObject):
    """Enter in a field of one paragraph (a question, what the client says) adds no line: the
    text wraps in the field, and prints as one paragraph."""

    def eventFilter(self, watched, event) -> bool:
        return (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))


def _one_paragraph(binding: TextBinding) -> TextBinding:
    binding.widget.installEventFilter(_OneParagraph(binding.widget))
    return binding


def _hint_below(form: ItemForm, field: str, text: str) -> None:
    """A line of help under one field of a detail form."""
    widget = next(b.widget for f, b in form.bindings if f == field)
    field_role = QFormLayout.ItemRole.FieldRole
    row = next(r for r in range(form.form.rowCount())
               if (item := form.form.itemAt(r, field_role)) and item.widget() is widget)
    hint = QLabel(text)
    hint.setObjectName("emptyHint")
    hint.setWordWrap(True)
    form.form.insertRow(row + 1, "", hint)


def _detail_below(editor: ListEditor) -> ListEditor:
    """The detail form under the table, the page's full width: responses and answers are
    paragraphs, read whole rather than in a narrow column beside the table."""
    split = editor.findChild(QSplitter)
    if split is not None:
        split.setOrientation(Qt.Orientation.Vertical)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([200, 300])
    return editor


def _one_line(text: str) -> str:
    return " ".join(text.split())


class ConversationsPage(StepPage):
    key = "conversations"

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.tabs = QTabWidget()
        self.objections = self._objections_editor()
        self.questions = self._questions_editor()
        self.tabs.addTab(self.objections, "Objections")
        self.tabs.addTab(self.questions, "Discovery questions")
        self.tabs.addTab(self._qualification_tab(), "What counts as an opportunity")
        self.body.addWidget(self.tabs, 1)

    # --- objections ------------------------------------------------------------------------
    def _objections_editor(self) -> ListEditor:
        d = self.document
        columns = [Column("says", "What the client says", width=250),
                   Column("stage", "When", kind="choice", choices=STAGE_CHOICES, width=120),
                   Column("response", "Response", kind="readonly", display=_one_line,
                          tooltip="Write the response in the form beside the table")]
        detail = ItemForm(d, "objections", [
            ("The client says", "says", lambda p: _one_paragraph(TextBinding(
                d, p, "What the client says", "In their words", lines=2))),
            ("What is behind it", "behind", lambda p: TextBinding(
                d, p, "What is behind it", "What the client usually means, or fears")),
            ("Response", "response", lambda p: TextBinding(
                d, p, "Response", RESPONSE_HINT, lines=7)),
            ("Proved by", "differentiator_id", lambda p: IdChoiceBinding(
                d, p, "Differentiator that proves the response",
                lambda: [(x.id, x.difference) for x in d.plan.differentiators],
                follows="differentiators", none_text="None (no differentiator)")),
            ("Proof", "proof", lambda p: TextBinding(
                d, p, "Proof", "A case or a number that backs the response")),
            ("Raised by", "persona_ids", lambda p: IdChecklistBinding(
                d, p, "Personas who raise it", _persona_options(d), max_height=100,
                follows="personas")),
        ], "Select an objection to write its response and the proof behind it.")
        _hint_below(detail, "persona_ids", ANY_PERSONA)
        self.response = next(b for f, b in detail.bindings if f == "response")
        editor = ListEditor(d, _source(d, "objections", columns), "objection",
                            lambda: {"says": "New objection"}, detail,
                            follows=("personas", "differentiators"))
        editor.table.doubleClicked.connect(self._open_response)
        return _detail_below(editor)

    def _open_response(self, index) -> None:
        """Double-clicking a response goes to its editor: a response is too long for a cell."""
        if self.objections.source.columns[index.column()].field == "response":
            field = self.response.widget
            area = self.objections.findChild(QScrollArea)  # the detail form's
            if area is not None:
                area.ensureWidgetVisible(field)
            field.setFocus()

    # --- discovery questions ---------------------------------------------------------------
    def _questions_editor(self) -> ListEditor:
        d = self.document
        columns = [Column("question", "Question", width=320),
                   Column("stage", "Stage", kind="choice", choices=STAGE_CHOICES, width=120),
                   Column("why", "Why we ask it")]
        detail = ItemForm(d, "questions", [
            ("Question", "question", lambda p: _one_paragraph(TextBinding(
                d, p, "Question", "Open, about their business: how, what, which…", lines=2))),
            ("Why we ask it", "why", lambda p: TextBinding(
                d, p, "Why we ask it", "What it tells us about the client's business")),
            ("A good answer", "good_answer", lambda p: TextBinding(
                d, p, "What a good answer tells us",
                "What we learn, and what we do next with it", lines=4)),
            ("For personas", "persona_ids", lambda p: IdChecklistBinding(
                d, p, "Personas it is for", _persona_options(d), max_height=100,
                follows="personas")),
        ], "Select a question to say why we ask it and what a good answer tells us.")
        _hint_below(detail, "persona_ids", ANY_PERSONA)
        return _detail_below(ListEditor(d, _source(d, "questions", columns), "question",
                                        lambda: {"question": "New question"}, detail,
                                        follows=("personas",)))

    # --- what counts as an opportunity ------------------------------------------------------
    def _qualification_tab(self) -> QWidget:
        d = self.document
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 6, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel("Definition:"))
        self.framework = FrameworkChoice(d, self.choose_framework)
        top.addWidget(self.framework.widget)
        advice = QLabel("Every rep counts an opportunity the same way: pick a definition, then "
                        "say in your words what the first meeting must show.")
        advice.setWordWrap(True)
        advice.setObjectName("emptyHint")
        top.addWidget(advice, 1)
        layout.addLayout(top)

        columns = [Column("name", "Criterion", width=160),
                   Column("must_show", "What the first meeting must show")]
        source = ListSource("qualification", items=lambda: d.plan.qualification.criteria,
                            path=lambda row: (*CRITERIA, row), columns=columns,
                            list_path=lambda: CRITERIA)
        self.criteria_model = PlanTableModel(d, source, self)
        self.criteria = QTableView()
        self.criteria.setModel(self.criteria_model)
        self.criteria.setItemDelegate(CellDelegate(self.criteria))
        self.criteria.setAccessibleName("Criteria of an opportunity")
        self.criteria.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.criteria.setWordWrap(True)  # a sentence each: read whole, not cut
        self.criteria.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.criteria.horizontalHeader().setStretchLastSection(True)
        self.criteria.setColumnWidth(0, columns[0].width)
        bar = QHBoxLayout()
        for text, slot in (("Add criterion", self.add_criterion),
                           ("Delete criterion", self.delete_criterion)):
            button = QToolButton()
            button.setText(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        layout.addWidget(self.criteria, 1)

        self.notes = TextBinding(d, ("qualification", "notes"), "Notes on the definition",
                                 "Who checks it, and what happens to a first meeting that does "
                                 "not count", lines=6)
        layout.addWidget(form_group("How it is counted", [("Notes", self.notes.widget)]), 0)
        return tab

    def choose_framework(self, framework: str) -> None:
        """Choosing a definition fills its criteria (one undo step); criteria the leader has
        written are replaced only if they say so."""
        qualification = self.document.plan.qualification
        if framework == qualification.framework:
            return
        replace = False
        if (definitions.template_criteria(framework) and qualification.criteria
                and not definitions.is_a_template(qualification)):
            replace = ask_replace_criteria(self, len(qualification.criteria), framework)
            if not replace:
                self.framework.refresh()  # the definition stays as it was
                return
        commit_open_editor(self.criteria)
        label = FRAMEWORK_LABELS.get(framework, framework)
        data = definitions.with_framework(qualification, framework, replace_criteria=True)
        self.document.replace_sections({"qualification": data},
                                       f"Definition of an opportunity: {label}")

    def add_criterion(self) -> None:
        commit_open_editor(self.criteria)
        self.document.insert_item(CRITERIA, None, {"name": "New criterion"}, "Add criterion")
        row = self.criteria_model.rowCount() - 1
        self.criteria.selectRow(row)
        self.criteria.setFocus()
        self.criteria.edit(self.criteria_model.index(row, 0))

    def delete_criterion(self) -> None:
        commit_open_editor(self.criteria)
        rows = {i.row() for i in self.criteria.selectionModel().selectedRows()}
        if not rows and self.criteria.currentIndex().isValid():
            rows = {self.criteria.currentIndex().row()}
        if rows:
            count = len(rows)
            self.document.remove_items(CRITERIA, rows,
                                       f"Delete {count} criteri{'on' if count == 1 else 'a'}")

    # --- going to an item (the coach, the review, the accountability page) -----------------
    def focus_item(self, section, item_id) -> None:
        if section == "objections":
            self._focus_list(OBJECTIONS_TAB, self.objections, item_id)
        elif section == "questions":
            self._focus_list(QUESTIONS_TAB, self.questions, item_id)
        elif section == "qualification":
            self.tabs.setCurrentIndex(QUALIFICATION_TAB)
            row = self._criterion_row(item_id)
            if row is None:
                self.framework.widget.setFocus()
            else:
                self.criteria.selectRow(row)
                self.criteria.setFocus()

    def _focus_list(self, tab: int, editor: ListEditor, item_id) -> None:
        self.tabs.setCurrentIndex(tab)
        if item_id:
            editor.filter.clear()
            editor.select_id(item_id)
        editor.table.setFocus()

    def _criterion_row(self, item_id) -> int | None:
        """A criterion named by its row (0, "2") or its name ("Authority")."""
        criteria = self.document.plan.qualification.criteria
        if isinstance(item_id, int) or (isinstance(item_id, str) and item_id.isdigit()):
            row = int(item_id)
            return row if 0 <= row < len(criteria) else None
        return next((row for row, c in enumerate(criteria) if c.name == item_id), None)

