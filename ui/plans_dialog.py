"""The plans screen: every stored plan; new, open, search, duplicate, rename, delete (undoable from
the trash), import and export plan files, restore an earlier version."""

from __future__ import annotations

from pathlib import Path

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

from prospector.errors import ProspectorError
from prospector.model import Plan
from prospector.planfile import STORED_REPAIRED, read_plan_file, read_plan_file_noting
from prospector.resources import sample_plan_path
from ui import dialogs


def import_plan_file(store, parent) -> Plan | None:
    """Ask for a plan file, validate it and store it; None (nothing changed) if cancelled or
    refused, with the reason shown."""
    path = dialogs.ask_open_plan_file(parent)
    if not path:
        return None
    try:
        plan, told = read_plan_file_noting(path, STORED_REPAIRED, Path(path).name)
    except ProspectorError as exc:
        dialogs.show_error(parent, "Import plan file", "This file cannot be imported.",
                           f"{exc}\n\nNothing was changed.")
        return None
    store.save(plan, note=f"imported from {Path(path).name}")
    if told:
        dialogs.show_info(parent, "Plan repaired", told)
    return plan


class PlansDialog(QDialog):
    """Returns the chosen plan id in ``chosen_id`` when accepted."""

    def __init__(self, store, current_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Plans")
        self.resize(760, 460)
        self.store = store
        self.current_id = current_id
        self.chosen_id: str | None = None
        self.last_deleted: str | None = None

        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search plans…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search plans")
        layout.addWidget(self.search)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Plan", "Last saved", "Version"])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName("Stored plans")
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        layout.addWidget(self.message)

        row = QHBoxLayout()
        self.buttons = {}
        for key, text, slot in (
            ("new", "New blank", self.new_blank), ("sample", "New from sample", self.new_sample),
            ("duplicate", "Duplicate", self.duplicate), ("rename", "Rename", self.rename),
            ("delete", "Delete", self.delete), ("undelete", "Undo delete", self.undelete),
            ("history", "Versions…", self.versions), ("import", "Import file…", self.import_file),
            ("open", "Open", self.open_selected),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["open"].setDefault(True)
        self.buttons["undelete"].setEnabled(False)
        layout.addLayout(row)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for summary in self.store.list_plans():
            name = QStandardItem(summary.name)
            name.setData(summary.id, Qt.UserRole)
            name.setToolTip(summary.id)
            saved = QStandardItem(summary.saved_at.replace("T", " ")[:16])
            version = QStandardItem(str(summary.version))
            self.model.appendRow([name, saved, version])
        self._select(select or self.current_id)

    def _select(self, plan_id: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(Qt.UserRole) == plan_id:
                self.table.selectRow(row)
                return
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.siblingAtColumn(0).data(Qt.UserRole) if index.isValid() else None

    def _store_new(self, plan: Plan, note: str) -> None:
        self.store.save(plan, note=note)
        self.chosen_id = plan.id
        self.accept()

    def new_blank(self) -> None:
        name = dialogs.ask_text(self, "New plan", "Name of the plan:", "New prospecting plan")
        if name:
            self._store_new(Plan(name=name), "new plan")

    def new_sample(self) -> None:
        from prospector.model import new_id  # noqa: PLC0415

        sample = read_plan_file(sample_plan_path())
        self._store_new(sample.model_copy(update={"id": new_id("plan")}), "from the sample")

    def open_selected(self) -> None:
        self.chosen_id = self.selected_id()
        if self.chosen_id:
            self.accept()

    def duplicate(self) -> None:
        plan_id = self.selected_id()
        if plan_id:
            source_name = self.table.currentIndex().siblingAtColumn(0).data()
            new_name = dialogs.ask_text(self, "Duplicate plan", "Name of the copy:",
                                        f"{source_name} (copy)")
            if new_name:
                copy = self.store.duplicate(plan_id, new_name)
                self.refresh(copy.id)

    def rename(self) -> None:
        plan_id = self.selected_id()
        if not plan_id:
            return
        plan = self.store.load(plan_id)
        new_name = dialogs.ask_text(self, "Rename plan", "New name:", plan.name)
        if new_name and new_name != plan.name:
            plan.name = new_name
            self.store.save(plan, note=f"renamed to {new_name}")
            self.refresh(plan_id)

    def delete(self) -> None:
        plan_id = self.selected_id()
        if not plan_id:
            return
        if plan_id == self.current_id:
            dialogs.show_error(self, "Delete plan", "This plan is open.",
                               "Open another plan first, then delete this one.")
            return
        name = self.table.currentIndex().siblingAtColumn(0).data()
        if dialogs.confirm(self, "Delete plan",
                           f"Delete “{name}”? It goes to the trash: Undo delete brings it back.",
                           "Delete"):
            self.store.delete(plan_id)
            self.last_deleted = plan_id
            self.buttons["undelete"].setEnabled(True)
            self.message.setText(f"“{name}” deleted. Undo delete brings it back.")
            self.refresh()

    def undelete(self) -> None:
        if self.last_deleted:
            plan = self.store.undelete(self.last_deleted)
            self.message.setText(f"“{plan.name}” is back.")
            self.last_deleted = None
            self.buttons["undelete"].setEnabled(False)
            self.refresh(plan.id)

    def import_file(self) -> None:
        plan = import_plan_file(self.store, self)
        if plan is not None:
            self.refresh(plan.id)
            self.message.setText(f"Imported “{plan.name}”.")

    def versions(self) -> None:
        plan_id = self.selected_id()
        if plan_id:
            dialog = VersionsDialog(self.store, plan_id, self)
            if dialog.exec() == QDialog.Accepted and dialog.restored:
                self.message.setText(dialog.restored)
                self.refresh(plan_id)


class VersionsDialog(QDialog):
    """The kept versions of a plan; restoring one keeps the current one in the history."""

    def __init__(self, store, plan_id: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier versions")
        self.resize(520, 420)
        self.store, self.plan_id = store, plan_id
        self.restored = ""
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Restoring a version makes it current; nothing is lost: the "
                                "version you have now stays in this list."))
        self.list = QListWidget()
        self.list.setAccessibleName("Versions")
        for v in store.history(plan_id):
            item = QListWidgetItem(f"Version {v.version} · {v.saved_at.replace('T', ' ')[:16]}"
                                   f"{' · ' + v.note if v.note else ''}")
            item.setData(Qt.UserRole, v.version)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        restore = QPushButton("Restore this version")
        restore.clicked.connect(self.restore)
        close = QPushButton("Close")
        close.clicked.connect(self.reject)
        row.addWidget(restore)
        row.addWidget(close)
        layout.addLayout(row)
        self.list.setCurrentRow(min(1, self.list.count() - 1))

    def restore(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        version = item.data(Qt.UserRole)
        new_version = self.store.restore(self.plan_id, version)
        self.restored = f"Version {version} restored (now version {new_version})."
        self.accept()
