"""Export a rep's dated schedule: a calendar file (.ics) and/or a task list for the CRM (.csv)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from prospector.calendar_export import write_ics
from prospector.errors import ProspectorError
from prospector.schedule import build_schedule
from prospector.task_export import write_tasks_csv
from prospector.textnorm import export_name
from ui import dialogs
from ui.language import _, ngettext, said
from ui.widgets.date_field import date_format


class ScheduleExportDialog(QDialog):
    def __init__(self, plan, rep_id: str | None, folder: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export a rep's schedule"))
        self.setMinimumWidth(560)
        self.plan = plan
        self.written: list[str] = []
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.rep = QComboBox()
        self.rep.setAccessibleName(_("Rep"))
        for rep in plan.reps:
            self.rep.addItem(rep.name, rep.id)
        self.rep.setCurrentIndex(max(self.rep.findData(rep_id), 0))
        self.start = QDateEdit()
        self.start.setAccessibleName(_("Schedule start date"))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(date_format())
        self.folder = QLineEdit(folder)
        self.folder.setAccessibleName(_("Folder"))
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        self.ics = QCheckBox(_("Calendar file (.ics) for Outlook, Google or Apple Calendar"))
        self.ics.setChecked(True)
        self.csv = QCheckBox(_("Task list (.csv) for the CRM's task import"))
        self.csv.setChecked(True)
        form.addRow(_("Rep"), self.rep)
        form.addRow(_("Starts"), self.start)
        form.addRow(_("Save in"), row)
        layout.addLayout(form)
        layout.addWidget(self.ics)
        layout.addWidget(self.csv)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(_("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        layout.addWidget(buttons)
        self.rep.currentIndexChanged.connect(self._rep_changed)
        self._rep_changed()

    def _rep_changed(self, *_args) -> None:
        rep = next((r for r in self.plan.reps if r.id == self.rep.currentData()), None)
        first = (rep.start_date if rep and rep.start_date else self.plan.basics.start_date
                 or date.today())
        self.start.setDate(QDate(first.year, first.month, first.day))

    def _browse(self) -> None:
        chosen = dialogs.ask_folder(self, _("Save the schedule in"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> None:
        rep = next((r for r in self.plan.reps if r.id == self.rep.currentData()), None)
        folder = Path(self.folder.text()).expanduser()
        if rep is None or not folder.is_dir():
            self.summary.setText(_("Choose a rep and an existing folder."))
            return
        qd = self.start.date()
        try:
            schedule = build_schedule(self.plan, rep, date(qd.year(), qd.month(), qd.day()))
            base = folder / export_name(self.plan.name, "schedule", rep.name)
            self.written = []
            if self.ics.isChecked():
                self.written.append(str(write_ics(schedule, base.with_suffix(".ics"))))
            if self.csv.isChecked():
                self.written.append(str(write_tasks_csv(schedule, base.with_suffix(".csv"))))
        except ProspectorError as exc:
            self.summary.setText(_("Not exported: {exc}").format(exc=said(exc)))
            return
        touches = len(schedule.touches)
        self.summary.setText(ngettext("{n} touch for {name} written to:\n",
                                      "{n} touches for {name} written to:\n",
                     touches).format(n=touches, name=rep.name)
                             + "\n".join(self.written)
                             + _("\nImporting the calendar file again updates the same events."))
