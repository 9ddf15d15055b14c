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


class CsvImportDialog(QDialog):
    """After ``exec()`` returns Accepted, ``import_result`` holds the ImportResult to apply."""

    def __init__(self, plan, path: str, parent=None, *, source_name: str | None = None,
                 title: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or _("Import accounts from CSV"))
        self.resize(900, 640)
        self.plan, self.path = plan, path
        self.source_name = source_name  # what the rows are called when not a file of the user's
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
        self.check_button = buttons.addButton(_("Check"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button = buttons.addButton(_("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.do_import)
        layout.addWidget(buttons)

        self.delimiter.currentIndexChanged.connect(self.load)
        self.error: str | None = None

    def load(self) -> bool:
        """Read the file; False (with ``error`` set) when it cannot be imported at all."""
        try:
            p = read_csv_preview(self.path, delimiter=self.delimiter.currentData())
        except (CsvFileError, ProspectorError) as exc:
            self.error = self._named(said(exc))
            self.outcome.setPlainText(self.error)
            self.import_button.setEnabled(False)
            return False
        self.preview = p
        self.error = None
        self.read_as.setText(_("{source}: {rows}, read as {encoding_label}, "
                               "{delimiter_name}-separated. Columns were matched by their "
                               "headers: check them below.").format(
                                   source=self.source_name or p.source,
                                   rows=ngettext("{n} row", "{n} rows", p.row_count).format(
                                       n=show_number(p.row_count)),
                                   encoding_label=said(p.encoding_label),
                                   delimiter_name=_(p.delimiter_name)))
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
        self.import_button.setEnabled(True)
        self.check()
        return True

    def _named(self, message: str) -> str:
        return message.replace(self.path, self.source_name) if self.source_name else message

    def mapping(self) -> dict[str, int]:
        return {key: combo.currentData() for key, combo in self.columns.items()
                if combo.currentData() is not None}

    def _run(self):
        return import_accounts(self.plan, self.path, self.mapping(),
                               default_tier=self.tier.currentData(),
                               delimiter=self.preview.delimiter if self.preview else None)

    def check(self) -> None:
        try:
            result = self._run()
        except ProspectorError as exc:
            self.outcome.setPlainText(self._named(said(exc)))
            self.import_button.setEnabled(False)
            return
        self.import_button.setEnabled(result.changed)
        lines = result.summary_lines(language=current())
        self.outcome.setPlainText(_("If you import now:\n") + "\n".join(lines))

    def do_import(self) -> None:
        try:
            self.import_result = self._run()
        except ProspectorError as exc:
            self.outcome.setPlainText(self._named(said(exc)))
            return
        self.accept()
