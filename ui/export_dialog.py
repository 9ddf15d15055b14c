"""Export the playbook: the leader's edition, one rep's edition, or one PDF per rep.

Rendering runs in a separate process (``RenderRunner``): the window stays responsive, a progress
bar follows the render, Cancel stops it, and the result offers "Open PDF" and "Show in folder".
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from prospector.atomic import FileStamp, file_stamp
from prospector.textnorm import export_name
from ui import dialogs
from ui.language import _, ngettext
from ui.render_runner import RenderRunner
from ui.widgets.date_field import date_format


def _pdfs_in(folder: Path) -> dict[Path, FileStamp]:
    """The PDFs in ``folder``, each with what tells it from another put at its name later."""
    with suppress(OSError):
        return {path: stamp for path in folder.glob("*.pdf")
                if (stamp := file_stamp(path)) is not None}
    return {}


def _next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


class ExportDialog(QDialog):
    def __init__(self, plan, default_folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Export playbook"))
        self.setMinimumWidth(560)
        self.plan = plan
        self.folder = default_folder
        self.runner = RenderRunner(self)
        self.result_paths: list[str] = []
        self._made_folder: Path | None = None
        self._pdfs_before: dict[Path, FileStamp] = {}

        layout = QVBoxLayout(self)
        self.leader = QRadioButton(_("Leader's edition: the full playbook"))
        self.rep = QRadioButton(_("A rep's edition: their accounts and dated schedule"))
        self.all_reps = QRadioButton(_("Every rep's edition: one PDF per rep"))
        group = QButtonGroup(self)
        for button in (self.leader, self.rep, self.all_reps):
            group.addButton(button)
            layout.addWidget(button)
        self.leader.setChecked(True)
        has_reps = bool(plan.reps)
        self.rep.setEnabled(has_reps)
        self.all_reps.setEnabled(has_reps)

        self.readiness = QCheckBox(_("Add the coach's “Plan readiness” appendix"))
        self.readiness.setToolTip(_("Scores per section and every finding, at the end of the "
                                    "leader's edition"))
        layout.addWidget(self.readiness)

        form = QFormLayout()
        self.rep_picker = QComboBox()
        self.rep_picker.setAccessibleName(_("Rep"))
        for rep in plan.reps:
            self.rep_picker.addItem(rep.name, rep.id)
        self.start = QDateEdit()
        self.start.setAccessibleName(_("Schedule start date"))
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(date_format())
        # each rep's own start date (the Reps step) unless the leader picks one here: one date
        # for every rep's edition overrode theirs ("starts 11 Jan" for a rep starting 18 Jan)
        self._start_picked = False
        self._show_start(plan.reps[0] if plan.reps else None)
        self.start.dateChanged.connect(self._start_changed)
        self.output = QLineEdit()
        self.output.setAccessibleName(_("Save to"))
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        form.addRow(_("Rep"), self.rep_picker)
        form.addRow(_("Schedule starts"), self.start)
        form.addRow(_("Save to"), out_row)
        layout.addLayout(form)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.shortened = QLabel()  # what a very large plan's playbook left out, after export
        self.shortened.setWordWrap(True)
        self.shortened.setVisible(False)
        layout.addWidget(self.progress)
        layout.addWidget(self.stage)
        layout.addWidget(self.shortened)

        self.buttons = QDialogButtonBox()
        role = QDialogButtonBox.ButtonRole
        self.export_button = self.buttons.addButton(_("Export"), role.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = self.buttons.addButton(_("Open PDF"), role.ActionRole)
        self.folder_button = self.buttons.addButton(_("Show in folder"), role.ActionRole)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        layout.addWidget(self.buttons)

        self.output.editingFinished.connect(self._keep_folder)
        # a path the leader typed stays when they pick another rep (it names no rep)
        self.typed_path = False
        self.output.textEdited.connect(lambda _text: setattr(self, "typed_path", True))
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        self.open_button.clicked.connect(self.open_pdf)
        self.folder_button.clicked.connect(
            lambda: self._open(str(Path(self.result_paths[0]).parent)))
        self.runner.progress.connect(self._on_progress)
        self.runner.finished.connect(self._on_finished)
        group.buttonToggled.connect(self._mode_changed)
        self.rep_picker.currentIndexChanged.connect(self._rep_changed)
        self._mode_changed()

    # --- choices -------------------------------------------------------------------------------
    def _suggested(self) -> str:
        base = Path(self.folder)
        if self.all_reps.isChecked():
            return str(base / export_name(self.plan.name, "playbooks"))
        if self.rep.isChecked():
            return str(base / export_name(self.plan.name, "playbook",
                                          self.rep_picker.currentText(), ".pdf"))
        return str(base / export_name(self.plan.name, "playbook", suffix=".pdf"))

    def _keep_folder(self) -> None:
        """The folder the leader chose stays when they switch editions: a PDF's folder, or the
        reps' folder itself (told apart by the name, not by the edition now chosen: a PDF
        typed for the leader, then every rep chosen, made "leader.pdf/…-playbooks")."""
        text = self.output.text().strip()
        if text:
            chosen = Path(text).expanduser()
            self.folder = str(chosen.parent if chosen.suffix.lower() == ".pdf" else chosen)

    def _rep_changed(self, *_args) -> None:
        if not self.typed_path:
            self.output.setText(self._suggested())
        if not self._start_picked:
            self._show_start(self._chosen_rep())

    def _chosen_rep(self):
        rep_id = self.rep_picker.currentData()
        return next((r for r in self.plan.reps if r.id == rep_id), None)

    def _show_start(self, rep) -> None:
        """The start date a rep's schedule has unless one is picked: the rep's own (``rep``:
        None for every rep, each with their own), else the plan's, else next Monday."""
        first = ((rep.start_date if rep is not None else None) or self.plan.basics.start_date
                 or _next_monday(date.today()))
        self._showing_start = True
        try:
            self.start.setDate(QDate(first.year, first.month, first.day))
        finally:
            self._showing_start = False

    def _start_changed(self, *_args) -> None:
        if not self._showing_start:
            self._start_picked = True

    def _mode_changed(self, *_args) -> None:
        if self.typed_path:  # a file or a folder: named for the edition, in the folder typed
            self._keep_folder()
        self.typed_path = False
        rep_mode = self.rep.isChecked()
        self.readiness.setEnabled(self.leader.isChecked())
        self.rep_picker.setEnabled(rep_mode)
        self.start.setEnabled(rep_mode or self.all_reps.isChecked())
        if not self._start_picked:
            self._show_start(self._chosen_rep() if rep_mode else None)
        self.start.setToolTip(_("Each rep's own start date (Reps step), else the plan's; a date "
                                "picked here is every rep's") if self.all_reps.isChecked() else "")
        self.output.setText(self._suggested())

    def _browse(self) -> None:
        if self.all_reps.isChecked():
            chosen = dialogs.ask_folder(self, _("Folder for the rep playbooks"), self.output.text())
        else:
            chosen = dialogs.ask_save_file(self, _("Save the playbook as"), self.output.text(),
                                           _("PDF (*.pdf)"))
            if chosen and not chosen.lower().endswith(".pdf"):
                chosen += ".pdf"
        if chosen:
            self.output.setText(chosen)
            self._keep_folder()

    # --- running -------------------------------------------------------------------------------
    def start_export(self) -> None:
        out = self.output.text().strip()
        if not out:
            dialogs.show_error(self, _("Export playbook"), _("Choose where to save the playbook."))
            return
        target = Path(out).expanduser()
        folder = target if self.all_reps.isChecked() else target.parent
        if not self.all_reps.isChecked() and not folder.is_dir():
            dialogs.show_error(self, _("Export playbook"),
                               _("The folder {folder} does not exist.").format(
                folder=folder),
                               _("Choose another place with Browse…"))
            return
        # the reps' folder made for this export: taken away again if it stops before a PDF;
        # the PDFs there before it, to tell those it wrote if it stops (a file written is a
        # new file put at its name)
        self._made_folder = folder if self.all_reps.isChecked() and not folder.exists() else None
        self._pdfs_before = _pdfs_in(folder) if self.all_reps.isChecked() else {}
        qd = self.start.date()
        start: str | None = date(qd.year(), qd.month(), qd.day()).isoformat()
        if self.all_reps.isChecked() and not self._start_picked:
            start = None  # each rep's own start date
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stage.setText(_("Starting…"))
        self.shortened.setVisible(False)
        self.export_button.setEnabled(False)
        self.open_button.setVisible(False)
        self.folder_button.setVisible(False)
        self.cancel_button.setText(_("Cancel"))
        self.runner.start(self.plan, str(target),
                          rep=self.rep_picker.currentData() if self.rep.isChecked() else None,
                          start=start if not self.leader.isChecked() else None,
                          all_reps=self.all_reps.isChecked(),
                          readiness=self.leader.isChecked() and self.readiness.isChecked())

    def _on_progress(self, fraction: float, stage: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.stage.setText(stage)

    def _on_finished(self, ok: bool, message: str, paths: list) -> None:
        self.export_button.setEnabled(True)
        self.cancel_button.setText(_("Close"))
        if ok:
            self.result_paths = paths
            self.progress.setValue(100)
            what = _("{paths} playbooks").format(
                paths=len(paths)) if len(paths) > 1 else Path(paths[0]).name
            self.stage.setText(_("Done: {what} ({message}) in {parent}").format(
                what=what, message=message, parent=Path(paths[0]).parent))
            if self.runner.notes:
                self.shortened.setText(_("Shortened for print:\n")
                                       + "\n".join(f"• {note}" for note in self.runner.notes))
                self.shortened.setVisible(True)
            self.open_button.setVisible(True)
            self.folder_button.setVisible(True)
        else:
            if self._made_folder is not None:  # an empty folder left by a Cancel
                with suppress(OSError):
                    self._made_folder.rmdir()  # (only an empty one)
            self.progress.setVisible(False)
            self.stage.setText(message if message == _("Cancelled.") else _("Not exported: "
                                                                            "{message}").format(
                message=message))
            written = self._written_before_it()
            if written:  # "Cancelled." alone: the PDFs finished before it went unmentioned
                self.result_paths = written
                self.stage.setText(self.stage.text() + " " + ngettext(
                    "{n} rep's playbook was written before it.",
                    "{n} reps' playbooks were written before it.", len(written)).format(
                        n=len(written)))
                self.folder_button.setVisible(True)

    def _written_before_it(self) -> list[str]:
        """The reps' PDFs this export wrote before it stopped."""
        if not self.all_reps.isChecked():
            return []
        folder = Path(self.output.text().strip()).expanduser()
        return sorted(str(path) for path, stamp in _pdfs_in(folder).items()
                      if self._pdfs_before.get(path) != stamp)

    def _cancel_or_close(self) -> None:
        if self.runner.is_running():
            self.runner.cancel()
        else:
            self.reject()

    def open_pdf(self) -> None:
        """Show the playbook; with no PDF viewer installed, say so and offer its folder."""
        path = self.result_paths[0]
        if QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            return
        if dialogs.confirm(self, _("Open PDF"),
                           _("No application on this computer opens PDF files, so the playbook "
                             "cannot be shown here. It is saved as {path}.").format(
                                 path=path), _("Show in folder")):
            self._open(str(Path(path).parent))

    def _open(self, path: str) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            dialogs.show_error(self, _("Show in folder"),
                               _("No file manager on this computer opens folders from here."),
                               _("The playbook is in {path}").format(path=path))

    def done(self, result: int) -> None:  # closing the dialog stops a running export
        self.runner.cancel()
        super().done(result)
