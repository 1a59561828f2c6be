"""The settings dialog: language, auto-lock, and which data folder this computer opens."""

from __future__ import annotations

from pathlib import Path

from desktop import settings
from desktop.domain import preferences
from desktop.domain.access import Action, allowed
from desktop.ui.errors import show_error
from desktop.ui.i18n import LANGUAGE_NAMES
from desktop.ui.navigation import AppContext
from desktop.ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        self.portable = settings.Settings.for_data_dir(ctx.data_dir)
        self.machine = settings.Settings.machine()

        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(self.portable.get(settings.LANGUAGE)))
        )
        language_note = self._note(self.tr("The new language applies after Lianxin restarts."))

        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(
            settings.AUTO_LOCK_MINUTES.minimum or 1, settings.AUTO_LOCK_MINUTES.maximum or 240
        )
        self.auto_lock.setValue(self.portable.get(settings.AUTO_LOCK_MINUTES))
        self.auto_lock.setSuffix(self.tr(" min"))
        lock_note = self._note(
            self.tr("When nobody uses the computer for this long, Lianxin locks itself.")
        )

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", language_note)
        form.addRow(self.tr("Lock after"), self.auto_lock)
        form.addRow("", lock_note)

        self.data_dir = QLineEdit(str(ctx.data_dir))
        self.data_dir.setReadOnly(True)
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        may_move = allowed(ctx.user, Action.CHANGE_SETTINGS)
        self.choose_button.setEnabled(may_move)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir, 1)
        folder_row.addWidget(self.choose_button)
        folder_note = self._note(
            self.tr(
                "Lianxin opens this folder the next time it starts. Move the data there "
                "first; an empty folder starts a new setup."
            )
            if may_move
            else self.tr("Only the branch secretary can change the data folder.")
        )
        storage = QGroupBox(self.tr("Data folder"))
        storage_layout = QVBoxLayout(storage)
        storage_layout.addLayout(folder_row)
        storage_layout.addWidget(folder_note)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(storage)
        layout.addStretch(1)
        layout.addWidget(buttons)

    @staticmethod
    def _note(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("hint")
        label.setWordWrap(True)
        return label

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the data folder"), self.data_dir.text()
        )
        if folder:
            self.data_dir.setText(folder)

    def save(self) -> None:
        try:
            preferences.set_language(self.portable, str(self.language.currentData()))
            preferences.set_auto_lock_minutes(self.portable, self.auto_lock.value())
            folder = Path(self.data_dir.text())
            if folder != self.ctx.data_dir:
                preferences.set_data_folder(self.ctx.user, self.machine, folder)
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()
