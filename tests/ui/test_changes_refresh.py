"""One "changes happened" signal refreshes every page that shows what changed."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.members import add_member
from desktop.ui.pages.member_dialog import AddMemberDialog
from desktop.ui.pages.members_page import MembersPage
from desktop.ui.pages.overview_page import OverviewPage


def test_adding_a_member_refreshes_overview_and_status(
    qtbot, roster_folder: Path, controller, sign_in, workspace_template
):
    app = controller(roster_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    overview = window.current_page()
    assert isinstance(overview, OverviewPage)
    card = overview.cards["members"].number
    qtbot.waitUntil(lambda: card.text() == "300", timeout=5_000)
    qtbot.waitUntil(lambda: "项更改尚未发送到总部" in window.status.pending.text())
    pending_before = window.status.pending.text()

    summaries = []
    app.ops.changes_happened.connect(summaries.append)
    app.ops.write(lambda ws: add_member(ws, {"name": "赵新"}))
    qtbot.waitUntil(lambda: card.text() == "301", timeout=5_000)
    assert len(summaries) == 1 and summaries[0].tables == {"members"}
    qtbot.waitUntil(lambda: window.status.pending.text() != pending_before)


def test_add_member_dialog_writes_and_the_table_follows(
    qtbot, data_folder: Path, controller, sign_in, workspace_template, message_boxes
):
    app = controller(data_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    qtbot.waitUntil(lambda: "名册共 0 名党员" in page.count_label.text(), timeout=5_000)
    page.add_button.click()
    dialog = page.findChild(AddMemberDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled(), "a name is required"
    dialog.name.setText("钱学森")
    dialog.id_number.setText("110105199001010010")
    assert not dialog.gender.isEnabled(), "gender follows from the ID number"
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible() or bool(message_boxes.shown), timeout=5_000)
    assert not message_boxes.shown
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.row(0) is not None)
    assert page.model.index(0, 0).data() == "钱学森"
    assert page.model.index(0, 1).data() == "男"
    assert page.model.index(0, 2).data() == "1990-01-01"


def test_an_invalid_id_number_keeps_the_dialog_open(
    qtbot, data_folder: Path, controller, sign_in, workspace_template, message_boxes
):
    app = controller(data_folder)
    window = sign_in(app, workspace_template.admin, workspace_template.password)
    page = window.show_page("members")
    page.add_button.click()
    dialog = page.findChild(AddMemberDialog)
    dialog.name.setText("孙悟空")
    dialog.id_number.setText("110105199001010019")  # wrong check digit
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=5_000)
    text = message_boxes.shown[0].text
    assert "身份证号" in text and "无效" in text
    assert "110105199001010019" not in text, "the number is shown masked"
    assert dialog.isVisible() and dialog.ok_button.isEnabled()
