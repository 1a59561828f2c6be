"""Screenshots of a member's page, the member edit and status dialogs and the duplicate
report (called from `shoot_main`)."""

from __future__ import annotations

from typing import Protocol

from desktop.domain.duplicates import report as duplicate_report
from desktop.domain.members import add_member
from desktop.store.records import Record
from desktop.store.workspace import Workspace
from desktop.ui.main_window import MainWindow
from desktop.ui.operations import Operations
from desktop.ui.pages.member_detail import MemberDetailDialog
from desktop.ui.pages.member_dialog import AddMemberDialog, MemberDialog, StatusDialog
from desktop.ui.pages.members_page import DuplicatesDialog, MembersPage
from desktop.ui.qt import QWidget


class Camera(Protocol):
    def window(self, name: str, widget: QWidget) -> None: ...

    def centred(self, name: str, widget: QWidget, behind: QWidget | None = None) -> None: ...


def _ask(ops: Operations, fn: object) -> object:
    from desktop.ui.screenshots import settle  # noqa: PLC0415 - it imports this module

    answer: list[object] = []
    ops.query(fn, answer.append)  # type: ignore[arg-type]
    settle(ops)
    return answer[0]


def _archived_member(ws: Workspace) -> Record:
    """A demo member with an overseas posting and a history."""
    entry = ws.records.query("member_entries", "kind = 'work'", limit=1)
    return ws.records.require("members", entry[0]["member_id"])


def _twin(ws: Workspace, member: Record) -> str:
    """A second record of the same person, as a roster import can leave behind."""
    return add_member(
        ws,
        {"name": member["name"], "birth_date": member["birth_date"], "gender": member["gender"]},
        allow_duplicate=True,
    )


def _forget(ws: Workspace, member_id: str) -> None:
    with ws.records.transaction():
        ws.records.delete("members", member_id)


def shoot(camera: Camera, ops: Operations, window: MainWindow) -> None:
    from desktop.ui.screenshots import settle  # noqa: PLC0415 - it imports this module

    page = window.show_page("members")
    assert isinstance(page, MembersPage)
    settle(ops)
    member = _ask(ops, _archived_member)
    assert isinstance(member, dict)
    detail = MemberDetailDialog(window.ctx, member["id"], window)
    settle(ops)
    camera.centred("member-detail", detail, behind=window)
    for tab, name in ((1, "member-detail-history"), (3, "member-detail-work")):
        detail.tabs.setCurrentIndex(tab)
        camera.centred(name, detail, behind=window)
    edit = MemberDialog(window.ctx, detail, member)
    settle(ops)
    camera.centred("member-edit", edit, behind=window)
    edit.deleteLater()
    add = AddMemberDialog(window.ctx, window)
    add.name.setText(member["name"])
    # The last digit mistyped: the dialog names the problem as it is typed.
    last = "0" if member["id_number"][17] != "0" else "1"
    add.id_number.setText(member["id_number"][:17] + last)
    settle(ops)
    camera.centred("member-add-id-problem", add, behind=window)
    add.deleteLater()
    status = StatusDialog(window.ctx, member, detail)
    status.status.setCurrentIndex(status.status.findData("lost_contact"))
    status.note.setPlainText("多次电话联系未接通，已报项目部")
    camera.centred("member-status", status, behind=window)
    status.deleteLater()
    detail.close()
    detail.deleteLater()

    twin: list[object] = []
    ops.write(lambda ws: _twin(ws, member), twin.append)
    settle(ops)
    report = DuplicatesDialog(window)
    ops.query(duplicate_report, report.show_groups)
    settle(ops)
    camera.centred("members-duplicates", report, behind=window)
    report.deleteLater()
    if twin:
        twin_id = str(twin[0])
        ops.write(lambda ws: _forget(ws, twin_id))
        settle(ops)
