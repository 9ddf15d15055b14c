"""Every modal question the app asks, behind one small function each (tests patch these names)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox, QWidget

from ui.language import _, said


def show_error(parent: QWidget | None, title: str, message: str, hint: str = "",
               details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    if hint:
        box.setInformativeText(hint)
    if details:
        box.setDetailedText(details)
    _run(box)


def show_warning_aside(parent: QWidget | None, title: str, message: str, hint: str = "") -> None:
    """A warning that leaves the keyboard where it is: shown over the window, neither modal nor
    activated, while the leader may be typing (a modal box that popped up took the next keys,
    and Enter, meant for a cell, closed it). Freed when closed."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    if hint:
        box.setInformativeText(hint)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()


def show_unexpected_error(parent: QWidget | None, title: str, message: str, hint: str,
                          details: str) -> None:
    """Something failed that should not have: what, what became of the plan, the details."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok,
                      parent)
    box.setInformativeText(hint)
    box.setDetailedText(details)
    copy = box.addButton(_("Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()  # copying keeps the box open
    copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
    _run(box)


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    _run(QMessageBox(QMessageBox.Icon.Information, title, message,
                     QMessageBox.StandardButton.Ok, parent))


def show_store_notices(parent: QWidget | None, store) -> None:
    """Tell the user what the store recovered or repaired since it was last asked, once."""
    for notice in store.notices:
        show_error(parent, _("Your plans were recovered"), said(notice),
                   _("The damaged file was kept next to the store in case you need it."))
    for repair in store.repairs:
        show_info(parent, _("Plan repaired"), said(repair))
    store.notices.clear()
    store.repairs.clear()


def confirm(parent: QWidget | None, title: str, message: str, yes_text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, message,
                      QMessageBox.StandardButton.Cancel, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(yes)
    _run(box)
    return box.clickedButton() is yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """What was typed (perhaps nothing: the caller says why that won't do), None if cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    dialog.resize(max(dialog.sizeHint().width(), 460), dialog.sizeHint().height())  # all of a name
    try:
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        return dialog.textValue().strip() if ok else None
    finally:
        dialog.deleteLater()


def documents_folder() -> Path:
    """Where exports go and file dialogs start: the user's documents folder, else home."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path = Path(folder) if folder else Path.home()
    return path if path.is_dir() else Path.home()


def _settings() -> QSettings:
    return QSettings()


def _last_folder() -> str:
    """The folder the user last opened a file from, else their documents folder."""
    folder = str(_settings().value("last_folder", "") or "")
    return folder if folder and Path(folder).is_dir() else str(documents_folder())


def _opened(path: str) -> str | None:
    if path:
        _settings().setValue("last_folder", str(Path(path).parent))
    return path or None


def ask_open_plan_file(parent: QWidget | None) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(parent, _("Import a plan file"), _last_folder(),
                                          _("Prospector plans (*.json);;All files (*)"))
    return _opened(path)


def ask_open_csv_file(parent: QWidget | None,
                      title: str | None = None) -> str | None:
    title = title or _("Import accounts from CSV")
    path, _filter = QFileDialog.getOpenFileName(
        parent, title, _last_folder(), _("CSV or text exports (*.csv *.txt *.tsv);;All files (*)"))
    return _opened(path)


def ask_save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def ask_folder(parent: QWidget | None, title: str, start: str = "") -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, start)
    return path or None


def ask_conflict(parent: QWidget | None, what: str, why_no_merge: str) -> str:
    """This plan was saved elsewhere since the edits started: "merge", "copy" or "reload"."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Plan changed elsewhere"),
                      _("This plan was changed in another window or from the command line while "
                        "you were editing it. Nothing has been overwritten."),
                      QMessageBox.StandardButton.NoButton, parent)
    merge_text = (_("Both sets of changes can be combined.") if not why_no_merge
                  else _("They cannot be combined: {why_no_merge}").format(
                      why_no_merge=why_no_merge))
    box.setInformativeText(f"{what}\n\n{merge_text}")
    merge = (box.addButton(_("Combine both"), QMessageBox.ButtonRole.AcceptRole)
             if not why_no_merge else None)
    copy = box.addButton(_("Keep mine as a copy"), QMessageBox.ButtonRole.AcceptRole)
    reload = box.addButton(_("Discard mine, load theirs"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(merge or copy)
    box.setEscapeButton(copy)
    _run(box)
    clicked = box.clickedButton()
    return "merge" if clicked is merge else "reload" if clicked is reload else "copy"


def ask_import_over(parent: QWidget | None, name: str, saved: str, file_name: str,
                    file_saved: str) -> str:
    """A plan file holds a plan the store has, changed on one side: "replace", "copy" or
    "cancel". ``saved`` and ``file_saved`` say when each was last written (which is newer)."""
    box = QMessageBox(QMessageBox.Icon.Question, _("Import plan file"),
                      _("“{name}” is already in your plans (last saved {saved}), and {file} "
                        "(written {file_saved}) holds another version of it.").format(
                          name=name, saved=saved, file=file_name, file_saved=file_saved),
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(_("Replace it with the file (the plan as it is now stays under "
                             "Versions…), or import the file as a new plan beside it."))
    copy = box.addButton(_("Import as a new plan"), QMessageBox.ButtonRole.AcceptRole)
    replace = box.addButton(_("Replace with the file"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(copy)
    _run(box)
    clicked = box.clickedButton()
    return "copy" if clicked is copy else "replace" if clicked is replace else "cancel"


def ask_unsaved_on_close(parent: QWidget | None, reason: str) -> str:
    """The last save failed and the window is closing: "export", "discard" or "cancel"."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("Changes not saved"),
                      _("Your latest changes could not be saved to the plan store."),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(_("{reason}\n\nExport them to a plan file so nothing is lost, or keep "
                             "the window open and try again.").format(reason=reason))
    export = box.addButton(_("Export plan file…"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(export)
    _run(box)
    clicked = box.clickedButton()
    return "export" if clicked is export else "discard" if clicked is discard else "cancel"


def _run(box: QMessageBox) -> int:
    """Show a message box and free it afterwards (parented to the window, it would otherwise
    live as long as the window)."""
    try:
        return box.exec()
    finally:
        box.deleteLater()
