"""Entering a member: the add / edit dialog with every basic field (the ID number checked
as it is typed, possible duplicates asked about), and the status-change dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.domain import idnumber
from desktop.domain.member_archive import change_status
from desktop.domain.members import DuplicateMember, add_member, edit_member, id_problems
from desktop.domain.org import group_names
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.store.records import Record
from desktop.store.schema.members import FLOATING, ID_KINDS, STATUSES
from desktop.store.workspace import Workspace
from desktop.ui import i18n, messages
from desktop.ui.errors import show_error
from desktop.ui.form_dialog import FormDialog
from desktop.ui.navigation import AppContext
from desktop.ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: The date shown as "not given" in the date field.
NO_DATE = QDate(1900, 1, 1)

FIELDS_CONTEXT = "MemberFields"
#: Every basic field's label (the dialog, the member's page and the printed card).
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("MemberFields", "Name"),
    "former_names": QT_TRANSLATE_NOOP("MemberFields", "Former names"),
    "gender": QT_TRANSLATE_NOOP("MemberFields", "Gender"),
    "ethnicity": QT_TRANSLATE_NOOP("MemberFields", "Ethnicity"),
    "birth_date": QT_TRANSLATE_NOOP("MemberFields", "Date of birth"),
    "id_kind": QT_TRANSLATE_NOOP("MemberFields", "Kind of ID"),
    "id_number": QT_TRANSLATE_NOOP("MemberFields", "ID number"),
    "nationality": QT_TRANSLATE_NOOP("MemberFields", "Nationality"),
    "native_place": QT_TRANSLATE_NOOP("MemberFields", "Native place"),
    "education": QT_TRANSLATE_NOOP("MemberFields", "Education"),
    "work_unit": QT_TRANSLATE_NOOP("MemberFields", "Work unit"),
    "post": QT_TRANSLATE_NOOP("MemberFields", "Post"),
    "phone": QT_TRANSLATE_NOOP("MemberFields", "Phone"),
    "applied_date": QT_TRANSLATE_NOOP("MemberFields", "Date of application"),
    "joined_date": QT_TRANSLATE_NOOP("MemberFields", "Date joined (probationary)"),
    "full_date": QT_TRANSLATE_NOOP("MemberFields", "Date of full membership"),
    "category": QT_TRANSLATE_NOOP("MemberFields", "Category"),
    "status": QT_TRANSLATE_NOOP("MemberFields", "Status"),
    "status_date": QT_TRANSLATE_NOOP("MemberFields", "Status since"),
    "party_post": QT_TRANSLATE_NOOP("MemberFields", "Party post"),
    "group_id": QT_TRANSLATE_NOOP("MemberFields", "Group"),
    "formal_unit": QT_TRANSLATE_NOOP("MemberFields", "Formal membership relation at"),
    "floating": QT_TRANSLATE_NOOP("MemberFields", "Floating member"),
    "hardship": QT_TRANSLATE_NOOP("MemberFields", "In hardship"),
}
ID_KIND_LABELS = {
    "resident": QT_TRANSLATE_NOOP("MemberFields", "Resident ID card"),
    "passport": QT_TRANSLATE_NOOP("MemberFields", "Passport"),
}
FLOATING_LABELS = {
    "out": QT_TRANSLATE_NOOP("MemberFields", "Out: working away from this branch"),
    "in": QT_TRANSLATE_NOOP("MemberFields", "In: from another branch, managed here"),
}
assert set(ID_KIND_LABELS) == set(ID_KINDS) and set(FLOATING_LABELS) == set(FLOATING)

#: Fields typed as text, with their longest length.
TEXT_FIELDS = {
    "name": 64,
    "former_names": 200,
    "ethnicity": 32,
    "id_number": 32,
    "nationality": 64,
    "native_place": 100,
    "education": 32,
    "work_unit": 200,
    "post": 100,
    "phone": 32,
    "party_post": 64,
    "formal_unit": 200,
}
DATE_FIELDS = ("birth_date", "applied_date", "joined_date", "full_date", "status_date")


def field_label(field: str) -> str:
    return QCoreApplication.translate(FIELDS_CONTEXT, FIELD_LABELS[field])


def value_label(field: str, value: Any) -> str:
    """A stored value as the officer reads it."""
    if value is None or value == "":
        return ""
    labels = {
        "gender": i18n.GENDERS,
        "category": i18n.CATEGORIES,
        "status": i18n.STATUSES,
    }.get(field)
    if labels is not None:
        return i18n.label(labels, value)
    if field == "id_kind":
        return QCoreApplication.translate(FIELDS_CONTEXT, ID_KIND_LABELS.get(value, value))
    if field == "floating":
        return QCoreApplication.translate(FIELDS_CONTEXT, FLOATING_LABELS.get(value, value))
    if field == "hardship":
        return QCoreApplication.translate("MemberFields", "Yes") if value else ""
    return str(value)


class DateField(QDateEdit):
    """A date that may be left empty ("Not given"); a stored year-and-month date comes
    back unchanged unless the officer changes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(QCoreApplication.translate("MemberDialog", "Not given"))
        self.setDate(NO_DATE)
        self._stored: tuple[QDate, str] | None = None

    def set_value(self, text: str | None) -> None:
        if not text:
            self.setDate(NO_DATE)
            self._stored = None
            return
        parts = [int(p) for p in text.split("-")]
        shown = QDate(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
        self.setDate(shown)
        self._stored = (shown, text)

    def value(self) -> str | None:
        if self.date() == NO_DATE:
            return None
        if self._stored is not None and self._stored[0] == self.date():
            return self._stored[1]
        return str(self.date().toString("yyyy-MM-dd"))


def _choice_box(labels: dict[str, str], context: str, empty: str | None) -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for value, source in labels.items():
        box.addItem(QCoreApplication.translate(context, source), value)
    return box


def _select(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


class MemberDialog(FormDialog):
    """Add a member (no `member`) or edit one: every basic field, in three groups."""

    #: The member's id after a successful save.
    saved = Signal(str)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, member: Record | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self._derived = False
        self._groups_shown = False
        self.setWindowTitle(self.tr("Edit member") if member else self.tr("Add member"))
        self.setMinimumWidth(860)
        not_given = self.tr("Not given")
        self.texts: dict[str, QLineEdit] = {}
        for field, length in TEXT_FIELDS.items():
            edit = QLineEdit()
            edit.setMaxLength(length)
            self.texts[field] = edit
        self.name = self.texts["name"]
        self.id_number = self.texts["id_number"]
        self.id_number.setPlaceholderText(self.tr("18 characters; gender and birth date follow"))
        self.phone = self.texts["phone"]
        self.phone.setPlaceholderText(self.tr("+ and country code for numbers abroad"))
        self.dates = {field: DateField() for field in DATE_FIELDS}
        self.birth_date = self.dates["birth_date"]
        self.gender = _choice_box(i18n.GENDERS, i18n.LABELS, not_given)
        self.id_kind = _choice_box(ID_KIND_LABELS, FIELDS_CONTEXT, None)
        self.category = _choice_box(i18n.CATEGORIES, i18n.LABELS, None)
        self.status = _choice_box(i18n.STATUSES, i18n.LABELS, None)
        self.floating = _choice_box(FLOATING_LABELS, FIELDS_CONTEXT, self.tr("No"))
        self.group = QComboBox()
        self.group.addItem(self.tr("No group"), None)
        self.hardship = QCheckBox(self.tr("The member is in hardship"))
        self.id_feedback = QLabel()
        self.id_feedback.setObjectName("hint")
        self.id_feedback.setWordWrap(True)

        def form(title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
            box = QGroupBox(title)
            layout = QFormLayout(box)
            for field, widget in rows:
                layout.addRow(field_label(field) if field else "", widget)
            return box

        t, d = self.texts, self.dates
        person = form(
            self.tr("Person"),
            [
                ("name", t["name"]),
                ("former_names", t["former_names"]),
                ("id_kind", self.id_kind),
                ("id_number", t["id_number"]),
                ("", self.id_feedback),
                ("nationality", t["nationality"]),
                ("gender", self.gender),
                ("birth_date", d["birth_date"]),
                ("ethnicity", t["ethnicity"]),
                ("native_place", t["native_place"]),
                ("education", t["education"]),
                ("phone", t["phone"]),
            ],
        )
        work = form(
            self.tr("Work"),
            [("work_unit", t["work_unit"]), ("post", t["post"]), ("hardship", self.hardship)],
        )
        party = form(
            self.tr("Party membership"),
            [
                ("category", self.category),
                ("applied_date", d["applied_date"]),
                ("joined_date", d["joined_date"]),
                ("full_date", d["full_date"]),
                ("status", self.status),
                ("status_date", d["status_date"]),
                ("group_id", self.group),
                ("party_post", t["party_post"]),
                ("formal_unit", t["formal_unit"]),
                ("floating", self.floating),
            ],
        )
        t["formal_unit"].setPlaceholderText(self.tr("Leave empty when it is this branch"))
        grid = QGridLayout()
        grid.addWidget(person, 0, 0, 2, 1)
        grid.addWidget(party, 0, 1)
        grid.addWidget(work, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        hint = QLabel(self.tr("Only the name is required. More details can be added later."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

        if member is not None:
            self._fill(member)
        for signal in (
            self.id_number.textChanged,
            self.id_kind.currentIndexChanged,
            self.gender.currentIndexChanged,
            self.birth_date.dateChanged,
            self.texts["nationality"].textChanged,
        ):
            signal.connect(self._check_id)
        self._check_id()
        self.submitted.connect(self.save)
        self.name.textChanged.connect(self._update_ok)
        self._update_ok()
        ctx.ops.query(group_names, self._show_groups, parent=self)

    # --- filling and reading -----------------------------------------------------------

    def _fill(self, member: Record) -> None:
        for field, edit in self.texts.items():
            edit.setText(member.get(field) or "")
        for field, date_field in self.dates.items():
            date_field.set_value(member.get(field))
        _select(self.gender, member.get("gender"))
        _select(self.id_kind, member.get("id_kind") or "resident")
        _select(self.category, member.get("category") or "full")
        _select(self.status, member.get("status") or "normal")
        _select(self.floating, member.get("floating"))
        self.hardship.setChecked(bool(member.get("hardship")))

    def _show_groups(self, groups: dict[str, str]) -> None:
        for group_id, name in groups.items():
            self.group.addItem(name, group_id)
        if self.member is not None:
            _select(self.group, self.member.get("group_id"))
        self._groups_shown = True

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {f: e.text().strip() or None for f, e in self.texts.items()}
        values.update({f: d.value() for f, d in self.dates.items()})
        values.update(
            gender=self.gender.currentData(),
            id_kind=self.id_kind.currentData() if values["id_number"] else None,
            category=self.category.currentData(),
            status=self.status.currentData(),
            floating=self.floating.currentData(),
            group_id=self.group.currentData() if self._groups_shown else None,
            hardship=self.hardship.isChecked(),
        )
        if not self._groups_shown and self.member is not None:
            # Saved before the groups arrived: the member stays in their group.
            values["group_id"] = self.member.get("group_id")
        if self.member is None:
            # A new member: only what was entered (the domain fills the rest).
            return {k: v for k, v in values.items() if v not in (None, "", False)}
        return values

    # --- the ID number as it is typed --------------------------------------------------

    def _check_id(self) -> None:
        number = idnumber.normalize(self.id_number.text())
        kind = self.id_kind.currentData() or "resident"
        self.texts["nationality"].setPlaceholderText(
            self.tr("Needed for a passport") if kind == "passport" else ""
        )
        if not number:
            self._release_derived()
            self.id_feedback.setText("")
            return
        entered_gender = None if self._derived else self.gender.currentData()
        entered_birth = None if self._derived else self.birth_date.value()
        problems = id_problems(
            number, id_kind=kind, gender=entered_gender, birth_date=entered_birth
        )
        if problems:
            self._release_derived()
            self.id_feedback.setText(
                "⚠ " + "; ".join(QCoreApplication.translate("IdNumber", p.value) for p in problems)
            )
            return
        if kind == "passport":
            self._release_derived()
            text = self.tr("Looks like a passport number.")
            if self.texts["nationality"].text().strip():
                self.id_feedback.setText("✓ " + text)
            else:
                self.id_feedback.setText("⚠ " + text + " " + self.tr("Enter the nationality too."))
            return
        # A valid resident number: gender and birth date follow from it.
        born = idnumber.birth_date(number)
        self._derived = True
        for widget in (self.gender, self.birth_date):
            widget.blockSignals(True)
        _select(self.gender, idnumber.gender(number))
        if born is not None:
            self.birth_date.set_value(born.isoformat())
        for widget in (self.gender, self.birth_date):
            widget.blockSignals(False)
            widget.setEnabled(False)
        self.id_feedback.setText(
            "✓ "
            + self.tr("Valid: {gender}, born {date}").format(
                gender=i18n.label(i18n.GENDERS, idnumber.gender(number)),
                date=born.isoformat() if born else "",
            )
        )

    def _release_derived(self) -> None:
        if not self._derived:
            return
        self._derived = False
        for widget in (self.gender, self.birth_date):
            widget.blockSignals(True)
            widget.setEnabled(True)
        self.gender.setCurrentIndex(0)
        self.birth_date.set_value(None)
        for widget in (self.gender, self.birth_date):
            widget.blockSignals(False)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name.text().strip()))

    # --- saving ------------------------------------------------------------------------

    def save(self, allow_duplicate: bool = False) -> None:
        values = self.values()
        member_id: str | None = str(self.member["id"]) if self.member is not None else None

        def write(ws: Workspace) -> str:
            if member_id is None:
                return add_member(ws, values, allow_duplicate=allow_duplicate)
            edit_member(ws, member_id, values, allow_duplicate=allow_duplicate)
            return member_id

        def done(saved_id: str) -> None:
            self.set_waiting(False)
            self.saved.emit(saved_id)
            self.accept()

        def failed(exc: Exception) -> None:
            self.set_waiting(False)
            if isinstance(exc, DuplicateMember):
                if self.confirm_duplicate(exc):
                    self.save(allow_duplicate=True)
            else:
                show_error(self, exc)

        self.set_waiting(True)
        self.ctx.ops.write(write, done, on_error=failed, parent=self)

    def confirm_duplicate(self, exc: DuplicateMember) -> bool:
        lines = [
            f"{m.name} ({m.birth_date or '—'}): "
            + QCoreApplication.translate("Duplicates", m.reason.value)
            for m in exc.matches
        ]
        question = (
            self.tr("Add this member anyway?")
            if self.member is None
            else self.tr("Save the changes anyway?")
        )
        return messages.ask(
            self,
            self.tr("Possible duplicate"),
            self.tr("This may be someone already on the roster:") + "\n" + "\n".join(lines),
            self.tr("If it is a different person, answer Yes.") + " " + question,
        )


#: Adding a member is the same dialog without a member (one class: PySide's tr() takes the
#: runtime class name as its context, so a subclass would need translations of its own).
AddMemberDialog = MemberDialog


class StatusDialog(FormDialog):
    """Change a member's standing from a date, with a note for the history."""

    def __init__(self, ctx: AppContext, member: Record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member = member
        self.setWindowTitle(self.tr("Change status of {name}").format(name=member["name"]))
        self.setMinimumWidth(440)
        current = member.get("status") or "normal"
        self.status = QComboBox()
        for value in STATUSES:
            if value != current:
                self.status.addItem(i18n.label(i18n.STATUSES, value), value)
        self.on = DateField()
        self.on.setDate(QDate.currentDate())
        self.on.setMaximumDate(QDate.currentDate())
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("Why, and who decided (kept in the history)"))
        self.note.setFixedHeight(80)
        form = QFormLayout()
        form.addRow(self.tr("Now"), QLabel(i18n.label(i18n.STATUSES, current)))
        form.addRow(self.tr("New status"), self.status)
        form.addRow(self.tr("From"), self.on)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.submitted.connect(self.save)

    def save(self) -> None:
        member_id, to = self.member["id"], self.status.currentData()
        on = self.on.value() or date.today().isoformat()
        note = self.note.toPlainText()

        def write(ws: Workspace) -> str:
            return change_status(ws, member_id, to, on, note)

        self.write(self.ctx.ops, write)
