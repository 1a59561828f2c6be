"""The one way errors reach the user: translated, in an officer's words, with what to do.

Errors from the core (`LianxinError`) carry an English template and advice marked for
translation; they are translated here, then their `{placeholders}` filled. Anything else
is a bug: the user sees a plain "something went wrong" and the traceback goes to the log,
never to the screen.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from desktop.store.errors import CONTEXT, LianxinError
from desktop.ui import messages
from desktop.ui.i18n import role_label
from desktop.ui.qt import QCoreApplication, QWidget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ErrorText:
    message: str
    advice: str


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


def _params(exc: LianxinError) -> dict[str, Any]:
    """Parameters that are themselves marked strings (a refused action) are translated."""
    out: dict[str, Any] = {}
    for key, value in exc.params.items():
        if key == "role" and isinstance(value, str):
            out[key] = role_label(value)
        elif isinstance(value, str):
            out[key] = _translate(value)
        else:
            out[key] = value
    return out


def error_text(exc: BaseException) -> ErrorText:
    """What to tell the user about `exc`, in the current language."""
    if isinstance(exc, LianxinError):
        params = _params(exc)
        try:
            message = _translate(exc.template).format(**params)
            advice = _translate(exc.advice).format(**params)
        except (KeyError, IndexError, ValueError):
            log.warning("translation of %s does not fit its parameters", type(exc).__name__)
            message, advice = exc.message, exc.advice_text
        return ErrorText(message, advice)
    return ErrorText(
        QCoreApplication.translate("Errors", "Something went wrong."),
        QCoreApplication.translate(
            "Errors", "The details were written to the log file. Please tell your branch secretary."
        ),
    )


def error_title() -> str:
    return QCoreApplication.translate("Errors", "Lianxin")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show `exc` to the user. Unexpected errors are logged with their traceback."""
    if not isinstance(exc, LianxinError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    else:
        log.info("shown to the user: %s", type(exc).__name__)
    text = error_text(exc)
    messages.warn(parent, error_title(), text.message, text.advice)


def install_excepthook() -> None:
    """Errors that escape a slot are shown like every other error, not printed and lost."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if threading.current_thread() is not threading.main_thread():
            log.error("error in a background thread", exc_info=(kind, exc, tb))
            return
        exc.__traceback__ = tb
        show_error(None, exc)

    sys.excepthook = hook
