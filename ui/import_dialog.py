"""Import target accounts from a CSV file: preview, map the columns, check, then import.

The import itself is ``prospector.account_import``; the window applies its result as one
undoable step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from prospector.account_import import (
    FIELDS,
    CsvFileError,
    CsvPreview,
    ImportResult,
    import_accounts,
    read_csv_preview,
)
from prospector.errors import ProspectorError
from prospector.model import TIERS
from ui.background import BackgroundJob
from ui.language import N_, _, current, ngettext, said
from ui.table_model import show_number

DELIMITER_CHOICES = ((N_("Detect"), None), (N_("Comma ,"), ","), (N_("Semicolon ;"), ";"),
                     (N_("Tab"), "\t"), (N_("Pipe |"), "|"))


def delimiter_choice() -> QComboBox:
    """The delimiter's choice of an import dialog: detected, or one the leader picks."""
    choice = QComboBox()
    choice.setAccessibleName(_("Delimiter"))
    for text, value in DELIMITER_CHOICES:
        choice.addItem(_(text), value)
    return choice


def first_rows_table() -> QTableWidget:
    """An import dialog's read-only table of the file's first rows."""
    table = QTableWidget()
    table.setAccessibleName(_("First rows of the file"))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return table


_checks: BackgroundJob | None = None


def _checking_job() -> BackgroundJob:
    """The one thread checking the import dialogs' rows, kept for the process: a job that was a
    dialog's child went with a dialog deleted while its thread was answering (a test worker
    crashed so); a dialog only listens to its own checks (their numbers)."""
    global _checks  # one per process, made when first needed
    if _checks is None:
        _checks = BackgroundJob("account-import")
    return _checks


def _dry_run(plan, path: str, mapping: dict[str, int], tier: str, delimiter: str | None
             ) -> ImportResult | ProspectorError:
    """The import as it would go (the background job's work): its result, or why it cannot."""
    try:
        return import_accounts(plan, path, mapping, default_tier=tier, delimiter=delimiter)
    except ProspectorError as exc:
        return exc


class CsvImportDialog(QDialog):
    """After ``exec()`` returns Accepted, ``import_result`` holds the ImportResult to apply.

    The rows are checked (the import run dry) off the GUI thread, again at each change of a
    column, the tier or the delimiter: 5,000 rows take about 0.4 s. Import takes the result
    of the check of the choices shown, so the file is not read again."""

    def __init__(self, plan, path: str, parent=None, *, source_name: str | None = None,
                 title: str | None = None, headed: bool = True) -> None:
        """``headed``: False for rows that came without their header row (a paste): the
        columns were named for them, not matched by their headers."""
        super().__init__(parent)
        self.setWindowTitle(title or _("Import accounts from CSV"))
        self.resize(900, 640)
        self.plan, self.path = plan, path
        self.source_name = source_name  # what the rows are called when not a file of the user's
        self.headed = headed
        self.preview: CsvPreview | None = None
        self.import_result: ImportResult | None = None

        layout = QVBoxLayout(self)
        self.read_as = QLabel()
        self.read_as.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.read_as, 1)
        self.delimiter = delimiter_choice()
        top.addWidget(QLabel(_("Delimiter:")))
        top.addWidget(self.delimiter)
        layout.addLayout(top)

        self.table = first_rows_table()
        layout.addWidget(self.table, 2)

        mapping_box = QGroupBox(_("Which column holds what"))
        grid = QGridLayout(mapping_box)
        self.columns: dict[str, QComboBox] = {}
        for i, field in enumerate(FIELDS):
            combo = QComboBox()
            combo.setAccessibleName(_("Column for {label}").format(label=_(field.label)))
            combo.setToolTip(_(field.help))
            label = QLabel(_(field.label) + (" *" if field.required else ""))
            label.setToolTip(_(field.help))
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(combo, i // 3, (i % 3) * 2 + 1)
            self.columns[field.key] = combo
        layout.addWidget(mapping_box)

        form = QFormLayout()
        self.tier = QComboBox()
        self.tier.setAccessibleName(_("Tier for rows without one"))
        for tier in TIERS:
            self.tier.addItem(_("Tier {tier}").format(tier=tier), tier)
        self.tier.setCurrentIndex(1)
        form.addRow(_("Tier for rows without one"), self.tier)
        layout.addLayout(form)

        self.outcome = QPlainTextEdit()
        self.outcome.setReadOnly(True)
        self.outcome.setAccessibleName(_("What the import will do"))
        layout.addWidget(self.outcome, 1)

        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self.do_import)
        layout.addWidget(buttons)

        self.delimiter.currentIndexChanged.connect(self.load)
        for combo in (*self.columns.values(), self.tier):
            combo.currentIndexChanged.connect(self.check)
        self.error: str | None = None
        self.checked: ImportResult | None = None  # the check of the choices shown, when done
        self._checking = _checking_job()
        self._checking.done.connect(self._checked)
        self._asked = self._shown = 0  # the numbers of the last check asked for, and shown

    def load(self) -> bool:
        """Read the file; False (with ``error`` set) when it cannot be imported at all."""
        try:
            p = read_csv_preview(self.path, delimiter=self.delimiter.currentData())
        except (CsvFileError, ProspectorError) as exc:
            self.preview = self.checked = None  # a check still running is not shown
            self.error = self._named(said(exc))
            self.outcome.setPlainText(self.error)
            self.import_button.setEnabled(False)
            return False
        self.preview = p
        self.error = None
        matched = (_("Columns were matched by their headers: check them below.") if self.headed
                   else _("They came without a header row: the first column is read as the "
                          "account's name; choose below what the others hold."))
        self.read_as.setText(_("{source}: {rows}, read as {encoding_label}, "
                               "{delimiter_name}-separated.").format(
                                   source=self.source_name or p.source,
                                   rows=ngettext("{n} row", "{n} rows", p.row_count).format(
                                       n=show_number(p.row_count)),
                                   encoding_label=said(p.encoding_label),
                                   delimiter_name=_(p.delimiter_name)) + " " + matched)
        self.table.clear()
        self.table.setColumnCount(len(p.headers))
        self.table.setHorizontalHeaderLabels(p.headers)
        self.table.setRowCount(len(p.rows))
        self.table.setVerticalHeaderLabels([str(n) for n in p.row_numbers])  # as the summary says
        for r, row in enumerate(p.rows):
            for c, value in enumerate(row[: len(p.headers)]):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        for key, combo in self.columns.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("— not imported —"), None)
            for index, header in enumerate(p.headers):
                combo.addItem(header or _("(column {value})").format(value=index + 1), index)
            position = combo.findData(p.suggested_mapping.get(key))
            combo.setCurrentIndex(max(position, 0))
            combo.blockSignals(False)
        self.check()
        return True

    def _named(self, message: str) -> str:
        return message.replace(self.path, self.source_name) if self.source_name else message

    def mapping(self) -> dict[str, int]:
        return {key: combo.currentData() for key, combo in self.columns.items()
                if combo.currentData() is not None}

    def _choices(self) -> tuple:
        return (self.plan, self.path, self.mapping(), self.tier.currentData(),
                self.preview.delimiter if self.preview else None)

    def is_checking(self) -> bool:
        """Whether the check of the choices shown is still under way (not shown yet)."""
        return self.preview is not None and self._shown != self._asked

    def check(self) -> None:
        """Check the rows with the choices shown, off the GUI thread (``_checked`` shows it)."""
        if self.preview is None:
            return
        self.checked = None
        self.import_button.setEnabled(False)
        self.outcome.setPlainText(ngettext("Checking {n} row…", "Checking {n} rows…",
                                           self.preview.row_count).format(
                                               n=show_number(self.preview.row_count)))
        self._asked = self._checking.start(_dry_run, *self._choices())

    def _checked(self, number: int, result: ImportResult | ProspectorError) -> None:
        if number != self._asked or self.preview is None:
            return  # a choice changed meanwhile (its own check follows), or the file did
        self._shown = number
        if isinstance(result, ProspectorError):
            self.outcome.setPlainText(self._named(said(result)))
            return
        self.checked = result
        self.import_button.setEnabled(result.changed)
        lines = result.summary_lines(language=current())
        if not result.changed:  # Import stays off: say why, first (the box shows four lines)
            lines.insert(0, _("The plan already holds all of this: there is nothing to import."))
        self.outcome.setPlainText(_("If you import now:\n") + "\n".join(lines))

    def do_import(self) -> None:
        result = self.checked or _dry_run(*self._choices())  # still checking: here and now
        if isinstance(result, ProspectorError):
            self.outcome.setPlainText(self._named(said(result)))
            return
        self.import_result = result
        self.accept()

    def done(self, result: int) -> None:
        try:
            self._checking.done.disconnect(self._checked)  # a check still running ends unheard
        except (RuntimeError, TypeError):  # closed twice
            pass
        super().done(result)
