"""A new password typed twice, with a hint of how strong it is."""

from __future__ import annotations

import enum

from desktop.store.vault import MIN_PASSWORD
from desktop.ui.qt import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QWidget,
    Signal,
)


class Strength(enum.IntEnum):
    TOO_SHORT = 0
    WEAK = 1
    FAIR = 2
    STRONG = 3


def password_strength(password: str) -> Strength:
    """A rough guide for the user, not a gate: the vault's only rule is the minimum length."""
    if len(password) < MIN_PASSWORD:
        return Strength.TOO_SHORT
    classes = sum(
        (
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        )
    )
    distinct = len(set(password))
    if distinct < 4:
        return Strength.WEAK
    score = classes + (len(password) >= 12) + (len(password) >= 16)
    if score >= 4:
        return Strength.STRONG
    if score >= 2:
        return Strength.FAIR
    return Strength.WEAK


class PasswordFields(QWidget):
    """Emits `changed` whenever the fields change; `acceptable` when long enough and repeated.

    Its rows live in `form`: a dialog inserts its own rows above (`form.insertRow(0, …)`)
    so that all labels line up in one column.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, label: str | None = None) -> None:
        super().__init__(parent)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("newPassword")
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setObjectName("repeatPassword")
        self.meter = QProgressBar()
        self.meter.setRange(0, 3)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(label or self.tr("Password"), self.password)
        self.form.addRow(self.tr("Repeat password"), self.repeat)
        self.form.addRow("", self.meter)
        self.form.addRow("", self.hint)
        self.password.textChanged.connect(self._update)
        self.repeat.textChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        return self.password.text()

    @property
    def acceptable(self) -> bool:
        text = self.password.text()
        return len(text) >= MIN_PASSWORD and text == self.repeat.text()

    def clear(self) -> None:
        self.password.clear()
        self.repeat.clear()

    def _update(self) -> None:
        text = self.password.text()
        strength = password_strength(text)
        self.meter.setValue(int(strength))
        self.meter.setProperty("strength", strength.name.lower())
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        if not text:
            hint = self.tr(
                "At least %n characters. A short sentence is easy to remember.", "", MIN_PASSWORD
            )
        elif strength is Strength.TOO_SHORT:
            hint = self.tr("Too short: use at least %n characters.", "", MIN_PASSWORD)
        elif self.repeat.text() and self.repeat.text() != text:
            hint = self.tr("The two passwords are not the same.")
        elif strength is Strength.WEAK:
            hint = self.tr("Weak: make it longer, or mix letters, digits and signs.")
        elif strength is Strength.FAIR:
            hint = self.tr("Fair: a few more characters would make it strong.")
        else:
            hint = self.tr("Strong password.")
        self.hint.setText(hint)
        self.changed.emit()
