"""Errors reach the user through one function: translated, with advice; bugs go to the log."""

from __future__ import annotations

import logging

from desktop.store.errors import LastSecretary, PermissionDenied, WrongPassword
from desktop.ui.errors import error_text, show_error


def test_core_error_is_translated_with_its_values(language, message_boxes) -> None:
    show_error(None, LastSecretary(user="王芳"))
    shown = message_boxes.shown[-1]
    assert shown.title == "连心"
    assert shown.text == "王芳 是本机上唯一的书记。"
    assert shown.detail == "请先将另一位用户设为书记。"


def test_parameters_that_are_marked_strings_are_translated_too(language) -> None:
    text = error_text(PermissionDenied(role="member", action="manage users of this computer"))
    assert text.message == "您的角色（党员）无权管理本机用户。"


def test_format_specs_survive_translation(language) -> None:
    assert error_text(WrongPassword(failures=3, wait=2.0)).advice == "请等待 2 秒后再试。"
    language("en")
    assert error_text(WrongPassword(failures=3, wait=2.0)).advice == (
        "Wait 2 seconds before the next try."
    )


def test_unexpected_error_shows_no_traceback_but_logs_it(language, message_boxes, caplog) -> None:
    try:
        raise KeyError("internal detail")
    except KeyError as exc:
        with caplog.at_level(logging.ERROR):
            show_error(None, exc)
    shown = message_boxes.shown[-1]
    assert shown.text == "出现了问题。"
    assert "日志" in shown.detail
    assert "internal detail" not in shown.text + shown.detail
    assert "Traceback" in caplog.text or caplog.records[-1].exc_info is not None


def test_next_answer_hook(message_boxes) -> None:
    from desktop.ui import messages

    message_boxes.auto_answer = None
    message_boxes.answer_next(False)
    assert messages.ask(None, "t", "question?") is False
    assert message_boxes.shown[-1].text == "question?"
