"""Dialogs of the development page: open a case, record a step (explaining why a step is
not allowed yet, as the officer picks it and its date), close a case."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.domain.development import (
    STEPS,
    TRAINING,
    Person,
    find_full_members,
    why_blocked,
)
from desktop.domain.development_cases import close_case, open_case, record_step
from desktop.domain.development_due import CaseView
from desktop.domain.org import group_names
from desktop.store.workspace import Workspace
from desktop.ui import i18n
from desktop.ui.errors import error_text
from desktop.ui.form_dialog import FormDialog
from desktop.ui.navigation import AppContext
from desktop.ui.pages.development_models import outcome_label, step_label
from desktop.ui.qt import (
    QComboBox,
    QCompleter,
    QDate,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStringListModel,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

#: The date shown as "not given" in an optional date field.
NO_DATE = QDate(1900, 1, 1)
#: Wait this long after the last keystroke before looking up members.
LOOKUP_DELAY_MS = 200


def _date_edit(day: date | None = None, *, optional: bool = False) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(" ")
        edit.setDate(NO_DATE)
    if day is not None:
        edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == NO_DATE and edit.minimumDate() == NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


class OpenCaseDialog(FormDialog):
    """A new case begins with the written application (step 1)."""

    #: The new case's id, once written.
    opened = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("New development case"))
        self.setMinimumWidth(480)
        self.name = QLineEdit()
        self.name.setMaxLength(64)
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(18)
        self.id_number.setPlaceholderText(self.tr("18 characters; gender and birth date follow"))
        self.gender = QComboBox()
        self.gender.addItem(self.tr("Not given"), None)
        for value in i18n.GENDERS:
            self.gender.addItem(i18n.label(i18n.GENDERS, value), value)
        self.birth_date = _date_edit(optional=True)
        self.ethnicity = QLineEdit()
        self.ethnicity.setMaxLength(32)
        self.education = QLineEdit()
        self.education.setMaxLength(32)
        self.work_unit = QLineEdit()
        self.work_unit.setMaxLength(200)
        self.phone = QLineEdit()
        self.phone.setMaxLength(32)
        self.group = QComboBox()
        self.group.addItem(self.tr("No group"), None)
        self.applied = _date_edit(date.today())
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("ID number"), self.id_number)
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Date of birth"), self.birth_date)
        form.addRow(self.tr("Ethnicity"), self.ethnicity)
        form.addRow(self.tr("Education"), self.education)
        form.addRow(self.tr("Work unit and post"), self.work_unit)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Group"), self.group)
        form.addRow(self.tr("Application received"), self.applied)
        hint = QLabel(
            self.tr(
                "The case starts with the written application. The applicant must be at "
                "least 18 years old then: give the ID number or the date of birth."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update_ok)
        self.submitted.connect(self.save)
        self._update_ok()
        ctx.ops.query(group_names, self._show_groups, parent=self)

    def _show_groups(self, groups: dict[str, str]) -> None:
        for group_id, name in groups.items():
            self.group.addItem(name, group_id)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.name.text().strip()))

    def applicant(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "id_number": self.id_number.text(),
            "gender": self.gender.currentData(),
            "birth_date": _day(self.birth_date),
            "ethnicity": self.ethnicity.text().strip(),
            "education": self.education.text().strip(),
            "work_unit": self.work_unit.text().strip(),
            "phone": self.phone.text().strip(),
            "group_id": self.group.currentData(),
        }

    def save(self) -> None:
        applicant, applied = self.applicant(), _day(self.applied) or date.today()

        def write(ws: Workspace) -> str:
            return open_case(ws, applicant, applied)

        self.write(self.ctx.ops, write, self.opened.emit)


class MemberField(QLineEdit):
    """A full member typed by name (or pinyin, initials) and picked from a list; the pick
    is remembered by id, so two members of the same name stay apart."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ids: dict[str, str] = {}
        self._choices = QStringListModel(self)
        completer = QCompleter(self._choices, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        # The list comes from the roster search (pinyin too): show it as it is.
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self.setPlaceholderText(self.tr("Type a name, pinyin or initials"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self._look_up)
        self.textEdited.connect(lambda _text: self._timer.start())

    def _look_up(self) -> None:
        text = self.text().strip()
        if not text:
            return

        def find(ws: Workspace) -> list[tuple[str, str, str]]:
            return find_full_members(ws, text)

        self.ctx.ops.query(find, self._show, parent=self)

    def _show(self, found: list[tuple[str, str, str]]) -> None:
        names = [name for _id, name, _number in found]
        labels = []
        for member_id, name, number in found:
            label = name if names.count(name) == 1 else f"{name} ({number})"
            self._ids[label] = member_id
            labels.append(label)
        self._choices.setStringList(labels)
        if labels and self.hasFocus():
            self.completer().complete()

    def person(self) -> Person | None:
        text = self.text().strip()
        if not text:
            return None
        member_id = self._ids.get(text)
        return Person(text.split(" (", 1)[0] if member_id else text, member_id)


class RecordStepDialog(FormDialog):
    def __init__(
        self,
        ctx: AppContext,
        view: CaseView,
        step: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = view
        self.setWindowTitle(self.tr("Record a step: %1").replace("%1", view.summary.name))
        self.setMinimumWidth(520)
        self.step = QComboBox()
        for number in STEPS:
            self.step.addItem(f"{number}. {step_label(number)}", number)
        self.day = _date_edit(date.today())
        self.day.setMaximumDate(QDate.currentDate())
        self.people = QLineEdit()
        self.people.setPlaceholderText(self.tr("Names, separated by commas"))
        self.first = MemberField(ctx)
        self.second = MemberField(ctx)
        self.outcome = QComboBox()
        self.days = QSpinBox()
        self.days.setRange(0, 60)
        self.hours = QSpinBox()
        self.hours.setRange(0, 500)
        self.extended_to = _date_edit(date.today())
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(72)
        self.why = QLabel()
        self.why.setObjectName("hint")
        self.why.setWordWrap(True)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Step"), self.step)
        self.form.addRow(self.tr("Date"), self.day)
        self.form.addRow(self.tr("People"), self.people)
        self.form.addRow(self.tr("Full member"), self.first)
        self.form.addRow(self.tr("Second full member"), self.second)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Days of training"), self.days)
        self.form.addRow(self.tr("Class hours"), self.hours)
        self.form.addRow(self.tr("Probation extended to"), self.extended_to)
        self.form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.why)
        layout.addWidget(self.buttons)
        chosen = step or view.summary.next_step or 1
        self.step.setCurrentIndex(max(0, self.step.findData(chosen)))
        self.step.currentIndexChanged.connect(self._step_changed)
        self.day.dateChanged.connect(self._check)
        self.outcome.currentIndexChanged.connect(self._update_fields)
        self.submitted.connect(self.save)
        self._step_changed()

    def chosen_step(self) -> int:
        return int(self.step.currentData())

    def _step_changed(self) -> None:
        number = self.chosen_step()
        definition = STEPS[number]
        self.outcome.clear()
        for outcome in definition.outcomes:
            self.outcome.addItem(outcome_label(outcome), outcome)
        self._update_fields()

    def _update_fields(self) -> None:
        number = self.chosen_step()
        rule = STEPS[number].people
        members = rule.full_members
        self.form.setRowVisible(self.people, not members)
        self.form.setRowVisible(self.first, members)
        self.form.setRowVisible(self.second, members and rule.maximum > 1)
        labels = {
            "contact": (self.tr("Contact"), self.tr("Second contact (optional)")),
            "introducer": (self.tr("Introducer"), self.tr("Second introducer")),
        }.get(rule.role)
        if labels is not None:
            for field, text in zip((self.first, self.second), labels, strict=True):
                label = self.form.labelForField(field)
                if isinstance(label, QLabel):
                    label.setText(text)
        self.form.setRowVisible(self.outcome, bool(STEPS[number].outcomes))
        self.form.setRowVisible(self.days, number == TRAINING)
        self.form.setRowVisible(self.hours, number == TRAINING)
        self.form.setRowVisible(self.extended_to, self.outcome.currentData() == "extended")
        self._check()

    def _check(self) -> None:
        """Say at once why the step cannot be recorded on this date (the domain checks
        again when it is written)."""
        day = _day(self.day) or date.today()
        problem = why_blocked(self.view.file, self.chosen_step(), day)
        if problem is None:
            self.why.setText(self._hint(self.chosen_step()))
        else:
            text = error_text(problem)
            self.why.setText(f"{text.message} {text.advice}".strip())
        self.ok_button.setEnabled(problem is None)

    def _hint(self, number: int) -> str:
        if number == 5:
            return self.tr("One or two full members are assigned as contacts.")
        if number == 9:
            return self.tr("Two full members on the roster are the introducers.")
        if number == TRAINING:
            return self.tr("At least 3 days or 24 class hours.")
        if number == 23:
            return self.tr("The probation may be extended once, by at most one year.")
        return ""

    def save(self) -> None:
        number = self.chosen_step()
        day = _day(self.day) or date.today()
        if STEPS[number].people.full_members:
            people = [p for p in (self.first.person(), self.second.person()) if p is not None]
        else:
            people = [Person(n.strip()) for n in self.people.text().replace("，", ",").split(",")]
        outcome = self.outcome.currentData() if STEPS[number].outcomes else None
        note = self.note.toPlainText()
        days, hours = self.days.value(), self.hours.value()
        extended_to = _day(self.extended_to) if outcome == "extended" else None
        case_id = self.view.summary.id

        def write(ws: Workspace) -> str:
            return record_step(
                ws,
                case_id,
                number,
                day,
                people=people,
                outcome=outcome,
                note=note,
                training_days=days,
                training_hours=hours,
                extended_to=extended_to,
            )

        self.write(self.ctx.ops, write)


class CloseCaseDialog(FormDialog):
    def __init__(
        self, ctx: AppContext, case_id: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.setWindowTitle(self.tr("Close the case of %1").replace("%1", name))
        self.setMinimumWidth(440)
        explain = QLabel(
            self.tr(
                "A closed case takes no more steps; its file and scans are kept. Say why it "
                "ends (application withdrawn, moved to another unit, not admitted)."
            )
        )
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.ok_button.setEnabled(False)
        self.submitted.connect(self.save)

    def save(self) -> None:
        reason, case_id = self.reason.text(), self.case_id

        def write(ws: Workspace) -> None:
            close_case(ws, case_id, reason)

        self.write(self.ctx.ops, write)
