"""Message boxes, with a hook so tests answer them instead of a person.

Like KeePassXC's `MessageBox::setNextAnswer`: a test calls `MessageBoxes.answer_next(True)`
(or sets `MessageBoxes.auto_answer`) and the next box is recorded in `MessageBoxes.shown`
instead of being displayed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import ClassVar

from desktop.ui.qt import QMessageBox, QWidget


class Kind(enum.Enum):
    INFORMATION = "information"
    WARNING = "warning"
    QUESTION = "question"


@dataclass(frozen=True)
class ShownMessage:
    kind: Kind
    title: str
    text: str
    detail: str


class MessageBoxes:
    """Test hooks. Production code never touches these."""

    #: Answers for the next boxes, in order (True = OK / Yes).
    next_answers: ClassVar[list[bool]] = []
    #: When not None, every box is answered with this instead of being shown.
    auto_answer: ClassVar[bool | None] = None
    shown: ClassVar[list[ShownMessage]] = []

    @classmethod
    def answer_next(cls, answer: bool) -> None:
        cls.next_answers.append(answer)

    @classmethod
    def reset(cls) -> None:
        cls.next_answers.clear()
        cls.shown.clear()
        cls.auto_answer = None

    @classmethod
    def _hooked(cls, message: ShownMessage) -> bool | None:
        if cls.next_answers:
            cls.shown.append(message)
            return cls.next_answers.pop(0)
        if cls.auto_answer is not None:
            cls.shown.append(message)
            return cls.auto_answer
        return None


def build_box(
    parent: QWidget | None, kind: Kind, title: str, text: str, detail: str = ""
) -> QMessageBox:
    """The box as it would be shown (screenshots render it without running it)."""
    icons = {
        Kind.INFORMATION: QMessageBox.Icon.Information,
        Kind.WARNING: QMessageBox.Icon.Warning,
        Kind.QUESTION: QMessageBox.Icon.Question,
    }
    box = QMessageBox(parent)
    box.setIcon(icons[kind])
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    if kind is Kind.QUESTION:
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
    else:
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def _show(parent: QWidget | None, kind: Kind, title: str, text: str, detail: str) -> bool:
    hooked = MessageBoxes._hooked(ShownMessage(kind, title, text, detail))
    if hooked is not None:
        return hooked
    box = build_box(parent, kind, title, text, detail)
    answer = box.exec()
    box.deleteLater()
    return answer in (QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Yes)


def inform(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    _show(parent, Kind.INFORMATION, title, text, detail)


def warn(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    _show(parent, Kind.WARNING, title, text, detail)


def ask(parent: QWidget | None, title: str, text: str, detail: str = "") -> bool:
    """A yes/no question; No is the default answer."""
    return _show(parent, Kind.QUESTION, title, text, detail)
