"""The contacts of the selected account: a small table, add and delete (undoable, each a small
edit of the list ``("accounts", <account id>, "contacts")``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.language import _
from ui.table_model import Column, ListSource, PlanTableModel
from ui.widgets.cell_editing import CellDelegate, commit_open_editor, fit_column
from ui.widgets.choice_delegate import ChoiceDelegate
from ui.widgets.frozen_column import FrozenNameTable


class ContactsEditor(QWidget):
    def __init__(self, document, parent=None) -> None:
        super().__init__(parent)
        self.document = document
        self.account_id: str | None = None
        columns = [
            Column("name", _("Name"), width=150), Column("title", _("Title"), width=150),
            Column("persona_id", _("Persona"), kind="persona", width=140,
                   display=lambda pid: (document.plan.persona(pid).role
                                        if pid and document.plan.persona(pid) else "—")),
            Column("email", _("Email"), width=190), Column("phone", _("Phone")),
        ]
        source = ListSource("accounts", items=self._contacts,
                            path=lambda row: ("accounts", self.account_id, "contacts", row),
                            columns=columns, list_path=self._where)
        self.model = PlanTableModel(document, source, self)
        self.table = FrozenNameTable()  # the contact's name stays in view scrolled sideways
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDelegate(self.table))
        self.table.setAccessibleName(_("Contacts of the account"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(120)
        for i, column in enumerate(columns):
            if column.width:
                fit_column(self.table, i, column.width)
        self.table.setItemDelegateForColumn(2, ChoiceDelegate(
            lambda: [(p.id, p.role) for p in document.plan.personas], _("Persona of this contact"),
            parent=self.table))
        bar = QHBoxLayout()
        add = QToolButton()
        add.setText(_("Add contact"))
        add.clicked.connect(self.add)
        delete = QToolButton()
        delete.setText(_("Delete contact"))
        delete.clicked.connect(self.delete)
        bar.addWidget(add)
        bar.addWidget(delete)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def _contacts(self) -> list:
        account = self.document.plan.account(self.account_id) if self.account_id else None
        return account.contacts if account else []

    def set_item(self, account_id: str | None) -> None:
        self.account_id = account_id
        self.model.reset()
        self.setEnabled(account_id is not None)

    def _where(self) -> tuple:
        return ("accounts", self.account_id, "contacts")

    def add(self) -> None:
        commit_open_editor(self.table)
        if self.account_id:
            self.document.insert_item(self._where(), None, {"name": _("New contact")},
                                      _("Add contact"))
            self.table.selectRow(self.model.rowCount() - 1)
            self.table.edit(self.model.index(self.model.rowCount() - 1, 0))

    def delete(self) -> None:
        commit_open_editor(self.table)
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if self.account_id and rows:
            self.document.remove_items(self._where(), rows, _("Delete contact"))
