"""The unlock screen: choose your user, type your password; or recover with the code."""

from __future__ import annotations

import contextlib
import time
from pathlib import Path

from desktop import settings
from desktop.store.errors import LianxinError, UnlockThrottled, WrongPassword
from desktop.store.vault import Vault
from desktop.store.workspace import User, Workspace
from desktop.ui import window_geometry
from desktop.ui.errors import error_text, show_error
from desktop.ui.operations import Operations
from desktop.ui.qt import (
    QCloseEvent,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from desktop.ui.recovery_dialog import RecoveryDialog
from desktop.ui.resources import icon


def _unlock(folder: Path, name: str, password: str) -> tuple[Workspace, User]:
    ws = Workspace.unlock(folder, name, password)
    return ws, ws.user


class UnlockScreen(QWidget):
    unlocked = Signal(object)  # User
    #: The user closed the window instead of unlocking.
    closing = Signal()

    def __init__(self, ops: Operations, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.folder = folder
        self._wait_until = 0.0
        self._waiting = False
        self._locked = False
        self.setObjectName("unlockScreen")
        self.setWindowTitle(self.tr("Lianxin"))
        self.setWindowIcon(icon("lianxin"))
        window_geometry.restore(self)

        logo = QLabel()
        logo.setPixmap(icon("lianxin").pixmap(72, 72))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Lianxin"))
        title.setObjectName("unlockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("The branch's records are locked. Sign in to open them."))
        subtitle.setObjectName("pageSubtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setWordWrap(True)

        self.user_box = QComboBox()
        self.user_box.setObjectName("userBox")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.unlock)
        self.unlock_button = QPushButton(icon("unlock"), self.tr("Unlock"))
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        self.error = QLabel()
        self.error.setObjectName("errorText")
        self.error.setWordWrap(True)
        self.error.hide()
        self.countdown = QLabel()
        self.countdown.setObjectName("hint")
        self.countdown.hide()
        self.forgot = QPushButton(self.tr("Forgot password?"))
        self.forgot.setObjectName("linkButton")
        self.forgot.setFlat(True)
        self.forgot.setCursor(Qt.CursorShape.PointingHandCursor)
        self.forgot.clicked.connect(self.recover)
        folder_label = QLabel(self.tr("Data folder: {folder}").format(folder=folder))
        folder_label.setObjectName("hint")
        folder_label.setWordWrap(True)
        folder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        form = QFormLayout()
        form.addRow(self.tr("User"), self.user_box)
        form.addRow(self.tr("Password"), self.password)
        links = QHBoxLayout()
        links.addWidget(self.forgot)
        links.addStretch(1)
        links.addWidget(self.unlock_button)

        card = QFrame()
        card.setObjectName("unlockCard")
        card.setFixedWidth(440)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(12)
        inner.addWidget(logo)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addSpacing(8)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.countdown)
        inner.addLayout(links)

        # Centred by stretches, not by alignment: an aligned widget gets its size hint,
        # which is too short once the subtitle wraps.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addSpacing(16)
        outer.addWidget(folder_label)
        outer.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.user_box.currentIndexChanged.connect(self._user_changed)
        self.load_users()

    # --- users -------------------------------------------------------------------------

    def load_users(self) -> None:
        """Fill the chooser from the key slots (readable before unlocking: no personal data).
        A message already shown stays."""
        current = self.user_box.currentData() or settings.Settings.machine().get(settings.LAST_USER)
        self.user_box.blockSignals(True)
        self.user_box.clear()
        try:
            slots = Vault.load(self.folder).users()
        except LianxinError as exc:
            slots = []
            self._show_error(exc)
        for slot in sorted(slots, key=lambda s: s.name):
            text = self.tr("{name} (locked)").format(name=slot.name) if slot.locked else slot.name
            self.user_box.addItem(text, slot.name)
        index = self.user_box.findData(current)
        self.user_box.setCurrentIndex(max(0, index))
        self.user_box.blockSignals(False)
        self._update_user_state()

    def _slot_state(self) -> tuple[bool, float]:
        """(locked, seconds to wait) for the chosen user, from the vault file."""
        name = self.user_box.currentData()
        try:
            slot = Vault.load(self.folder).slot_by_name(name) if name else None
        except LianxinError:
            slot = None
        if slot is None:
            return False, 0.0
        return slot.locked, max(0.0, slot.not_before - time.time())

    def _user_changed(self) -> None:
        self.error.hide()
        self._update_user_state()

    def _update_user_state(self) -> None:
        locked, wait = self._slot_state()
        self._locked = locked or not self.user_box.count()
        if locked:
            self._show_text(
                self.tr(
                    "This user is locked after too many wrong passwords. Ask the branch "
                    "secretary to set a new password, or use the recovery code."
                )
            )
        self._start_countdown(wait)
        self._update_inputs()

    # --- unlocking ---------------------------------------------------------------------

    def unlock(self) -> None:
        name = self.user_box.currentData()
        password = self.password.text()
        if not name or not password or not self.unlock_button.isEnabled():
            return
        self.password.clear()
        self.error.hide()
        self._waiting = True
        self._update_inputs()
        folder = self.folder
        self.ops.open(
            lambda: _unlock(folder, name, password),
            self._unlocked,
            on_error=self._failed,
            parent=self,
        )

    def _unlocked(self, user: User) -> None:
        self._waiting = False
        with contextlib.suppress(OSError):
            settings.Settings.machine().set(settings.LAST_USER, user.name)
        self.unlocked.emit(user)

    def _failed(self, exc: Exception) -> None:
        self._waiting = False
        if not isinstance(exc, LianxinError):
            self._update_inputs()
            show_error(self, exc)
            return
        self._show_error(exc)
        if isinstance(exc, WrongPassword | UnlockThrottled):
            self._start_countdown(float(exc.params.get("wait", 0.0)))
        self.load_users()  # the user may be locked now
        self._update_inputs()
        self.password.setFocus()

    def recover(self) -> None:
        dialog = RecoveryDialog(self.ops, self.folder, self.user_box.currentData(), self)
        dialog.recovered.connect(self._unlocked)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # --- feedback ----------------------------------------------------------------------

    def _show_error(self, exc: LianxinError) -> None:
        text = error_text(exc)
        advice = "" if isinstance(exc, WrongPassword | UnlockThrottled) else text.advice
        self._show_text(f"{text.message} {advice}".strip())

    def _show_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _start_countdown(self, seconds: float) -> None:
        self._wait_until = time.monotonic() + seconds if seconds > 0 else 0.0
        if seconds > 0:
            self._timer.start()
        self._tick()

    def _tick(self) -> None:
        left = max(0, round(self._wait_until - time.monotonic()))
        if left <= 0:
            self._timer.stop()
            self.countdown.hide()
        else:
            self.countdown.setText(self.tr("You can try again in %n second(s).", "", left))
            self.countdown.show()
        self._update_inputs()

    def _update_inputs(self) -> None:
        locked = self._locked
        counting = self._timer.isActive()
        ready = not self._waiting and not locked and not counting
        self.unlock_button.setEnabled(ready)
        self.password.setEnabled(not self._waiting and not locked)
        self.user_box.setEnabled(not self._waiting)
        self.forgot.setEnabled(not self._waiting)
        if ready:
            self.password.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        window_geometry.save(self)
        super().closeEvent(event)
        self.closing.emit()
