"""Step: sales conversations. The objections a campaign meets and how a rep answers them, the
discovery questions that make a conversation about the client's business, and what a first
meeting must show to count as an opportunity."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QTabWidget,
)

from prospector.conversation_starters import missing_common_objections
from prospector.model import STAGE_LABELS
from prospector.sections import OBJECTIONS, QUESTIONS
from ui.binding import IdChecklistBinding, IdChoiceBinding, TextBinding
from ui.language import N_, _, new_item, ngettext
from ui.pages.lists import _persona_options, _source
from ui.pages.opportunity_definition import OpportunityDefinition
from ui.table_model import Column
from ui.widgets.item_form import ItemForm
from ui.widgets.list_editor import ListEditor
from ui.widgets.step_page import StepPage

STAGE_CHOICES = tuple((label, stage) for stage, label in STAGE_LABELS.items())
OBJECTIONS_TAB, QUESTIONS_TAB, QUALIFICATION_TAB = range(3)
RESPONSE_HINT = (_("1. Acknowledge what they said.\n2. Ask what is behind it.\n"
                   "3. Offer one piece of proof: a case or a number.\n"
                   "4. Ask for a small next step."))
ANY_PERSONA = N_("None ticked: any persona.")


class _OneParagraph(QObject):
    """Enter in a field of one paragraph (a question, what the client says) adds no line: the
    text wraps in the field, and prints as one paragraph."""

    def eventFilter(self, watched, event) -> bool:
        return (event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))


def _one_paragraph(binding: TextBinding) -> TextBinding:
    binding.widget.installEventFilter(_OneParagraph(binding.widget))
    return binding


def _hint_below(form: ItemForm, field: str, text: str) -> QLabel:
    """A line of help under one field of a detail form."""
    widget = next(b.widget for f, b in form.bindings if f == field)
    field_role = QFormLayout.ItemRole.FieldRole
    row = next(r for r in range(form.form.rowCount())
               if (item := form.form.itemAt(r, field_role)) and item.widget() is widget)
    hint = QLabel(text)
    hint.setObjectName("emptyHint")
    hint.setWordWrap(True)
    form.form.insertRow(row + 1, "", hint)
    return hint


def _any_persona_hint(form: ItemForm) -> QLabel:
    """"None ticked: any persona." under the personas' checklist, while none is ticked (it
    stayed, and read as wrong, with a persona ticked above it)."""
    hint = _hint_below(form, "persona_ids", _(ANY_PERSONA))
    checklist = next(b.widget for f, b in form.bindings if f == "persona_ids")
    assert isinstance(checklist, QListWidget)  # an IdChecklistBinding's

    def follow(*_args) -> None:
        try:
            hint.setHidden(any(checklist.item(i).checkState() == Qt.CheckState.Checked
                               for i in range(checklist.count())))
        except RuntimeError:  # the form is being taken down: its list empties as it goes
            pass

    model = checklist.model()
    for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved, model.modelReset):
        signal.connect(follow)
    follow()
    return hint


def _starting_hint(editor: ListEditor, form: ItemForm, none_yet: str) -> None:
    """With no item at all, the empty detail form says how to start rather than "select one"."""
    select = form.empty.text()
    form.empty.setWordWrap(True)

    def update(*_args) -> None:
        form.empty.setText(select if editor.model.rowCount() else none_yet)

    for signal in (editor.model.rowsInserted, editor.model.rowsRemoved, editor.model.modelReset):
        signal.connect(update)
    update()


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
    tab_sections = ("objections", "questions", "qualification")  # what each tab edits

    def __init__(self, document, parent=None) -> None:
        super().__init__(document, parent)
        self.tabs = QTabWidget()
        self.objections = self._objections_editor()
        self.questions = self._questions_editor()
        self.tabs.addTab(self.objections, _("Objections"))
        self.tabs.addTab(self.questions, _("Discovery questions"))
        self.definition = OpportunityDefinition(self.document)
        self.tabs.addTab(self.definition, _("What counts as an opportunity"))
        self.body.addWidget(self.tabs, 1)
        self._objections_changed()

    # --- objections ------------------------------------------------------------------------
    def _objections_editor(self) -> ListEditor:
        d = self.document
        columns = [Column("says", _("What the client says"), width=250),
                   Column("stage", _("When"), kind="choice", choices=STAGE_CHOICES, width=120),
                   Column("response", _("Response"), kind="readonly", display=_one_line,
                          tooltip=_("Write the response in the form below the table"))]
        detail = ItemForm(d, "objections", [
            (_("The client says"), "says", lambda p: _one_paragraph(TextBinding(
                d, p, _("What the client says"), _("In their words"), lines=2))),
            (_("What is behind it"), "behind", lambda p: TextBinding(
                d, p, _("What is behind it"), _("What the client usually means, or fears"))),
            (_("Response"), "response", lambda p: TextBinding(
                d, p, _("Response"), _(RESPONSE_HINT), lines=7)),
            (_("Proved by"), "differentiator_id", lambda p: IdChoiceBinding(
                d, p, _("Differentiator that proves the response"),
                lambda: [(x.id, x.difference) for x in d.plan.differentiators],
                follows="differentiators", none_text=_("None (no differentiator)"),
                nothing_yet=_("None: the plan has no differentiators yet (step Differentiation)"))),
            (_("Proof"), "proof", lambda p: TextBinding(
                d, p, _("Proof"), _("A case or a number that backs the response"))),
            (_("Raised by"), "persona_ids", lambda p: IdChecklistBinding(
                d, p, _("Personas who raise it"), _persona_options(d), max_height=100,
                follows="personas")),
        ], _("Select an objection to write its response and the proof behind it."))
        _any_persona_hint(detail)
        self.response = next(b for f, b in detail.bindings if f == "response")
        editor = ListEditor(d, _source(d, "objections", columns), _("objection"),
                            lambda: new_item(OBJECTIONS.new_item), detail,
                            follows=("personas", "differentiators"), plural=_("objections"))
        editor.table.doubleClicked.connect(self._open_response)
        self.common_button = editor.add_button(
            _("Add the usual ones"),
            _("Add the objections every campaign meets (“Just send me some information”, “We "
              "already have a supplier”, …); you write the responses"),
            self.add_common_objections)
        for signal in (editor.model.rowsInserted, editor.model.rowsRemoved,
                       editor.model.modelReset, editor.model.dataChanged):
            signal.connect(self._objections_changed)
        _starting_hint(editor, detail, _("No objections yet. Add the ones your reps hear most, or "
                                         "start with the usual ones and write how your reps answer "
                                         "them."))
        return _detail_below(editor)

    def add_common_objections(self) -> None:
        """The usual reflexes the plan does not have yet, as one undo step."""
        missing = missing_common_objections(self.document.plan)
        if missing:
            count = len(missing)
            self.document.insert_items(
                ("objections",), None, missing,
                ngettext("Add {n} common objection", "Add {n} common objections",
                         count).format(n=count))

    def _objections_changed(self, *_args) -> None:
        """The usual objections can be added while some are missing."""
        button = getattr(self, "common_button", None)
        if button is not None:
            button.setEnabled(bool(missing_common_objections(self.document.plan)))

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
        columns = [Column("question", _("Question"), width=320),
                   Column("stage", _("Stage"), kind="choice", choices=STAGE_CHOICES, width=120),
                   Column("why", _("Why we ask it"))]
        detail = ItemForm(d, "questions", [
            (_("Question"), "question", lambda p: _one_paragraph(TextBinding(
                d, p, _("Question"), _("Open, about their business: how, what, which…"), lines=2))),
            (_("Why we ask it"), "why", lambda p: TextBinding(
                d, p, _("Why we ask it"), _("What it tells us about the client's business"))),
            (_("A good answer"), "good_answer", lambda p: TextBinding(
                d, p, _("What a good answer tells us"),
                _("What we learn, and what we do next with it"), lines=4)),
            (_("For personas"), "persona_ids", lambda p: IdChecklistBinding(
                d, p, _("Personas it is for"), _persona_options(d), max_height=100,
                follows="personas")),
        ], _("Select a question to say why we ask it and what a good answer tells us."))
        _any_persona_hint(detail)
        editor = ListEditor(d, _source(d, "questions", columns), _("question"),
                            lambda: new_item(QUESTIONS.new_item), detail, follows=("personas",),
                            plural=_("questions"))
        _starting_hint(editor, detail, _(
            "No questions yet. Add the open questions your reps ask about the client's business: "
            "its situation, goals, problems and what they cost (“How do you measure the cost of an "
            "hour of unplanned stop today?”), not about us."))
        return _detail_below(editor)

    # --- going to an item (the coach, the review, the accountability page) -----------------
    def focus_item(self, section, item_id) -> None:
        if section == "objections":
            self._focus_list(OBJECTIONS_TAB, self.objections, item_id)
        elif section == "questions":
            self._focus_list(QUESTIONS_TAB, self.questions, item_id)
        elif section == "qualification":
            self.tabs.setCurrentIndex(QUALIFICATION_TAB)
            self.definition.focus_criterion(item_id)

    def _focus_list(self, tab: int, editor: ListEditor, item_id) -> None:
        self.tabs.setCurrentIndex(tab)
        if item_id:
            editor.filter.clear()
            editor.select_id(item_id)
        editor.table.setFocus()
