"""The development page's tables: the cases (loaded whole: a branch has dozens, a
committee some thousands, each a few fields) and the 25 steps of the case shown."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.domain.development import OUTCOMES, ROLES, STAGES, STEPS, Entry, training_of
from desktop.domain.development_due import DUE_KINDS, CaseSummary, StepView
from desktop.store.i18n import QT_TRANSLATE_NOOP
from desktop.ui.errors import error_text
from desktop.ui.qt import (
    QAbstractTableModel,
    QBrush,
    QColor,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

DEVELOPMENT = "Development"
#: The case's id (cases) or the step's number (steps).
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
#: The root of a flat table: its rows have no parent.
ROOT = QModelIndex()

OVERDUE_COLOUR = QColor("#b3261e")
SOON_COLOUR = QColor("#8a5a00")
DONE_COLOUR = QColor("#1e6b35")
MUTED_COLOUR = QColor("#6b6b6b")


def stage_label(stage: int) -> str:
    return QCoreApplication.translate(DEVELOPMENT, STAGES.get(stage, str(stage)))


def step_label(number: int) -> str:
    return QCoreApplication.translate(DEVELOPMENT, STEPS[number].title)


def outcome_label(outcome: str) -> str:
    return QCoreApplication.translate(DEVELOPMENT, OUTCOMES.get(outcome, outcome))


def due_text(kind: str, day: date) -> str:
    return QCoreApplication.translate(DEVELOPMENT, DUE_KINDS[kind]).format(date=day.isoformat())


CASE_HEADERS = (
    QT_TRANSLATE_NOOP("DevelopmentCasesModel", "Name"),
    QT_TRANSLATE_NOOP("DevelopmentCasesModel", "Stage"),
    QT_TRANSLATE_NOOP("DevelopmentCasesModel", "Due"),
)
DUE_COLUMN = 2
CASE_STATES = {
    "open": QT_TRANSLATE_NOOP("DevelopmentCasesModel", "Open"),
    "admitted": QT_TRANSLATE_NOOP("DevelopmentCasesModel", "Probationary member"),
    "converted": QT_TRANSLATE_NOOP("DevelopmentCasesModel", "Converted"),
    "closed": QT_TRANSLATE_NOOP("DevelopmentCasesModel", "Closed"),
}


def case_state_label(state: str) -> str:
    return QCoreApplication.translate("DevelopmentCasesModel", CASE_STATES.get(state, state))


class DevelopmentCasesModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cases: list[CaseSummary] = []

    def set_cases(self, cases: list[CaseSummary]) -> None:
        self.beginResetModel()
        self._cases = list(cases)
        self.endResetModel()

    def case(self, row: int) -> CaseSummary | None:
        return self._cases[row] if 0 <= row < len(self._cases) else None

    def row_of(self, case_id: str) -> int:
        return next((i for i, c in enumerate(self._cases) if c.id == case_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._cases)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(CASE_HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        case = self.case(index.row()) if index.isValid() else None
        if case is None:
            return None
        column = index.column()
        if role == KEY_ROLE:
            return case.id
        if role == Qt.ItemDataRole.ForegroundRole and column == DUE_COLUMN:
            if case.overdue:
                return QBrush(OVERDUE_COLOUR)
            return QBrush(SOON_COLOUR) if case.due_soon else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.next_step_text(case)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return case.name
        if column == 1:
            return stage_label(case.stage)
        due = case.next_due
        if due is None:
            return ""
        if case.overdue:
            return self.tr("Overdue since %1").replace("%1", due.day.isoformat())
        return due.day.isoformat()

    def next_step_text(self, case: CaseSummary) -> str:
        """The next step and every date the case waits for, a line each."""
        if case.next_step is None:
            lines = [case_state_label(case.state)]
        else:
            lines = [
                self.tr("Next step: %1").replace(
                    "%1", f"{case.next_step}. {step_label(case.next_step)}"
                )
            ]
        return "\n".join([*lines, *(due_text(i.kind, i.day) for i in case.items)])

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(CASE_HEADERS)
        ):
            return QCoreApplication.translate("DevelopmentCasesModel", CASE_HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


STEP_HEADERS = (
    QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Step"),
    QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Date"),
    QT_TRANSLATE_NOOP("DevelopmentStepsModel", "State"),
    QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Scans"),
)
STATE_COLUMN, SCANS_COLUMN = 2, 3
STEP_STATES = {
    "done": QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Done"),
    "late": QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Done late"),
    "due": QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Due"),
    "overdue": QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Overdue"),
    "blocked": QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Not yet allowed"),
    "waiting": QT_TRANSLATE_NOOP("DevelopmentStepsModel", "Waiting"),
}
STATE_COLOURS = {
    "done": DONE_COLOUR,
    "late": SOON_COLOUR,
    "overdue": OVERDUE_COLOUR,
    "blocked": SOON_COLOUR,
    "waiting": MUTED_COLOUR,
}


def entry_details(entry: Entry) -> str:
    """The people and outcome of a recorded step, in a line."""
    parts = []
    for person in entry.people:
        role = ROLES.get(str(person.get("role")), "")
        name = str(person.get("name", ""))
        if role and person.get("role") != "participant":
            parts.append(f"{name} ({QCoreApplication.translate(DEVELOPMENT, role)})")
        else:
            parts.append(name)
    if entry.step == 11 and entry.outcome:
        days, hours = training_of(entry)
        parts.append(
            QCoreApplication.translate("Development", "%1 days, %2 class hours")
            .replace("%1", str(days))
            .replace("%2", str(hours))
        )
    elif entry.outcome:
        parts.append(outcome_label(entry.outcome))
    return "; ".join(parts)


class DevelopmentStepsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps: list[StepView] = []

    def set_steps(self, steps: tuple[StepView, ...] | list[StepView]) -> None:
        self.beginResetModel()
        self._steps = list(steps)
        self.endResetModel()

    def step(self, row: int) -> StepView | None:
        return self._steps[row] if 0 <= row < len(self._steps) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._steps)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(STEP_HEADERS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        step = self.step(index.row()) if index.isValid() else None
        if step is None:
            return None
        column = index.column()
        if role == KEY_ROLE:
            return step.number
        if role == Qt.ItemDataRole.ForegroundRole and column == STATE_COLUMN:
            colour = STATE_COLOURS.get(step.state)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(step, column)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return f"{step.number}. {step_label(step.number)}"
        if column == 1:
            days = [v.entry.day.isoformat() for v in step.entries]
            # Reviews repeat: the latest, and how many there were.
            return days[-1] + (f" (×{len(days)})" if len(days) > 1 else "") if days else ""
        if column == STATE_COLUMN:
            return self.state_text(step)
        count = sum(len(v.documents) for v in step.entries)
        return str(count) if count else ""

    def state_text(self, step: StepView) -> str:
        label = QCoreApplication.translate("DevelopmentStepsModel", STEP_STATES[step.state])
        if step.day is None or step.state == "done":
            return label
        if step.state == "blocked":
            return self.tr("%1 (from %2)").replace("%1", label).replace("%2", step.day.isoformat())
        return self.tr("%1 (by %2)").replace("%1", label).replace("%2", step.day.isoformat())

    def _tooltip(self, step: StepView, column: int) -> str | None:
        if column == SCANS_COLUMN:
            names = [d.name for v in step.entries for d in v.documents]
            return "\n".join(names) or None
        return self.details(step) or None

    def details(self, step: StepView) -> str:
        """What the case panel says about a step: each entry's date, people, outcome,
        note and scans, or why it cannot be recorded yet."""
        lines = []
        for view in step.entries:
            entry = view.entry
            parts = [entry.day.isoformat(), entry_details(entry), entry.note or ""]
            lines.append(" · ".join(p for p in parts if p))
            if view.documents:
                names = ", ".join(d.name for d in view.documents)
                lines.append(self.tr("Scans: %1").replace("%1", names))
        if step.reason is not None and step.state in ("blocked", "waiting"):
            text = error_text(step.reason)
            lines.append(f"{text.message} {text.advice}".strip())
        elif not step.entries:
            lines.append(self.state_text(step))
        return "\n".join(lines)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(STEP_HEADERS)
        ):
            return QCoreApplication.translate("DevelopmentStepsModel", STEP_HEADERS[section])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
