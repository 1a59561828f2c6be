"""Screenshots of the Development page and its dialogs (called from `shoot_main`)."""

from __future__ import annotations

from typing import Protocol

from desktop.ui.main_window import MainWindow
from desktop.ui.operations import Operations
from desktop.ui.pages.development_dialogs import (
    CloseCaseDialog,
    OpenCaseDialog,
    RecordStepDialog,
)
from desktop.ui.pages.development_page import DevelopmentPage
from desktop.ui.qt import QWidget


class Camera(Protocol):
    def window(self, name: str, widget: QWidget) -> None: ...

    def centred(self, name: str, widget: QWidget, behind: QWidget | None = None) -> None: ...


def _select(page: DevelopmentPage, ops: Operations, name: str) -> None:
    from desktop.ui.screenshots import settle  # noqa: PLC0415 - it imports this module

    for row in range(page.cases.rowCount()):
        case = page.cases.case(row)
        if case is not None and case.name == name:
            page.case_table.selectRow(row)
            settle(ops)
            return
    raise RuntimeError(f"the demo has no development case of {name}")


def shoot(camera: Camera, ops: Operations, window: MainWindow) -> None:
    """The pipeline (a probationary member's case, an activist not yet allowed to become a
    target), the overdue filter, and the new-case, record-step and close dialogs."""
    from desktop.ui.screenshots import settle  # noqa: PLC0415 - it imports this module

    page = window.show_page("development")
    assert isinstance(page, DevelopmentPage)
    settle(ops)
    _select(page, ops, "罗斌")
    camera.window("development", window)
    _select(page, ops, "何军")
    page.step_table.selectRow(6)
    camera.window("development-blocked", window)
    assert page.view is not None
    dialog: QWidget = RecordStepDialog(page.ctx, page.view, 7, window)
    camera.centred("development-record-blocked", dialog, behind=window)
    dialog.deleteLater()
    _select(page, ops, "高峰")
    assert page.view is not None
    dialog = RecordStepDialog(page.ctx, page.view, None, window)
    camera.centred("development-record-training", dialog, behind=window)
    dialog.deleteLater()
    _select(page, ops, "梁雪")
    assert page.view is not None
    dialog = RecordStepDialog(page.ctx, page.view, None, window)
    camera.centred("development-record-vote", dialog, behind=window)
    dialog.deleteLater()
    page.only.setCurrentIndex(page.only.findData("overdue"))
    settle(ops)
    camera.window("development-overdue", window)
    page.only.setCurrentIndex(0)
    settle(ops)
    opening = OpenCaseDialog(page.ctx, window)
    settle(ops)
    opening.name.setText("赵雨萱")
    camera.centred("development-new-case", opening, behind=window)
    opening.deleteLater()
    view = page.view
    assert view is not None
    closing = CloseCaseDialog(page.ctx, view.summary.id, view.summary.name, window)
    closing.reason.setText("调回国内单位，转出发展材料")
    camera.centred("development-close", closing, behind=window)
    closing.deleteLater()
