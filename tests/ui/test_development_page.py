"""The Development page as an organiser uses it: the cases with what is overdue, the 25
steps of a case with why a step is not allowed yet, recording a step and attaching a scan
through the page, opening a case; the models stay consistent for Qt's model tester."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.store.workspace import Workspace
from desktop.ui.navigation import AppContext
from desktop.ui.operations import Operations
from desktop.ui.pages.development_dialogs import MemberField, OpenCaseDialog, RecordStepDialog
from desktop.ui.pages.development_models import SCANS_COLUMN, STATE_COLUMN
from desktop.ui.pages.development_page import DevelopmentPage
from desktop.ui.qt import QDate


@pytest.fixture
def page(qtbot, ops: Operations, roster_folder: Path, open_workspace) -> DevelopmentPage:
    open_workspace(ops, roster_folder)
    user: list[object] = []
    ops.query(lambda ws: ws.user, user.append)
    qtbot.waitUntil(lambda: bool(user))
    shown = DevelopmentPage(AppContext(ops, user[0], roster_folder))  # type: ignore[arg-type]
    qtbot.addWidget(shown)
    shown.resize(1100, 760)
    shown.show()
    qtbot.waitUntil(lambda: shown.cases.rowCount() > 0 and shown.view is not None, timeout=10_000)
    return shown


def _select(qtbot, page: DevelopmentPage, name: str) -> None:
    row = next(
        r
        for r in range(page.cases.rowCount())
        if page.cases.case(r).name == name  # type: ignore[union-attr]
    )
    page.case_table.selectRow(row)
    qtbot.waitUntil(lambda: page.view is not None and page.view.summary.name == name, timeout=5_000)


def _read(qtbot, ops: Operations, fn: Callable[[Workspace], object]) -> object:
    got: list[object] = []
    ops.query(fn, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=5_000)
    return got[0]


def test_models_pass_the_qt_model_tester(qtbot, qtmodeltester, page: DevelopmentPage) -> None:
    assert page.cases.rowCount() == 12
    qtmodeltester.check(page.cases)
    assert page.steps.rowCount() == 25
    qtmodeltester.check(page.steps)
    page.stage.setCurrentIndex(page.stage.findData(5))
    qtbot.waitUntil(lambda: page.cases.rowCount() == 2, timeout=5_000)
    qtmodeltester.check(page.cases)


def test_overdue_filter_shows_only_cases_with_a_passed_deadline(
    qtbot, page: DevelopmentPage
) -> None:
    page.only.setCurrentIndex(page.only.findData("overdue"))
    qtbot.waitUntil(lambda: page.cases.rowCount() == 4, timeout=5_000)
    names = {page.cases.case(r).name for r in range(4)}  # type: ignore[union-attr]
    assert names == {"黄婷", "郑凯", "马丽", "罗斌"}
    assert page.cases.index(0, 2).data().startswith("Overdue since")


def test_a_step_not_yet_allowed_says_why_and_from_when(qtbot, page: DevelopmentPage) -> None:
    _select(qtbot, page, "何军")
    view = page.view
    assert view is not None
    target = view.steps[6]
    assert target.state == "blocked"
    page.step_table.selectRow(6)
    assert "12 months as an activist" in page.why.text()
    assert str(target.day) in page.why.text()
    assert page.steps.index(6, STATE_COLUMN).data().startswith("Not yet allowed")
    dialog = RecordStepDialog(page.ctx, view, 7, page)
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    assert "earliest allowed date" in dialog.why.text()


def test_recording_a_step_through_the_dialog_updates_the_case(qtbot, page: DevelopmentPage) -> None:
    _select(qtbot, page, "刘洋")
    dialog = page.record_step()
    assert isinstance(dialog, RecordStepDialog)
    assert dialog.chosen_step() == 2  # the next step is offered
    dialog.people.setText("支部书记，组织委员")
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: page.view is not None and page.view.steps[1].state == "done", timeout=10_000
    )
    assert page.view is not None and page.view.summary.next_step == 3
    names = [p["name"] for p in page.view.steps[1].entries[0].entry.people]
    assert names == ["支部书记", "组织委员"]


def test_too_short_a_training_is_refused_and_the_dialog_stays_open(
    qtbot, page: DevelopmentPage, message_boxes
) -> None:
    _select(qtbot, page, "高峰")
    dialog = RecordStepDialog(page.ctx, page.view, 11, page)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.days.setValue(2)
    dialog.hours.setValue(20)
    dialog.open()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert "3 days or 24 class hours" in str(message_boxes.shown[-1])
    assert dialog.isVisible()
    dialog.hours.setValue(24)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)


def test_a_scan_is_attached_to_the_selected_step(
    qtbot, page: DevelopmentPage, tmp_path: Path
) -> None:
    _select(qtbot, page, "林静")
    page.step_table.selectRow(0)
    scan = tmp_path / "入党申请书.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned application")
    page.attach_scan(scan)
    qtbot.waitUntil(lambda: page.steps.index(0, SCANS_COLUMN).data() == "1", timeout=10_000)
    page.step_table.selectRow(0)
    assert "入党申请书.pdf" in page.why.text()


def test_opening_a_case_shows_it(qtbot, page: DevelopmentPage) -> None:
    dialog = OpenCaseDialog(page.ctx, page)
    qtbot.addWidget(dialog)
    dialog.opened.connect(page.select_case)
    dialog.name.setText("赵雨萱")
    dialog.birth_date.setDate(QDate(2000, 3, 1))
    dialog.open()
    dialog.ok_button.click()
    qtbot.waitUntil(
        lambda: page.view is not None and page.view.summary.name == "赵雨萱", timeout=10_000
    )
    assert page.cases.rowCount() == 13
    assert page.view is not None and page.view.steps[0].state == "done"


def test_contacts_are_picked_from_the_full_members_on_the_roster(
    qtbot, page: DevelopmentPage
) -> None:
    full = _read(
        qtbot,
        page.ctx.ops,
        lambda ws: ws.records.query("members", "category = 'full' AND status = 'normal'", limit=1),
    )
    member = full[0]  # type: ignore[index]
    field = MemberField(page.ctx)
    qtbot.addWidget(field)
    field.setText(member["name"])
    field._look_up()
    qtbot.waitUntil(lambda: field.completer().model().rowCount() > 0, timeout=5_000)
    labels = field.completer().model().stringList()  # type: ignore[attr-defined]
    chosen = next(label for label in labels if label.startswith(member["name"]))
    field.setText(chosen)
    person = field.person()
    assert person is not None and person.name == member["name"] and person.member_id
