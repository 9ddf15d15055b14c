"""The weekly grid: what each rep did each week against one target, entered by hand.

For a team without a CRM export (or a target no export counts, such as "new contacts mapped"):
one row per rep, one column per ISO week of the plan, for the target chosen above the grid. A
cell shows the figure entered by hand, else (in a quieter colour) what the imported exports
count for that week. Typing a number enters the week's figure (it replaces the imports for that
week); clearing it counts the imports again. Each edit is one undo step
(``PlanDocument.set_actuals``) and is saved with the plan like any edit.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from prospector.actuals.counting import Counts
from prospector.actuals.weekly import WeeklyFigure, week_start, weeks_between
from prospector.actuals_import import enter_figure, refuse_part_of_a_count
from prospector.errors import ProspectorError
from prospector.model import Target
from prospector.review.build import rep_weekly_counts
from prospector.review.weeks import rep_first_weekdays
from ui.background import BackgroundJob
from ui.document import PlanDocument
from ui.language import _, in_sentence, said
from ui.palette_colours import hint_colour
from ui.table_model import read_figure, show_number
from ui.widgets.cell_editing import CellDelegate
from ui.widgets.date_field import show_day, show_week

Index = QModelIndex | QPersistentModelIndex
_Role = Qt.ItemDataRole
DISPLAY, EDIT, TOOLTIP = int(_Role.DisplayRole), int(_Role.EditRole), int(_Role.ToolTipRole)
FOREGROUND, FONT, ALIGN = int(_Role.ForegroundRole), int(_Role.FontRole), \
    int(_Role.TextAlignmentRole)
# what the imported figures are counted for: the facts' log, what the target counts, and each
# rep's first working weekday
GridKey = tuple[int, Counts | None, tuple[tuple[str, int], ...]]
INLINE_FACTS = 5_000  # more facts than this are counted off the GUI thread (about 3 ms here)
# edits that change what the grid's rows, columns or target are
_SHAPE = ("reps", "basics", "accountability")


def plan_weeks(document: PlanDocument) -> list[str]:
    """The ISO weeks of the plan (none while it has no start or end date)."""
    basics = document.plan.basics
    if basics.start_date is None or basics.end_date is None:
        return []
    return weeks_between(basics.start_date, basics.end_date)


def _changes_shape(path: tuple) -> bool:
    """Whether a field edit changes the grid's rows (a rep's name), weeks or target."""
    return path[:1] == ("reps",) or path[:2] in (("basics", "start_date"), ("basics", "end_date"),
                                                 ("accountability", "targets"))


class WeeklyGridModel(QAbstractTableModel):
    """Reps (rows) by the plan's weeks (columns) for one target (``set_metric``)."""

    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.metric: str | None = None
        self.reps: list[tuple[str, str]] = []  # (id, name)
        self.weeks: list[str] = []
        self.figures: dict[tuple[str, str], float] = {}  # (rep id, week) -> entered by hand
        self.imported: Counter[tuple[str, str]] = Counter()
        self._counted: tuple[GridKey, Counter] | None = None  # the imported figures, and what for
        self._counting: tuple[int, GridKey] | None = None  # job, what it counts
        self.counter = BackgroundJob("weekly-counts", self)
        self.counter.done.connect(self._counted_off_thread)
        self.hint = hint_colour(QPalette())
        document.plan_replaced.connect(self.reload)
        document.sections_replaced.connect(self._sections_replaced)
        for signal in (document.items_inserted, document.items_removed, document.item_moved):
            signal.connect(self._list_changed)
        document.field_changed.connect(
            lambda path: self.reload() if _changes_shape(tuple(path)) else None)
        document.fields_changed.connect(
            lambda paths: self.reload() if any(_changes_shape(tuple(p)) for p in paths) else None)
        self.reload()

    # --- what is shown --------------------------------------------------------------------
    def target(self) -> Target | None:
        targets = self.document.plan.accountability.targets
        return next((t for t in targets if t.metric == self.metric), None)

    def set_metric(self, metric: str | None) -> None:
        self.metric = metric
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        plan = self.document.plan
        self.reps = [(rep.id, rep.name) for rep in plan.reps]
        self.weeks = plan_weeks(self.document)
        self._read_actuals()
        self.endResetModel()

    def _read_actuals(self) -> None:
        target = self.target()
        actuals = self.document.plan.actuals
        folded = target.metric.casefold() if target else None
        self.figures = {(f.rep_id, f.week): f.value for f in actuals.weekly
                        if f.metric.casefold() == folded}
        counts = target.counts if target else None
        plan = self.document.plan
        key = self._key()
        cached = self._counted
        if cached is not None and cached[0] == key:
            self.imported = cached[1]  # a figure entered keeps the facts' list: counted once
            return
        if len(actuals.facts) <= INLINE_FACTS or counts is None:
            counted = rep_weekly_counts(plan, counts) if counts else Counter()
            self._counted = (key, counted)
            self.imported = counted
            return
        self.imported = Counter()  # counted in a moment, off the GUI thread (100,000 facts)
        snapshot = plan.model_copy(update={"reps": list(plan.reps)})  # edits change the list
        self._counting = (self.counter.start(rep_weekly_counts, snapshot, counts), key)

    def _key(self) -> GridKey:
        """What the imported figures depend on: the facts' log, what the target counts, and
        each rep's working week (Sunday to Thursday in Israel)."""
        target, plan = self.target(), self.document.plan
        return (id(plan.actuals.facts), target.counts if target else None,
                tuple(rep_first_weekdays(plan).items()))

    def _counted_off_thread(self, number: int, counted: Counter) -> None:
        if self._counting is None or number != self._counting[0]:
            return
        key = self._counting[1]
        self._counting = None
        self._counted = (key, counted)
        if key == self._key():
            self.imported = counted
            if self.reps and self.weeks:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self.reps) - 1, len(self.weeks) - 1))

    def _sections_replaced(self, sections) -> None:
        if set(sections) & set(_SHAPE):
            self.reload()
        elif "actuals" in sections:
            self._read_actuals()
            if self.reps and self.weeks:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self.reps) - 1, len(self.weeks) - 1))

    def _list_changed(self, path, _first: int, _last: int) -> None:
        if tuple(path)[:1] in (("reps",), ("accountability",)):
            self.reload()

    # --- Qt's model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self.target() is None else len(self.reps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.weeks)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        rep_id, rep_name = self.reps[index.row()]
        week = self.weeks[index.column()]
        entered = self.figures.get((rep_id, week))
        imported = self.imported.get((rep_id, week), 0)
        if role == DISPLAY:
            if entered is not None:
                return show_number(entered)
            return show_number(imported) if imported else ""
        if role == EDIT:
            return show_number(entered) if entered is not None else ""
        if role == FOREGROUND and entered is None:
            return self.hint
        if role == FONT and entered is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == ALIGN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == TOOLTIP:
            return self._tooltip(rep_name, week, entered, imported)
        return None

    def _tooltip(self, rep: str, week: str, entered: float | None, imported: int) -> str:
        target = self.target()
        what = in_sentence(_(target.counts.label)) if target else ""
        counted = (_("{imported} imported ({what})").format(
            imported=show_number(imported), what=what) if target and
                   target.counts is not Counts.HAND_ENTERED else _("nothing imported counts here"))
        monday = week_start(week)
        head = _("{rep}, {week} (week of {monday})").format(
            rep=rep, week=show_week(week), monday=show_day(monday, year=True))
        if entered is not None:
            return _("{head}: {entered} entered by hand, instead of {counted}. Clear it to count "
                     "the imports again.").format(
                         head=head, entered=show_number(entered), counted=counted)
        return _("{head}: {counted}. Type a figure to enter the week by hand.").format(
            head=head, counted=counted)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == DISPLAY and 0 <= section < len(self.reps):
                return self.reps[section][1]
            return None
        if not 0 <= section < len(self.weeks):
            return None
        week = self.weeks[section]
        monday: date = week_start(week)
        if role == DISPLAY:
            return _("W{number}").format(number=week[-2:]) + "\n" + show_day(monday)
        if role == TOOLTIP:
            return _("{week}, week {number} of the plan, from Monday {monday}").format(
                week=show_week(week), number=section + 1, monday=show_day(monday, year=True))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:
        target = self.target()
        if not index.isValid() or role != EDIT or target is None:
            return False
        rep_id, rep_name = self.reps[index.row()]
        week = self.weeks[index.column()]
        text = str(value).strip()
        plan = self.document.plan
        if not text:
            if plan.actuals.figure(rep_id, week, target.metric) is None:
                return True
            self.document.set_actuals(plan.actuals.without_figure(rep_id, week, target.metric),
                                      _("Clear {metric} of {rep_name}, {week}").format(
                                          metric=target.metric, rep_name=rep_name, week=week))
            return True
        try:
            number = read_figure(text)
            actuals = enter_figure(plan, rep_id, week, target.metric, number).actuals
        except ValueError:
            self.document.edit_refused.emit(
                _("{metric}, {rep_name}, {week}: “{value}” is not a number (e.g. 4 or {example}) — "
                  "the previous figure is kept.").format(
                    metric=target.metric, rep_name=rep_name, week=week, value=text[:40],
                    example=show_number(2.5)))
            return False
        except ProspectorError as exc:
            self.document.edit_refused.emit(_("{metric}, {rep_name}, {week}: {exc} — the previous "
                                              "figure is kept.").format(
                                                  metric=target.metric, rep_name=rep_name,
                                                  week=week, exc=said(exc)))
            return False
        self.document.set_actuals(actuals,
                                  _("Enter {number} {metric} for {rep_name}, {week}").format(

            number=show_number(number), metric=target.metric, rep_name=rep_name, week=week))
        return True


    def typing(self, index: Index, value: Any) -> None:
        """The cell at ``index`` is being typed in: the figure it reads is kept on disk
        (``PlanDocument.typing_figures``) until Enter enters it."""
        target = self.target()
        if not index.isValid() or target is None or not 0 <= index.row() < len(self.reps):
            return
        rep_id, _rep_name = self.reps[index.row()]
        week = self.weeks[index.column()]
        text = str(value).strip()
        if not text:
            self.document.typing_figures([], [(rep_id, week, target.metric)])
            return
        try:
            figure = WeeklyFigure(rep_id=rep_id, week=week, metric=target.metric,
                                  value=read_figure(text))
            refuse_part_of_a_count(target, figure.value)
        except (ValueError, ProspectorError):  # not a figure Enter would take: nothing kept,
            # as Enter keeps the figure before (half a touch typed, the app killed: restored
            # as 2.5 touches; "4x" restored as the "4" typed on the way)
            self.document.typing_figures([], [])
            return
        self.document.typing_figures([figure], [])

    def typing_ended(self) -> None:
        self.document.typing_ended()


class WeeklyGrid(QWidget):
    """The target to enter figures for, and the grid of reps by weeks."""

    def __init__(self, document: PlanDocument, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.model = WeeklyGridModel(document, self)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.target_choice = QComboBox()
        self.target_choice.setAccessibleName(_("Target to enter figures for"))
        self.target_choice.setMinimumWidth(320)
        top.addWidget(QLabel(_("Target:")))
        top.addWidget(self.target_choice)
        self.about = QLabel()
        self.about.setWordWrap(True)
        top.addWidget(self.about, 1)
        layout.addLayout(top)
        note = QLabel(_("One row per rep, one column per week of the plan. A grey number is what "
                        "the imported exports count for that week; type a figure to enter the "
                        "week by hand (it replaces the imports for that week, shown in bold), "
                        "clear it to count the imports again. Ctrl+Z undoes."))
        note.setWordWrap(True)
        note.setObjectName("stepAdvice")
        layout.addWidget(note)
        self.table = QTableView()
        self.table.setAccessibleName(_("Figures by rep and week"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.table))  # Enter stores the figure at once
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.table.horizontalHeader().setDefaultSectionSize(58)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        layout.addWidget(self.table, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        self.target_choice.currentIndexChanged.connect(self._target_chosen)
        document.plan_replaced.connect(self.fill_targets)
        document.sections_replaced.connect(lambda _s: self.fill_targets())
        for signal in (document.items_inserted, document.items_removed, document.item_moved):
            signal.connect(lambda path, *_: self.fill_targets() if tuple(path)[:1] == (
                "accountability",) else None)
        document.field_changed.connect(lambda path: self.fill_targets() if tuple(path)[:2] == (
            "accountability", "targets") else None)
        self.model.hint = hint_colour(self.palette())
        self.fill_targets()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the system went dark or light
            self.model.hint = hint_colour(self.palette())
            self.model.reload()

    def fill_targets(self) -> None:
        targets = self.document.plan.accountability.targets
        chosen = self.target_choice.currentData() or self.model.metric
        metrics = [self.target_choice.itemData(i) for i in range(self.target_choice.count())]
        if metrics != [t.metric for t in targets]:
            self.target_choice.blockSignals(True)
            self.target_choice.clear()
            for target in targets:
                self.target_choice.addItem(target.metric, target.metric)
            self.target_choice.setCurrentIndex(max(self.target_choice.findData(chosen), 0))
            self.target_choice.blockSignals(False)
        self._target_chosen()

    def choose(self, metric: str) -> None:
        self.target_choice.setCurrentIndex(self.target_choice.findData(metric))

    def _target_chosen(self) -> None:
        metric = self.target_choice.currentData()
        if metric != self.model.metric:
            self.model.set_metric(metric)
        target = self.model.target()
        if target is None:
            self.about.setText("")
        else:
            per = _("week") if target.period == "week" else _("month")
            self.about.setText(_("{per_rep} per rep per {per} · counts: {counts}").format(
                per_rep=show_number(target.per_rep), per=per,
                counts=in_sentence(_(target.counts.label))))
        if not self.document.plan.accountability.targets:
            why = _("Add a target in the Accountability step to enter figures against it.")
        elif not self.model.weeks:
            why = _("Give the plan a start and an end date (Plan basics) to enter figures week " \
                    "by week.")
        elif not self.model.reps:
            why = _("Add the reps in the Reps step to enter their figures.")
        else:
            why = ""
        self.empty.setText(why)
        self.empty.setVisible(bool(why))
