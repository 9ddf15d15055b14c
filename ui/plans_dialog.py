"""The plans screen: every stored plan; new, open, search, duplicate, rename, delete (undoable from
the trash), import and export plan files, restore an earlier version.

Every action either does what it says or shows why not and changes nothing: a name the model
refuses (empty, too long, a control character) is named with the reason, a store that cannot be
written (disk full, another Prospector busy, a plan deleted meanwhile) is shown with its own
message, and anything unexpected is shown too (and logged) instead of vanishing in a Qt slot."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from prospector.errors import PlanNotFound, ProspectorError, problem_of
from prospector.fields import within_name_limit
from prospector.model import PLAYBOOK_LANGUAGES, UNKEEPABLE, Plan, PlanBasics, new_id
from prospector.planfile import STORED_REPAIRED, read_plan_file, read_plan_file_noting
from prospector.resources import sample_plan_path
from ui import dialogs
from ui.language import N_, _, current, said
from ui.widgets.date_field import show_moment

log = logging.getLogger(__name__)

NOTHING_CHANGED = N_("Nothing was changed.")


def shown_name(text: str, limit: int = 60) -> str:
    """A name as a message can show it: characters that cannot be shown as �, a long one cut."""
    clean = UNKEEPABLE.sub("\ufffd", text)
    return clean if len(clean) <= limit else clean[:limit - 1].rstrip() + "…"


def name_refusal(error: ValueError) -> str:
    """Why the model refuses a plan name, as the end of "The name …": ``must not be empty``."""
    if isinstance(error, ValidationError):
        return said(problem_of(error))
    return said(error)


def blank_plan(name: str) -> Plan:
    """A new plan named ``name``, its playbook in the app's language when it prints in it (a
    German leader's first plan prints German, and the coach words its findings in German)."""
    spoken = current()
    return Plan(name=name, basics=PlanBasics(
        language=spoken if spoken in PLAYBOOK_LANGUAGES else "en"))


def show_failure(parent, title: str, message: str, error: BaseException, outcome: str,
                 unsure: str | None = None) -> None:
    """Show an action that failed: a ProspectorError says what and what to do in its own words,
    then ``outcome``; anything else is a bug, shown by its type (and logged with its traceback),
    never swallowed, then ``unsure`` (what the user can check) if given, else ``outcome``."""
    if isinstance(error, ProspectorError):
        detail = said(error)
    else:
        log.error("%s: %s", title, message, exc_info=error)
        detail = _("Unexpected error: {value}: {error}. Please report it with what you were "
                   "doing.").format(value=type(error).__name__, error=error)
        outcome = unsure or outcome
    dialogs.show_error(parent, title, message, f"{detail}\n\n{outcome}")


def import_plan_file(store, parent) -> Plan | None:
    """Ask for a plan file, validate it and store it; None (nothing changed) if cancelled or
    refused, with the reason shown."""
    path = dialogs.ask_open_plan_file(parent)
    if not path:
        return None
    name = Path(path).name
    try:
        plan, told = read_plan_file_noting(path, STORED_REPAIRED, name)
    except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
        show_failure(parent, _("Import plan file"), _("This file cannot be imported."), exc,
                     _(NOTHING_CHANGED))
        return None
    try:
        stored = next((s for s in store.list_plans() if s.id == plan.id), None)
        if stored is not None and store.load(plan.id) == plan:
            dialogs.show_info(parent, _("Import plan file"),
                              _("“{name}” is stored as it is in {file}: nothing changed.").format(
                                  name=shown_name(plan.name), file=name))
            return plan  # a version the same as the last would push an old one out
        if stored is not None:  # it replaced the stored plan without a word (its later edits)
            written = datetime.fromtimestamp(Path(path).stat().st_mtime).astimezone()
            choice = dialogs.ask_import_over(parent, shown_name(stored.name),
                                             show_moment(stored.saved_at), name,
                                             show_moment(written.isoformat(timespec="seconds")))
            if choice == "cancel":
                return None
            if choice == "copy":
                plan = plan.model_copy(update={
                    "id": new_id("plan"),
                    "name": within_name_limit(_("{name} (imported)"), plan.name)})
        store.save(plan, note=f"imported from {name}")
    except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
        show_failure(parent, _("Import plan file"),
                     _("“{name}” from {name2} could not be stored.").format(
                         name=shown_name(plan.name), name2=name), exc,
                     _("The plan was not imported; the file itself is unchanged."),
                     _("The file itself is unchanged; the list of plans shows whether it was "
                       "stored."))
        return None
    if told:
        dialogs.show_info(parent, _("Plan repaired"), said(told))
    return plan


class PlansDialog(QDialog):
    """Returns the chosen plan id in ``chosen_id`` when accepted."""

    def __init__(self, store, current_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Plans"))
        self.resize(760, 460)
        self.store = store
        self.current_id = current_id
        self.chosen_id: str | None = None
        self.deleted: list[str] = []  # deleted here, newest last: Undo delete brings them back

        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search plans…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(_("Search plans"))
        layout.addWidget(self.search)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([_("Plan"), _("Last saved"), _("Version")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Stored plans"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # a date and time in the user's format, and "Version": never cut
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        row = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (
            ("new", _("New blank"), self.new_blank), ("sample", _("New from sample"),
                                                      self.new_sample),
            ("duplicate", _("Duplicate"), self.duplicate), ("rename", _("Rename"), self.rename),
            ("delete", _("Delete"), self.delete), ("undelete", _("Undo delete"), self.undelete),
            ("history", _("Versions…"), self.versions), ("import", _("Import file…"),
                                                         self.import_file),
            ("open", _("Open"), self.open_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["open"].setDefault(True)
        self.buttons["undelete"].setEnabled(False)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, select: str | None = None, quiet: bool = False) -> None:
        """List the stored plans again; if the store cannot be read, keep the list and say so
        (unless ``quiet``: after a failure already shown)."""
        try:
            summaries = self.store.list_plans()
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            if not quiet:
                show_failure(self, _("Plans"), _("The stored plans cannot be listed."), exc,
                             _("The list may be out of date; close this window and open Plans "
                               "again."))
            return
        self.model.removeRows(0, self.model.rowCount())
        for summary in summaries:
            name = QStandardItem(summary.name)
            name.setData(summary.id, Qt.ItemDataRole.UserRole)
            name.setToolTip(summary.id)
            saved = QStandardItem(show_moment(summary.saved_at))
            version = QStandardItem(str(summary.version))
            self.model.appendRow([name, saved, version])
        self._select(select or self.current_id)

    def _select(self, plan_id: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole) == plan_id:
                self.table.selectRow(row)
                return
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _selected_name(self) -> str:
        return self.table.currentIndex().siblingAtColumn(0).data() or ""

    def _failed(self, title: str, message: str, error: BaseException, outcome: str,
                select: str | None = None) -> None:
        """Show a failed action; list the store again when it is not what the list shows (a plan
        gone meanwhile, or a failure nobody expected), quietly: one failure, one message."""
        show_failure(self, title, message, error, outcome, _("The list shows what is stored now."))
        if isinstance(error, PlanNotFound) or not isinstance(error, ProspectorError):
            self.refresh(select, quiet=True)

    def _refuse_name(self, title: str, name: str, error: ValueError, outcome: str) -> None:
        dialogs.show_error(self, title, _("“{name}” cannot be the name of a plan.").format(
            name=shown_name(name)),
                           _("The name {error}.\n\n{outcome}").format(
                               error=name_refusal(error), outcome=outcome))

    def _store_new(self, plan: Plan, note: str, title: str) -> None:
        try:
            self.store.save(plan, note=note)
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            self._failed(title, _("“{name}” could not be stored.").format(
                name=shown_name(plan.name)), exc,
                         _("No plan was created."))
            return
        self.refresh(plan.id)
        self.chosen_id = plan.id
        self.accept()

    def new_blank(self) -> None:
        name = dialogs.ask_text(self, _("New plan"), _("Name of the plan:"),
                                _("New prospecting plan"))
        if name is None:
            return
        try:
            plan = blank_plan(name)
        except ValueError as exc:
            self._refuse_name(_("New plan"), name, exc,
                              _("No plan was created. Choose New blank again and type another "
                                "name."))
            return
        self._store_new(plan, "new plan", _("New plan"))

    def new_sample(self) -> None:
        try:
            sample = read_plan_file(sample_plan_path())
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            self._failed(_("New from sample"), _("The sample plan cannot be read."), exc,
                         _("No plan was created; Prospector may need to be installed again."))
            return
        self._store_new(sample.model_copy(update={"id": new_id("plan")}), "from the sample",
                        _("New from sample"))

    def open_selected(self) -> None:
        self.chosen_id = self.selected_id()
        if self.chosen_id:
            self.accept()

    def duplicate(self) -> None:
        plan_id = self.selected_id()
        if not plan_id:
            return
        source_name = self._selected_name()
        new_name = dialogs.ask_text(self, _("Duplicate plan"), _("Name of the copy:"),
                                    _("{source_name} (copy)").format(source_name=source_name))
        if new_name is None:
            return
        try:
            Plan(name=new_name)  # the model's rules for a name, before copying a whole plan
        except ValueError as exc:
            self._refuse_name(_("Duplicate plan"), new_name, exc,
                              _("No copy was made. Choose Duplicate again and type another name."))
            return
        try:
            copy = self.store.duplicate(plan_id, new_name)
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            self._failed(_("Duplicate plan"), _("“{source_name}” could not be duplicated.").format(
                source_name=shown_name(source_name)),
                         exc, _("No copy was made."), plan_id)
            return
        self.refresh(copy.id)
        self.message.setText(_("“{name}” is a copy of “{source_name}”.").format(
            name=copy.name, source_name=source_name))

    def rename(self) -> None:
        plan_id = self.selected_id()
        if not plan_id:
            return
        try:
            plan = self.store.load(plan_id)
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            self._failed(_("Rename plan"),
                         _("“{value}” cannot be renamed.").format(
                             value=shown_name(self._selected_name())), exc,
                         _(NOTHING_CHANGED))
            return
        old_name = plan.name
        unchanged = _("Nothing was changed: the plan is still called “{old_name}”. Choose Rename "
                      "again and type another name.").format(old_name=old_name)
        new_name = dialogs.ask_text(self, _("Rename plan"), _("New name:"), old_name)
        if new_name is None:
            return
        try:
            plan.name = new_name  # the model checks it (validate_assignment)
        except ValueError as exc:
            self._refuse_name(_("Rename plan"), new_name, exc, unchanged)
            return
        if plan.name == old_name:
            return
        # two plans of one name cannot be told apart in this list, nor by the command line
        # (``prospector pdf "NAME"``): a name another plan has is refused
        taken = next((p.name for p in self.store.list_plans() if p.id != plan_id
                      and p.name.strip().casefold() == plan.name.strip().casefold()), None)
        if taken is not None:
            self._refuse_name(_("Rename plan"), new_name, ValueError(_(
                "is another plan's (“{name}”): the list and the command line could not tell "
                "them apart").format(name=shown_name(taken))), unchanged)
            return
        try:
            self.store.save(plan, note=f"renamed to {plan.name}")
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            self._failed(_("Rename plan"), _("“{old_name}” could not be renamed.").format(
                old_name=old_name), exc,
                         _("The plan is still called “{old_name}”.").format(
                             old_name=old_name), plan_id)
            return
        self.refresh(plan_id)
        self.message.setText(_("“{old_name}” renamed to “{name}”.").format(
            old_name=old_name, name=plan.name))

    def delete(self) -> None:
        plan_id = self.selected_id()
        if not plan_id:
            return
        if plan_id == self.current_id:
            dialogs.show_error(self, _("Delete plan"), _("This plan is open."),
                               _("Open another plan first, then delete this one."))
            return
        name = self._selected_name()
        question = _("Delete “{name}”? It goes to the trash: Undo delete brings it back.").format(
            name=name)
        if not dialogs.confirm(self, _("Delete plan"), question, _("Delete")):
            return
        try:
            self.store.delete(plan_id)
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            self._failed(_("Delete plan"), _("“{name}” could not be deleted.").format(
                name=name), exc,
                         _("The list now shows the plans stored.") if isinstance(exc, PlanNotFound)
                         else _(NOTHING_CHANGED), plan_id)
            return
        self.deleted.append(plan_id)
        self.buttons["undelete"].setEnabled(True)
        self.message.setText(_("“{name}” deleted. Undo delete brings it back.").format(name=name))
        self.refresh()

    def undelete(self) -> None:
        if not self.deleted:
            return
        plan_id = self.deleted[-1]
        try:
            plan = self.store.undelete(plan_id)
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            if isinstance(exc, PlanNotFound):  # brought back or emptied elsewhere: nothing to undo
                self.deleted.pop()
                outcome = _("The list now shows the plans stored.")
            else:
                outcome = _("The plan stays in the trash; Undo delete can try again.")
            self._failed(_("Undo delete"), _("The deleted plan could not be brought back."), exc,
                         outcome)
            self.buttons["undelete"].setEnabled(bool(self.deleted))
            return
        self.deleted.pop()
        self.message.setText(_("“{name}” is back.").format(name=plan.name))
        self.buttons["undelete"].setEnabled(bool(self.deleted))
        self.refresh(plan.id)

    def import_file(self) -> None:
        try:
            stored_before = {s.id: s.version for s in self.store.list_plans()}
        except Exception:  # noqa: BLE001 - only used to word the message; import shows errors
            stored_before = {}
        plan = import_plan_file(self.store, self)
        if plan is None:
            return
        self.refresh(plan.id)
        if plan.id in stored_before and stored_before[plan.id] == next(
                (s.version for s in self.store.list_plans() if s.id == plan.id), None):
            self.message.setText(_("“{name}” was already stored as it is in the file.").format(
                name=plan.name))
        elif plan.id in stored_before:
            self.message.setText(
                _("Imported “{name}” as the newest version of the stored plan with the same id; "
                  "its earlier versions are under Versions….").format(name=plan.name))
        else:
            self.message.setText(_("Imported “{name}”.").format(name=plan.name))

    def versions(self) -> None:
        plan_id = self.selected_id()
        if not plan_id:
            return
        try:
            dialog = VersionsDialog(self.store, plan_id, self)
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            self._failed(_("Earlier versions"),
                         _("The versions of “{value}” cannot be listed.").format(
                             value=shown_name(self._selected_name())),
                         exc, _(NOTHING_CHANGED), plan_id)
            return
        accepted = dialog.exec()
        dialog.deleteLater()
        if accepted == QDialog.DialogCode.Accepted and dialog.restored:
            self.message.setText(dialog.restored)
            self.refresh(plan_id)


class VersionsDialog(QDialog):
    """The kept versions of a plan; restoring one keeps the current one in the history.

    Raises PlanNotFound (or another ProspectorError) when the plan's history cannot be read."""

    def __init__(self, store, plan_id: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Earlier versions"))
        self.resize(520, 420)
        self.store, self.plan_id = store, plan_id
        self.restored = ""
        versions = store.history(plan_id)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Restoring a version makes it current; nothing is lost: the "
                                  "version you have now stays in this list.")))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Versions"))
        for v in versions:
            item = QListWidgetItem(_("Version {version} · {saved}").format(
                version=v.version, saved=show_moment(v.saved_at))
                                   + (f" · {v.note}" if v.note else ""))
            item.setData(Qt.ItemDataRole.UserRole, v.version)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.restore_button = QPushButton(_("Restore this version"))
        self.restore_button.clicked.connect(self.restore)
        close = QPushButton(_("Close"))
        close.clicked.connect(self.reject)
        row.addWidget(self.restore_button)
        row.addWidget(close)
        layout.addLayout(row)
        self.list.setCurrentRow(min(1, self.list.count() - 1))

    def restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        version = item.data(Qt.ItemDataRole.UserRole)
        try:
            new_version = self.store.restore(self.plan_id, version)
        except Exception as exc:  # noqa: BLE001 - shown, never lost in a slot
            show_failure(self, _("Restore version"),
                         _("Version {version} could not be restored.").format(
                version=version),
                         exc, _("Nothing was changed: the current version is still the newest."))
            return
        self.restored = _("Version {version} restored (now version {new_version}).").format(
            version=version, new_version=new_version)
        self.accept()
