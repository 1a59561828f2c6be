"""Dialogs of the sync pages: connecting this computer to HQ, and typing the value that
settles a conflict."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.domain.access import Action, require
from desktop.domain.sync_review import Conflict
from desktop.store.schema import ColumnType
from desktop.store.workspace import Workspace
from desktop.sync.enrolment import Enrolled, enroll, read_ca
from desktop.ui.form_dialog import FormDialog
from desktop.ui.pages.sync_models import display_value, field_label, side_text
from desktop.ui.qt import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

#: Asks for a file to open: (parent, title, start folder, filter) -> path or "". Tests
#: replace it, as a file dialog would wait for a person.
ChooseFile = Callable[[QWidget, str, str, str], str]


def open_file_dialog(parent: QWidget, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, start, filters)
    return path


def save_file_dialog(parent: QWidget, title: str, start: str, filters: str) -> str:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, start, filters)
    return path


def connect_to_hq(ws: Workspace, server: str, code: str, ca_path: str | None) -> Enrolled:
    """Enrol on the database thread (it writes the enrolment and re-owns the records);
    the one request to HQ is made from here too, which holds up other reads meanwhile."""
    require(ws.user, Action.CONNECT_HQ)
    return enroll(ws, server.strip(), code, ca_pem=read_ca(ca_path or None))


class EnrolDialog(FormDialog):
    """Server address, one-time code, and (for https) HQ's CA certificate to pin."""

    choose_file: ChooseFile = staticmethod(open_file_dialog)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to HQ"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "HQ gives each computer a one-time enrolment code (valid for 24 hours). After "
                "connecting, this computer's records belong to the unit HQ enrolled it for, "
                "and changes are exchanged with HQ whenever there is a link."
            )
        )
        intro.setWordWrap(True)
        self.server = QLineEdit()
        self.server.setPlaceholderText("https://hq.example.org")
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("as HQ gave it, e.g. ABCD-EFGH-JKLM"))
        self.ca_file = QLineEdit()
        self.ca_file.setReadOnly(True)
        self.ca_file.setPlaceholderText(self.tr("needed for an https:// address"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.browse.clicked.connect(self.choose_ca)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("HQ address"), self.server)
        form.addRow(self.tr("Enrolment code"), self.code)
        form.addRow(self.tr("HQ's certificate"), ca_row)
        hint = QLabel(
            self.tr(
                "The certificate file comes from HQ with the code. Lianxin then trusts only "
                "that certificate for this HQ."
            )
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        self.server.textChanged.connect(self._update_ok)
        self.code.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update_ok()

    def choose_ca(self) -> None:
        path = type(self).choose_file(
            self,
            self.tr("Choose HQ's certificate"),
            self.ca_file.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_file.setText(path)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.server.text().strip() and self.code.text().strip()))


class ConflictEditDialog(FormDialog):
    """Settle a conflict with a value of the officer's own (both values are shown)."""

    def __init__(self, conflict: Conflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setWindowTitle(self.tr("Edit the value"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr("{field} of {record}: enter the value the record should have.").format(
                field=field_label(conflict.field_label), record=conflict.record_name
            )
        )
        intro.setWordWrap(True)
        current = QLabel(
            self.tr("{value}  ({who})").format(
                value=display_value(conflict.col, conflict.current),
                who=side_text(conflict.winner),
            )
        )
        other = QLabel(
            self.tr("{value}  ({who})").format(
                value=display_value(conflict.col, conflict.loser.value),
                who=side_text(conflict.loser),
            )
        )
        for label in (current, other):
            label.setWordWrap(True)
        self.editor: QLineEdit | QComboBox
        if conflict.choices or conflict.column_type == ColumnType.BOOL:
            combo = QComboBox()
            combo.addItem(self.tr("(empty)"), None)
            if conflict.column_type == ColumnType.BOOL:
                combo.addItem(self.tr("Yes"), True)
                combo.addItem(self.tr("No"), False)
            for choice in conflict.choices or ():
                combo.addItem(display_value(conflict.col, choice), choice)
            index = combo.findData(conflict.current)
            combo.setCurrentIndex(max(0, index))
            self.editor = combo
        else:
            line = QLineEdit()
            line.setText("" if conflict.current is None else str(conflict.current))
            if conflict.column_type == ColumnType.DATE:
                line.setPlaceholderText("YYYY-MM-DD")
            self.editor = line
        form = QFormLayout()
        form.addRow(self.tr("Current value"), current)
        form.addRow(self.tr("Overwritten value"), other)
        form.addRow(self.tr("New value"), self.editor)
        hint = QLabel(
            self.tr("The new value is saved as an edit of yours and sent to HQ with the next sync.")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def value(self) -> Any:
        if isinstance(self.editor, QComboBox):
            return self.editor.currentData()
        return self.editor.text()
