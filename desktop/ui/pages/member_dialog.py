"""Adding a member to the roster (the full member record comes with the members feature)."""

from __future__ import annotations

from typing import Any

from desktop.domain.members import add_member
from desktop.domain.org import group_names
from desktop.store.workspace import Workspace
from desktop.ui import i18n
from desktop.ui.form_dialog import FormDialog
from desktop.ui.navigation import AppContext
from desktop.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

#: The date shown as "not given" in the date field.
NO_DATE = QDate(1900, 1, 1)


class AddMemberDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add member"))
        self.setMinimumWidth(460)
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18 characters; gender and birth date follow"))
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Not given"), None)
        for value in i18n.GENDERS:
            self.gender.addItem(i18n.label(i18n.GENDERS, value), value)
        self.birth_date = QDateEdit()
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setMinimumDate(NO_DATE)
        self.birth_date.setSpecialValueText(self.tr("Not given"))
        self.birth_date.setDate(NO_DATE)
        self.phone = QLineEdit()
        self.phone.setMaxLength(32)
        self.category = QComboBox()
        for value in i18n.CATEGORIES:
            self.category.addItem(i18n.label(i18n.CATEGORIES, value), value)
        self.group = QComboBox()
        self.group.addItem(self.tr("No group"), None)
        self.id_number.textChanged.connect(self._id_changed)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Group"), self.group)
        hint = QLabel(self.tr("Only the name is required. More details can be added later."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.submitted.connect(self.save)
        self.name.textChanged.connect(self._update_ok)
        self._update_ok()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        ctx.ops.query(group_names, self._show_groups, parent=self)

    def _show_groups(self, groups: dict[str, str]) -> None:
        for group_id, name in groups.items():
            self.group.addItem(name, group_id)

    def _id_changed(self, text: str) -> None:
        # A resident ID number carries gender and birth date; the domain derives them.
        derived = bool(text.strip())
        self.gender.setEnabled(not derived)
        self.birth_date.setEnabled(not derived)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name.text().strip()))

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            "name": self.name.text().strip(),
            "category": self.category.currentData(),
        }
        if self.id_number.text().strip():
            values["id_number"] = self.id_number.text().strip()
        else:
            if self.gender.currentData():
                values["gender"] = self.gender.currentData()
            if self.birth_date.date() != NO_DATE:
                values["birth_date"] = self.birth_date.date().toPython()
        if self.phone.text().strip():
            values["phone"] = self.phone.text().strip()
        if self.group.currentData():
            values["group_id"] = self.group.currentData()
        return values

    def save(self) -> None:
        values = self.values()

        def write(ws: Workspace) -> str:
            return add_member(ws, values)

        self.write(self.ctx.ops, write)
