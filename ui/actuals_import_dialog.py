"""Import actuals from a CRM export: which export, its columns, what to settle, then import.

On the model of the account import (``ui/import_dialog.py``): how the file was read (encoding,
delimiter), its first rows, which column holds what, and every row that will not be imported
with its row number. What the import cannot decide alone is asked here: dates that read two ways
(03/04/2027), names of reps the plan does not know (each listed with the plan's closest name,
mapped once and remembered), accounts outside the plan (kept outside unless the leader maps
them). Nothing is imported until the leader clicks Import, and only once nothing is left to
settle. The file is read by ``ActualsReader`` off the GUI thread, again after each choice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prospector.actuals_import import FIELD_LABELS, ActualsPreview, DateFormat, Export
from prospector.actuals_import.result import Unmatched
from prospector.model import Plan
from prospector.number_format import NumberFormat
from ui.actuals_reading import ActualsReader, ReadChoices, ReadOutcome
from ui.import_dialog import delimiter_choice, first_rows_table
from ui.language import N_, _, ngettext, said
from ui.table_model import show_number

CHOOSE = N_("— choose —")
LEAVE_OUT = N_("Leave its rows out")
OUTSIDE = N_("Outside the plan")
LISTED_NAMES = 40  # names listed with a choice each; the rest are summed up
RECHECK_MS = 300  # a pause after a choice before the file is read again


class ActualsImportDialog(QDialog):
    """After ``exec()`` returns Accepted, ``outcome`` holds the dry run imported and the plan's
    actuals after it (``outcome.actuals_after``), to set as one undoable edit."""

    def __init__(self, plan: Plan, path: str, reader: ActualsReader,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Import actuals from a CRM export"))
        # 1000x900 where there is room; on a 1280x800 screen no taller than the screen, so that
        # Import and Cancel stay in view (the content needs about 690 pixels)
        room = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
        available = room.availableGeometry() if room is not None else None
        self.resize(1000, 900 if available is None else min(900, available.height() - 40))
        self.plan, self.path, self.reader = plan, path, reader
        self.preview: ActualsPreview | None = None
        self.outcome: ReadOutcome | None = None  # the newest finished read
        self.error: str | None = None
        self.reading = 0  # the number of the read whose answer is awaited (0: none)
        self.rep_choices: dict[str, str | None] = {}  # export name -> rep id (None: left out)
        self.account_choices: dict[str, str] = {}  # export name -> account id
        self.listed_reps: dict[str, Unmatched] = {}  # every name asked about in this dialog
        self.listed_accounts: dict[str, Unmatched] = {}

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.read_as = QLabel(_("Reading the file…"))
        self.read_as.setWordWrap(True)
        top.addWidget(self.read_as, 1)
        self.export_choice = QComboBox()
        self.export_choice.setAccessibleName(_("Which export"))
        self.export_choice.addItem(_("Detect"), None)
        for export in Export:
            label = _(export.label)
            self.export_choice.addItem(label[0].upper() + label[1:], export.value)
        self.delimiter = delimiter_choice()
        top.addWidget(QLabel(_("Export:")))
        top.addWidget(self.export_choice)
        top.addWidget(QLabel(_("Delimiter:")))
        top.addWidget(self.delimiter)
        layout.addLayout(top)

        self.table = first_rows_table()
        self.table.setMinimumHeight(130)
        layout.addWidget(self.table, 2)

        mapping_box = QGroupBox(_("Which column holds what"))
        grid = QGridLayout(mapping_box)
        self.columns: dict[str, QComboBox] = {}
        for i, (key, label) in enumerate(FIELD_LABELS.items()):
            combo = QComboBox()
            combo.setAccessibleName(_("Column for {label}").format(label=_(label)))
            grid.addWidget(QLabel(_(label) + (" *" if key in ("rep", "date") else "")),
                           i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            self.columns[key] = combo
        layout.addWidget(mapping_box)

        self.settle_box = QGroupBox(_("To settle before importing"))
        settle = QVBoxLayout(self.settle_box)
        dates = QHBoxLayout()
        self.dates_label = QLabel()
        self.dates_label.setWordWrap(True)
        self.date_format = QComboBox()
        self.date_format.setAccessibleName(_("How to read dates that read two ways"))
        self.date_format.addItem(_(CHOOSE), None)
        for label, form in ((_("Day first: 03/04/2027 is 3 April (European)"), DateFormat.DMY),
                            (_("Month first: 03/04/2027 is March 4 (US)"), DateFormat.MDY)):
            self.date_format.addItem(label, form.value)
        dates.addWidget(self.dates_label, 1)
        dates.addWidget(self.date_format)
        self.dates_row = QWidget()
        self.dates_row.setLayout(dates)
        settle.addWidget(self.dates_row)
        numbers = QHBoxLayout()
        self.numbers_label = QLabel()
        self.numbers_label.setWordWrap(True)
        self.number_format = QComboBox()
        self.number_format.setAccessibleName(_("Numbers like"))
        self.number_format.addItem(_(CHOOSE), None)
        for label, written in ((_("1,234.5: a dot before the decimals (US, UK)"),
                                NumberFormat.DOT),
                               (_("1.234,5: a comma before the decimals (most of Europe)"),
                                NumberFormat.COMMA)):
            self.number_format.addItem(label, written.value)
        numbers.addWidget(self.numbers_label, 1)
        numbers.addWidget(QLabel(_("Numbers like:")))
        numbers.addWidget(self.number_format)
        self.numbers_row = QWidget()
        self.numbers_row.setLayout(numbers)
        settle.addWidget(self.numbers_row)
        self.reps_table = _names_table(_("Reps the plan does not know"),
                                       (_("Name in the export"), _("Rows"),
                                        _("Closest rep in the plan"),
                                        _("Import as")))
        settle.addWidget(self.reps_table)
        layout.addWidget(self.settle_box)

        self.accounts_box = QGroupBox(_("Accounts not in the plan (imported as outside the plan "
                                        "unless you say which account of the plan they are)"))
        column = QVBoxLayout(self.accounts_box)
        self.accounts_table = _names_table(_("Accounts not in the plan"),
                                           (_("Name in the export"), _("Rows"),
                                            _("Closest account in the plan"), _("Import as")))
        column.addWidget(self.accounts_table)
        layout.addWidget(self.accounts_box)

        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(_("What the import will do"))
        self.summary.setMinimumHeight(140)
        layout.addWidget(self.summary, 3)

        busy = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Reading the file"))
        self.stop_button = QPushButton(_("Stop reading"))
        self.stop_button.clicked.connect(self.stop_reading)
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.stop_button)
        layout.addLayout(busy)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.do_import)
        layout.addWidget(buttons)

        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.setInterval(RECHECK_MS)
        self._recheck.timeout.connect(self.check)
        for combo in (*self.columns.values(), self.date_format, self.number_format):
            combo.currentIndexChanged.connect(self._changed)
        self.delimiter.currentIndexChanged.connect(self.load)
        self.export_choice.currentIndexChanged.connect(self.load)
        reader.previewed.connect(self._previewed)
        reader.progress.connect(self._progress)
        reader.finished.connect(self._finished)
        reader.failed.connect(self._failed)
        self.settle_box.hide()
        self.accounts_box.hide()
        self._set_reading(False)

    # --- reading -------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the file again from the start: how it is split, which export, its columns."""
        self.preview = None
        self._start(preview=True)

    def check(self) -> None:
        """Read the file again with the leader's choices (the dry run)."""
        self._start(preview=False)

    def _start(self, preview: bool) -> None:
        self._recheck.stop()
        self.outcome = None
        self.reading = self.reader.start(self.plan, self.path, self.choices(preview),
                                         preview=preview)
        self._set_reading(True)
        self.progress.setRange(0, 0)  # busy until the rows are counted
        self.summary.setPlainText(_("Reading the file…"))

    def choices(self, preview: bool = False) -> ReadChoices:
        mapping = None
        if not preview and self.preview is not None:
            mapping = {key: combo.currentData() for key, combo in self.columns.items()}
        export = self.export_choice.currentData() or (
            self.preview.export.value if self.preview and not preview else None)
        delimiter = self.delimiter.currentData() or (
            self.preview.file.delimiter if self.preview and not preview else None)
        return ReadChoices(export=export, mapping=mapping, delimiter=delimiter,
                           date_format=self.date_format.currentData(),
                           number_format=self.number_format.currentData(),
                           rep_map=dict(self.rep_choices),
                           account_map=dict(self.account_choices))

    def stop_reading(self) -> None:
        self.reader.cancel()
        self.reading = 0
        self._set_reading(False)
        self.summary.setPlainText(_("Stopped: the file was not read to the end, nothing will be "
                                    "imported. Change a choice to read it again."))

    def _set_reading(self, reading: bool) -> None:
        self.progress.setVisible(reading)
        self.stop_button.setVisible(reading)
        self.import_button.setEnabled(not reading and self.brings_something())

    def brings_something(self) -> bool:
        """Whether importing now changes the plan: facts new or changed, or names mapped (the
        same export again brings nothing: the plan has every fact of it already)."""
        outcome = self.outcome
        if outcome is None or outcome.actuals_after is None:
            return False
        found = outcome.found
        return bool(found.facts or found.remember_reps or found.remember_accounts)

    def _changed(self) -> None:
        if self.preview is not None:
            self.import_button.setEnabled(False)  # what is shown no longer says what happens
            self._recheck.start()

    # --- answers of the reader -----------------------------------------------------------------
    def _previewed(self, number: int, preview: ActualsPreview) -> None:
        if number != self.reading:
            return
        self.preview = preview
        file = preview.file
        self.read_as.setText(_("{source}: {label}, {rows}, read as {encoding_label}, "
                               "{delimiter_name}-separated. Columns were matched by their "
                               "headers: check them below.").format(
                                   source=file.source, label=_(preview.export.label),
                                   rows=ngettext("{n} row", "{n} rows",
                                                 file.row_count).format(n=show_number(file.row_count)),
                                   encoding_label=said(file.encoding_label),
                                   delimiter_name=_(file.delimiter_name)))
        self.table.clear()
        self.table.setColumnCount(len(file.headers))
        self.table.setHorizontalHeaderLabels(file.headers)
        self.table.setRowCount(len(file.rows))
        self.table.setVerticalHeaderLabels([str(n) for n in file.row_numbers])
        for r, row in enumerate(file.rows):
            for c, value in enumerate(row[:len(file.headers)]):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        for key, combo in self.columns.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— not read —"), None)
            for index, header in enumerate(file.headers):
                combo.addItem(header or _("(column {value})").format(value=index + 1), index)
            combo.setCurrentIndex(max(combo.findData(preview.columns.get(key)), 0))
            combo.blockSignals(False)

    def _progress(self, number: int, done: int, total: int) -> None:
        if number == self.reading and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(_("Reading row {done} of {total}").format(
                done=show_number(done), total=show_number(total)))

    def _failed(self, number: int, why: str) -> None:
        if number != self.reading:
            return
        self.reading = 0
        self.error = why
        self.outcome = None
        self._set_reading(False)
        self.read_as.setText(_("{name}: not imported.").format(name=Path(self.path).name))
        self.summary.setPlainText(_("{why}\n\nNothing will be imported.").format(why=why))

    def _finished(self, number: int, outcome: ReadOutcome) -> None:
        if number != self.reading:
            return
        self.reading = 0
        self.error = None
        self.outcome = outcome
        found = outcome.found
        for name in found.unknown_reps:
            self.listed_reps.setdefault(name.name, name)
        for name in found.outside_accounts:
            self.listed_accounts.setdefault(name.name, name)
        self._fill_dates(found)
        self._fill_numbers(found)
        self._fill_names(self.reps_table, self.listed_reps, self.rep_choices,
                         [(rep.name, rep.id) for rep in self.plan.reps], _(LEAVE_OUT))
        self._fill_names(self.accounts_table, self.listed_accounts, self.account_choices,
                         [(a.name, a.id) for a in self.plan.accounts], None)
        self.reps_table.setVisible(bool(self.listed_reps))
        self.settle_box.setVisible(bool(self.listed_reps) or not self.dates_row.isHidden()
                                   or not self.numbers_row.isHidden())
        self.accounts_box.setVisible(bool(self.listed_accounts))
        lines = []
        if outcome.to_settle:
            lines += [_("Nothing can be imported until you choose (above):")]
            lines += [f"  • {line}" for line in outcome.to_settle] + [""]
        lines += [_("If you import now:") if found.ready else _("What the file holds:")]
        lines += outcome.summary
        self.summary.setPlainText("\n".join(lines))
        self._set_reading(False)

    def _fill_dates(self, found) -> None:
        asked = bool(found.ambiguous_dates) or self.date_format.currentData() is not None
        self.dates_row.setVisible(asked)
        if found.ambiguous_dates:
            example = found.suggested_date_format
            hint = (_(" The file's other dates can only be {label}.").format(
                label=_(example.label)) if example else "")
            self.dates_label.setText(
                _("{rows} have dates that read two ways (03/04/2027: 3 April or March 4?).{hint} "
                  "How does this export write dates?").format(
                      rows=ngettext("{n} row", "{n} rows",
                                    len(found.ambiguous_dates)).format(n=show_number(len(found.ambiguous_dates))),
                      hint=hint))
        elif asked:
            self.dates_label.setText(_("Dates that read two ways are read as chosen:"))

    def _fill_numbers(self, found) -> None:
        """The "Numbers like" choice, shown while amounts read two ways and the file's other
        amounts do not tell (and while a choice is made, so it can be changed)."""
        asked = bool(found.ambiguous_numbers) or self.number_format.currentData() is not None
        self.numbers_row.setVisible(asked)
        if found.ambiguous_numbers:
            count = len(found.ambiguous_numbers)
            self.numbers_label.setText(
                _("{rows} have amounts that read two ways (1,234: a thousand and more, or one "
                  "and a bit?) and the file's other amounts do not tell. How does this export "
                  "write numbers?").format(rows=ngettext("{n} row", "{n} rows", count).format(
                      n=show_number(count))))
        elif asked:
            self.numbers_label.setText(_("Amounts are read as chosen:"))

    def _fill_names(self, table: QTableWidget, listed: dict[str, Unmatched],
                    chosen: dict, targets: list[tuple[str, str]], leave_out: str | None) -> None:
        names = list(listed.values())
        shown = names[:LISTED_NAMES]
        table.setRowCount(len(shown) + (1 if len(names) > len(shown) else 0))
        by_name = dict(targets)
        for row, name in enumerate(shown):
            table.setItem(row, 0, QTableWidgetItem(name.name))
            count = QTableWidgetItem(show_number(len(name.rows)))
            count.setToolTip(", ".join(str(r) for r in name.rows[:30]))
            table.setItem(row, 1, count)
            table.setItem(row, 2, QTableWidgetItem(name.closest or _("none close")))
            combo = QComboBox()
            combo.setAccessibleName(_("Import {name} as").format(name=name.name))
            if leave_out is not None:  # a rep: the leader must say who (or leave the rows out)
                combo.addItem(_(CHOOSE), "")
                combo.addItem(leave_out, None)
            else:  # an account: outside the plan unless the leader says which account it is
                combo.addItem(_(OUTSIDE), "")
            if name.closest in by_name:
                combo.addItem(_("{closest} (closest)").format(
                    closest=name.closest), by_name[name.closest])
            for label, item_id in targets:
                if label != name.closest:
                    combo.addItem(label, item_id)
            if name.name in chosen:
                combo.setCurrentIndex(max(combo.findData(chosen[name.name]), 0))
            combo.currentIndexChanged.connect(
                lambda _i, n=name.name, c=combo, d=chosen: self._name_chosen(d, n, c.currentData()))
            table.setCellWidget(row, 3, combo)
        if len(names) > len(shown):
            more = QTableWidgetItem(_("and {value} more: map the names above first, the rest are "
                                      "listed after").format(
                                          value=show_number(len(names) - len(shown))))
            table.setItem(len(shown), 0, more)
            table.setSpan(len(shown), 0, 1, 4)

    def _name_chosen(self, chosen: dict, name: str, value: str | None) -> None:
        if value == "":  # back to "choose" (a rep) or "outside the plan" (an account)
            chosen.pop(name, None)
        else:
            chosen[name] = value
        self._changed()

    # --- closing ----------------------------------------------------------------------------
    def do_import(self) -> None:
        if self.brings_something():
            self.accept()

    def done(self, result: int) -> None:
        self._recheck.stop()
        self.reader.cancel()
        for signal, slot in ((self.reader.previewed, self._previewed),
                             (self.reader.progress, self._progress),
                             (self.reader.finished, self._finished),
                             (self.reader.failed, self._failed)):
            signal.disconnect(slot)
        super().done(result)


def _names_table(name: str, headers: tuple[str, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    table.setMinimumHeight(90)
    return table
